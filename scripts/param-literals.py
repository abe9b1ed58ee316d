#!/usr/bin/env python3
"""Counts, for every link parameter of the input tables, the non-test source files that write
its name as a string literal (tests and comments left out). The names are read from the
tables themselves (src/inputs/*.rs, `name: "..."`). Prints the names found in more than
`--max` files (default 2) and exits 1 if there is any.

    python3 scripts/param-literals.py [--max N] [--all]
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
maximum = int(sys.argv[sys.argv.index("--max") + 1]) if "--max" in sys.argv else 2
show_all = "--all" in sys.argv

names = set()
for table in (ROOT / "src" / "inputs").glob("*.rs"):
    names.update(re.findall(r'\bname:\s*"([^"]+)"', table.read_text()))
    names.update(re.findall(r'model_input!\(\s*\w+,\s*"([^"]+)"', table.read_text()))
    names.update(re.findall(r'text\("([^"]+)",', table.read_text()))

def production_code(path: Path) -> str:
    text = path.read_text()
    # The test module of a file is at its end.
    cut = re.search(r"^#\[cfg\(test\)\]\s*\n\s*mod tests", text, re.M)
    if cut:
        text = text[: cut.start()]
    return "\n".join(line.split("//")[0] if '"' not in line.split("//")[0][-1:] else line
                     for line in text.splitlines() if not line.lstrip().startswith("//"))

files = [p for p in (ROOT / "src").rglob("*.rs") if not p.name.startswith("tests")]
code = {p: production_code(p) for p in files}
bad = 0
for name in sorted(names):
    literal = f'"{name}"'
    where = sorted(str(p.relative_to(ROOT)) for p, text in code.items() if literal in text)
    if len(where) > maximum or show_all:
        print(f"{name}: {len(where)}: {' '.join(where)}")
    if len(where) > maximum:
        bad += 1
sys.exit(1 if bad else 0)
