"""The arrows of GUIDE §3: Qt is imported under kopsavilkums/ui alone."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "kopsavilkums"


def test_only_the_ui_package_imports_qt():
    offenders = []
    for path in SRC.rglob("*.py"):
        if "ui" in path.relative_to(SRC).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"} for n in names):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []


#: Where a PDF is made on a user's request: only there may printing (and ReportLab) be imported.
PRINTING_CLIENTS = {("cli.py", "_cmd_pdf"), ("ui/pdf.py", "build_pdf")}


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
