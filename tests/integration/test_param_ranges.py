"""Numbers out of Neo4j's range are refused at the edge, in one line, on every way in: the console's JSON
parameters, `geokg query -p`, the query page's form and its .json/.csv routes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from geokg.console import parse_params, run_readonly
from geokg.errors import InputError
from geokg.graphdb import Graph
from geokg.queries import coerce_value, load_library
from geokg.query_cli import console_command, query_command
from geokg.settings import Settings
from tests import query_data
from tests.conftest import clear

HUGE = ["99999999999999999999", "9223372036854775808", "-9223372036854775809", "1" * 5000]


@pytest.fixture(scope="module")
def loaded(graph: Graph) -> Iterator[Graph]:
    clear(graph)
    query_data.build(graph)
    yield graph


@pytest.mark.parametrize("text", HUGE)
def test_int_parameter_out_of_64_bits(text: str) -> None:
    param = load_library().get("latest_claims_about_actor").param("limit")
    assert param is not None
    with pytest.raises(InputError, match=r"expects an integer between -9,223,372,036,854,775,808 and") as info:
        coerce_value("latest_claims_about_actor", param, text)
    assert "\n" not in str(info.value) and "set_int_max_str_digits" not in str(info.value)
    assert coerce_value("latest_claims_about_actor", param, "9223372036854775807") == 2**63 - 1


@pytest.mark.parametrize("value", [1e300, 1e19, float("inf")])
def test_float_given_for_an_int(value: float) -> None:
    param = load_library().get("latest_claims_about_actor").param("limit")
    assert param is not None
    with pytest.raises(InputError):
        coerce_value("latest_claims_about_actor", param, value)


def test_console_json_parameters() -> None:
    with pytest.raises(InputError, match=r"parameter x is out of range"):
        parse_params('{"x": 99999999999999999999}')
    with pytest.raises(InputError, match=r"parameter x\[1\]\.y is out of range"):
        parse_params('{"x": [1, {"y": -99999999999999999999}]}')
    with pytest.raises(InputError, match="too long to read") as info:
        parse_params('{"x": ' + "9" * 5000 + "}")
    assert "set_int_max_str_digits" not in str(info.value)
    with pytest.raises(InputError, match="finite"):
        parse_params('{"x": Infinity}')
    assert parse_params('{"x": 1e20}') == {"x": 1e20}


def test_cli_refuses_in_one_line(loaded: Graph) -> None:
    runner = CliRunner()
    out = runner.invoke(query_command, ["latest_claims_about_actor", "-p", "limit=99999999999999999999"])
    assert out.exit_code == 1 and "Traceback" not in out.output
    assert [line for line in out.output.splitlines() if line.strip()] == [out.output.strip()]
    assert "64 bits" in out.output
    out = runner.invoke(console_command, ["RETURN $x AS x", "--params", '{"x": 99999999999999999999}'])
    assert out.exit_code == 2 and "out of range" in out.output and "Traceback" not in out.output
    assert run_readonly(loaded, "RETURN $x AS x", {"x": 2**63 - 1}).rows == [{"x": 2**63 - 1}]
    with pytest.raises(InputError, match="out of range"):
        run_readonly(loaded, "RETURN $x AS x", {"x": 2**63})


@pytest.fixture(scope="module")
def client(loaded: Graph) -> Any:
    from dashboard.app import create_app

    return create_app(Settings(), loaded).server.test_client()


@pytest.mark.parametrize("value", ["99999999999999999999", "1e300", "1" * 5000])
def test_routes_answer_400_in_one_line(client: Any, value: str) -> None:
    for fmt in ("json", "csv"):
        response = client.get(f"/queries/latest_claims_about_actor.{fmt}?limit={value}")
        assert response.status_code == 400, response.data[:200]
        assert b"Traceback" not in response.data


@pytest.mark.parametrize("value", ["1e300", "99999999999999999999"])
def test_query_page_form_shows_one_line(value: str) -> None:
    from dashboard.pages import queries as page
    from dashboard.pages import query_ids as ids

    tree = page.layout("/queries/latest_claims_about_actor", f"?limit={value}")
    message = next(n for n in tree._traverse() if getattr(n, "id", None) == ids.result(ids.QUERY_PANEL, "message"))
    assert "expects an integer" in str(message.children) and "Unexpected error" not in str(message.children)
