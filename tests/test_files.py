"""desktop.files: private, whole, and nothing left behind by a killed writer."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.files import private_folder, sweep_unfinished, written_whole

REPO = Path(__file__).resolve().parents[1]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_written_whole_replaces_only_when_whole_and_private(tmp_path: Path) -> None:
    dest = tmp_path / "out.json"
    dest.write_text("old")
    with written_whole(dest) as partial:
        assert partial.name == "out.json.part" and _mode(partial) == 0o600
        partial.write_text("new")
        assert dest.read_text() == "old"
    assert dest.read_text() == "new" and _mode(dest) == 0o600
    assert not partial.exists()


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    dest = tmp_path / "out.json"
    dest.write_text("old")
    with pytest.raises(RuntimeError), written_whole(dest) as partial:
        partial.write_text("half")
        raise RuntimeError("disk full")
    assert dest.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_private_folder_is_0700(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    folder.parent.mkdir(mode=0o755)
    private_folder(folder)
    assert _mode(folder) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_part_of_a_killed_writer_is_swept_wherever_it_was(tmp_path: Path) -> None:
    dest = tmp_path / "elsewhere" / "export.json"
    dest.parent.mkdir()
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from desktop.files import written_whole\n"
        f"with written_whole(Path({str(dest)!r})) as p:\n"
        "    p.write_text('passport 4510 123456')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=os.environ.copy())
    assert done.returncode == -signal.SIGKILL
    partial = dest.with_name("export.json.part")
    assert partial.exists()  # what the kill left
    assert sweep_unfinished() == [partial]
    assert not partial.exists() and not dest.exists()
    assert sweep_unfinished() == []


def test_sweep_leaves_a_running_writers_part(tmp_path: Path) -> None:
    dest = tmp_path / "report.pdf"
    with written_whole(dest) as partial:
        partial.write_text("in progress")
        assert sweep_unfinished() == []
        assert partial.exists()
    assert dest.exists()


def test_opened_attachment_copies_go_at_exit_and_a_killed_programs_at_the_next_start() -> None:
    from desktop.paths import data_dir

    opened = data_dir() / "opened"
    script = (
        "import os, signal, sys\n"
        "from desktop.files import viewing_copy\n"
        "path = viewing_copy('abc', 'паспорт.pdf', b'4510 123456')\n"
        "print(path, flush=True)\n"
        "if sys.argv[1] == 'kill':\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    for how in ("exit", "kill"):
        done = subprocess.run([sys.executable, "-c", script, how], cwd=REPO, env=os.environ.copy(),
                              capture_output=True, text=True)
        copy = Path(done.stdout.strip())
        assert copy.name == "паспорт.pdf" and opened in copy.parents
        if how == "exit":
            assert done.returncode == 0 and not copy.exists() and not (opened / copy.parts[-3]).exists()
        else:
            assert done.returncode == -signal.SIGKILL and copy.read_bytes() == b"4510 123456"
            assert _mode(copy) == 0o600 and _mode(copy.parent) == 0o700 and _mode(opened) == 0o700
            assert opened / copy.parts[-3] in sweep_unfinished()
            assert not copy.exists() and list(opened.iterdir()) == []
