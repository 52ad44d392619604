"""Problems the user can fix, one class per kind, all under :class:`UserError`.

The command line prints any ``UserError`` as ``briefing: error: <message>`` on one line and
exits non-zero; everything else is a bug and keeps its traceback. Each stage raises the
class of its own kind, so ``cli`` recognises a user error with one ``isinstance`` check.
"""


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
