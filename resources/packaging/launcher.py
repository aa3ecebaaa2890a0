"""Entry script for the frozen build (PyInstaller runs this file as `__main__`).

`desktop/__main__.py` is not used directly: run as a top-level script it has no parent package,
so a relative import in it would fail. This launcher imports it as part of the package instead.
"""

from __future__ import annotations

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
