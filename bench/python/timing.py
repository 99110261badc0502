"""Shared timing for the Python halves of bench/compare-python.sh (Debian's /usr/bin/python3).

Each operation: warm-up calls, then timed repeats; the figure is the median per item of wall time
(perf_counter) and CPU time (process_time: all threads of this process, which the callers keep to
one through the *_NUM_THREADS variables set before NumPy is imported). Lines have the format of
the Java side (`xasdaml bench compare`):
  compare python <operation> items=<n> unit=<u> wall_ms=<x> cpu_ms=<y> threads=1 repeats=<r> detail=<d>
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import statistics  # noqa: E402
import time  # noqa: E402


def measure(work, warmups, repeats, items=1):
    """Median (wall ms, cpu ms) per item of `work()` over `repeats` calls after `warmups` calls."""
    for _ in range(warmups):
        work()
    wall, cpu = [], []
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        work()
        wall.append(1000 * (time.perf_counter() - t0) / items)
        cpu.append(1000 * (time.process_time() - c0) / items)
    return statistics.median(wall), statistics.median(cpu)


def report(op, items, unit, wall_cpu, repeats, detail):
    wall, cpu = wall_cpu
    print("compare python %s items=%d unit=%s wall_ms=%.4f cpu_ms=%.4f threads=1 repeats=%d detail=%s"
          % (op, items, unit, wall, cpu, repeats, detail.replace(" ", "_")), flush=True)
