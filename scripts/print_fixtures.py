#!/usr/bin/env python3
"""Team workbooks for the print check of issue 17, made with openpyxl as a team's own file
would be: a 60-task plan over 90 days (goal, 4 stages, owners, budget, weekly rows, costs,
risks, some "needs support"), as of week 1 and week 2 (progress moved, a due date moved, a
task finished), so that `report` on the second writes a Changes sheet.

    scripts/print_fixtures.py OUT_DIR
"""
import datetime as dt
import os
import random
import sys

from openpyxl import Workbook

START = dt.date(2026, 9, 1)
DAYS = 90
STAGES = ["线上直播", "内容种草", "线下门店", "私域会员"]
OWNERS = ["王主管", "李运营", "张策划", "刘设计师", "陈店长", "赵经理", "周专员"]
CATEGORIES = [("直播推广费", 300000), ("内容投放", 200000), ("物料制作", 80000), ("门店活动", 150000)]


def plan_rows(week):
    rng = random.Random(7)
    rows = []
    for i in range(60):
        stage = STAGES[i % 4]
        start = START + dt.timedelta(days=rng.randrange(0, DAYS - 20))
        length = rng.choice([0, 3, 5, 7, 10, 14, 21])
        due = start + dt.timedelta(days=length)
        as_of = START + dt.timedelta(days=30 + 7 * week)
        elapsed = max(0.0, min(1.0, (as_of - start).days / max(1, length)))
        progress = round(min(1.0, elapsed * rng.choice([0.6, 0.9, 1.0, 1.1])), 2)
        if week == 1 and i % 9 == 0:
            progress = min(1.0, progress + 0.2)
        if week == 1 and i == 5:
            due += dt.timedelta(days=4)
        rows.append(
            [
                f"{i // 15 + 1}.{i % 15 + 1}",
                "秋季大促销售额2000万" if i == 0 else None,
                f"{stage}{500 if i % 4 == 0 else 500}万" if i % 15 == 0 or i < 4 else None,
                f"{stage}任务{i + 1:02d}：{'直播排期' if i % 3 == 0 else '达人内容' if i % 3 == 1 else '物料准备'}",
                OWNERS[i % len(OWNERS)],
                start,
                due,
                "里程碑确认" if length == 0 else "按计划交付",
                f"预算{rng.choice([1, 2, 3, 5])}万",
                250000 if i < 40 else None,
                round(250000 * progress * 0.9) if i < 40 else None,
                progress,
                "已完成" if progress >= 1 else "进行中",
                "需品牌部确认脚本" if i % 17 == 3 else None,
            ]
        )
    return rows


def workbook(path, week):
    wb = Workbook()
    ws = wb.active
    ws.title = "目标拆解与责任分配"
    ws.append(["编号", "总目标", "阶段目标", "具体任务", "负责人", "开始时间", "完成时间",
               "交付标准", "关联资源", "目标值", "实际值", "完成度", "状态", "需要支持"])
    for r in plan_rows(week):
        ws.append(r)
    for row in ws.iter_rows(min_row=2, min_col=6, max_col=7):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    wk = wb.create_sheet("周度进度跟踪")
    wk.append(["周次", "任务名称", "本周计划", "实际完成", "进度偏差", "偏差原因分析", "解决措施", "责任人"])
    for w in range(week + 4):
        for i in range(0, 60, 6):
            wk.append([START + dt.timedelta(days=7 * w), f"{STAGES[i % 4]}任务{i + 1:02d}：{'直播排期' if i % 3 == 0 else '达人内容' if i % 3 == 1 else '物料准备'}",
                       10, 8 if i % 4 else 10, None, "审核延迟" if i % 4 else None, "加派人手" if i % 4 else None, OWNERS[i % 7]])
    costs = wb.create_sheet("成本支出明细")
    costs.append(["日期", "费用科目", "事项", "金额", "经办人"])
    rng = random.Random(3)
    for d in range(0, 30 + 7 * week):
        cat = CATEGORIES[d % 4][0]
        costs.append([START + dt.timedelta(days=d), cat, "投放", rng.randrange(2000, 9000), OWNERS[d % 7]])
    budget = wb.create_sheet("预算分配")
    budget.append(["费用科目", "预算金额", "负责人"])
    for cat, amount in CATEGORIES:
        budget.append([cat, amount, "赵经理"])
    risks = wb.create_sheet("风险预案")
    risks.append(["风险", "可能性", "影响", "应对措施", "负责人", "状态"])
    risks.append(["主播临时取消", "中", "高", "备用主播两名", "王主管", "未发生"])
    risks.append(["物料延期", "高", "高", "启用备用供应商", "刘设计师", "已发生"])
    wb.save(path)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for week in (0, 1):
        workbook(os.path.join(out, f"autumn-week{week + 1}.xlsx"), week)


if __name__ == "__main__":
    main()
