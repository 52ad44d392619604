"""YAML written by users (front matter, sidecars, sources.yaml, briefing.yaml, the glossary), read safely.

PyYAML's safe loader still expands aliases when anything walks the result (nine nested
anchors, a "billion laughs", become 10^9 strings and gigabytes of memory), turns an
impossible ``date: 2025-02-30`` into a bare ``ValueError``, and meets a 5,000-digit number
or 10,000 nested brackets with ``ValueError`` or ``RecursionError``. Here an alias is refused
where the parser meets it, before anything is built; dates stay text (the caller checks
them and can say which key was wrong); and every failure is a :class:`YAMLError` with a
one-line message.

libyaml's parser is used where PyYAML has it: every Markdown source's front matter is read,
and libyaml reads a front matter some 20 times faster than the pure-Python parser.
"""

from __future__ import annotations

import yaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class YAMLError(yaml.YAMLError):
    """Unusable YAML; ``str()`` is one line that says why and where."""


class _AliasFound(Exception):
    def __init__(self, anchor: str, line: int) -> None:
        self.anchor, self.line = anchor, line


_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SAFE):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml's where PyYAML has it) with timestamps left as text."""


def _refuse_aliases(text: str) -> None:
    """Raise at the first alias, before anything is built (an alias needs a ``*``)."""
    if "*" not in text:
        return
    for event in yaml.parse(text, Loader=_SAFE):
        if isinstance(event, yaml.AliasEvent):
            raise _AliasFound(event.anchor or "", event.start_mark.line if event.start_mark else 0)


def _timestamp_as_text(loader: _Loader, node: yaml.Node) -> object:
    return loader.construct_yaml_str(node)


_Loader.add_constructor(_TIMESTAMP, _timestamp_as_text)


def load_yaml(text: str, *, first_line: int = 1) -> object:
    """The data in ``text``; ``first_line``: the file line ``text`` starts on, for messages."""
    try:
        _refuse_aliases(text)
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except _AliasFound as exc:
        raise YAMLError(f"aliases (*{exc.anchor}) are not accepted (line {exc.line + first_line})") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" (line {mark.line + first_line}, column {mark.column + 1})" if mark is not None else ""
        raise YAMLError(f"{exc.problem or exc.context or 'invalid YAML'}{where}") from None
    except yaml.YAMLError as exc:
        raise YAMLError(str(exc).splitlines()[0] if str(exc) else "invalid YAML") from None
    except RecursionError:
        raise YAMLError("nested too deeply") from None
    except ValueError as exc:  # a constructor: too many digits, '!!float abc', ...
        raise YAMLError(f"a value that cannot be read: {str(exc).splitlines()[0][:80]}") from None

