"""The error every stage may raise for a problem the user can fix (shown as one line)."""


class UserError(Exception):
    """Reported as ``briefing: error: <message>`` with a non-zero exit, never a traceback."""
