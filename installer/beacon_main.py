"""Entry point of the frozen (PyInstaller) build: the same `beacon` command as the installed package."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
