"""Report → a web page shaped like the ministries' published summaries.

A whole page (:func:`html_page`: ``lang="lv"``, UTF-8, a small print-friendly stylesheet, no scripts,
nothing loaded from elsewhere) or the table alone (:func:`html_fragment`) for pasting into a
ministry's web page. The official table is a real table: the labels are ``<th scope="row">``,
objectives and indicators are ordered lists that show ``1.`` and ``1)`` as the published pages
write them (the numbers are text, so a copied list keeps them), the budget is a table of its own
with ``<th scope="col">``.

Every value is escaped (:func:`html.escape`, quotes too) and wrapped in an element naming its field
(``data-field="indicators[2].note"``), so :func:`kopsavilkums.convert.own.web_page.read_own_html` reads the page back
exactly; where the page shows a value differently (trimmed, or ``Nav`` for an empty one)
``data-value`` / ``data-empty`` say what it holds.
"""

from __future__ import annotations

from html import escape

from kopsavilkums import __version__, official
from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.convert.writers.tagged_runs import BudgetGrid, Para, Piece, Tagged, layout
from kopsavilkums.formats import format_year
from kopsavilkums.report import Report
from kopsavilkums.validation import Problem

#: Shown numbers as the published pages write them: our own, so no list marker on top.
_LIST_STYLE = "list-style-type: none"

STYLESHEET = """
body { margin: 0; color: #000; background: #fff;
  font: 12pt/1.35 "Times New Roman", "Liberation Serif", Tinos, serif; }
main { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.25em; text-align: center; margin: 0 0 1em; }
p { margin: 0 0 .35em; }
main, td, th { overflow-wrap: anywhere; word-break: break-word; }  /* a 5,000-character URL wraps */
.galvene { font-size: .95em; margin: 0 0 .2em; }
table { border-collapse: collapse; }
table.kopsavilkums { width: 100%; margin: 1em 0; table-layout: fixed; }
table.kopsavilkums > tbody > tr > th, table.kopsavilkums > tbody > tr > td {
  border: 1px solid #000; padding: .35em .5em; vertical-align: top; text-align: left; }
table.kopsavilkums > tbody > tr > th { width: 32%; font-weight: bold; font-size: .95em; }
table.kopsavilkums td > :last-child { margin-bottom: 0; }
ol.numuri { padding: 0; margin: .3em 0 .4em; }
ol.numuri > li { padding-left: 1.8em; text-indent: -1.8em; margin: .15em 0; }
ol.numuri .nr { display: inline-block; width: 1.8em; text-indent: 0; }
.detalas { display: block; text-indent: 0; color: #595959; font-size: .9em; }
table.budzets { width: 100%; font-size: .95em; }
table.budzets th, table.budzets td { border: 1px solid #595959; padding: .15em .4em; text-align: left; }
table.budzets td, table.budzets tfoot th { text-align: right; white-space: nowrap; }
table.budzets tbody th { font-weight: normal; }
table.budzets tfoot th[scope="row"] { text-align: left; }
table.paraksts { margin-top: 2.5em; }
table.paraksts th { text-align: left; padding: .6em 1.5em 0 0; vertical-align: bottom; width: 17em; }
table.paraksts td { padding: .6em 0 0; min-width: 16em; vertical-align: bottom; }
table.paraksts td.linija { border-bottom: 1px solid #000; }
.e-paraksts { font-weight: bold; margin-top: 1.5em; }
.sagatavoja { color: #595959; font-size: .9em; margin-top: 2em; }
.melnraksts { position: fixed; top: 45%; left: 50%; z-index: -1; margin: 0; pointer-events: none;
  transform: translate(-50%, -50%) rotate(-52deg); font-size: 6rem; font-weight: bold;
  color: rgba(204, 26, 26, .16); letter-spacing: .05em; white-space: nowrap; }
@media print {
  @page { size: A4; margin: 20mm 18mm 22mm 25mm; }
  body { font-size: 11pt; }
  main { max-width: none; margin: 0; padding: 0; }
  table.kopsavilkums > tbody > tr { break-inside: auto; }
  .melnraksts { top: 50%; font-size: 88pt; }
}
"""


def html_page(report: Report, problems: list[Problem] | None = None) -> str:
    """A whole web page; ``problems`` defaults to final validation (errors → MELNRAKSTS)."""
    t = layout(report, problems)
    title = escape(t.model.title, quote=True)
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="lv">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="Kopsavilkums {escape(__version__)}">\n',
        f"<title>{_breakless(clean(title))}</title>\n",  # no control character reaches a tab's title
        f"<style>{STYLESHEET}</style>\n</head>\n<body>\n<main>\n",
    ]
    if t.draft:
        parts.append(f'<p class="melnraksts">{official.DRAFT_MARK}</p>\n')
    parts.append(f'<h1 id="virsraksts"{_value_attributes(t.title.pieces[0])}>{_text(t.title.pieces[0].text)}</h1>\n')
    for fact in t.header:
        label, value = fact.pieces
        parts.append(f'<p class="galvene">{_text(label.text)}{_span(value)}</p>\n')
    for extra in t.extra:
        parts.append(f"<p hidden>{''.join(_span(p) for p in extra.pieces)}</p>\n")
    parts.append(_table(t, labelled_by="virsraksts"))
    parts.append(_signature(t))
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def html_fragment(report: Report, problems: list[Problem] | None = None) -> str:
    """The official table alone, for a ministry's web page (*Copy for the web page*)."""
    return _table(layout(report, problems))


# ---------------------------------------------------------------------------------- the table


def _table(t: Tagged, labelled_by: str = "") -> str:
    attributes = f' aria-labelledby="{labelled_by}"' if labelled_by else ""
    out = [f'<table class="kopsavilkums"{attributes}>\n<tbody>\n']
    for row in t.rows:
        out.append(f'<tr><th scope="row">{_text(row.label)}</th><td>')
        out.append(_blocks(row.blocks))
        out.append("</td></tr>\n")
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def _blocks(blocks: list[Para | BudgetGrid]) -> str:
    out: list[str] = []
    list_open = ""
    for block in blocks:
        role = block.role if isinstance(block, Para) else "budget"
        if role == "print_note" and isinstance(block, Para) and block.item:
            role = "details"  # an indicator's details in the model's words
        wanted = {"objective": "objective", "indicator": "indicator", "details": "indicator"}.get(role, "")
        if list_open and wanted != list_open:
            out.append("</li></ol>")
            list_open = ""
        if isinstance(block, BudgetGrid):
            out.append(_budget(block))
            continue
        if wanted and not list_open:
            out.append(f'<ol class="numuri" style="{_LIST_STYLE}">')
            list_open = wanted
        elif wanted and role != "details":
            out.append("</li>")
        if role == "details":
            out.append(f'<span class="detalas">{_pieces(block.pieces)}</span>')
        elif wanted:
            out.append(_item(block))
        else:
            out.append(_para(block))
    if list_open:
        out.append("</li></ol>")
    return "".join(out)


def _item(para: Para) -> str:
    attributes = f' data-item="{para.item}"'
    if para.carried_over:
        attributes += ' data-carried-over="true"'
    if para.hidden:
        attributes += " hidden"
    number = f'<span class="nr">{para.number}</span>' if para.number else ""
    return f"<li{attributes}>{number}{''.join(_span(p) for p in para.pieces)}"


def _para(para: Para) -> str:
    hidden = " hidden" if para.hidden else ""
    if para.role == "text" and len(para.pieces) == 1 and para.pieces[0].path and para.pieces[0].verbatim:
        piece = para.pieces[0]
        if "\n\n" in piece.text:  # paragraphs of one value: a block that holds them
            paragraphs = "".join(f"<p>{_text(chunk)}</p>" for chunk in piece.text.split("\n\n"))
            return f"<div{_value_attributes(piece)}{hidden}>{paragraphs}</div>"
        return f"<p{_value_attributes(piece)}{hidden}>{_text(piece.text)}</p>"
    grey = ' class="detalas"' if para.role == "print_note" else ""
    return f"<p{grey}{hidden}>{_pieces(para.pieces)}</p>"


def _budget(grid: BudgetGrid) -> str:
    head = "".join(f'<th scope="col">{_text(h)}</th>' for h in grid.header)
    out = [f'<table class="budzets"><thead><tr>{head}</tr></thead><tbody>']
    for year, cells in grid.rows:
        amounts = "".join(f"<td{_value_attributes(c)}>{_text(c.text)}</td>" for c in cells)
        out.append(f'<tr><th scope="row">{format_year(year)}</th>{amounts}</tr>')
    out.append("</tbody>")
    if grid.show_total:
        totals = "".join(f"<td>{_text(t)}</td>" for t in grid.total)
        out.append(f'<tfoot><tr><th scope="row">{official.TOTAL}</th>{totals}</tr></tfoot>')
    out.append("</table>")
    return "".join(out)


# ------------------------------------------------------------------------------ below it


def _signature(t: Tagged) -> str:
    out = ['<table class="paraksts">\n']
    for line in t.signature:
        cell = ' class="linija"' if line.blank else ""
        out.append(f'<tr><th scope="row">{_text(line.label)}:</th><td{cell}>{_pieces(line.pieces)}</td></tr>\n')
    out.append("</table>\n")
    if t.signing == "e_signature":
        note = _text(official.E_SIGNATURE_NOTE)
        out.append(f'<p class="e-paraksts" data-field="signatory.signing" data-value="e_signature">{note}</p>\n')
    pieces = t.prepared_by.pieces
    if t.model.prepared_by:
        out.append(f'<p class="sagatavoja">{official.PREPARED_BY}: {_pieces(pieces)}</p>\n')
    elif pieces:
        out.append(f"<p hidden>{_pieces(pieces)}</p>\n")
    return "".join(out)


# --------------------------------------------------------------------------------- values


def _pieces(pieces: tuple[Piece, ...]) -> str:
    return "".join(_span(p) if p.path else _text(p.text) for p in pieces)


def _span(piece: Piece) -> str:
    if not piece.verbatim:  # the model's rewording (a cut text) is shown; the value rides along unseen
        unseen = Piece("", piece.path, value=piece.value if piece.value is not None else piece.text)
        return f"<span>{_text(piece.text)}</span>{_span(unseen)}"
    return f"<span{_value_attributes(piece)}>{_text(piece.text)}</span>"


def _value_attributes(piece: Piece) -> str:
    if not piece.path:
        return ""
    out = f' data-field="{piece.path}"'
    if not piece.text and piece.value:  # a value the page does not show (blank, or not printed)
        out += " hidden"
    if piece.value is not None:
        out += f' data-value="{_attribute(piece.value)}"'
    if piece.empty:
        out += f' data-empty="{_attribute(piece.empty)}"'
    return out


def _text(text: str) -> str:
    """User text as HTML text: escaped, line breaks as ``<br>``."""
    return escape(text, quote=True).replace("\n", "<br>")


def _attribute(text: str) -> str:
    # Attribute values keep their line breaks and tabs only when written as references.
    return escape(text, quote=True).replace("\n", "&#10;").replace("\t", "&#9;")


def _breakless(text: str) -> str:
    return " ".join(text.split())
