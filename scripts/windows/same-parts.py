#!/usr/bin/env python3
"""Compares two .xlsx files part by part (the zip members: every sheet's XML, styles,
shared strings, charts, document properties). Prints the parts that differ and exits 1
if any does; a sheet's cell values can only be equal when its XML is."""
import sys
import zipfile


def parts(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def main(a, b):
    pa, pb = parts(a), parts(b)
    differ = sorted(n for n in pa.keys() | pb.keys() if pa.get(n) != pb.get(n))
    sheets = sum(1 for n in pa if n.startswith("xl/worksheets/sheet"))
    for name in differ:
        print(f"differs: {name}", file=sys.stderr)
    if differ:
        return 1
    print(f"{len(pa)} parts equal ({sheets} sheets): {a} = {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
