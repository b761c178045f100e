"""A third person joining a two-person scene: introductions, newcomers, who answers whom, and
the young ("the girl said"). Short invented passages whose speakers are plain from general
English."""
import pytest

from tests.conftest import speakers


def test_in_a_mutual_introduction_the_one_presented_last_speaks_next():
    # "This is Helen. Helen, this is Martha.": Helen is presented to Martha first, so the
    # woman who answers is Martha, though the line calls Helen by name
    text = ("Martha waited at the gate. Paul came up the lane with Helen beside him, and "
            "Martha smiled at them both.\n\n"
            '"Martha, hello," Paul says.\n\n'
            '"Hello, Paul."\n\n'
            '"This is Helen. Helen, this is Martha."\n\n'
            '"What a lovely name," she says.\n\n'
            '"Thank you."\n')
    assert speakers(text)[2:4] == ["PAUL", "MARTHA"]


def meeting(child: str) -> str:
    """Clara meets Tom again, and a child with him ("boy" or "girl"): the first lines of the
    scenes below."""
    pronoun = {"boy": "He", "girl": "She"}[child]
    return ("Clara was reading the notices by the door of the library when she heard her "
            "name. The woman turned and saw the man she had not seen in ten years; Tom had "
            "hardly changed.\n\n"
            '"Tom Walsh," she says.\n\n'
            '"Clara. You look well," Tom says.\n\n'
            '"And who is this behind you?"\n\n'
            f'"I read all the books," the {child} answers with a shy smile.\n\n'
            f'"{pronoun} is yours," Clara says, surprised.\n\n')


MEETING = meeting("boy") + '"Guilty."\n\n'
NEWCOMER = (MEETING +
            '"Does he read them all?"\n\n'
            '"Every one. This is Ben. Ben, this is Clara."\n\n'
            '"Hello, Ben," she says.\n')


@pytest.mark.parametrize("naming", ["This is Ben. Ben, this is Clara.",
                                    "His name is Ben, and he is trouble."])
@pytest.mark.parametrize("young", ["the boy", "the kid"])
def test_the_boy_no_man_on_stage_can_be_is_the_newcomer_the_exchange_names_next(naming, young):
    # Clara and Tom are "the woman" and "the man" of the narration, so "the boy" (or "the
    # kid") is someone new: Ben, named a few lines on; his word does not break the exchange
    # of the two grown-ups
    text = NEWCOMER.replace("This is Ben. Ben, this is Clara.", naming).replace("the boy", young)
    assert speakers(text)[:8] == ["CLARA", "TOM", "CLARA", "BEN", "CLARA", "TOM", "CLARA", "TOM"]


def test_the_boy_may_be_a_man_on_stage_the_narration_never_calls_grown_up():
    # the same scene, but nothing says Tom is a man: "the boy" may be him (a young man),
    # so nobody new is brought in on the strength of the description
    text = NEWCOMER.replace("saw the man she had", "saw the face she had")
    assert speakers(text)[3] != "BEN"


def test_the_girl_is_never_bound_to_a_married_woman_who_keeps_her_company():
    # "the girl" speaks in every scene Mrs. Hart is tagged in (which alone would bind the
    # description to her), but a girl is no Mrs.: she is Nora
    scene = ('"{}," said Mrs. Hart.\n\n"{}," said Tom.\n\n"{}," the girl said.\n\n'
             '"{}," said Tom.\n\n"{}," said Nora.\n\n')
    text = ("Mrs. Hart took her niece Nora and young Tom to the garden.\n\n"
            + scene.format("It will rain", "I hope not", "It always rains", "Not always", "Mostly")
            + "* * *\n\nThe next day Mrs. Hart, Nora and Tom walked to the village.\n\n"
            + scene.format("The shop is shut", "It is Sunday", "Then we walk on", "Gladly", "Quick")
            + "* * *\n\nMrs. Hart had tea with Nora and Tom in the evening.\n\n"
            + scene.format("More tea", "Please", "None for me", "As you like", "I am tired"))
    said = speakers(text)
    assert [said[i] for i in (2, 7, 12)] == ["NORA"] * 3


RELATION = (MEETING +
            '"What is your name, young man?"\n\n'
            'Tom\'s little double grins. "Not telling!"\n\n'
            '"His name is Ben. Ben, say hello."\n')


@pytest.mark.parametrize("relation", ["Tom's little double", "Tom's small son",
                                      "Tom's younger counterpart"])
def test_a_named_persons_young_relation_opening_the_narration_is_the_child(relation):
    # "Tom's little double grins": not Tom but the child of the scene, whom the narration
    # called "the boy" when he first spoke
    text = RELATION.replace("Tom's little double", relation)
    assert speakers(text)[6:8] == ["CLARA", "BEN"]


def test_a_named_persons_face_is_that_person():
    # "Tom's face falls" is Tom's own beat (a body part, no relation), so the line is his
    text = RELATION.replace("Tom's little double grins", "Tom's face falls")
    assert speakers(text)[7] == "TOM"


TURNED_TO = (meeting("girl") +
     '"Guilty. This is Nell. Nell, this is Clara."\n\n'
     "Clara waved, and the two of them walked on. The rain kept off all afternoon, and by "
     "the evening the streets were dry again. Tom had his supper early and washed up; the "
     "kettle had hardly boiled when there was a knock at the door, and he opened it.\n\n"
     '"Clara," he says.\n\n'
     '"Can I come in?" she asks.\n\n'
     '"Nell, you remember Clara, don\'t you?" Tom says.\n\n'
     '"The lady from the library?" Nell looks up hopefully at him.\n\n'
     '"That\'s the one."\n\n'
     '"She looks different," Nell says.\n\n'
     '"A little. Time for bed, pet."\n\n'
     "Nell walks over to Clara and tugs at her sleeve. Clara looks at Tom, then back at "
     "the girl before she crouches down.\n\n"
     '"Hello, you."\n\n'
     '"Are you sad?"\n\n'
     "The question catches her off guard.\n\n"
     'She swallows before she answers, "Sad about what?"\n\n'
     '"Your eyes. They look sad."\n')


def test_the_one_turned_to_by_the_narration_answers_the_one_who_turns_back():
    # "Nell walks over to Clara and tugs at her sleeve. Clara looks at Tom, then back at the
    # girl": Clara turns back to the child (the girl of the first exchange) and speaks first;
    # the line after is Nell's answer, not Tom's (the alternation of the exchange before),
    # and the exchange goes on between those two
    assert speakers(TURNED_TO)[13:17] == ["CLARA", "NELL", "CLARA", "NELL"]



def test_a_call_by_name_answered_by_deed_leaves_the_next_line_to_the_other():
    # "Time for bed, Nell." / Nell walks over to Clara ... Clara crouches down. / "Hello,
    # you.": Nell answers the call by what she does; the narration's last sentence is
    # Clara's, and so is the line after it (the one called does not speak it)
    text = TURNED_TO.replace("Time for bed, pet.", "Time for bed, Nell.")
    assert speakers(text)[13:17] == ["CLARA", "NELL", "CLARA", "NELL"]


STILL_ASKED = ("Clara came round after lunch. Tom let her in, and his daughter Nell ran into the hall "
     "after him.\n\n"
     '"Hello, Clara," Tom says.\n\n'
     '"Hello, you two."\n\n'
     '"I can read the clock now!" Nell says. "Watch me."\n\n'
     'Tom holds up his watch. "What time is it, Nell?"\n\n'
     '"Is Nell really reading the clock already?" Clara asks.\n\n'
     '"Since last week. She is quick."\n\n'
     '"It is ten past four," she says proudly.\n\n'
     '"Nearly," Tom says, smiling. "Look again."\n\n'
     '"Twenty past," Nell admits.\n')


def test_a_question_put_by_name_and_talked_over_is_answered_by_the_one_asked():
    # "What time is it, Nell?" / "Is Nell really reading the clock already?" / "Since last
    # week." / "It is ten past four," she says: Clara and Tom talked about Nell over her
    # question; "she" who answers it is Nell, not Clara
    assert speakers(STILL_ASKED)[4:11] == ["TOM", "CLARA", "TOM", "NELL", "TOM", "TOM", "NELL"]



CARRIED_OFF = (meeting("girl") +
     '"Guilty. This is Nell. Nell, this is Clara."\n\n'
     '"Hello, Nell," Clara says.\n\n'
     '"Hello," Nell says shyly.\n\n'
     '"Nell, bedtime," Tom says.\n\n'
     '"But I\'m not tired\u2014"\n\n'
     '"No arguing. Up you go," he says, and scoops her up into his arms. "Sit down, I won\'t be long."\n\n'
     '"Let\'s go away somewhere, just the two of us."\n\n'
     '"We can\'t."\n')


def test_a_child_carried_off_leaves_the_next_line_to_the_grown_ups():
    # "Nell, bedtime." / "But I'm not tired--" / "No arguing," he says, and scoops her up:
    # the girl is carried off, so the line after is not hers (the alternation would give
    # it her) but the woman's, whom he asks to wait
    assert speakers(CARRIED_OFF)[8:14] == ["TOM", "NELL", "TOM", "TOM", "CLARA", "TOM"]
