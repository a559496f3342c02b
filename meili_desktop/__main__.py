"""Run the program with ``python -m meili_desktop``."""

import sys

from meili_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
