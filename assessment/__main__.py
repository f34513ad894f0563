"""`python -m assessment`: the terminal version (see assessment.cli); `python -m assessment compare ...`
compares a team's answers (see assessment.compare_cli)."""

import sys

if sys.argv[1:2] == ["compare"]:
    from .compare_cli import main as compare

    sys.exit(compare(sys.argv[2:]))

from .cli import main

sys.exit(main())
