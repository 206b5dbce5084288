"""Start-up stays light: `maalspor --help` and `import api.app` load no model, vector store or solver."""

import subprocess
import sys

import pytest

from tests.conftest import REPO

HEAVY = ("spacy", "torch", "scipy", "chromadb")

CHECK = "\nheavy = [m for m in {heavy!r} if m in sys.modules]\nprint('heavy:' + ','.join(heavy))\n"
PROGRAMS = {
    "import api.app": "import sys\nimport api.app",
    "maalspor --help": (
        "import sys\nsys.argv = ['maalspor', '--help']\nfrom cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    ),
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_start_up_imports_nothing_heavy(name):
    program = PROGRAMS[name] + CHECK.format(heavy=HEAVY)
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    loaded = result.stdout.strip().splitlines()[-1]
    assert loaded == "heavy:", f"{name} imported {loaded.removeprefix('heavy:')}"
