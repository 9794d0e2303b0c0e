import sys

from kopsavilkums.cli import main

sys.exit(main())
