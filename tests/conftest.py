from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
REALDOCS = REPO.parent / "shared" / "realdocs"


@pytest.fixture
def realdocs() -> Path:
    if not REALDOCS.is_dir():
        pytest.skip("../shared/realdocs is not present")
    return REALDOCS
