"""Noun-phrase tags ("said the gentleman", "the girl replied", "his eyes said") resolved on
short invented passages whose speaker is plain from general English."""
from tests.conftest import speakers

_FILLER = ("The afternoon wore on slowly and nothing of any note happened in the house for a "
           "long while; the clocks ticked, the fire settled in the grate, the rain came and went "
           "against the windows, and the servants went about their business below. ") * 5


def test_a_bare_description_is_the_fuller_one_of_the_same_exchange():
    # the tags have bound "the old gentleman" to Mr. Hale (two turns from him, twice); in the
    # last exchange the narration is about Tom, but "the gentleman" who speaks with Jenny is
    # the old gentleman of that same exchange
    scene = ('Jenny sat by the fire, and she read her book.\n\n'
             '"Good evening," said Mr. Hale.\n\n'
             '"Good evening, sir," said Jenny.\n\n'
             '"Is it {0}?" said the old gentleman.\n\n'
             '"Not at all," said Jenny.\n\n'
             '"Then I shall go out," said Mr. Hale.\n\n')
    text = ('"Hullo," said Tom.\n\n"Hullo," said Jenny.\n\n' + _FILLER + "\n\n"
            + scene.format("raining") + _FILLER + "\n\n"
            + scene.format("snowing") + _FILLER + "\n\n"
            + "Tom went down the lane, and he whistled as he went. Jenny waited at the gate.\n\n"
            + '"Where are you going?" said the gentleman.\n\n'
            + '"Home," said Jenny.\n\n'
            + '"May I come with you?" asked the old gentleman.\n')
    got = speakers(text)
    assert got[-3:] == ["MR. HALE", "JENNY", "MR. HALE"]


def test_the_girl_is_not_a_married_woman_named_nearby():
    # Mrs. Grey is the woman named last, but "the girl" is not a Mrs.: she is Alice
    text = ('"Is it raining?" said Alice.\n\n"A little," said Mr. Dean.\n\n' + _FILLER + "\n\n"
            'Alice came in with Mr. Dean, and she shook the rain from her coat. Mrs. Grey put '
            'down her knitting.\n\n'
            '"You are late," said Mr. Dean.\n\n'
            '"I am sorry," said the girl.\n')
    assert speakers(text)[-1] == "ALICE"
