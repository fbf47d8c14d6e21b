"""Development sessions. Run `python3 noxfile.py -s NAME` on a fresh machine: it bootstraps nox."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent

try:
    import nox
except ModuleNotFoundError:
    if __name__ != "__main__":
        raise
    nox = None  # type: ignore[assignment]


def _bootstrap() -> None:
    """Create .nox/_bootstrap with nox in it and re-run this file's sessions there."""
    env_dir = HERE / ".nox" / "_bootstrap"
    python = env_dir / "bin" / "python"
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "nox>=2024.4.15"], check=True)
    os.execv(str(python), [str(python), "-m", "nox", "-f", str(HERE / "noxfile.py"), *sys.argv[1:]])


if nox is not None:
    nox.options.sessions = ["tests", "lint"]
    nox.options.reuse_existing_virtualenvs = True
    nox.options.error_on_missing_interpreters = False

    def _install(session: nox.Session, *extras: str) -> None:
        spec = f".[{','.join(extras)}]" if extras else "."
        session.install("-e", spec)

    @nox.session
    def tests(session: nox.Session) -> None:
        """The whole test suite (corpus tests need ../shared; browser tests need chromium)."""
        _install(session, "test")
        session.run("pytest", *(session.posargs or ["-q", "-p", "no:cacheprovider"]))

    @nox.session
    def lint(session: nox.Session) -> None:
        """ruff and mypy --strict."""
        _install(session, "lint")
        session.run("ruff", "check", "src", "tests", "benchmarks", "noxfile.py")
        session.run("mypy", "--strict", "src/ladder_docs")

    @nox.session
    def build(session: nox.Session) -> None:
        """Build this repository's example ladder into dist/."""
        _install(session)
        session.run("ladder-docs", "check", "--strict")
        session.run("ladder-docs", "build", "--out", "dist", *session.posargs)

    @nox.session
    def release(session: nox.Session) -> None:
        """Make the release bundle for the version tag at HEAD (CI runs this on a tag)."""
        _install(session)
        session.run("ladder-docs", "release", *session.posargs)

    @nox.session
    def benchmarks(session: nox.Session) -> None:
        """Run every benchmark script and print medians and ratios."""
        _install(session, "test")
        for script in sorted((HERE / "benchmarks").glob("bench_*.py")):
            session.run("python", str(script))


if __name__ == "__main__":
    _bootstrap()
