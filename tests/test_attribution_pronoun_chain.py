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
