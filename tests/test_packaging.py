"""What `pip install .` delivers: a wheel that carries resources/ and works without the checkout.

The wheel is built from a copy of the sources (so parallel runs never share a `build/` folder) and
unpacked into a folder that stands in for site-packages; the program then runs from there, in a
working folder outside the checkout, so nothing can be found in `resources/` by accident.
(.ci/run also installs the wheel with its dependencies into a clean virtualenv.)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.samples import REPO, sample

SOURCES = ("desktop", "resources", "pyproject.toml", "setup.py", "README.md")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, src / name)
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(src), "-w", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("incident_log-*.whl")
    return built


def test_the_wheel_carries_fonts_translations_icons_and_the_sample(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    base = "desktop/_resources/"
    for font in ("PTS55F.ttf", "PTS75F.ttf", "PTF55F.ttf", "PTF75F.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                 "LICENSE-PTFonts.txt", "LICENSE-DejaVu.txt"):
        assert base + "fonts/" + font in names
    for name in ("translations/incident_log_ru.qm", "translations/incident_log_en.qm", "icons/incident-log.png",
                 "icons/incident-log.svg", "icons/incident-log.ico", "sample/sample-kaluga-2026-09.json",
                 "manual/manual.ru.md", "manual/manual.en.md"):
        assert base + name in names
    pictures = sorted(p.name for p in (REPO / "resources" / "manual").glob("*.png"))
    assert pictures and {base + "manual/" + p for p in pictures} <= names  # every picture of the manual
    assert {n for n in names if n.startswith("desktop/") and n.endswith(".py")} >= {
        "desktop/__main__.py", "desktop/cli.py", "desktop/reports/fonts.py", "desktop/ui/main_window.py"}
    # Translation sources, their scripts and the packaging files stay out of the wheel.
    assert not [n for n in names if n.endswith((".ts", ".sh")) or "/packaging/" in n]


@pytest.fixture
def installed(wheel: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The wheel unpacked as site-packages would hold it, and an environment that uses it alone."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INCIDENT_LOG", "XDG_", "PYTHON"))}
    env.update(PYTHONPATH=str(site), HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    return site, env


def _run(env: dict[str, str], cwd: Path, *args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *map(str, args)], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=180)


def test_the_unpacked_wheel_runs_selftest_and_prints_cyrillic(installed: tuple[Path, dict[str, str]],
                                                              tmp_path: Path) -> None:
    site, env = installed
    where = _run(env, tmp_path, "-c", "import desktop, desktop.paths as p; print(desktop.__file__); "
                                      "print(p.resources_dir())")
    assert where.returncode == 0, where.stderr
    module, resources = where.stdout.split()
    assert Path(module).is_relative_to(site) and Path(resources) == site / "desktop" / "_resources"

    selftest = _run(env, tmp_path, "-m", "desktop", "selftest")
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert "selftest passed" in selftest.stdout

    db = tmp_path / "kaluga.sqlite3"
    imported = _run(env, tmp_path, "-m", "desktop", "--db", db, "import", sample())
    assert imported.returncode == 0, imported.stderr
    pdf = tmp_path / "incident.pdf"
    report = _run(env, tmp_path, "-m", "desktop", "--db", db, "report", "incident", "INC-2026-0001", "-o", pdf,
                  "--lang", "ru")
    assert report.returncode == 0, report.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "П-2026-0001" in text  # the office's numbering on Russian paper (decisions.md)
    assert re.search(r"[А-Яа-яЁё]{4,}", text), text[:500]


MANUAL_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.ui.dialogs.help import HelpWindow
window = HelpWindow(sys.argv[1])
window.show_section("claim")
app.processEvents()
print("path", window.path)
print("pictures", len(window.browser.image_names()))
print("missing", *window.browser.missing_images())
"""


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_unpacked_wheel_shows_the_manual_with_its_pictures(installed: tuple[Path, dict[str, str]],
                                                               tmp_path: Path, lang: str) -> None:
    """F1's manual is found where fonts and translations are (desktop.paths.resource), and every
    picture it names loads from there."""
    site, env = installed
    shown = _run(env, tmp_path, "-c", MANUAL_PROBE, lang)
    assert shown.returncode == 0, shown.stderr
    lines = dict(line.split(" ", 1) if " " in line else (line, "") for line in shown.stdout.splitlines())
    assert Path(lines["path"]) == site / "desktop" / "_resources" / "manual" / f"manual.{lang}.md"
    assert int(lines["pictures"]) >= 6
    assert lines["missing"] == ""


LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_readme_and_docs_link_only_inside_the_repository() -> None:
    """A link from README.md or docs/ names a file of this repository (or a web page), never ../shared."""
    for doc in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for target in LINK.findall(doc.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = (doc.parent / target.split("#")[0]).resolve()
            assert path.is_relative_to(REPO), f"{doc.name} links outside the repository: {target}"
            assert path.exists(), f"{doc.name} links to a missing file: {target}"


# --- the frozen build's reduced ICU data (resources/packaging/icu_data.py, used by build.spec) --------
ICU_PROBE = """
from PySide6.QtCore import QByteArray, QCollator, QLocale, QTimeZone
words = ["ёж", "Еж", "ель", "Яблоко", "арбуз", "Zebra", "apple", "Ёлка", "щука", "Эхо", "école", "Ärger", "10", "9"]
for name in ("ru_RU", "en_US", "en_GB", "de_DE"):
    collator = QCollator(QLocale(name))
    print(name, " ".join(sorted(words, key=collator.sortKey)))
    collator.setNumericMode(True)
    print(name, "numeric", " ".join(sorted(["10", "9", "100", "В-10", "В-9"], key=collator.sortKey)))
    print(name, QLocale(name).toUpper("ёлка straße"), QLocale(name).toLower("ЁЛКА ÄRGER"))
print(QTimeZone(QByteArray(b"Europe/Moscow")).displayName(QTimeZone.TimeType.StandardTime,
      QTimeZone.NameType.LongName, QLocale("ru_RU")))
print("icudata", *sorted({line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line}))
"""


def _icu_data():
    sys.path.insert(0, str(REPO / "resources" / "packaging"))
    try:
        import icu_data
    finally:
        sys.path.pop(0)
    return icu_data


def test_the_reduced_icu_data_sorts_and_cases_russian_and_english_as_the_full_one(tmp_path: Path) -> None:
    import PySide6

    icu_data = _icu_data()
    (full,) = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")
    small = tmp_path / full.name
    kept, total = icu_data.build_library(full, small)
    assert small.stat().st_size < 8 * 2**20 < full.stat().st_size
    names = {name for name, _ in icu_data.read_package(small.read_bytes())[2]}
    assert len(names) == kept < total
    prefix = next(iter(names)).split("/")[0]
    for needed in ("coll/ru.res", "coll/root.res", "coll/ucadata.icu", "ru.res", "en.res", "root.res", "pool.res",
                   "zone/ru.res", "nfkc.nrm", "uts46.nrm", "cnvalias.icu", "brkitr/word.brk", "ibm-5347_P100-1998.cnv"):
        assert f"{prefix}/{needed}" in names
    assert f"{prefix}/brkitr/cjdict.dict" not in names and f"{prefix}/coll/zh.res" not in names

    def probe(preload: Path | None) -> list[str]:
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
        if preload is not None:
            env["LD_PRELOAD"] = str(preload)  # takes the place of Qt's libicudata (the same soname)
        result = subprocess.run([sys.executable, "-c", ICU_PROBE], env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()

    with_full, with_small = probe(None), probe(small)
    assert with_full[-1] == f"icudata {full.resolve()}" and with_small[-1] == f"icudata {small}"
    assert with_small[:-1] == with_full[:-1]
    assert "ru_RU 10 9 арбуз Еж ёж Ёлка ель щука Эхо Яблоко" in with_small[0]
