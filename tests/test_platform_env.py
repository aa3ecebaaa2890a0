from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import platform_env
from desktop.platform_env import clean_child_env

BUNDLE = "/opt/incident-log/_internal"


def test_outside_a_frozen_build_the_environment_is_left_alone() -> None:
    env = {"LD_LIBRARY_PATH": "/usr/local/lib", "QT_PLUGIN_PATH": "/usr/lib/qt6/plugins", "HOME": "/home/u"}

    assert clean_child_env(env, bundle=None) == env


def test_the_users_library_path_is_restored_from_the_saved_original() -> None:
    env = {"LD_LIBRARY_PATH": f"{BUNDLE}:/opt/vendor/lib", "LD_LIBRARY_PATH_ORIG": "/opt/vendor/lib"}

    assert clean_child_env(env, bundle=BUNDLE) == {"LD_LIBRARY_PATH": "/opt/vendor/lib"}


def test_the_library_path_is_removed_when_the_user_had_none() -> None:
    assert clean_child_env({"LD_LIBRARY_PATH": BUNDLE, "HOME": "/home/u"}, bundle=BUNDLE) == {"HOME": "/home/u"}


def test_qt_paths_into_the_bundle_are_dropped_and_others_kept() -> None:
    env = {
        "QT_PLUGIN_PATH": f"{BUNDLE}/PySide6/Qt/plugins",
        "QML2_IMPORT_PATH": f"{BUNDLE}/PySide6/Qt/qml{os.pathsep}/usr/lib/qml",
        "PATH": f"{BUNDLE}{os.pathsep}/usr/bin",
    }

    assert clean_child_env(env, bundle=BUNDLE) == {"QML2_IMPORT_PATH": "/usr/lib/qml", "PATH": "/usr/bin"}


def test_the_callers_mapping_is_not_changed() -> None:
    env = {"LD_LIBRARY_PATH": BUNDLE, "LD_LIBRARY_PATH_ORIG": "/x"}

    clean_child_env(env, bundle=BUNDLE)

    assert env == {"LD_LIBRARY_PATH": BUNDLE, "LD_LIBRARY_PATH_ORIG": "/x"}


def test_defaults_to_this_process_and_to_sys_meipass(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", str(bundle))
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG", raising=False)
    monkeypatch.setenv("QT_PLUGIN_PATH", str(bundle / "PySide6" / "Qt" / "plugins"))

    env = clean_child_env()

    assert "LD_LIBRARY_PATH" not in env
    assert "QT_PLUGIN_PATH" not in env
    assert env["PATH"] == os.environ["PATH"]


@pytest.mark.skipif(sys.platform.startswith("win"), reason="xdg-open is the Linux path")
def test_the_viewer_is_started_with_the_clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    started: list[tuple[list[str], dict[str, str]]] = []

    def fake_popen(args: list[str], env: dict[str, str], **_: object) -> None:
        started.append((args, env))

    monkeypatch.setattr(subprocess, "Popen", fake_popen)
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/opt/vendor/lib")
    monkeypatch.setenv("LD_LIBRARY_PATH", "/somewhere/else:/opt/vendor/lib")
    pdf = tmp_path / "report.pdf"

    platform_env.open_with_system_viewer(pdf)

    [(args, env)] = started
    assert args[-1] == str(pdf)
    assert env["LD_LIBRARY_PATH"] == "/opt/vendor/lib"
    assert "LD_LIBRARY_PATH_ORIG" not in env
