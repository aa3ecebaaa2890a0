"""The clerk's window (PySide6). Reads and writes only through `desktop.storage.Store`; no SQL here."""
