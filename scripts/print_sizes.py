#!/usr/bin/env python3
"""Printed text sizes of summary workbooks (issue 17): each workbook is converted to PDF by
LibreOffice (`soffice --headless --convert-to pdf`), then every page's words are measured with
`pdftotext -bbox-layout`; a page's size is its median word height in points. Prints one line
per page (the sheet name comes from the page footer) and exits 1 when a page is under the
floor (6.5 pt by default).

    scripts/print_sizes.py out/*.xlsx [--floor 6.5] [--keep DIR]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile


def pages(pdf):
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    for page in re.findall(r"<page [^>]*>(.*?)</page>", html, re.S):
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page,
        )
        yield [(float(y1) - float(y0), float(y1), w) for _, y0, _, y1, w in words]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workbooks", nargs="+")
    ap.add_argument("--floor", type=float, default=6.5)
    ap.add_argument("--keep", help="folder for the PDFs")
    a = ap.parse_args()
    out = a.keep or tempfile.mkdtemp()
    os.makedirs(out, exist_ok=True)
    worst = None
    for wb in a.workbooks:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", out, wb],
            capture_output=True,
            check=True,
        )
        pdf = os.path.join(out, os.path.splitext(os.path.basename(wb))[0] + ".pdf")
        print(f"{wb}")
        for n, words in enumerate(pages(pdf), 1):
            if not words:
                print(f"  page {n:3}: no text")
                continue
            # The footer is the page's lowest line: "<sheet> ... n / m".
            bottom = max(y for _, y, _ in words)
            footer = " ".join(w for _, y, w in words if abs(y - bottom) < 1.0)
            median = statistics.median(h for h, _, _ in words)
            flag = "" if median >= a.floor else "  UNDER"
            print(f"  page {n:3}: median word height {median:5.2f} pt  ({footer}){flag}")
            worst = median if worst is None else min(worst, median)
    if not a.keep:
        shutil.rmtree(out, ignore_errors=True)
    print(f"smallest page median: {worst:.2f} pt (floor {a.floor})")
    return 0 if worst is not None and worst >= a.floor else 1


if __name__ == "__main__":
    sys.exit(main())
