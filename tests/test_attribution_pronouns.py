"""Pronoun tags resolved on short prose passages whose referent is plain from general English."""
from adapt.attribution import discover_cast
from adapt.readers.prose import read_prose
from tests.conftest import speakers


def test_he_is_the_man_the_narration_is_about_not_one_it_names_in_passing():
    # Mr. Bingley is named last and most often, but only after "by" and as an owner
    # ("Mr. Bingley's sister"): the subject of the sentence, Mr. Collins, is the "he"
    text = ('Elizabeth sat by the fire with Mr. Bingley. "It is cold," said Mr. Bingley. '
            '"Very," said Elizabeth.\n\n'
            "Elizabeth laughed. She was happy. A week later Elizabeth went out. She walked "
            "alone. Soon Mr. Collins came up to her, followed by Mr. Bingley and by Mr. "
            "Bingley's sister, who had heard of Mr. Bingley's plan.\n\n"
            '"I have found out a most important thing," said he.\n')
    assert speakers(text) == ["MR. BINGLEY", "ELIZABETH", "MR. COLLINS"]


def test_a_name_in_sentences_about_someone_else_keeps_its_own_gender():
    # "he" follows "Brenda" in as many sentences as "she" does, but those are about the man
    # who thinks of her: where Brenda is the subject, the pronoun is "she"
    text = ("Tony was alone. He thought of Brenda, and he smiled. Then the clock struck. He "
            "wrote to Brenda, and he sealed the letter. Then the post came. He looked for "
            "Brenda, and he waited. Then the door opened. Brenda laughed at the letter. She was "
            "amused. Brenda came down at last. She kissed Tony.\n\n"
            '"You are early," said Brenda.\n\n"I missed you," said Tony.\n\n'
            '"How sweet," she said.\n')
    story = read_prose(text)
    cast = discover_cast(story)
    assert cast.lookup("Brenda").gender == "F"
    assert speakers(text) == ["BRENDA", "TONY", "BRENDA"]
