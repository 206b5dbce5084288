"""The house rules that keep the layout readable: imports point down the data flow, modules stay short."""

import ast

import pytest

from tests.conftest import REPO

# Lower layers never import higher ones: file -> text -> records -> store/search -> answers -> HTTP / command line.
LAYERS = ("maalspor", "ingest", "nlp", "index", "answer", "api", "cli")
MAX_MODULE_LINES = 400


def _modules():
    for package in LAYERS:
        yield from sorted((REPO / package).rglob("*.py"))


def _imported_packages(path) -> set[str]:
    """Top-level packages a module imports, including imports inside functions (lazy imports count too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(LAYERS)


@pytest.mark.parametrize("path", list(_modules()), ids=lambda p: str(p.relative_to(REPO)))
def test_imports_point_down_the_data_flow(path):
    own = LAYERS.index(path.relative_to(REPO).parts[0])
    upward = sorted(package for package in _imported_packages(path) if LAYERS.index(package) > own)
    assert not upward, f"{path.relative_to(REPO)} imports the higher layer(s) {upward}"


def test_no_module_is_longer_than_one_sitting():
    long = {
        str(p.relative_to(REPO)): n for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_the_layer_check_sees_lazy_imports(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\n\ndef f():\n    from api.app import create_app\n    import index.store\n")
    assert _imported_packages(module) == {"api", "index"}
