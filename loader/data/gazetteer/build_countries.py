"""Generate ``countries.yaml`` from pycountry plus a curated table of news usage.

pycountry gives every ISO 3166-1 country and territory with its ISO codes and official
name; the table below adds what news text actually uses: the common name ("Russia", not
"Russian Federation"), short forms ("U.S.", "UK"), demonyms ("Afghan") and capitals or seats
of government used as metonyms ("Moscow", "the Kremlin"). Kosovo is added by hand (XKX,
the code the EU and IMF use), since ISO 3166 has no code for it.

Run from the repository root after editing the table:

    python loader/data/gazetteer/build_countries.py
"""

from __future__ import annotations

from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).with_name("countries.yaml")

# ISO3 | common name | aliases | demonyms | metonyms   (lists separated by ";")
# Forms that would name two countries are left out: "Korea", "Korean", "Congo-" demonyms for
# the Republic of the Congo, "Dominican" for Dominica, "Samoan" for American Samoa, and
# capitals that are also common words or places elsewhere (Male, Victoria, Kingston for
# Norfolk Island). "Congo" alone means the Democratic Republic of the Congo, the one news
# mostly means; the Republic of the Congo keeps its full names and "Congo-Brazzaville".
# "Brussels" is the EU's metonym (see alliances.yaml), not Belgium's.
CURATED = """
AFG|Afghanistan|Islamic Emirate of Afghanistan|Afghan|Kabul
ALB|Albania||Albanian|Tirana
DZA|Algeria||Algerian|Algiers
AND|Andorra||Andorran|Andorra la Vella
AGO|Angola||Angolan|Luanda
ATG|Antigua and Barbuda|Antigua|Antiguan|St. John's
ARG|Argentina||Argentine;Argentinian;Argentinean|Buenos Aires;Casa Rosada
ARM|Armenia||Armenian|Yerevan
AUS|Australia|Commonwealth of Australia|Australian|Canberra
AUT|Austria||Austrian|Vienna
AZE|Azerbaijan||Azerbaijani;Azeri|Baku
BHS|Bahamas|the Bahamas|Bahamian|Nassau
BHR|Bahrain||Bahraini|Manama
BGD|Bangladesh||Bangladeshi|Dhaka
BRB|Barbados||Barbadian;Bajan|Bridgetown
BLR|Belarus|Byelorussia;Belorussia;White Russia|Belarusian;Belarussian;Belorussian;Byelorussian|Minsk
BEL|Belgium||Belgian|
BLZ|Belize||Belizean|Belmopan
BEN|Benin||Beninese|Porto-Novo;Cotonou
BTN|Bhutan||Bhutanese|Thimphu
BOL|Bolivia||Bolivian|La Paz;Sucre
BIH|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina;BiH|Bosnian|Sarajevo
BWA|Botswana||Motswana;Batswana;Botswanan|Gaborone
BRA|Brazil||Brazilian|Brasilia;Planalto
BRN|Brunei|Brunei Darussalam|Bruneian|Bandar Seri Begawan
BGR|Bulgaria||Bulgarian|Sofia
BFA|Burkina Faso|Burkina|Burkinabe|Ouagadougou
BDI|Burundi||Burundian|Gitega;Bujumbura
CPV|Cape Verde|Cabo Verde|Cape Verdean;Cabo Verdean|Praia
KHM|Cambodia|Kampuchea|Cambodian|Phnom Penh
CMR|Cameroon||Cameroonian|Yaounde
CAN|Canada||Canadian|Ottawa
CAF|Central African Republic|CAR|Central African|Bangui
TCD|Chad||Chadian|N'Djamena;Ndjamena
CHL|Chile||Chilean|Santiago
CHN|China|PRC;P.R.C.;Mainland China|Chinese|Beijing;Peking;Zhongnanhai
COL|Colombia||Colombian|Bogota
COM|Comoros|the Comoros|Comorian|Moroni
COG|Republic of the Congo|Congo-Brazzaville;Congo Republic;Republic of Congo||Brazzaville
COD|Democratic Republic of the Congo|DR Congo;DRC;D.R. Congo;Congo;Congo-Kinshasa;Democratic Republic of Congo;DR of Congo;Zaire|Congolese|Kinshasa
CRI|Costa Rica||Costa Rican|San Jose
CIV|Ivory Coast|Côte d'Ivoire;Republic of Côte d'Ivoire|Ivorian|Yamoussoukro;Abidjan
HRV|Croatia||Croatian;Croat|Zagreb
CUB|Cuba||Cuban|Havana
CYP|Cyprus||Cypriot|Nicosia
CZE|Czech Republic|Czechia|Czech|Prague
DNK|Denmark||Danish;Dane|Copenhagen
DJI|Djibouti||Djiboutian|
DMA|Dominica|||Roseau
DOM|Dominican Republic||Dominican|Santo Domingo
ECU|Ecuador||Ecuadorian;Ecuadorean|Quito
EGY|Egypt||Egyptian|Cairo
SLV|El Salvador||Salvadoran;Salvadorean|San Salvador
GNQ|Equatorial Guinea||Equatoguinean;Equatorial Guinean|Malabo
ERI|Eritrea|State of Eritrea|Eritrean|Asmara
EST|Estonia||Estonian|Tallinn
SWZ|Eswatini|Swaziland|Swazi|Mbabane
ETH|Ethiopia||Ethiopian|Addis Ababa
FJI|Fiji||Fijian|Suva
FIN|Finland||Finnish|Helsinki
FRA|France||French|Paris;Elysee;Elysee Palace;Quai d'Orsay
GAB|Gabon||Gabonese|Libreville
GMB|Gambia|the Gambia|Gambian|Banjul
GEO|Georgia||Georgian|Tbilisi
DEU|Germany||German|Berlin
GHA|Ghana||Ghanaian|Accra
GRC|Greece|Hellas|Greek|Athens
GRD|Grenada||Grenadian|St. George's
GTM|Guatemala||Guatemalan|Guatemala City
GIN|Guinea|Guinea-Conakry|Guinean|Conakry
GNB|Guinea-Bissau||Bissau-Guinean|Bissau
GUY|Guyana||Guyanese|Georgetown
HTI|Haiti||Haitian|Port-au-Prince
VAT|Vatican City|Vatican;Holy See;Vatican City State||
HND|Honduras||Honduran|Tegucigalpa
HUN|Hungary||Hungarian|Budapest
ISL|Iceland||Icelandic;Icelander|Reykjavik
IND|India|Bharat|Indian|New Delhi
IDN|Indonesia||Indonesian|Jakarta
IRN|Iran|Persia;Islamic Republic of Iran|Iranian|Tehran;Teheran
IRQ|Iraq||Iraqi|Baghdad
IRL|Ireland|Republic of Ireland;Eire|Irish|Dublin
ISR|Israel||Israeli|Jerusalem;Tel Aviv
ITA|Italy||Italian|Rome;Palazzo Chigi
JAM|Jamaica||Jamaican|Kingston
JPN|Japan||Japanese|Tokyo
JOR|Jordan||Jordanian|Amman
KAZ|Kazakhstan|Kazakstan|Kazakh;Kazakhstani|Astana;Nur-Sultan;Akorda
KEN|Kenya||Kenyan|Nairobi
KIR|Kiribati||I-Kiribati|Tarawa;South Tarawa
PRK|North Korea|DPRK;D.P.R.K.;Democratic People's Republic of Korea|North Korean|Pyongyang
KOR|South Korea|ROK;Republic of Korea|South Korean|Seoul
XKX|Kosovo|Republic of Kosovo|Kosovar;Kosovan|Pristina;Prishtina
KWT|Kuwait|State of Kuwait|Kuwaiti|Kuwait City
KGZ|Kyrgyzstan|Kyrgyz Republic;Kirghizia;Kirgizia|Kyrgyz;Kyrgyzstani;Kirghiz|Bishkek
LAO|Laos|Lao PDR|Laotian|Vientiane
LVA|Latvia||Latvian|Riga
LBN|Lebanon||Lebanese|Beirut
LSO|Lesotho||Basotho;Mosotho|Maseru
LBR|Liberia||Liberian|Monrovia
LBY|Libya||Libyan|Tripoli
LIE|Liechtenstein||Liechtensteiner|Vaduz
LTU|Lithuania||Lithuanian|Vilnius
LUX|Luxembourg||Luxembourgish;Luxembourger|
MDG|Madagascar||Malagasy|Antananarivo
MWI|Malawi||Malawian|Lilongwe
MYS|Malaysia||Malaysian|Kuala Lumpur;Putrajaya
MDV|Maldives|the Maldives|Maldivian|
MLI|Mali||Malian|Bamako
MLT|Malta||Maltese|Valletta
MHL|Marshall Islands|the Marshall Islands|Marshallese|Majuro
MRT|Mauritania||Mauritanian|Nouakchott
MUS|Mauritius||Mauritian|Port Louis
MEX|Mexico||Mexican|Mexico City
FSM|Micronesia|Federated States of Micronesia|Micronesian|Palikir
MDA|Moldova|Moldavia|Moldovan|Chisinau;Kishinev
MCO|Monaco||Monegasque|
MNG|Mongolia||Mongolian|Ulaanbaatar;Ulan Bator
MNE|Montenegro||Montenegrin|Podgorica
MAR|Morocco||Moroccan|Rabat
MOZ|Mozambique||Mozambican|Maputo
MMR|Myanmar|Burma|Burmese|Naypyidaw;Nay Pyi Taw;Naypyitaw
NAM|Namibia||Namibian|Windhoek
NRU|Nauru||Nauruan|Yaren
NPL|Nepal||Nepali;Nepalese|Kathmandu
NLD|Netherlands|the Netherlands;Holland|Dutch|Amsterdam;The Hague
NZL|New Zealand||New Zealander|Wellington
NIC|Nicaragua||Nicaraguan|Managua
NER|Niger|the Niger|Nigerien|Niamey
NGA|Nigeria||Nigerian|Abuja
MKD|North Macedonia|Macedonia;FYROM;Republic of Macedonia|Macedonian;North Macedonian|Skopje
NOR|Norway||Norwegian|Oslo
OMN|Oman|Sultanate of Oman|Omani|Muscat
PAK|Pakistan||Pakistani|Islamabad;Rawalpindi
PLW|Palau||Palauan|Ngerulmud
PSE|Palestine|State of Palestine;Palestinian territories;occupied Palestinian territories|Palestinian|Ramallah
PAN|Panama||Panamanian|Panama City
PNG|Papua New Guinea|PNG|Papua New Guinean|Port Moresby
PRY|Paraguay||Paraguayan|Asuncion
PER|Peru||Peruvian|Lima
PHL|Philippines|the Philippines|Filipino;Philippine|Manila;Malacanang
POL|Poland||Polish|Warsaw
PRT|Portugal||Portuguese|Lisbon
QAT|Qatar|State of Qatar|Qatari|Doha
ROU|Romania|Rumania|Romanian|Bucharest
RUS|Russia|Russian Federation|Russian|Moscow;the Kremlin
RWA|Rwanda||Rwandan|Kigali
KNA|Saint Kitts and Nevis|St Kitts and Nevis;St. Kitts and Nevis|Kittitian|Basseterre
LCA|Saint Lucia|St Lucia;St. Lucia|Saint Lucian|Castries
VCT|Saint Vincent and the Grenadines|St Vincent and the Grenadines;St. Vincent and the Grenadines|Vincentian|Kingstown
WSM|Samoa||Samoan|Apia
SMR|San Marino||Sammarinese|
STP|Sao Tome and Principe|São Tomé and Príncipe|Santomean|Sao Tome
SAU|Saudi Arabia|KSA;Kingdom of Saudi Arabia|Saudi;Saudi Arabian|Riyadh
SEN|Senegal||Senegalese|Dakar
SRB|Serbia||Serbian;Serb|Belgrade
SYC|Seychelles|the Seychelles|Seychellois|
SLE|Sierra Leone||Sierra Leonean|Freetown
SGP|Singapore||Singaporean|
SVK|Slovakia|Slovak Republic|Slovak|Bratislava
SVN|Slovenia||Slovenian;Slovene|Ljubljana
SLB|Solomon Islands|the Solomon Islands;Solomons|Solomon Islander|Honiara
SOM|Somalia||Somali|Mogadishu;Villa Somalia
ZAF|South Africa|RSA|South African|Pretoria;Union Buildings
SSD|South Sudan||South Sudanese|Juba
ESP|Spain||Spanish;Spaniard|Madrid;Moncloa
LKA|Sri Lanka|Ceylon|Sri Lankan|Colombo;Sri Jayawardenepura Kotte
SDN|Sudan|the Sudan|Sudanese|Khartoum
SUR|Suriname|Surinam|Surinamese|Paramaribo
SWE|Sweden||Swedish|Stockholm
CHE|Switzerland|Swiss Confederation|Swiss|Bern;Berne
SYR|Syria|Syrian Arab Republic|Syrian|Damascus
TWN|Taiwan|Republic of China;ROC;Chinese Taipei|Taiwanese|Taipei
TJK|Tajikistan|Tadjikistan|Tajik;Tajikistani;Tadjik|Dushanbe
TZA|Tanzania||Tanzanian|Dodoma;Dar es Salaam
THA|Thailand|Siam|Thai|Bangkok
TLS|East Timor|Timor-Leste;Timor Leste|Timorese;East Timorese|Dili
TGO|Togo||Togolese|Lome
TON|Tonga||Tongan|Nuku'alofa
TTO|Trinidad and Tobago|Trinidad|Trinidadian;Tobagonian|Port of Spain
TUN|Tunisia||Tunisian|Tunis
TUR|Turkey|Türkiye;Republic of Türkiye;Republic of Turkey|Turkish|Ankara
TKM|Turkmenistan||Turkmen|Ashgabat
TUV|Tuvalu||Tuvaluan|Funafuti
UGA|Uganda||Ugandan|Kampala
UKR|Ukraine|the Ukraine|Ukrainian|Kyiv;Kiev;Bankova
ARE|United Arab Emirates|UAE;U.A.E.;the Emirates|Emirati|Abu Dhabi
GBR|United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|British;Briton|London;Downing Street;Number 10;No 10;Whitehall
USA|United States|U.S.;US;USA;U.S.A.;America;United States of America|American|Washington;Washington DC;Washington D.C.;the White House;the Pentagon
URY|Uruguay||Uruguayan|Montevideo
UZB|Uzbekistan||Uzbek;Uzbekistani|Tashkent
VUT|Vanuatu||Ni-Vanuatu|Port Vila
VEN|Venezuela||Venezuelan|Caracas;Miraflores
VNM|Vietnam|Viet Nam|Vietnamese|Hanoi
YEM|Yemen||Yemeni|Sanaa;Sana'a
ZMB|Zambia||Zambian|Lusaka
ZWE|Zimbabwe||Zimbabwean|Harare
HKG|Hong Kong|Hong Kong SAR|Hong Konger;Hongkonger|
MAC|Macau|Macao;Macau SAR|Macanese|
GRL|Greenland||Greenlandic;Greenlander|Nuuk
PRI|Puerto Rico||Puerto Rican|San Juan
ESH|Western Sahara||Sahrawi|Laayoune
FLK|Falkland Islands|Falklands;the Falklands;Malvinas;Islas Malvinas|Falkland Islander|Stanley
FRO|Faroe Islands|Faroes;the Faroes;Faeroe Islands|Faroese|Torshavn
GIB|Gibraltar||Gibraltarian|
GUM|Guam||Guamanian|Hagatna
BMU|Bermuda||Bermudian|Hamilton
NCL|New Caledonia||New Caledonian|Noumea
PYF|French Polynesia|Tahiti|French Polynesian|Papeete
ASM|American Samoa|||Pago Pago
VGB|British Virgin Islands|||Road Town
VIR|U.S. Virgin Islands|US Virgin Islands;United States Virgin Islands|||
CYM|Cayman Islands|the Cayman Islands;Caymans|Caymanian|George Town
TCA|Turks and Caicos Islands|Turks and Caicos||
CUW|Curaçao||Curaçaoan|Willemstad
ABW|Aruba||Aruban|Oranjestad
IMN|Isle of Man||Manx|Douglas
JEY|Jersey|||
GGY|Guernsey|||
ALA|Åland Islands|Åland;Aland||Mariehamn
ATA|Antarctica|the Antarctic||
REU|Réunion|Reunion||
MYT|Mayotte||Mahoran|
SHN|Saint Helena, Ascension and Tristan da Cunha|Saint Helena;St Helena||
SXM|Sint Maarten|||
MAF|Saint Martin|||
MNP|Northern Mariana Islands|Northern Marianas;the Northern Mariana Islands||Saipan
"""

# pycountry names that would clash with another country's forms or read badly in news.
DROP_PYCOUNTRY = {"Congo", "Virgin Islands, U.S.", "Virgin Islands, British"}

EXTRA = [
    # ISO 3166 has no code for Kosovo; XK/XKX is the user-assigned code the EU and IMF use.
    {"alpha_2": "XK", "alpha_3": "XKX", "name": "Kosovo", "official_name": "Republic of Kosovo"},
]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _clean(name: str | None) -> str | None:
    if not name:
        return None
    if name.startswith("the "):
        name = name[4:]
    return name


def build() -> list[dict[str, object]]:
    curated: dict[str, list[str]] = {}
    for line in CURATED.strip().splitlines():
        cells = (line.split("|") + ["", "", "", ""])[:5]
        curated[cells[0]] = cells
    records = [
        {
            "alpha_2": c.alpha_2,
            "alpha_3": c.alpha_3,
            "name": c.name,
            "official_name": getattr(c, "official_name", None),
            "common_name": getattr(c, "common_name", None),
        }
        for c in pycountry.countries
    ] + EXTRA
    out = []
    for rec in records:
        iso3 = str(rec["alpha_3"])
        cells = curated.get(iso3, [iso3, "", "", "", ""])
        name = cells[1] or str(rec.get("common_name") or rec["name"])
        aliases = _split(cells[2])
        for key in ("name", "official_name", "common_name"):
            value = _clean(rec.get(key))  # type: ignore[arg-type]
            # Inverted ISO names ("Korea, Republic of") never appear in prose.
            if value and value not in DROP_PYCOUNTRY and ", " not in value and "(" not in value:
                aliases.append(value)
        aliases = [a for a in dict.fromkeys(aliases) if a != name]
        entry: dict[str, object] = {"id": f"country:{iso3}", "name": name}
        if aliases:
            entry["aliases"] = aliases
        if cells[3].strip():
            entry["demonyms"] = _split(cells[3])
        if cells[4].strip():
            entry["metonyms"] = _split(cells[4])
        entry["iso2"] = rec["alpha_2"]
        entry["iso3"] = iso3
        out.append(entry)
    unknown = set(curated) - {str(r["alpha_3"]) for r in records}
    if unknown:
        raise SystemExit(f"curated rows for unknown ISO3 codes: {sorted(unknown)}")
    return sorted(out, key=lambda e: str(e["id"]))


def main() -> None:
    header = (
        "# Generated by build_countries.py from pycountry and its curated table; edit the\n"
        "# table there and rerun rather than editing this file.\n"
    )
    body = yaml.safe_dump(
        {"kind": "Country", "entries": build()}, allow_unicode=True, sort_keys=False, width=100
    )
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
