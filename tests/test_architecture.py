"""The dependency rules of docs/architecture.md, checked on the source."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "kopsavilkums"
FACES = {"ui", "cli", "cli_drafts", "__main__"}  # the window and the command line


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
PRINTING_CLIENTS = {("cli.py", "_cmd_pdf"), ("ui/pdf.py", "build_pdf"), ("convert/writing.py", "_pdf")}


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
    characters the print fonts draw comes from kopsavilkums.glyphs."""
    offenders = []
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("printing/"):
            continue
        for name, function, line in _imports_with_function(ast.parse(path.read_text("utf-8"))):
            printing = name == "kopsavilkums.printing" or name.startswith("kopsavilkums.printing.")
            if (printing or name.split(".")[0] == "reportlab") and (relative, function) not in PRINTING_CLIENTS:
                offenders.append(f"{relative}:{line} imports {name}")
    assert offenders == []


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
