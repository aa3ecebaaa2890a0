"""The package list for setuptools; everything else is in pyproject.toml.

`resources/` ships inside the wheel as `desktop._resources` (pyproject.toml's package-dir, with
the files chosen by package-data), where `desktop.paths.resources_dir()` finds it. Automatic
discovery only finds folders that really sit under `desktop/`, so the mapped package and its
data folders (fonts, icons, translations, sample, manual, postgres) are named here.
"""

from setuptools import find_packages, setup

RESOURCE_FOLDERS = ["fonts", "icons", "translations", "sample", "manual", "postgres"]

setup(
    packages=[
        *find_packages(include=["desktop", "desktop.*"]),
        "desktop._resources",
        *(f"desktop._resources.{folder}" for folder in RESOURCE_FOLDERS),
    ]
)
