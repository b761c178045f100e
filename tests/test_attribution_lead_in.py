"""Pronoun tags that lead into a quote from afar: at the end of the paragraph before ("Then
she said:"), or as the subject of a long clause ("She waited until he had done, and then
said gently,")."""
from adapt.attribution import attribute
from adapt.readers.prose import read_prose
from adapt.tags import clause_tag
from conftest import speakers


def test_a_pronoun_tag_ending_the_paragraph_before_speaks_the_next_quote():
    # The narration between the quotes opens on the two men; its last sentence says the
    # woman speaks next.
    text = '''Mr. Harland stood by the fire, and Tom leaned on the mantelpiece beside him. Miss Ada Crane sat by the lamp with her work.

"We shall miss the train," said Tom.

"Then we shall take the next one," said Mr. Harland.

"There is no next one tonight."

Tom looked at the clock twice, and Mr. Harland sighed and poked the fire. The room was very quiet for a while. Then she said:

"I will drive you both to the junction myself."

"You are very good," said Tom.
'''
    assert speakers(text)[3] == "MISS ADA CRANE"


def test_a_pronoun_tag_after_a_named_tag_in_one_paragraph_is_another_turn():
    text = '''Tom and Mr. Harland came into the hall, and Miss Ada Crane followed them. Tom pulled on his gloves, and he looked out at the rain.

"Is the carriage ready?" asked Tom.

"Not yet, sir," said Mr. Harland.

"Then we must wait," said Tom, and he went on for some time about the horses and the roads. She waited until he had done, and then said gently, "We need not wait for it. The walk will do us good."

"It is three miles," said Tom.
'''
    assert speakers(text)[2:4] == ["TOM", "MISS ADA CRANE"]


def test_the_subject_of_a_long_clause_is_the_pronoun_opening_it():
    def tag(text):
        found = clause_tag(text, 0, lambda _t: [], pronouns=True)
        return found and (found.subject, found.verb)

    assert tag("She rose, stretched out her hand, and said:") == ("She", "said")
    assert tag("The clock struck. He waited until she had done, and then said gently, ") \
        == ("He", "said")
    assert tag("After a pause she presently added,") == ("she", "added")
    assert tag("It was not what she said,") is None
    assert tag("Her cousin turned to the window and said,") == ("Her cousin", "said")
    # a description opening the clause is its speaker too (the sieve resolves it as a
    # noun-phrase tag)
    assert tag("The maid turned to the window and said,") == ("The maid", "said")


def test_a_sentence_saying_someone_went_on_tags_the_quote_after_it():
    # "She went on." ends the narration: the quote after it is hers, though the man was
    # the last one named.
    text = '''Mr. Harland and Miss Ada Crane walked slowly along the river. Mr. Harland pulled his hat down against the wind.

"It is a long way round," said Mr. Harland.

"It is the only way I know," said Miss Ada Crane.

Mr. Harland said nothing to that, and kicked a stone into the water. She went on.

"My father walked it every morning of his life."

"Then so shall we," said Mr. Harland.
'''
    story = read_prose(text)
    result = attribute(story)
    quote = story.quotes()[2]
    assert result.speakers[quote.start] == "MISS ADA CRANE"
    tag = result.tags[quote.start]
    assert (tag.subject, tag.verb) == ("She", "went on")


def test_a_sentence_opening_on_a_determiner_after_a_question_is_no_tag():
    # '?" The look which he cast ...': "The" names nobody; the question is his.
    text = '''Mr. Harland sat by the fire when Miss Ada Crane came in from the garden.

"You are late," said Miss Ada Crane.

"I believe I am in for a cold," said Mr. Harland. "Have you any quinine?" The look which he cast at her frightened her.
'''
    assert speakers(text) == ["MISS ADA CRANE", "MR. HARLAND", "MR. HARLAND"]


def test_someones_kin_as_the_subject_of_a_long_clause_speaks():
    text = '''Mrs. Porter sat with Anne in the drawing-room, and Mr. Porter walked in the garden below.

"We leave for the coast tomorrow," said Mrs. Porter.

"Then I shall not see you on Thursday," said Anne.

Mrs. Porter did not dispute it. But her husband, who had come up to the open window, cried from the garden, "Yes, yes, you come to us on Thursday."
'''
    assert speakers(text)[2] == "MR. PORTER"


def _lead_in(sentence: str) -> str | None:
    from adapt import attribution as attr
    cast = attr.discover_cast(read_prose('"It is late," said Arthur.\n\n"Very late," said Rosa.\n\n'
                                         '"Come in," said Mrs. Grale.\n\n"Late," said Arthur.\n'))
    found = attr._lead_in_speaker(sentence, cast)
    return found[0].cue if found else None


def test_a_name_after_a_verb_is_no_lead_in_speaker():
    # Arthur is the object of "borne"; Rosa opens the clause that says it
    assert _lead_in("Rosa, who had heard it all and borne Arthur company the whole evening, "
                    "now ventured to say, ") == "ROSA"


def test_a_passive_lead_in_is_spoken_by_the_other_one_named():
    # Rosa is greeted: Mrs. Grale speaks; "was calling out" is no passive
    assert _lead_in("Rosa found Mrs. Grale just come in from the garden, and was at once "
                    "greeted with, ") == "MRS. GRALE"
    assert _lead_in("And Arthur at the same time, walking briskly through the passage, was "
                    "calling out, ") == "ARTHUR"


def test_a_paragraph_ending_on_a_name_taking_up_the_word_leads_into_the_next_quote():
    text = ('"Good evening," said Arthur.\n\n"Things are not easy," said Rosa.\n\n'
            '"No," said Mrs. Grale.\n\n'
            'Obeying an impulse of real affection, Arthur spoke.\n\n'
            '"Promise me, Rosa, that you will let me help."\n')
    assert speakers(text)[-1] == "ARTHUR"
