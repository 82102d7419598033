"""The import rules that keep the layers apart, checked on the source (imports inside
functions included): core never imports Qt, only the store package runs SQL, only the
edit API writes annotations, the window uses no store internals, and no module imports
itself round a cycle."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "annotator"
STORE = "annotator.core.store"
STORE_WRITES = {"add_span", "delete_span", "update_span", "save_claim", "delete_claim", "set_status"}
# Bulk loads written by the import driver and the store package itself, under the same span rules.
BULK_WRITERS = {"annotator.core.importing"}
PUBLIC_STORE_MODULES = {STORE, f"{STORE}.queries", f"{STORE}.search", f"{STORE}.reindex", f"{STORE}.backup",
                        f"{STORE}.merge"}


def modules() -> dict[str, ast.Module]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


MODULES = modules()


def imports(tree) -> list[tuple[str, str]]:
    """(module, name) for every import, at any depth ("" as name for `import x`)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out += [(node.module, alias.name) for alias in node.names]
    return out


def test_core_never_imports_qt():
    offenders = {name: module for name, tree in MODULES.items() if name.startswith("annotator.core")
                 for module, _ in imports(tree) if module.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")}
    assert offenders == {}


def test_only_the_store_package_runs_sql():
    offenders = []
    for name, tree in MODULES.items():
        if name == STORE or name.startswith(STORE + "."):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute):
                continue
            if node.attr in ("execute", "executemany", "executescript") or (
                    node.attr in ("db", "conn") and "store" in ast.unparse(node.value)):
                offenders.append((name, node.attr, node.lineno))
    assert offenders == []


def test_only_the_edit_api_writes_annotations():
    offenders = []
    for name, tree in MODULES.items():
        if name in ("annotator.core.edits", *BULK_WRITERS) or name.startswith(STORE):
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in STORE_WRITES and "store" in ast.unparse(node.func.value)):
                offenders.append((name, node.func.attr, node.lineno))
    assert offenders == []


def test_the_window_uses_no_store_internals_nor_private_names():
    offenders = []
    for name, tree in MODULES.items():
        if not name.startswith(("annotator.ui", "annotator.cli")):
            continue
        for module, imported in imports(tree):
            if module.startswith(STORE) and module not in PUBLIC_STORE_MODULES:
                offenders.append((name, module))
            if module.startswith("annotator") and imported.startswith("_"):
                offenders.append((name, f"{module}.{imported}"))
        for node in ast.walk(tree):       # another object's private attribute: view._omap, store._write...
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
                offenders.append((name, ast.unparse(node), node.lineno))
    assert offenders == []


def test_no_import_cycles():
    graph = {}
    for name, tree in MODULES.items():
        targets = set()
        for module, imported in imports(tree):
            if module.startswith("annotator"):
                full = f"{module}.{imported}"
                targets.add(full if full in MODULES else module)
        graph[name] = {t for t in targets if t in MODULES and t != name}
    cycles, state = [], {}

    def visit(node, path):
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[node] = "done"
    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    # A package's __init__ importing its own submodules (a facade) is not a cycle of meaning.
    real = [c for c in cycles if not all(m == c[0] or m.startswith(c[0] + ".") or c[0].startswith(m + ".")
                                         for m in c)]
    assert real == []
