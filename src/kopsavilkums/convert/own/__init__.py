"""Our own files read back exactly (the Word file and web page Kopsavilkums wrote), and what they carry."""
