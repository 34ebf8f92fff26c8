"""Print the floors of tests/eval/floors.yaml raised to the current scores (never lowered); --write saves them.

Run: python -m tests.eval.floors [--write]   (or `make eval-floors`, `make eval-floors WRITE=1`)
"""

from __future__ import annotations

import sys

import yaml

from tests.eval.support import FLOORS_FILE, FLOORS_HEADER, load_floors, measured, raised, report, sets


def current_floors() -> dict[str, dict[str, float]]:
    old = load_floors() if FLOORS_FILE.is_file() else {}
    new = dict(old)
    for name, eval_set in sets().items():
        if eval_set.present():
            new[name] = raised(old.get(name), measured(report(name)))
        else:
            print(f"# {name}: not found ({eval_set.gold}), floors kept", file=sys.stderr)
    return new


def main(argv: list[str]) -> int:
    text = FLOORS_HEADER + yaml.safe_dump(current_floors(), sort_keys=False, default_flow_style=None, width=120)
    if "--write" in argv:
        FLOORS_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {FLOORS_FILE}", file=sys.stderr)
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
