"""Benchmark: `incident-log selftest` on 20,000 claims against the same command on an empty log.

Run on demand (not part of pytest):

    .venv/bin/python tests/benchmarks/bench_selftest.py [--cars 20000] [--shape NAME] [--repeat 5]

The selftest proves an installation works; it is not a load test, so its time must not grow
with the log. Each run is the real command in a fresh process (`python -m desktop --db DB
selftest`), as a clerk or CI starts it, timed from start to exit; runs alternate between the
empty log (the floor: it builds every report from the bundled sample) and the full one, and the
best of each is compared. Shapes: `tests/synthetic.SHAPES` (default: all cars in one incident,
the shape that made the selftest 330x slower, and 10 cars per incident). Goal: <= 1.3 x.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.exchange import import_file  # noqa: E402
from desktop.storage import Store  # noqa: E402
from tests.synthetic import SHAPES, document  # noqa: E402

GOAL = 1.3


def selftest(db: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "selftest"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"selftest on {db} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cars", type=int, default=20_000)
    parser.add_argument("--shape", choices=list(SHAPES), action="append")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-selftest-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(folder / "data"),
               XDG_CONFIG_HOME=str(folder / "config"))
    empty = folder / "empty.sqlite3"
    Store.open(empty).close()
    verdict = 0
    for name in args.shape or ["one incident", "10 cars per incident"]:
        full = folder / f"{name}.sqlite3"
        source = folder / f"{name}.json"
        source.write_text(json.dumps(document(args.cars, **SHAPES[name]), ensure_ascii=False), encoding="utf-8")
        with Store.open(full) as store:
            import_file(store, source)
        selftest(empty, env)  # warm the page cache and Python's bytecode for both
        selftest(full, env)
        floor, loaded = [], []
        for _ in range(args.repeat):
            floor.append(selftest(empty, env))
            loaded.append(selftest(full, env))
        ratio = min(loaded) / min(floor)
        verdict |= ratio > GOAL
        print(f"{name}: {args.cars:,} claims ({full.stat().st_size / 1e6:.0f} MB) {min(loaded):.3f} s "
              f"(runs {', '.join(f'{t:.2f}' for t in loaded)}); empty log {min(floor):.3f} s "
              f"(runs {', '.join(f'{t:.2f}' for t in floor)}); ratio {ratio:.2f} x  "
              f"(goal <= {GOAL} x: {'met' if ratio <= GOAL else 'MISSED'})", flush=True)
    return verdict


if __name__ == "__main__":
    raise SystemExit(main())
