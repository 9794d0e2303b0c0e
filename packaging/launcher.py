"""The frozen program's entry point: the same ``kopsavilkums`` command as from source."""

import sys

from kopsavilkums.cli import main

if __name__ == "__main__":
    sys.exit(main())
