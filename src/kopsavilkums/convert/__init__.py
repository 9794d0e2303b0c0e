"""Summaries in and out of other formats.

In: a draft file, a PDF made by Kopsavilkums (it carries its draft), the text copied from a
ministry's web page, that page saved as HTML, a Word ``.docx`` as NGOs keep it — recognised by
content, whatever the file is called (:mod:`kopsavilkums.convert.reading`). Out: Word, a web
page, the published text shape (:mod:`kopsavilkums.convert.writing`), besides the PDF and the draft
file. Everything here is core: no Qt.

- ``own/``: our own Word file and web page, read back exactly while what they show agrees with
  the draft they carry;
- ``readers/``: every other input, in any layout (a table, headings, bold labels, lists);
- ``writers/``: the Word file, the web page and the published text, all from the print model.
"""
