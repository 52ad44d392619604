"""Bilingual (Chinese → English) briefing digests from Chinese news sources.

Pipeline, one module per stage (data flows one way, see ``data.py`` for what crosses):
``read`` → ``reflow`` → ``segment`` → ``analyse`` (``sentences``, ``summarise``,
``figures``, ``keywords``) → ``translate`` → ``render``; ``pipeline`` wires them and
``cli`` is the command line.
"""

__version__ = "0.1.0"
