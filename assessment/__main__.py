"""`python -m assessment`: the terminal version (see assessment.cli)."""

import sys

from .cli import main

sys.exit(main())
