"""The only writes of the gazette: documents, relations, issues, import."""
