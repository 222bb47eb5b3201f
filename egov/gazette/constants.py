"""Limits of the gazette's fields and lists."""

CODE_MAX = 60
TITLE_MAX = 1000
NAME_MAX = 255
SCOPE_MAX = 255
REASON_MAX = 1000
#: Characters of the full text kept in the search index (the text itself is kept whole).
INDEXED_TEXT_MAX = 200_000
#: Public search results per page.
PAGE_SIZE = 20
#: Entries of the Atom feed.
FEED_SIZE = 50
#: Rows of one import file.
IMPORT_MAX_ROWS = 5_000
