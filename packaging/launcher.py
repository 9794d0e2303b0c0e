"""The frozen program's entry point: the same ``kopsavilkums`` command as from source.

(``KOPSAVILKUMS_QUIT_AFTER_MS``, used to check a build, is honoured by the window itself:
see :mod:`kopsavilkums.ui.app`.)
"""

import sys

from kopsavilkums.cli import main

if __name__ == "__main__":
    sys.exit(main())
