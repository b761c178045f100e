"""A line that is only a name, answering a question for the hearer's name, gives the
speaker's own name (it calls no one), on short invented passages."""
from tests.conftest import speakers

_ASKED = ('Mrs. Hale sat by the fire, and the child stood at the door with her bundle.\n\n'
          '"Come in, then," said Mrs. Hale. "What is your name?"\n\n'
          '"Lottie Brand," faltered the child, looking at the floor.\n\n'
          '"Well, Lottie, you may sit there," said Mrs. Hale.\n\n'
          '"Thank you, ma\'am," said Lottie.\n')


def test_a_name_answering_what_is_your_name_is_the_speakers_own():
    # (read as a call before: "Lottie Brand," to Lottie, and the line went to "the child")
    assert speakers(_ASKED) == ["MRS. HALE", "MRS. HALE", "LOTTIE", "MRS. HALE", "LOTTIE"]


def test_a_name_answering_for_someone_else_is_no_self_naming():
    # "What is his name?" asks about a third person: the child gives the boy's name
    text = _ASKED.replace("What is your name?", "And the boy who brought you, what is his "
                          "name?").replace("Lottie Brand", "Tom Reed") \
        + '\n"Tom Reed is a good boy," said Mrs. Hale. "Tom Reed came at noon."\n'
    assert speakers(text)[2] != "TOM REED"


def test_i_and_a_full_name_is_the_speaker_calling_no_one():
    from adapt.attribution import _turns, discover_cast
    from adapt.readers.prose import read_prose
    text = ('"You cannot prove a thing," said Mrs. Dove to Arthur Penrose.\n\n'
            '"I can. I, Arthur Penrose, have seen the letter," said Arthur Penrose.\n\n'
            '"And I, Mr. Penrose, have burnt it," said Mrs. Dove.\n')
    story = read_prose(text)
    cast = discover_cast(story)
    turns = _turns(story, cast)
    # "I, Arthur Penrose, have seen" names the speaker; "And I, Mr. Penrose," calls him
    assert [v.cue for v in turns[1].vocatives] == []
    assert [v.cue for v in turns[2].vocatives] == ["ARTHUR PENROSE"]


def test_a_name_called_in_reported_speech_is_no_call_of_the_speaker():
    from adapt.attribution import _turns, discover_cast
    from adapt.readers.prose import read_prose
    text = ('"Where have you been?" said Mrs. Finch to Tom Finch.\n\n'
            '"At the vicarage. The vicar said to me: \'Ahem! Tom Finch, I have found a tenant.\' '
            'So I came home, Mrs. Finch," said Tom Finch.\n')
    story = read_prose(text)
    cast = discover_cast(story)
    turns = _turns(story, cast)
    # the vicar called Tom; Tom calls Mrs. Finch
    assert [v.cue for v in turns[1].vocatives] == ["MRS. FINCH"]
