"""Problems the user can fix, one class per kind, all under :class:`UserError`.

The command line prints any ``UserError`` as ``briefing: error: <message>`` on one line and
exits non-zero; everything else is a bug and keeps its traceback. Each stage raises the
class of its own kind, so ``cli`` recognises a user error with one ``isinstance`` check.
"""

import re

# Characters that would break a one-line message or act on the terminal: C0 and C1 controls
# (newlines, escape sequences), line and paragraph separators, bidirectional overrides.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` safe to print as one line: the characters above written as escapes (``\\n``, ``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class UserError(Exception):
    """Reported as one line with a non-zero exit, never a traceback."""


class ConfigError(UserError):
    """``briefing.yaml`` cannot be used."""


class GlossaryError(UserError):
    """The glossary file cannot be used."""


class SourceError(UserError):
    """A source file that cannot be used; the message names the file and says why."""


class PackageError(UserError):
    """A translation package file, or the package index, cannot be used."""


class ModelMissing(UserError):
    """No zh→en translation package is installed."""

    def __init__(self) -> None:
        super().__init__(
            "no zh→en translation model installed; run `briefing model install FILE.argosmodel` "
            "(offline) or `briefing model install` (from the Argos index)"
        )
