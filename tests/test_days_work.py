"""After a clerk's day (import, export, reports, an attachment saved and opened, backups, restore,
check, selftest), run as real processes with an ordinary umask: no file or folder the program
made is readable by others, and nothing is left in the temporary folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.samples import REPO, sample

ATTACH_AND_OPEN = """
import hashlib, sys
from pathlib import Path
from desktop.files import restrict_new_files, viewing_copy
from desktop.storage import Store
restrict_new_files()
data = b"%PDF-1.4 passport 4510 123456"
sha = hashlib.sha256(data).hexdigest()
from desktop.domain.models import Attachment
with Store.open(Path(sys.argv[1])) as store:
    claim = store.get_claim_by_number("CLM-2026-0001")
    claim.attachments.append(Attachment(name="паспорт.pdf", sha256=sha, size=len(data)))
    store.save_claim(claim, files={sha: data})
    print(viewing_copy(sha[:16], "паспорт.pdf", store.get_blob(sha)))
"""


def test_a_days_work_leaves_nothing_readable_by_others_and_nothing_in_tmp(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INCIDENT_LOG")}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), HOME=str(tmp_path / "home"), TMPDIR=str(tmp),
               LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    old_umask = os.umask(0o022)  # an ordinary desktop session's: the program must narrow it itself
    try:
        def run(*args: object) -> subprocess.CompletedProcess[str]:
            done = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], env=env, cwd=REPO,
                                  capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, (args, done.stderr)
            return done

        run("import", sample())
        db = tmp_path / "data" / "incident-log" / "incident-log.sqlite3"
        opened = subprocess.run([sys.executable, "-c", ATTACH_AND_OPEN, str(db)], env=env, cwd=REPO,
                                capture_output=True, text=True, timeout=120)
        assert opened.returncode == 0, opened.stderr
        assert not Path(opened.stdout.strip()).exists()  # the viewing copy went when the process ended
        for name in ("log.json", "log.zip", "log.xlsx"):
            run("export", out / name)
        for kind, extra in (("register", []), ("summary", []), ("incident", ["INC-2026-0001"]),
                            ("claim", ["CLM-2026-0001"])):
            run("report", kind, *extra, "-o", out / f"{kind}.pdf")
        backup = Path(run("backup").stdout.strip())
        run("backup", out)
        run("restore", backup)
        run("check")
        run("selftest")
    finally:
        os.umask(old_umask)

    readable = []
    for root in (tmp_path / "data", tmp_path / "state", out):
        for path in [root, *root.rglob("*")]:
            if stat.S_IMODE(path.lstat().st_mode) & 0o077:
                readable.append(f"{oct(stat.S_IMODE(path.lstat().st_mode))} {path.relative_to(tmp_path)}")
    assert [p for p in readable if not p.endswith(" out")] == []  # `out` is the clerk's own folder
    assert sorted(p.name for p in tmp.rglob("*")) == []
    assert not list((tmp_path / "data").rglob("*.part"))
    assert list((tmp_path / "data" / "incident-log" / "backups").glob("*.sqlite3"))
