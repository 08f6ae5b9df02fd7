"""Press-release drafting for Humas: recorded activity in, Indonesian release text out.

Pure standard library (no Django, no database): the humas app wraps it.

    >>> release = draft_release(activity_dict)
    >>> print(release.title, release.body, sep="\\n\\n")
"""

from .compose import draft_release
from .factcheck import find_invented, find_invented_quotes, find_invented_tokens
from .grammar import grammar_problems
from .model import ActivityInput, ActivityInputError, FieldProblem, Official, Quote, Release, Role
from .parsing import parse_activity

__all__ = [
    "ActivityInput",
    "ActivityInputError",
    "FieldProblem",
    "Official",
    "Quote",
    "Release",
    "Role",
    "draft_release",
    "find_invented",
    "find_invented_quotes",
    "find_invented_tokens",
    "grammar_problems",
    "parse_activity",
]
