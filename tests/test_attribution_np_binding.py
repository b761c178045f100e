"""Noun-phrase tags bound by the text: a description means the person the narration is about,
a role noun the person the text gives it to ("Mr. Lowe, a surgeon in the town,"), even when
the turn-taking alone would guess otherwise. Short invented passages."""
from tests.conftest import FILLER, sieve_reading, speakers


def test_the_lady_is_the_woman_the_narration_is_about():
    # Miss Hale is the woman named last, but the narration since the last line is about
    # Mrs. Grey ("She ... She"): "the lady" who answers is Mrs. Grey
    text = ('"Good morning," said Mr. Dean.\n\n"Good morning," said Mrs. Grey.\n\n'
            '"Good morning," said Miss Hale.\n\n' + FILLER + '\n\n'
            '"It will not stop today," said Mr. Dean.\n\n'
            'Mrs. Grey walked to the window. She looked out at the rain for a long while. She '
            'smiled at Miss Hale.\n\n'
            '"Then we shall stay in," said the lady.\n')
    assert sieve_reading(text) == ("MRS. GREY", "np")
    assert speakers(text)[-1] == "MRS. GREY"


def test_a_description_with_no_person_noun_is_the_man_the_narration_is_about():
    # "the pessimist": no lexicon noun of a person, yet someone there; the narration is about
    # Mr. Grey, though Mr. Hale was named last
    text = ('"Good morning," said Mr. Dean.\n\n"Good morning," said Mr. Grey.\n\n'
            '"Good morning," said Mr. Hale.\n\n' + FILLER + '\n\n'
            '"It will stop soon," said Mr. Dean.\n\n'
            'Mr. Grey walked to the window. He looked out at the rain for a long while. He '
            'smiled at Mr. Hale.\n\n'
            '"It will never stop," said the pessimist.\n')
    assert sieve_reading(text) == ("MR. GREY", "np")


def test_an_indefinite_apposition_names_the_occupation():
    # "Mr. Lowe, a surgeon in the town," tells who "the surgeon" is
    text = ('Mr. Lowe, a surgeon in the town, was sent for, and came at noon.\n\n'
            '"How is she?" asked Tom.\n\n"Better," said Mrs. Ash.\n\n'
            '"She will mend," said the surgeon.\n')
    assert speakers(text)[-1] == "MR. LOWE"


def test_a_figure_of_speech_is_no_apposition():
    # "Lucy, a mortal maid," is no housemaid: "the maid" stays someone of her own
    text = ('"Is it raining?" said Lucy.\n\n"It is," said Mrs. Ash.\n\n'
            'Lucy sat down. But Lucy, a mortal maid, was tired of the rain.\n\n'
            '"Shall I light the fire?" said the maid.\n\n"Please do," said Mrs. Ash.\n')
    assert speakers(text)[2] == "MAID"


def test_a_bound_description_outweighs_a_guess_from_turn_taking():
    # the untagged lines alternate John / Mr. Wells, so the turn before "the lawyer went on"
    # is only guessed to be Mr. Wells's: the lawyer, whom the text named, goes on
    text = ('Mr. Wells, the lawyer, came at ten.\n\n"Sit down," said John.\n\n'
            '"Thank you," said Mr. Wells.\n\n'
            '"Will it take long?"\n\n"An hour, no more."\n\n'
            '"The rest will be a mere form," the lawyer went on.\n\n' + FILLER + '\n\n'
            '"Good day," said the lawyer.\n\n"Good day," said John.\n\n' + FILLER + '\n\n'
            '"One more thing," said the lawyer.\n\n"Yes?" said John.\n')
    assert speakers(text)[4] == "MR. WELLS"


def test_her_sister_is_the_sister_the_line_before_called_not_the_latest_of_the_name():
    # Kitty Grey is the Grey sister named last, but Elizabeth's line calls Jane: "her sister"
    # who replies is Jane
    text = ('"Is it late?" said Elizabeth Grey.\n\n"Not very," said Jane Grey.\n\n'
            '"Not at all," said Kitty Grey.\n\n' + FILLER + '\n\n'
            'Kitty Grey had gone up to bed an hour before, and the house was quiet.\n\n'
            '"Oh, Jane, we should have told them!" said Elizabeth.\n\n'
            '"Perhaps," replied her sister, "but it is done now."\n')
    assert sieve_reading(text) == ("JANE GREY", "np")
    assert speakers(text)[-1] == "JANE GREY"


def test_the_voice_is_whom_the_narration_after_it_reveals():
    # Jenny hears the voice, she does not speak it: Mr. Hale, who comes in, does
    text = ('"Hullo," said Tom.\n\n"Hullo," said Jenny.\n\n' + FILLER + '\n\n'
            'Jenny was alone in the hall when she heard a voice outside.\n\n'
            '"Open the door!" said the voice. Then Mr. Hale came stamping in out of the rain.\n')
    assert sieve_reading(text) == ("MR. HALE", "np")
    assert speakers(text)[-1] == "MR. HALE"


def test_a_bound_description_outweighs_a_pronoun_reading():
    # "he said" was read as Mr. Wells; "the lawyer", whom the text named Mr. Wells, going on
    # in the next paragraph is still Mr. Wells, not a lawyer of his own
    text = ('Mr. Wells, the lawyer, came at ten.\n\n"Sit down," said John.\n\n'
            '"Thank you." Mr. Wells put down his bag. "It will not take long," he said.\n\n'
            '"The rest will be a mere form," the lawyer went on.\n\n' + FILLER + '\n\n'
            '"Good day," said the lawyer.\n\n"Good day," said John.\n\n' + FILLER + '\n\n'
            '"One more thing," said the lawyer.\n\n"Yes?" said John.\n')
    assert speakers(text)[1:4] == ["MR. WELLS"] * 3


def test_a_two_word_indefinite_apposition_names_that_pair():
    # "Mr. Dunn, a harbour inspector." tells who "the harbour inspector" is
    text = ('"Is the boat in?" asked Tom.\n\n"Not yet," said Mrs. Ash.\n\n'
            'Then the door opened and in came Mr. Dunn, a harbour inspector.\n\n'
            '"She will be in by noon," said the harbour inspector.\n\n"Thank you," said Tom.\n')
    assert speakers(text)[2] == "MR. DUNN"


def test_an_apposed_role_of_some_place_names_the_role():
    # "Mr. Dunn, the Inspector of Docks," tells who "the inspector" is, though the narration
    # goes on about Mr. Bell
    text = ('"Is the boat in?" asked Tom.\n\n"Not yet," said Mrs. Ash.\n\n'
            'Mr. Dunn, the Inspector of Docks, opened the door to Mr. Bell. Mr. Bell came in; he '
            'was wet through, and he stood by the fire.\n\n'
            '"She will be in by noon," said the inspector.\n\n"Thank you," said Tom.\n')
    assert speakers(text)[2] == "MR. DUNN"


def test_the_servant_is_the_household_servant_just_named():
    # "Hetty, the housemaid," has just come in: "the old servant" who speaks is Hetty, though
    # the turn-taking alone would give the line to Jane, who was asked
    text = ('"Are you tired, Jane?" asked Mrs. Ash.\n\n"Not at all," said Jane.\n\n'
            '"Tea, ma\'am," said Hetty.\n\n"Then read to me," said Mrs. Ash.\n\n' + FILLER + '\n\n'
            '"Where is the book?" said Mrs. Ash. Then, seeing Hetty, the housemaid, at the '
            'door, she asked her for the lamp.\n\n'
            '"Yes, ma\'am." The old servant paused, then added: "Will you not rest, ma\'am?"\n\n'
            '"Not yet," said Mrs. Ash.\n')
    assert speakers(text)[5] == "HETTY"


def test_a_stranger_who_answers_with_a_bare_name_is_that_character():
    # "What name shall I ask for?" / "Crane!": the stranger Mr. Gull talked with all along is
    # Crane, whom the story names from then on
    text = ('"You are late," said the stranger.\n\n"The roads were bad," said Mr. Gull.\n\n'
            '"They always are," said the stranger. "Sit down."\n\n'
            '"Thank you," said Mr. Gull.\n\n'
            '"Bring her to the mill at nine," said the stranger, and rose to go.\n\n'
            'Mr. Gull followed him out into the lane.\n\n'
            '"What name shall I ask for?" said Mr. Gull.\n\n'
            '"Crane!" replied the man, and strode away.\n\n' + FILLER + '\n\n'
            'Crane was at the mill before nine. Crane lit a lamp and waited.\n\n'
            '"You came," said Crane.\n\n"I did," said Mr. Gull.\n')
    who = speakers(text)
    assert who[0] == who[2] == who[3] == who[5] == who[7] == "CRANE"
    assert who[1] == who[4] == who[6] == "MR. GULL"


def test_a_role_the_lines_call_by_a_name_that_never_speaks_is_that_name():
    # the lines call "Ned", and each time the porter has just spoken or answers: the porter
    # is Ned
    text = ('"Any letters?" said Mrs. Ash.\n\n"None today," said Tom.\n\n' + FILLER + '\n\n'
            'The porter stood at the gate with the bags.\n\n'
            '"Mind the step," said the porter.\n\n'
            '"Is the train late, Ned?" asked Tom.\n\n'
            '"Ten minutes," replied the porter, looking up the line.\n\n'
            '"Then we shall wait," said Mrs. Ash.\n\n'
            '"Come along, Ned," said Tom.\n\n'
            '"Coming," said the porter.\n')
    who = speakers(text)
    assert who[2] == who[4] == who[7] == "NED"


def test_the_child_answering_a_call_by_name_is_the_one_called():
    # "'Hush, Tim!' said Anna. ... / 'Nobody but me,' replied the child": the child answers
    # the call, though Kate was the last one the narration named
    text = ('"Good morning," said Anna.\n\n"Good morning," said Kate.\n\n' + FILLER + "\n\n"
            + 'Tim was a small pale boy who lived at the end of the lane, and Anna had often '
            'played with him.\n\n' + FILLER + "\n\n"
            + 'Anna came to the gate of the yard at dawn. A small figure was weeding the path '
            'beside Kate.\n\n'
            + '"Hush, Tim!" said Anna. "Is anyone up?" Kate looked up from her weeding, but '
            'went on with it.\n\n'
            + '"Nobody but me," replied the child.\n\n')
    assert speakers(text)[-1] == "TIM"


def test_a_voice_placed_after_its_noun_is_whom_the_narration_between_the_lines_reveals():
    # "said a voice close behind" is a voice, whatever places it; Mr. Hale, whom the
    # narration right after the tag shows, speaks it - before the paragraph's next line
    text = ('"Hullo," said Tom.\n\n"Hullo," said Jenny.\n\n' + FILLER + '\n\n'
            'Jenny and Tom went down the lane in the dark, looking for the gate.\n\n'
            '"It must be here somewhere," said Jenny.\n\n'
            '"Over this way," said a voice close behind, and Mr. Hale came up with a lantern. '
            '"Mind the ditch."\n')
    assert sieve_reading(text)[0] == "MR. HALE"
    assert speakers(text)[-1] == "MR. HALE"


def test_the_voice_is_not_the_listener_the_narration_names_first():
    # Jenny, who has just been talking, hears the voice; Mr. Hale, named after her, speaks it
    text = ('"Hullo," said Tom.\n\n"Hullo," said Jenny.\n\n' + FILLER + '\n\n'
            'Tom and Jenny waited in the dark yard.\n\n'
            '"Is anybody here?" said Jenny.\n\n"Nobody," said Tom.\n\n'
            '"Not quite nobody," replied a voice, which Jenny thought she had heard before; '
            'and Mr. Hale stepped out of the shadow.\n')
    assert sieve_reading(text)[0] == "MR. HALE"
    assert speakers(text)[-1] == "MR. HALE"
