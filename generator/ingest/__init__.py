"""Ingest stages: source files in, articles out.

``readers`` (a file → :class:`~generator.data.Document`), ``reflow`` (layout damage repaired
into blocks) and ``segment`` (blocks → :class:`~generator.data.Article`), with the rules they
share: ``datelines``, ``furniture`` (captions, bylines, page headers) and ``metadata``.
"""
