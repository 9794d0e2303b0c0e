"""Readers of other formats: published summaries in any layout, and PDFs."""
