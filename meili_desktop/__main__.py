"""Run the program with ``python -m meili_desktop``."""

import multiprocessing
import sys

from meili_desktop.cli import main

if __name__ == "__main__":
    # The merge reads packages in worker processes. A frozen build starts each worker by
    # running this executable again, and freeze_support() turns that start into the worker.
    multiprocessing.freeze_support()
    sys.exit(main())
