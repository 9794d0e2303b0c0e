"""PDF printing: report → print model → PDF bytes. No Qt, no storage access while drawing."""

from __future__ import annotations

from kopsavilkums.report import Report
from kopsavilkums.validation import Problem


def render_pdf(report: Report, problems: list[Problem] | None = None) -> bytes:
    """The printable PDF of ``report``. ``problems`` defaults to final validation; while it has
    errors every page carries the ``MELNRAKSTS`` mark. The PDF carries the report's draft file as
    an attachment, so opening the PDF in Kopsavilkums gives the same draft again."""
    # ReportLab is imported here, not at module import, so `kopsavilkums validate` and the
    # window start without paying for it.
    from kopsavilkums import exchange, official
    from kopsavilkums.printing.lean_import import import_reportlab

    import_reportlab()
    from kopsavilkums.printing import document

    return document.render(official.build(report, problems), attachment=exchange.dumps(report).encode("utf-8"))
