"""Helpers shared by the benchmark scripts: corpus and archive set-up, timed subprocesses, machine facts.

Every measurement runs the real command in a fresh subprocess, so the timings include start-up and
the peak memory is that of the command alone (``os.wait4`` returns the rusage of one child).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """A console script of the venv this script runs in (news-archive, sqlite-utils, datasette)."""
    candidate = BIN / name
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


def default_workdir(n: int) -> Path:
    return Path(os.environ.get("TMPDIR", "/tmp")) / "news-archive-bench" / f"n{n}"


def ensure_corpus(n: int, workdir: Path, seed: int = 1, sentences: list[Path] = ()) -> dict:
    """Generate the corpus in ``workdir`` unless one with the same N, seed and sentence files is there."""
    wanted = {"records": n, "seed": seed, "sentence_files": [str(p) for p in sentences]}
    stamp = workdir / "corpus.json"
    if stamp.exists() and (workdir / "corpus.jsonl").exists():
        summary = json.loads(stamp.read_text())
        if all(summary.get(k, []) == v for k, v in wanted.items()):
            return summary | {"reused": True}
    workdir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(HERE / "make_corpus.py"), str(n), str(workdir), "--seed", str(seed), "--quiet"]
    if sentences:
        command += ["--sentences", *map(str, sentences)]
    subprocess.run(command, check=True)
    summary = json.loads(stamp.read_text()) | {"sentence_files": wanted["sentence_files"]}
    stamp.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    return summary | {"reused": False}


def jsonl_supported(workdir: Path) -> bool:
    """Does ``news-archive ingest`` read JSON Lines yet? Ingest a two-record probe and count the articles."""
    probe = workdir / "probe"
    shutil.rmtree(probe, ignore_errors=True)
    probe.mkdir(parents=True)
    records = [
        {"date": "2020-01-02", "source": "NOS", "title": "Eerste bericht", "text": "Het eerste bericht van de proef."},
        {"date": "2020-01-03", "source": "NU.nl", "title": "Tweede bericht", "text": "Het tweede bericht van de proef."},
    ]
    (probe / "probe.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    subprocess.run(
        [tool("news-archive"), "ingest", str(probe / "probe.jsonl"), "--db", str(probe / "probe.db"), "--quiet"],
        capture_output=True,
    )
    try:
        with sqlite3.connect(probe / "probe.db") as db:
            titles = {row[0] for row in db.execute("select title from articles")}
    except sqlite3.Error:
        return False
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    return titles == {"Eerste bericht", "Tweede bericht"}


def ingest_input(workdir: Path, fmt: str) -> Path:
    return workdir / "corpus.jsonl" if fmt == "jsonl" else workdir / "txt"


def ensure_archive(n: int, workdir: Path, seed: int = 1, sentences: list[Path] = ()) -> Path:
    """``workdir/archive.db`` with the corpus of N articles ingested (built now if missing)."""
    archive = workdir / "archive.db"
    if archive.exists():
        return archive
    ensure_corpus(n, workdir, seed, sentences)
    fmt = "jsonl" if jsonl_supported(workdir) else "txt"
    print(f"building {archive} from the {fmt} corpus ...", file=sys.stderr)
    subprocess.run(
        [tool("news-archive"), "ingest", str(ingest_input(workdir, fmt)), "--db", str(archive), "--quiet"],
        check=False,
        stdout=subprocess.DEVNULL,
    )
    return archive


def _tree_rss_bytes(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux only)."""
    parents, rss = {}, {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])  # ppid
        rss[pid] = int(fields[21]) * page  # rss in pages
    total, stack = 0, [root]
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(command: list[str], cwd: Path | None = None, log: Path | None = None, timeout: float | None = None) -> dict:
    """Run a command; return wall seconds, exit status, peak RSS of its largest process and of its whole tree.

    ``max_rss_mb`` comes from the kernel (``wait4``; the largest of the process and the children it
    waited for). ``tree_rss_mb`` sums the process tree, sampled every 0.1 s, which is what counts
    once the ingest runs worker processes. After ``timeout`` seconds the process is killed
    (SIGTERM, then SIGKILL) and ``timed_out`` is set.
    """
    out = open(log, "w") if log else subprocess.DEVNULL
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    peak_tree, done = [0], threading.Event()

    def sample():
        on_proc = Path("/proc").is_dir()
        while on_proc and not done.wait(0.1):
            peak_tree[0] = max(peak_tree[0], _tree_rss_bytes(process.pid))

    def stop():
        if not done.wait(timeout):
            timed_out.append(True)
            process.terminate()
            if done.wait(10) is False:
                process.kill()

    timed_out: list[bool] = []
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if timeout:
        threading.Thread(target=stop, daemon=True).start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if log:
        out.close()
    return {
        "command": command,
        "seconds": seconds,
        "exit": process.returncode,
        "max_rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "tree_rss_mb": peak_tree[0] / 2**20,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "timed_out": bool(timed_out),
    }


def file_size(path: Path) -> int:
    """Size of a file or directory tree, with SQLite's -wal and -shm files."""
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def remove_db(path: Path) -> None:
    for p in path.parent.glob(path.name + "*"):
        p.unlink()


def machine() -> dict:
    mem = ""
    try:
        mem = next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
        mem = f"{int(mem.split()[1]) / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        pass
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "cpus": os.cpu_count(),
        "memory": mem,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def mb(size_bytes: float) -> str:
    return f"{size_bytes / 1e6:,.1f}"
