"""The dependency rules of docs/architecture.md, checked on the source."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "kopsavilkums"

#: The core's layers, lowest first: a module imports only from its own layer or one below it.
#: Each name is a top-level module or package of ``kopsavilkums``; a new one must be placed here.
LAYERS = [
    # the model: the field table, the report, the words; and the small tools everything uses
    {"fields", "report", "messages", "fieldpath", "formats", "glyphs", "resources", "fileio", "paths"}
    | {"userfile", "strict_json", "_version", "__init__", "hunspell_c"},
    # the draft file, the rules, the document as it prints, its spelling
    {"exchange", "validation", "official", "spelling"},
    {"convert", "printing", "store", "signatures"},  # other formats, the PDF, the draft store, PDF signatures
    {"ui", "cli", "cli_drafts", "cli_io", "cli_output", "cli_verify", "__main__"},  # the window and the command line
]
FACES = LAYERS[-1]


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports (absolute names), with its line."""
    package = ".".join(("kopsavilkums", *path.relative_to(SRC).with_suffix("").parts[:-1]))
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
            found.append((node.lineno, base))
    return found


def _modules(*, outside: set[str]):
    for path in SRC.rglob("*.py"):
        top = path.relative_to(SRC).parts[0].removesuffix(".py")
        if top not in outside:
            yield path


def test_only_the_ui_package_imports_qt():
    offenders = [
        f"{path.relative_to(SRC)}:{line} {name}"
        for path in _modules(outside={"ui"})
        for line, name in _imports(path)
        if name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
    ]
    assert offenders == []


def test_the_core_imports_nothing_of_the_window_or_the_command_line():
    faces = {f"kopsavilkums.{face}" for face in FACES}
    offenders = [
        f"{path.relative_to(SRC)}:{line} {name}"
        for path in _modules(outside=FACES)
        for line, name in _imports(path)
        if any(name == face or name.startswith(face + ".") for face in faces)
    ]
    assert offenders == []


#: Where a PDF is made on a user's request: only there may printing (and ReportLab) be imported.
PRINTING_CLIENTS = {("ui/pdf.py", "build_pdf"), ("convert/writing.py", "_pdf")}


def _imports_with_function(tree: ast.AST):
    """(imported module, enclosing function name or None, line) for every import in ``tree``."""

    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, function, child.lineno
            elif isinstance(child, ast.ImportFrom) and child.module:
                names = [child.module] + [f"{child.module}.{alias.name}" for alias in child.names]
                for name in names:
                    yield name, function, child.lineno
            yield from visit(child, inner)

    yield from visit(tree, None)


def test_only_printing_and_the_pdf_commands_import_printing_or_reportlab():
    """The core (validation, the store, exchange…) must not need the printing engine: which
    characters the print fonts draw comes from kopsavilkums.glyphs. Every client on the list
    still imports it (a stale entry would let a new import there pass unseen)."""
    offenders, clients = [], set()
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("printing/"):
            continue
        for name, function, line in _imports_with_function(ast.parse(path.read_text("utf-8"))):
            printing = name == "kopsavilkums.printing" or name.startswith("kopsavilkums.printing.")
            if not (printing or name.split(".")[0] == "reportlab"):
                continue
            if (relative, function) in PRINTING_CLIENTS:
                clients.add((relative, function))
            else:
                offenders.append(f"{relative}:{line} imports {name}")
    assert offenders == []
    assert clients == PRINTING_CLIENTS, f"on the list but importing no printing: {PRINTING_CLIENTS - clients}"


# --------------------------------------------------------------------------- the layers


def _unit(name: str) -> str | None:
    """The top-level module or package of ``kopsavilkums`` that ``name`` lies in (``__init__``
    for a name the package itself defines, as ``kopsavilkums.APP_NAME``); None outside it."""
    parts = name.split(".")
    if parts[0] != "kopsavilkums":
        return None
    if len(parts) == 1 or not ((SRC / parts[1]).is_dir() or (SRC / f"{parts[1]}.py").is_file()):
        return "__init__"
    return parts[1]


def _unit_graph() -> dict[str, set[tuple[str, str]]]:
    """For each top-level module or package, what other ones it imports (the name and where)."""
    graph: dict[str, set[tuple[str, str]]] = {}
    for path in SRC.rglob("*.py"):
        unit = path.relative_to(SRC).parts[0].removesuffix(".py")
        graph.setdefault(unit, set())
        for line, name in _imports(path):
            imported = _unit(name)
            if imported is not None and imported != unit:
                graph[unit].add((imported, f"{path.relative_to(SRC).as_posix()}:{line}"))
    return graph


def upward_imports(graph: dict[str, set[tuple[str, str]]], layers: list[set[str]]) -> list[str]:
    """Every import in ``graph`` of a unit in a higher layer than the importer's, and every unit
    that no layer holds."""
    level = {unit: n for n, units in enumerate(layers) for unit in units}
    found = [f"{unit} is in no layer" for unit in sorted(graph) if unit not in level]
    for unit, imports in sorted(graph.items()):
        for imported, where in sorted(imports):
            if unit in level and level.get(imported, len(layers)) > level[unit]:
                found.append(f"{where}: {unit} (layer {level[unit]}) imports {imported} (layer {level.get(imported)})")
    return found


def test_every_module_imports_only_from_its_own_layer_or_below():
    assert upward_imports(_unit_graph(), LAYERS) == []


def test_the_layer_check_catches_an_upward_import_and_an_unplaced_module():
    graph = {
        "report": {("messages", "report.py:3")},
        "store": {("exchange", "store/drafts.py:9")},
        "exchange": {("report", "exchange.py:5"), ("store", "exchange.py:7")},  # the draft file reaching up
        "newcomer": set(),
    }
    assert upward_imports(graph, LAYERS) == [
        "newcomer is in no layer",
        "exchange.py:7: exchange (layer 1) imports store (layer 2)",
    ]


def test_every_layered_name_exists():
    """A module that was renamed or removed leaves the table, so the table says what is there."""
    there = {path.name.removesuffix(".py") for path in SRC.iterdir() if path.is_dir() or path.suffix == ".py"}
    assert set().union(*LAYERS) - there == set()


def test_the_window_and_the_command_line_use_the_store_through_its_front_door():
    offenders = [
        f"{path.relative_to(SRC)}:{line} {name}"
        for path in SRC.rglob("*.py")
        if path.relative_to(SRC).parts[0].removesuffix(".py") != "store"
        for line, name in _imports(path)
        if name.startswith("kopsavilkums.store.") and name.split(".")[2] not in _store_api()
    ]
    assert offenders == []


def _store_api() -> set[str]:
    """What ``kopsavilkums/store/__init__.py`` exports (``from kopsavilkums.store import X``)."""
    import kopsavilkums.store

    return set(kopsavilkums.store.__all__)


# --------------------------------------------------------------------------- no circles


def _module_graph() -> dict[str, set[str]]:
    """Module → the modules of ``kopsavilkums`` it imports, anywhere in it (an import inside a
    function hides a circle from Python, not from here). ``from package import module`` counts
    as importing the module."""
    modules = {}
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).with_suffix("")
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        modules[".".join(("kopsavilkums", *parts))] = path
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        found = {name for _, name in _imports(path)}
        # "from kopsavilkums.store import records": records, not the package around it
        found -= {name.rpartition(".")[0] for name in found if name in modules}
        graph[module] = set()
        for name in found:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                graph[module].add(name)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that reach one another through their imports."""

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    reached = {module: reach(module) for module in graph}
    groups = {frozenset(m for m in reached[module] if module in reached[m]) for module in graph}
    return sorted(sorted(group) for group in groups if group)


def test_no_module_imports_itself_through_others():
    assert circles(_module_graph()) == []


def test_the_circle_check_finds_a_circle_hidden_in_a_function():
    graph = {"cli": {"cli_drafts", "cli_io"}, "cli_drafts": {"cli_io"}, "cli_io": set()}
    assert circles(graph) == []
    graph["cli_drafts"].add("cli")  # "from kopsavilkums.cli import read_input" inside a function
    assert circles(graph) == [["cli", "cli_drafts"]]
