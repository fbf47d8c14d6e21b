"""The one error hierarchy; each class carries the CLI exit code it maps to."""

from __future__ import annotations


class LadderDocsError(Exception):
    """Base of every error ladder-docs raises on purpose."""

    exit_code = 1


class LadderError(LadderDocsError):
    """The ladder content has errors (exit 1)."""

    exit_code = 1


class ArtifactError(LadderDocsError):
    """One or more artifacts failed to render or publish (exit 1)."""

    exit_code = 1


class UsageError(LadderDocsError):
    """Bad command-line usage (exit 2)."""

    exit_code = 2


class ConfigError(LadderDocsError):
    """Missing, malformed or invalid configuration (exit 2)."""

    exit_code = 2


class RepoError(LadderDocsError):
    """Repository problem: not a repo, unknown revision, shallow clone, corrupt object (exit 3)."""

    exit_code = 3


class ShallowCloneError(RepoError):
    """History is needed but the clone is shallow."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what} needs the full git history, but this clone is shallow: "
            "fetch it with `git fetch --unshallow` (in GitHub Actions: "
            "actions/checkout with `fetch-depth: 0`)"
        )
