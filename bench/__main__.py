"""`python -m bench [--runs N] [--only NAME ...]`: run every bench and print its figures.

Each bench can also run alone (`python -m bench.archive_scale --help`, ...), with its own options.
"""

import argparse
import importlib
import sys
import traceback

# name -> how to call its main(): the assessment and live-preview benches take the shared --runs, the others
# read their own command line, given here as their defaults.
BENCHES = ("assessment_bench", "archive_scale", "lighthouse", "live_preview")


def run(name: str, runs: int) -> bool:
    print(f"\n=== bench.{name} ===", flush=True)
    module = importlib.import_module(f"bench.{name}")
    try:
        if name in ("assessment_bench", "live_preview"):
            module.main(runs=runs)
        else:
            sys.argv = [f"python -m bench.{name}"]
            module.main()
    except Exception:  # one broken bench must not hide the figures of the others
        traceback.print_exc()
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure of the assessment bench (median)")
    parser.add_argument("--only", nargs="+", choices=BENCHES, help="run only these benches")
    arguments = parser.parse_args()
    failed = [name for name in (arguments.only or BENCHES) if not run(name, arguments.runs)]
    if failed:
        sys.exit(f"benches that did not finish: {', '.join(failed)}")


if __name__ == "__main__":
    main()
