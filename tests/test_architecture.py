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
