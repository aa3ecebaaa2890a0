"""The environment for programs the app starts (the system's PDF viewer, a file manager).

A frozen build changes its own environment so that it finds its bundled libraries: PyInstaller's
bootloader puts the bundle first on `LD_LIBRARY_PATH` (keeping the user's value, if there was one,
in `LD_LIBRARY_PATH_ORIG`), and the PySide6 runtime hook points `QT_PLUGIN_PATH` and
`QML2_IMPORT_PATH` into the bundle. A child that inherits these loads our copies of libraries and
Qt plugins instead of its own: a system PDF viewer built on another Qt or glib then fails to start
or crashes. So every child process gets `clean_child_env()`:

    subprocess.Popen(["xdg-open", str(pdf)], env=clean_child_env())

`QDesktopServices.openUrl()` starts `xdg-open` with the process's own environment, so on Linux
the app opens files through `open_with_system_viewer` below instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Variables PyInstaller's bootloader rewrites and keeps the original of, with the `_ORIG` suffix.
_LOADER_PATHS = ("LD_LIBRARY_PATH", "LIBPATH", "DYLD_LIBRARY_PATH")
# Variables the PySide6 runtime hook sets to folders inside the bundle, with no original kept.
_QT_PATHS = ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH")


def _bundle_dir() -> str | None:
    bundle = getattr(sys, "_MEIPASS", None)
    return str(bundle) if bundle and getattr(sys, "frozen", False) else None


def _inside(path: str, bundle: str) -> bool:
    try:
        return Path(path).resolve().is_relative_to(Path(bundle).resolve())
    except (OSError, ValueError):
        return False


def _without_bundle(value: str, bundle: str) -> str:
    return os.pathsep.join(p for p in value.split(os.pathsep) if p and not _inside(p, bundle))


def clean_child_env(environ: Mapping[str, str] | None = None, bundle: str | None = None) -> dict[str, str]:
    """A copy of `environ` (default: `os.environ`) as it was before the frozen app changed it.

    `LD_LIBRARY_PATH` (and its macOS/AIX twins) is restored from `LD_LIBRARY_PATH_ORIG`, or removed
    when the user had none; Qt's plugin and QML paths are dropped where they point into the bundle,
    and the bundle is taken off `PATH` (Windows). `bundle` defaults to `sys._MEIPASS` in a frozen
    build; outside one, nothing but the `_ORIG` variables is touched.
    """
    env = dict(os.environ if environ is None else environ)
    bundle = _bundle_dir() if bundle is None else bundle
    for name in _LOADER_PATHS:
        original = env.pop(f"{name}_ORIG", None)
        if original is not None:
            env[name] = original
        elif bundle is not None and name in env:
            # The bootloader found the variable unset and set it: unset it again, but keep any
            # entries the user added later, outside the bundle.
            rest = _without_bundle(env[name], bundle)
            if rest:
                env[name] = rest
            else:
                del env[name]
    if bundle is not None:
        for name in (*_QT_PATHS, "PATH"):
            if name in env:
                rest = _without_bundle(env[name], bundle)
                if rest:
                    env[name] = rest
                elif name != "PATH":
                    del env[name]
    return env


def open_with_system_viewer(path: Path) -> None:
    """Open a file (a report's PDF) in the program the user's desktop associates with it."""
    if sys.platform.startswith("win"):
        os.startfile(path)  # type: ignore[attr-defined]  # Windows looks up its own DLLs
        return
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    subprocess.Popen(  # noqa: S603 - a fixed program and a path we wrote
        [opener, str(path)],
        env=clean_child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
