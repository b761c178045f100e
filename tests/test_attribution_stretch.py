"""A description bound to a named speaker holds per stretch of the book: the same words
("the old lady") name different people in different parts of it. Invented passage."""
from tests.conftest import FILLER, speakers


def _visit(lady: str, question: str) -> str:
    return (f'"{question}" said Tom.\n\n"Hush, my dear," said the old lady.\n\n'
            f'"Is this your house?" asked Tom.\n\n"It is," said {lady}.\n\n' + FILLER + '\n\n')


def test_an_old_lady_early_in_the_book_is_the_one_tagged_near_her_not_the_later_one():
    # Mrs. Grey is "the old lady" in more conversations book-wide, but the first three
    # are with Mrs. Hale, tagged two turns after the old lady's line each time
    text = "".join(_visit("Mrs. Hale", q) for q in ("Where am I?", "Who are you?", "Is it late?")) \
        + "".join(_visit("Mrs. Grey", q) for q in ("Where now?", "Is it you?", "Why here?",
                                                   "What time is it?", "Is it night?"))
    who = speakers(text)
    assert who[1] == who[5] == "MRS. HALE"
    assert who[-3] == "MRS. GREY"


def test_a_bound_description_in_the_narration_keeps_its_person_in_focus():
    # "asked the young man" keeps company with Mr. Pratt's tags: "The young man stood up"
    # in the narration is Mr. Pratt, so the "he" who answers Tom is him
    visit = ('"{}" said Mr. Pratt.\n\n"Good evening," said Tom.\n\n'
             '"Is it cold out?" asked the young man.\n\n"Very," said Tom.\n\n' + FILLER + '\n\n')
    text = "".join(visit.format(q) for q in ("Good evening,", "Hello again,", "Here I am,")) \
        + ('"It will not stop," said Tom.\n\n'
           'The young man stood up. There was a long silence in the room.\n\n'
           '"Then I shall walk home," he said.\n')
    assert speakers(text)[-2:] == ["TOM", "MR. PRATT"]
