"""`show` of the example ladder, as text and JSON, against golden files (refresh: pytest --update-golden)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import golden

from ladder_docs.cli import main


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_show_example_ladder(fmt: str, example_repo: Path, request: pytest.FixtureRequest,
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--repo", str(example_repo), "--rev", "HEAD", "--format", fmt]) == 0
    out = capsys.readouterr().out
    # The example is committed afresh by the fixture: its sha and date are not part of the golden text.
    out = re.sub(r"[0-9a-f]{40}", "<sha>", out)
    out = re.sub(r"@ [0-9a-f]{7} \(\d{4}-\d\d-\d\d\)", "@ <version> (<date>)", out)
    out = re.sub(r'"date": "[^"]+"', '"date": "<date>"', out)
    golden(request, f"show.{fmt}", out)
