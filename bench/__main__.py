"""`python -m bench [--runs N]`: run every bench and print its figures."""

import argparse

from . import assessment_bench


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (median; at least 5 for the report)")
    arguments = parser.parse_args()
    assessment_bench.main(runs=arguments.runs)


if __name__ == "__main__":
    main()
