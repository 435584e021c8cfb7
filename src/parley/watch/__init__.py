"""Continuous intake (``parley watch``): poll RSS/Atom feeds and sitemaps, fetch the articles they
list politely (``fetch``), read each page as a document (``page``), extract and store it, and remember
in the store what was fetched (``parley.store.intake``) so that no poll, and no restart, fetches an
article twice unless its source says it changed.
"""
