"""Role characters known only by their part ("the stranger", "the clerk"): the sex the
narration gives them, on short invented passages."""
from adapt.cast import role_gender
from tests.conftest import speakers


def test_a_role_takes_the_sex_of_the_pronouns_after_it():
    text = ('"Tickets," said the conductor. He held out his hand.\n\n'
            'The conductor punched the card and his lamp swung.\n\n'
            '"Room nine," said the clerk. She put the key on the desk.\n\n'
            'The clerk smiled; she had seen them before.\n')
    assert role_gender(text, "conductor") == "M"
    assert role_gender(text, "clerk") == "F"


def test_a_role_of_mixed_pronouns_or_none_has_no_sex():
    text = ('"Next," said the clerk. He was tired.\n\n'
            '"Next," said the clerk. She was tired.\n\n'
            'The porter waited in the rain.\n')
    assert role_gender(text, "clerk") is None
    assert role_gender(text, "porter") is None
    # a quotation, another name or a sentence's end stops the look: "she" is someone else's
    text = ('"Good day," said the porter, "she has gone."\n\n'
            'The porter looked at Mrs. Lane and her bags.\n\n'
            'The porter sighed. It was late and she was cross.\n')
    assert role_gender(text, "porter") is None


# Mr. Brandt and a stranger talk; the stranger's line after the narration turns to him
# ("The stranger turned very red; he clenched his fists.") is his, though the narration
# opened on Mr. Brandt.
_EXCHANGE = ('"Where are you going?" said the stranger.\n\n'
             '"To the mill," said Mr. Brandt.\n\n'
             '"Indeed!" said the stranger. He looked at the river.\n\n'
             '"And you?" said Mr. Brandt.\n\n'
             '"Nowhere at all," said the stranger.\n\n'
             '"I see," said Mr. Brandt.\n\n'
             'Mr. Brandt lit his pipe and laughed. The stranger turned very red; he clenched '
             'his fists. "You laugh at me," he said.\n\n'
             '"Not I," said Mr. Brandt.\n')


def test_he_after_a_sentence_about_a_male_role_is_the_role():
    assert speakers(_EXCHANGE)[6] == "STRANGER"


def test_a_role_of_the_other_sex_is_not_read_for_the_pronoun():
    # the clerk is a woman ("She ... she"): "he said" stays with the named man
    text = _EXCHANGE.replace("the stranger", "the clerk").replace("The stranger", "The clerk") \
        .replace("He looked at the river", "She looked at the river") \
        .replace("turned very red; he clenched his fists", "turned very red; she bit her lip")
    assert role_gender(text, "clerk") == "F"
    assert speakers(text)[6] == "MR. BRANDT"


def test_he_opening_the_sentence_after_one_ending_on_a_male_role_is_the_role():
    # "That annoyed the stranger very much. He stamped his foot." - the narration's last
    # person before "He" is the stranger, though Mr. Brandt spoke last but one
    text = _EXCHANGE.split("Mr. Brandt lit his pipe")[0] + (
        '"You are a fool," said Mrs. Brandt.\n\n'
        'That annoyed the stranger very much. He stamped his foot. "I will not stay," he '
        'said.\n')
    assert speakers(text)[7] == "STRANGER"
