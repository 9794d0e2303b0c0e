"""Writers of the other formats: Word, the web page, the published text."""
