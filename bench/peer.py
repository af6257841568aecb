"""The pandas peer of issue 8: costs vs budget. python3 bench/peer.py LEDGER.xlsx OUT.xlsx"""
import re
import sys
from decimal import Decimal

import pandas as pd

MULT = {"万": Decimal(10000), "亿": Decimal(100000000)}


def amount(v):
    if isinstance(v, (int, float)):
        return Decimal(str(v))
    s = str(v).strip().replace(",", "").replace("¥", "")
    neg = s.startswith("(") and s.endswith(")")
    s = s.strip("()")
    m = Decimal(1)
    if s and s[-1] in MULT:
        m, s = MULT[s[-1]], s[:-1]
    d = Decimal(s) * m
    return -d if neg else d


ledger = pd.read_excel(sys.argv[1], sheet_name="成本支出明细", engine="calamine")
budget = pd.read_excel(sys.argv[1], sheet_name="预算", engine="calamine")
ledger["amt"] = ledger["金额"].map(amount)
spent = ledger.groupby("费用科目")["amt"].sum()
out = budget.set_index("费用科目").join(spent.rename("已支出"), how="outer")
out["已支出"] = out["已支出"].astype(float)
out["剩余"] = out["预算金额"] - out["已支出"]
out["已用比例"] = out["已支出"] / out["预算金额"]
with pd.ExcelWriter(sys.argv[2], engine="xlsxwriter") as w:
    out.to_excel(w, sheet_name="成本预算")
    ledger.drop(columns=["amt"]).to_excel(w, sheet_name="明细", index=False)
