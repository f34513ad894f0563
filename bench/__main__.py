"""`python -m bench [--runs N] [--only NAME ...]`: run the benches and print their figures.

Every bench is a module of this package with the same `main(argv=None)`, and runs alone with its
own options too (`python -m bench.archive_scale --help`, ...). `--runs N` is handed to each of them;
without it, each takes its own default.
"""

import argparse
import importlib
import sys
import traceback

BENCHES = ("assessment_bench", "team_bench", "archive_scale", "lighthouse", "live_preview")


def run(name: str, argv: list[str]) -> bool:
    print(f"\n=== bench.{name} ===", flush=True)
    try:
        importlib.import_module(f"bench.{name}").main(argv)
    except Exception:  # one broken bench must not hide the figures of the others
        traceback.print_exc()
        return False
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, help="runs per figure, for every bench (median)")
    parser.add_argument("--only", nargs="+", choices=BENCHES, help="run only these benches")
    arguments = parser.parse_args(argv)
    bench_argv = [] if arguments.runs is None else ["--runs", str(arguments.runs)]
    failed = [name for name in (arguments.only or BENCHES) if not run(name, bench_argv)]
    if failed:
        sys.exit(f"benches that did not finish: {', '.join(failed)}")


if __name__ == "__main__":
    main()
