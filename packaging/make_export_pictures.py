"""Regenerate the README's pictures of the Word file and the web page, as a user sees them.

    python packaging/make_export_pictures.py

Exports the complete example draft (the Latgale youth forum) and looks at each output the way a
ministry clerk would: the ``.docx`` opened by LibreOffice (converted headless to PDF, first page
through ``pdftoppm -png -r 60``) and the ``.html`` in headless Chromium. Writes
docs/images/export-docx.png and docs/images/export-html.png. Needs ``soffice``
(libreoffice-writer-nogui), ``pdftoppm`` (poppler-utils) and ``chromium``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images"
EXAMPLE = ROOT / "resources" / "examples" / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"
WINDOW = (1000, 1300)


def main() -> int:
    from kopsavilkums import exchange
    from kopsavilkums.convert.writers.web_page import html_page
    from kopsavilkums.convert.writers.word import docx_bytes

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if browser is None:
        missing.append("chromium")
    if missing:
        print(f"missing: {', '.join(missing)}", file=sys.stderr)
        return 1
    report = exchange.read(EXAMPLE)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docx = work / "kopsavilkums.docx"
        docx.write_bytes(docx_bytes(report))
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(work / "kopsavilkums.pdf"),
             str(OUT / "export-docx")],
            check=True,
        )  # fmt: skip
        page = work / "kopsavilkums.html"
        page.write_text(html_page(report), "utf-8")
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--screenshot={OUT / 'export-html.png'}", f"--window-size={WINDOW[0]},{WINDOW[1]}", page.as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )  # fmt: skip
    for name in ("export-docx.png", "export-html.png"):
        print(OUT / name, f"{(OUT / name).stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
