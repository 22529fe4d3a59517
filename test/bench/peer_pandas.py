"""The script a consultant would write instead of dualscreen: the peer the benchmark compares with.

read_csv, an `isin` on the reference HS codes, one keyword regex, a country test and an end-use
test. Usage: python3 peer_pandas.py MANIFEST.csv RULES.json (reference codes and keywords as
exported by run.js). Prints one JSON line: rows, flagged, seconds.
"""
import json
import re
import sys
import time

import pandas as pd

started = time.perf_counter()
manifest, rules_file = sys.argv[1], sys.argv[2]
with open(rules_file, encoding="utf-8") as f:
    rules = json.load(f)
ref10 = {c for c in rules["hs"] if len(c) == 10}
ref8 = {c for c in rules["hs"] if len(c) == 8}
keywords = re.compile("|".join(re.escape(k) for k in sorted(rules["keywords"], key=len, reverse=True)), re.IGNORECASE)

df = pd.read_csv(manifest, dtype=str, keep_default_na=False)
hs = df["HS Code"].str.replace(r"\D", "", regex=True)
controlled = hs.isin(ref10) | hs.str[:8].isin(ref8) | df["Description"].str.contains(keywords, na=False)
japan = df["Destination"].str.strip().str.lower().isin(["japan", "jp", "jpn", "日本"])
military = df["End Use"].str.contains(r"military|defen[cs]e|weapon|missile|军|軍|防衛", case=False, regex=True, na=False)
flagged = df[controlled]
prohibited = flagged[japan & military]
flagged.to_json("/dev/null", orient="records", force_ascii=False)
print(json.dumps({"rows": len(df), "flagged": int(controlled.sum()), "prohibited": len(prohibited), "seconds": time.perf_counter() - started}))
