#!/usr/bin/env python3
"""The plan of each statement in a trace of libvd-sql-trace.so, slowest first.

    python3 bench/query-plans.py TRACE WORKSPACE/workspace.sqlite [TOP=20]

Statements that differ only in their values are one shape; each shape is shown
once, by its slowest run, with SQLite's EXPLAIN QUERY PLAN for it (the sqlite3
shell, read-only).
"""
import re
import subprocess
import sys

trace, database = sys.argv[1], sys.argv[2]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 20
entries = re.findall(r'^=== ([0-9.]+) ms\n(.*?)(?=^=== |^--- start|\Z)', open(trace, encoding='utf-8').read(),
                     re.M | re.S)
slowest = {}
for ms, sql in entries:
    sql = sql.strip()
    shape = re.sub(r"\b\d+\b", "N", re.sub(r"'(?:[^']|'')*'", "?", sql))
    if shape not in slowest or float(ms) > slowest[shape][0]:
        slowest[shape] = (float(ms), sql)
for ms, sql in sorted(slowest.values(), reverse=True)[:top]:
    print(f"### {ms:.1f} ms\n\n```\n{sql}\n")
    plan = subprocess.run(['sqlite3', '-readonly', database, 'EXPLAIN QUERY PLAN ' + sql],
                          capture_output=True, text=True)
    print(plan.stdout + plan.stderr + "```\n")
