"""Noun-phrase tags ("said the gentleman", "the girl replied", "his eyes said") resolved on
short invented passages whose speaker is plain from general English."""
from tests.conftest import FILLER, speakers


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
    text = ('"Hullo," said Tom.\n\n"Hullo," said Jenny.\n\n' + FILLER + "\n\n"
            + scene.format("raining") + FILLER + "\n\n"
            + scene.format("snowing") + FILLER + "\n\n"
            + "Tom went down the lane, and he whistled as he went. Jenny waited at the gate.\n\n"
            + '"Where are you going?" said the gentleman.\n\n'
            + '"Home," said Jenny.\n\n'
            + '"May I come with you?" asked the old gentleman.\n')
    got = speakers(text)
    assert got[-3:] == ["MR. HALE", "JENNY", "MR. HALE"]


def test_the_girl_is_not_a_married_woman_named_nearby():
    # Mrs. Grey is the woman named last, but "the girl" is not a Mrs.: she is Alice
    text = ('"Is it raining?" said Alice.\n\n"A little," said Mr. Dean.\n\n' + FILLER + "\n\n"
            'Alice came in with Mr. Dean, and she shook the rain from her coat. Mrs. Grey put '
            'down her knitting.\n\n'
            '"You are late," said Mr. Dean.\n\n'
            '"I am sorry," said the girl.\n')
    assert speakers(text)[-1] == "ALICE"


def test_words_running_on_past_a_description_are_not_its_head():
    # "her mother soon afterwards" is "her mother": the Mrs. of the family
    text = ('Mr. Dunmore read his paper while Mrs. Dunmore sewed, and Clara Dunmore looked '
            'out of the window.\n\n'
            '"May I walk to the village?" said Clara.\n\n'
            '"In this mud?" said Mr. Dunmore.\n\n'
            'Clara, feeling very restless, was determined to go all the same. She made no '
            'answer.\n\n'
            '"Well," said her mother soon afterwards, "take your boots at least."\n')
    assert speakers(text)[2] == "MRS. DUNMORE"


def test_her_brother_is_the_brother_of_the_woman_his_line_calls():
    # Elizabeth Grey is the woman named last, but the brother answers Caroline, whom his line
    # calls: her brother is Mr. Charles Hale, not Mr. Grey
    text = ('"Is it late?" said Mr. Grey.\n\n"Not very," said Elizabeth Grey.\n\n'
            '"I think not," said Miss Caroline Hale.\n\n"Nor I," said Mr. Charles Hale.\n\n'
            + FILLER + '\n\n'
            'Caroline Hale sat down by Elizabeth Grey, and Elizabeth smiled at her.\n\n'
            '"We shall have a ball," said Mr. Grey.\n\n'
            '"Nonsense, Caroline," cried her brother, "nobody wants one."\n')
    assert speakers(text)[-1] == "MR. CHARLES HALE"


def test_her_sister_is_whom_the_line_before_called_by_name():
    # Mary is the woman named last; the line before calls Jane: "her sister" answering it is
    # Jane
    text = ('"Come in," said Anna.\n\n"Thank you," said Jane.\n\n"Sit down," said Mary.\n\n'
            + FILLER + '\n\n'
            'Anna and Jane sat together in the garden. Mary was in the house.\n\n'
            '"Oh, Jane, what shall we do?" said Anna.\n\n'
            '"Wait," replied her sister.\n')
    assert speakers(text)[-1] == "JANE"


def test_the_man_is_the_stranger_the_narration_just_brought_in():
    # Tom and Mr. Hale are the men on stage, but "the man" is the stout man with the keys the
    # narration has just met, and a screenplay calls him so
    text = ('"Is it far?" said Tom.\n\n"Not very," said Mr. Hale.\n\n' + FILLER + '\n\n'
            'Tom and Mr. Hale walked down the road until they came to a yard, where they met '
            'a stout man with a bunch of keys.\n\n'
            '"What do you want?" said the man.\n\n'
            '"A bed for the night," said Mr. Hale.\n\n'
            '"Follow me," said the man.\n')
    assert speakers(text)[-3:] == ["STOUT MAN", "MR. HALE", "STOUT MAN"]


def test_a_description_of_someone_named_later_in_the_scene_is_no_stranger():
    # "a boy of nineteen" is Freddy, who is named as the scene goes on: "the boy" is him
    text = ('"Is it late?" said Freddy.\n\n"Not very," said Mrs. Grey.\n\n' + FILLER + '\n\n'
            'Two people sat in the room. One, a boy of nineteen, was reading a book.\n\n'
            '"Where is everyone?" said the boy.\n\n'
            '"Out," said Mrs. Grey. Freddy went back to his book.\n\n'
            '"Good," said Freddy.\n')
    assert speakers(text)[-3] == "FREDDY"


def test_a_description_is_one_person_through_an_exchange():
    # Jenny, named just before the second "said the old lady", does not make her the old
    # lady: the other two read Mrs. Hale, and one description is one person in an exchange
    text = ('"Good day," said Mrs. Hale.\n\n"Good day," said Tom.\n\n"Tea?" said Jenny.\n\n'
            + FILLER + '\n\n'
            'Tom sat down by the fire, and Mrs. Hale looked at him.\n\n'
            '"Sit nearer, Tom," said the old lady.\n\n'
            '"Thank you," said Tom.\n\n'
            'Jenny came in with the tea and set it down.\n\n'
            '"Is it hot?" said the old lady.\n\n'
            '"Very," said Tom.\n\n'
            'Mrs. Hale smiled at him.\n\n'
            '"Then drink it slowly," said the old lady.\n')
    got = speakers(text)
    assert [got[-5], got[-3], got[-1]] == ["MRS. HALE"] * 3


def test_her_ladyship_is_the_titled_lady_of_the_scene():
    # Fanny and Maria are the women named last; "her ladyship" is Lady Vane
    text = ('"Good day," said Lady Vane.\n\n"Good day," said Fanny.\n\n"Hullo," said Maria.\n\n'
            '"Hullo," said Tom.\n\n' + FILLER + '\n\n'
            'Lady Vane dozed by the fire. Fanny and Maria sat sewing. Tom came in laughing.\n\n'
            '"What a day it has been!" cried Tom.\n\n'
            '"What is the matter?" asked her ladyship.\n')
    assert speakers(text)[-1] == "LADY VANE"


def test_the_man_is_the_driver_the_narration_just_spoke_to():
    # "asked the driver ... said the man": the driver, not Tom or Mr. Hale
    text = ('"Is it far?" said Tom.\n\n"Not very," said Mr. Hale.\n\n' + FILLER + '\n\n'
            'Tom and Mr. Hale stood by the road until a cart came by, and Tom asked the driver '
            'for a lift.\n\n'
            '"Jump up," said the man.\n\n'
            '"Thank you," said Mr. Hale.\n')
    assert speakers(text)[-2:] == ["DRIVER", "MR. HALE"]
