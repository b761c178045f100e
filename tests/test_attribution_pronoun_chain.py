"""A paragraph that opens on one person and ends, by a pronoun, on another: "Tom sat
down. Mr. Harland had closed the piano. He crossed the room..." is about Mr. Harland when
the quote comes, not about Tom, whom it opened on."""
from conftest import speakers

_OPENING = '''Mr. Harland stood by the piano, and Tom leaned on the mantelpiece. Miss Ada Crane sat by the lamp with her work.

"Will you sing again?" asked Miss Ada Crane.

"Not tonight," said Mr. Harland.

"Then I shall sing," said Tom.

"Please do," said Miss Ada Crane.

Tom sang two songs, badly, and nobody asked for a third.

'''


def test_the_pronoun_ending_the_quotes_paragraph_carries_on_the_name_before_it():
    text = _OPENING + '''Tom was tired; he sat down by the fire and stared at it. Mr. Harland had closed the piano. He crossed the room and stood beside Miss Ada Crane. "Will you come and see the garden before it is dark?"

"Gladly," she said.
'''
    assert speakers(text)[4:] == ["MR. HARLAND", "MISS ADA CRANE"]


def test_the_pronoun_ending_the_paragraph_before_carries_on_the_name_before_it():
    text = _OPENING + '''The fire had burned low, and Tom sat down beside it. Mr. Harland had closed the piano. He crossed the room and stood beside Miss Ada Crane.

"Will you come and see the garden before it is dark?"

"Gladly," she said.
'''
    assert speakers(text)[4:] == ["MR. HARLAND", "MISS ADA CRANE"]


def test_a_pronoun_of_the_other_sex_carries_on_no_one():
    # "She" is not Mr. Harland: the paragraph stays with Tom, whom it opened on
    text = _OPENING + '''Tom was tired; he sat down by the fire and stared at it. Mr. Harland had closed the piano. She put down her work and looked at him. "Will you not sing one more?"
'''
    assert speakers(text)[4] != "MR. HARLAND"


# "Nobody spoke, but Mr. Harland struck his hands together.": the name opening a
# sentence's last clause is whom the sentence ends on, though the sentence opens on none.
_LAST_CLAUSE = "Nobody spoke for a while, and the fire burned low; but Mr. Harland suddenly " \
    "struck his hands together."


def test_the_name_opening_the_last_clause_of_the_paragraph_before_speaks():
    text = _OPENING + _LAST_CLAUSE + '''

"I have it! We shall all go to the river tomorrow."

"Oh, yes," said Miss Ada Crane.
'''
    assert speakers(text)[4:] == ["MR. HARLAND", "MISS ADA CRANE"]


def test_the_name_opening_the_last_clause_before_the_quote_speaks():
    text = _OPENING + _LAST_CLAUSE + ''' "I have it! We shall all go to the river tomorrow."

"Oh, yes," said Miss Ada Crane.
'''
    assert speakers(text)[4:] == ["MR. HARLAND", "MISS ADA CRANE"]


def test_a_name_in_a_clause_that_is_no_main_one_is_not_whom_it_ends_on():
    from adapt.attribution import _last_clause_subject
    from adapt.cast import Cast
    cast = Cast()
    harland = cast.new(["Mr. Harland"])
    ada = cast.new(["Ada"])
    assert _last_clause_subject(_LAST_CLAUSE, cast) is harland
    assert _last_clause_subject("Nobody spoke, and the fire burned low, when Mr. Harland came in.",
                                cast) is None
    assert _last_clause_subject("Tom sat by the fire between Ada and Mr. Harland, and nodded.",
                                cast) is None
    assert _last_clause_subject("The fire burned low, and Ada's work lay untouched.", cast) is None
    assert _last_clause_subject("Mr. Harland sat down, and Ada went on with her work.", cast) is None


# "Tom was still sulking, but Mr. Harland went on with his questions.": a sentence opening on
# one name whose later main clause opens on another ends on the one who acts last.
_LATER = "Tom sat down by the fire, but Mr. Harland went on turning the pages of his music."


def test_the_name_opening_a_later_main_clause_of_the_paragraph_before_speaks():
    text = _OPENING + _LATER + '''

"I have it! We shall all go to the river tomorrow."

"Oh, yes," said Miss Ada Crane.
'''
    assert speakers(text)[4:] == ["MR. HARLAND", "MISS ADA CRANE"]


def test_a_later_name_that_only_thinks_or_is_does_not_end_the_sentence():
    from adapt.attribution import _later_subject
    from adapt.cast import Cast
    cast = Cast()
    tom = cast.new(["Tom"])
    harland = cast.new(["Mr. Harland"])
    cast.new(["Ada"])
    assert _later_subject(_LATER, cast) is harland
    assert _later_subject("Tom sat down; and Mr. Harland, with a sigh, closed the piano.",
                          cast) is harland
    assert _later_subject("Tom sat down, and Mr. Harland thought he looked tired.", cast) is None
    assert _later_subject("Tom sat down, and Mr. Harland too looked tired.", cast) is None
    assert _later_subject("Tom sat down, and Mr. Harland's music fell to the floor.", cast) is None
    assert _later_subject("Mr. Harland sat down, and Tom went on with his work.", cast) is tom
    assert _later_subject("The fire burned low, and Ada went on with her work.", cast) is None


# ... and a pronoun tag after it goes by that later name too, as by a sentence's opener:
# "Tom looked sulky, but Mr. Harland went on. / 'It is this way,' he said" is Mr. Harland's.
_SULKY = "Tom was still looking rather sulky, but Mr. Harland went on turning the pages of his music."


def test_a_pronoun_tag_after_a_later_main_clause_goes_by_its_name():
    text = _OPENING + _SULKY + '''

"We shall all go to the river tomorrow," he said.

"Oh, yes," said Miss Ada Crane.
'''
    assert speakers(text)[4:] == ["MR. HARLAND", "MISS ADA CRANE"]
    text = _OPENING + _SULKY + '''

"It is this way," he said, "we shall all go to the river tomorrow."

"Oh, yes," said Miss Ada Crane.
'''
    assert speakers(text)[4:] == ["MR. HARLAND", "MR. HARLAND", "MISS ADA CRANE"]


def test_a_later_name_that_shares_its_clause_does_not_take_the_focus():
    # "and Mr. Harland or Tom ...": neither opens the clause alone; the sentence stays Tom's
    text = _OPENING + '''Tom was still looking rather sulky, and Mr. Harland or Miss Ada Crane turned the pages of the music.

"We shall all go to the river tomorrow," he said.
'''
    assert speakers(text)[4] == "TOM"
