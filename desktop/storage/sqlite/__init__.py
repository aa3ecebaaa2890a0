"""The embedded backend: one SQLite file through sqlite-utils, the default log of one PC.

Only `desktop.storage` imports this package; everything above storage names a log by its
`Location` and works with the `LogStore` protocol.
"""

from .store import Store

__all__ = ["Store"]
