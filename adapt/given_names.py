"""The usual gender of given names ("Edmund" M, "Brenda" F), from gender-guesser's name list.

gender-guesser parses its whole 4 MB list (~0.25 s) whenever a Detector is made, and a story
needs a few dozen names: so its verdicts (male or mostly male, female or mostly female) are
kept as one table in the user's cache folder, under a name made from the list's size and
time, and read back with marshal in a few milliseconds. A cache that cannot be read or
written is only slower; without the package there is no table and pronouns alone decide.
"""
from __future__ import annotations

import functools
import os

from .user_cache import cached_table

try:
    from gender_guesser import detector as _detector
except ImportError:
    _detector = None

_VERDICT = {"male": "M", "mostly_male": "M", "female": "F", "mostly_female": "F"}


def genders(names) -> dict[str, str]:
    """{name: "M" or "F"} for those of `names` the list gives a gender, or mostly one."""
    table = _table()
    return {n: table[n] for n in names if n in table}


@functools.lru_cache(maxsize=None)
def _table() -> dict[str, str]:
    if _detector is None:
        return {}
    path = os.path.join(os.path.dirname(_detector.__file__), "data", "nam_dict.txt")
    try:
        stat = os.stat(path)
    except OSError:
        return {}

    def build():
        detector = _detector.Detector(case_sensitive=True)
        verdicts = ((name, _VERDICT.get(detector.get_gender(name))) for name in detector.names)
        return {name: v for name, v in verdicts if v and name[:1].isupper()}
    return cached_table(f"given-names-{stat.st_size}-{stat.st_mtime_ns}", build,
                        replaces="given-names-")
