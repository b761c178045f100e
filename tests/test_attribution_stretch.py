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
