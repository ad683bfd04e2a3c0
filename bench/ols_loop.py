#!/usr/bin/python3
"""The peer most people would write for a folder of sellers: ONE Python process looping over
the files with statsmodels OLS -- the logic of /work/shared/peers/peer_ols.py (y ~ trend +
day-of-week dummies on the baseline, OLS prediction intervals over the incident window, the
total's interval analytic with the t distribution), for both orders and revenue like loss-calc.
A day without a row is unknown (left out of the fit and of both incident totals).

  /usr/bin/python3 bench/ols_loop.py DIR --baseline-start D --baseline-end D \
      --incident-start D --incident-end D [--limit N] [--level 0.95]

Prints one JSON object: sellers, failed, seconds (the loop, after imports), per_seller.
Run with Debian's /usr/bin/python3 (statsmodels; see /work/shared/peers/install.sh)."""
import argparse
import glob
import json
import os
import time

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

p = argparse.ArgumentParser()
p.add_argument("folder")
for name in ("--baseline-start", "--baseline-end", "--incident-start", "--incident-end"):
    p.add_argument(name, required=True, type=pd.Timestamp)
p.add_argument("--level", type=float, default=0.95)
p.add_argument("--limit", type=int, default=0)
a = p.parse_args()


def design(index):
    X = pd.DataFrame({"trend": (index - a.baseline_start).days.astype(float)}, index=index)
    for d in range(1, 7):  # Monday (0) is the reference day
        X[f"dow_{d}"] = index.dayofweek == d
    return sm.add_constant(X.astype(float), has_constant="add")


def estimate(s):
    """(loss, lower, upper) of one metric's incident total, as peer_ols.py computes it."""
    s = s.reindex(pd.date_range(a.baseline_start, a.incident_end, freq="D"))
    y = s[a.baseline_start:a.baseline_end].dropna()
    inc = s[a.incident_start:a.incident_end]
    X = design(y.index)
    res = sm.OLS(y.to_numpy(), X).fit()
    Xf = design(inc.index)[X.columns]
    pred = res.get_prediction(Xf).summary_frame(alpha=1 - a.level)
    seen = ~np.isnan(inc.to_numpy())
    w = Xf.to_numpy()[seen].sum(axis=0)
    var_total = w @ res.cov_params().to_numpy() @ w + seen.sum() * res.scale
    half = stats.t.ppf(0.5 + a.level / 2, res.df_resid) * np.sqrt(var_total)
    expected = pred["mean"].to_numpy()[seen].sum()
    actual = inc.to_numpy()[seen].sum()
    return expected - actual, expected - half - actual, expected + half - actual


files = sorted(glob.glob(os.path.join(a.folder, "*.csv")))
if a.limit:
    files = files[: a.limit]
t0 = time.perf_counter()
failed = 0
lost_orders = 0.0
for f in files:
    try:
        df = pd.read_csv(f, parse_dates=["date"]).set_index("date")
        for metric in ("orders", "revenue"):
            loss, lo, hi = estimate(df[metric].astype(float))
            if metric == "orders":
                lost_orders += loss
    except Exception:  # a seller the loop cannot fit counts as failed, like a loss-calc row
        failed += 1
seconds = time.perf_counter() - t0
print(json.dumps({"sellers": len(files), "failed": failed, "seconds": round(seconds, 3),
                  "per_seller": round(seconds / max(1, len(files)), 6), "lost_orders": round(lost_orders, 1)}))
