"""A description bound to a named speaker by the company the tags keep is dropped when the
text calls that speaker by a contradicting age ("the young woman, Rachel" is no old woman)."""
from tests.conftest import speakers

_EXCHANGE = '''Mrs. Pegg stood by the gate, leaning on her stick.

"It is a cold night," said the old woman.

"Ay, it is that," said Stephen. He looked at the sky.

"Come in by the fire," said Rachel. She opened the door.

"I will," said Stephen. He stamped his boots.

Mrs. Pegg shuffled nearer, rubbing her hands.

"The fire is low," said the old woman.

"Then I'll bring wood," said Stephen. He went out.
'''


def test_an_old_description_is_not_bound_to_someone_called_young():
    # Rachel is tagged in every exchange where "the old woman" speaks and never answers her,
    # so the tags alone would make them one; but the text calls Rachel "the young woman"
    text = ("CHAPTER I\n\nStephen walked home with the young woman, Rachel, in the rain.\n\n"
            + _EXCHANGE + "\nCHAPTER II\n\nThe next night they met again at the corner.\n\n"
            + _EXCHANGE + "\nCHAPTER III\n\nThey met once more in the lane.\n\n" + _EXCHANGE)
    assert speakers(text) == ["MRS. PEGG", "STEPHEN", "RACHEL", "STEPHEN", "MRS. PEGG",
                              "STEPHEN"] * 3
