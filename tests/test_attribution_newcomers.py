"""A third person joining a two-person scene: introductions, newcomers, who answers whom.
Short invented passages whose speakers are plain from general English."""
from tests.conftest import speakers


def test_in_a_mutual_introduction_the_one_presented_last_speaks_next():
    # "This is Helen. Helen, this is Martha.": Helen is presented to Martha first, so the
    # woman who answers is Martha, though the line calls Helen by name
    text = ("Martha waited at the gate. Paul came up the lane with Helen beside him, and "
            "Martha smiled at them both.\n\n"
            '"Martha, hello," Paul says.\n\n'
            '"Hello, Paul."\n\n'
            '"This is Helen. Helen, this is Martha."\n\n'
            '"What a lovely name," she says.\n\n'
            '"Thank you."\n')
    assert speakers(text)[2:4] == ["PAUL", "MARTHA"]
