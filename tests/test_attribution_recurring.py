"""Descriptions the tags keep using ("said the doctor", "the lawyer went on") and kin tags
("his wife", "her husband"), on short invented passages whose speaker is plain from general
English."""
from tests.conftest import FILLER, speakers


# Two visits that bind "the doctor" to Mr. Hale: his named turns come two turns before and
# after the doctor's, with Jenny between.
_VISIT = ('"Good morning," said Mr. Hale.\n\n'
          '"Good morning, sir," said Jenny.\n\n'
          '"And how is the {0} today?" said the doctor.\n\n'
          '"Much better," said Jenny.\n\n'
          '"Then I shall come again tomorrow," said Mr. Hale.\n\n')


def _visits() -> str:
    return ('"Hullo," said Tom.\n\n"Hullo," said Jenny.\n\n' + FILLER + "\n\n"
            + _VISIT.format("cough") + FILLER + "\n\n"
            + _VISIT.format("fever") + FILLER + "\n\n")


def test_the_doctor_twice_running_is_the_named_speaker_both_times():
    # the second "said the doctor" follows a turn the doctor (Mr. Hale) spoke: one person
    # speaking on, not a doctor of his own
    text = (_visits()
            + 'Mr. Hale came in and put down his bag. Jenny was by the bed.\n\n'
            + '"Is he asleep?" said Jenny.\n\n'
            + '"Not yet," said the doctor. "Let him rest."\n\n'
            + 'For a while nobody moved, and the lamp burned low.\n\n'
            + '"He will do very well now," said the doctor.\n')
    assert speakers(text)[-3:] == ["MR. HALE", "MR. HALE", "MR. HALE"]


def test_the_good_doctor_is_the_doctor():
    # "the good doctor" is the bound description "the doctor" with a word of colour
    text = (_visits()
            + 'Mr. Hale came in and put down his bag. Jenny was by the bed.\n\n'
            + '"Is he asleep?" said Jenny.\n\n'
            + '"Not yet," said the good doctor.\n')
    assert speakers(text)[-1] == "MR. HALE"


def test_a_recurring_description_means_the_one_named_a_little_later():
    # the doctor speaks before the narration tells his name; the tags bind him to Mr. Hale
    text = ('"Hullo," said Tom.\n\n"Hullo," said Jenny.\n\n' + FILLER + "\n\n"
            + 'Jenny ran to the door and let the visitor in.\n\n'
            + '"Where is the patient?" said the doctor.\n\n'
            + '"Upstairs," said Jenny.\n\n'
            + 'The visitor, Mr. Hale, was the doctor of the village, a kind old man.\n\n'
            + FILLER + "\n\n" + _VISIT.format("cough") + FILLER + "\n\n"
            + _VISIT.format("fever"))
    assert speakers(text)[2] == "MR. HALE"


def test_a_recurring_occupation_is_the_one_named_in_apposition():
    # "Mr. Wells, the lawyer," tells who "the lawyer" of the tags is
    lawyer = ('"Shall we begin?" said the lawyer.\n\n"If you please," said John.\n\n'
              + FILLER + "\n\n")
    text = ('John waited in the library with Mr. Wells, the lawyer, who had come from town.\n\n'
            + lawyer * 3
            + 'Mr. Wells opened his case, and John sat down.\n\n'
            + '"Everything is in order," said the lawyer.\n')
    assert speakers(text)[-1] == "MR. WELLS"


def test_the_girl_is_not_bound_to_a_married_woman():
    # the girl's turns keep company with Mrs. Grey's in two conversations, but "the girl" is
    # no Mrs.: she is Alice, who is there
    scene = ('"Good morning," said Mrs. Grey.\n\n'
             '"Good morning," said Mr. Dean.\n\n'
             '"Is it {0}?" said the girl.\n\n'
             '"Not at all," said Mr. Dean.\n\n'
             '"Then we shall go out," said Mrs. Grey.\n\n')
    text = ('"Hullo," said Alice.\n\n"Hullo," said Tom.\n\n' + FILLER + "\n\n"
            + scene.format("raining") + FILLER + "\n\n"
            + scene.format("snowing") + FILLER + "\n\n"
            + 'Alice sat by the window with Mr. Dean, and Mrs. Grey read her letters.\n\n'
            + '"You look tired," said Mr. Dean.\n\n'
            + '"I am a little," said the girl.\n')
    assert speakers(text)[-1] == "ALICE"


def test_her_husband_is_no_father_of_a_miss():
    # Miss Dunmore's surname is her father's: "her husband" is not Mr. Dunmore, who is away
    text = ('"Good night," said Mr. Dunmore, and he went up to bed.\n\n' + FILLER + "\n\n"
            + 'Miss Dunmore sat by the fire with Mr. Hale, whom she had married in the spring.\n\n'
            + '"Shall we go to town?" said Miss Dunmore.\n\n'
            + '"If you like," said her husband.\n')
    assert speakers(text)[-1] == "MR. HALE"


# A dozen people speak: whoever was named before is no longer on stage.
_CROWD = "".join(f'"Hurrah!" cried {n}.\n\n' for n in (
    "Amos", "Bertie", "Cyril", "Dick", "Edgar", "Frank", "George", "Harold", "Ivor", "Jack", "Kit",
    "Lionel", "Martin"))


def test_his_wife_is_not_the_wife_of_a_man_long_gone():
    # the collector's wife is the woman with him; Mrs. Hale, the wife of a man only named in
    # passing, was last seen pages before, and a dozen people have spoken since
    text = ('"Good day," said Mr. Hale.\n\n"Good day," said Mrs. Hale.\n\n' + FILLER + "\n\n"
            + _CROWD + FILLER + "\n\n"
            + "Mrs. Turton sat in the carriage with a letter from Mr. Hale. Kit held the horses.\n\n"
            + '"It will rain," said the collector.\n\n'
            + '"Nonsense," said his wife.\n')
    assert speakers(text)[-1] == "MRS. TURTON"


def test_an_old_lady_speaks_before_the_narration_names_her():
    # the tags bind "the old lady" to Mrs. Hale; she speaks first a little before the
    # narration tells her name, while Mrs. Grey is the woman last named
    visit = ('"Good morning," said Mrs. Hale.\n\n'
             '"Good morning, ma\'am," said Jenny.\n\n'
             '"And how is the {0} today?" said the old lady.\n\n'
             '"Much better," said Jenny.\n\n'
             '"Then I shall come again tomorrow," said Mrs. Hale.\n\n')
    text = ('"Hullo," said Tom.\n\n"Hullo," said Mrs. Grey.\n\n' + FILLER + "\n\n"
            + 'Jenny ran to the door and let the visitor in.\n\n'
            + '"Where is the patient?" said the old lady.\n\n'
            + '"Upstairs," said Jenny.\n\n'
            + 'The visitor, Mrs. Hale, had nursed half the village in her time.\n\n'
            + FILLER + "\n\n" + visit.format("cough") + FILLER + "\n\n" + visit.format("fever"))
    assert speakers(text)[2] == "MRS. HALE"


def test_his_friend_is_a_man_when_a_man_is_there():
    # Mrs. Grey was named last, but Mr. Bounder's friend is Mr. Dean
    text = ('"Good evening," said Mr. Dean.\n\n"Good evening," said Mrs. Grey.\n\n'
            + FILLER + "\n\n"
            + 'Mr. Bounder and Mr. Dean came out of the bank. Mrs. Grey was at her window.\n\n'
            + '"We shall do it at once," said Mr. Bounder.\n\n'
            + '"Are you walking?" asked his friend.\n')
    assert speakers(text)[-1] == "MR. DEAN"


def test_her_sister_is_no_mrs_of_the_family():
    # Mrs. Dashly, the mother, was named last; the sister of Marianne, who spoke last, is
    # Elinor
    text = ('"Come in," said Elinor.\n\n"Thank you," said Marianne.\n\n'
            + '"Sit down," said Mrs. Dashly.\n\n' + FILLER + "\n\n"
            + 'Elinor Dashly and Marianne Dashly walked in the garden. Mrs. Dashly watched them '
            + 'from the house.\n\n'
            + '"It is a fine day," said Marianne.\n\n'
            + '"It will rain by night," replied her sister.\n')
    assert speakers(text)[-1] == "ELINOR DASHLY"


def test_a_recurring_title_description_is_who_bears_the_title():
    # "the doctor" speaks in three scenes and no tag names him: he is Dr. Hale, the doctor the
    # story named before a dozen others spoke, not a DOCTOR of his own
    scene = ('"Is he better?" asked Jenny.\n\n"A little," said the doctor.\n\n'
             + FILLER + "\n\n")
    text = ('"Hullo," said Tom.\n\n"Hullo," said Jenny.\n\n' + FILLER + "\n\n"
            + 'Dr. Hale drove up to the farm, and Jenny opened the door to him.\n\n'
            + _CROWD + FILLER + "\n\n" + scene * 3)
    assert speakers(text)[-5] == "DR. HALE"


def test_a_voice_is_whom_the_narration_then_reveals():
    # Mrs. Penn is in no scene yet; the narration after "said a merry voice" shows her there
    text = ('"Good night," said Mrs. Penn.\n\n"Good night," said Martha.\n\n' + FILLER + "\n\n"
            + 'Ruth lay on her bed in the attic, and Martha sat below with her mending.\n\n'
            + '"I shall never look anyone in the face again," said Ruth.\n\n'
            + '"Then come down and tell them so yourself," said a merry voice. Ruth sat up, '
            + 'to find Mrs. Penn standing by the door and laughing at her.\n')
    assert speakers(text)[-1] == "MRS. PENN"


def test_the_girl_is_her_bound_one_when_no_woman_is_on_stage():
    # the tags bind "the girl" to Nell; no woman has been named for pages when the girl speaks
    # with Tom, so she is Nell, not Mrs. Grey, the woman the book names most
    scene = ('"Good morning," said Nell.\n\n'
             '"Good morning," said Tom.\n\n'
             '"Is it {0}?" said the girl.\n\n'
             '"Not at all," said Tom.\n\n'
             '"Then I shall go out," said Nell.\n\n')
    text = ('"Hullo," said Mrs. Grey.\n\n' * 6 + FILLER + "\n\n"
            + scene.format("raining") + FILLER + "\n\n"
            + scene.format("snowing") + FILLER + "\n\n"
            + _CROWD + FILLER + "\n\n"
            + 'Tom climbed the stairs and found the girl alone by the window.\n\n'
            + '"Where is Bill?" said Tom.\n\n'
            + '"I cannot tell," said the girl.\n')
    assert speakers(text)[-1] == "NELL"


def test_an_occupation_named_after_it_opening_a_sentence_is_that_one():
    # "The proprietor, Mr. Turner, asked him" tells who "the proprietor" of the tags is
    visit = ('"Anything doing tonight?" said the proprietor.\n\n"Nothing yet," said Joe.\n\n'
             + FILLER + "\n\n")
    text = ('"Hullo," said Joe.\n\n"Hullo," said Mr. Turner.\n\n' + FILLER + "\n\n"
            + 'Joe went into the club. The proprietor, Mr. Turner, asked him to sit down.\n\n'
            + visit * 3)
    assert speakers(text)[2] == "MR. TURNER"


def test_her_voice_is_the_woman_herself():
    # "her voice answered" is Nell answering, not someone besides her
    text = ('"Good evening," said Mrs. Grey.\n\n"Good evening," said Nell.\n\n"Hullo," said Tom.\n\n'
            + FILLER + "\n\n"
            + 'Mrs. Grey had gone up to bed. Nell sat with Tom by the fire, and she did not look '
            + 'up from her work.\n\n'
            + '"Will you stay?" asked Tom.\n\n'
            + '"I cannot," her voice answered, very low.\n')
    assert speakers(text)[-1] == "NELL"


def test_the_narrations_stranger_is_the_one_a_pronoun_and_the_visitor_mean():
    # "said the stranger", again and again, names someone the story does not name; the
    # narration's "The stranger set a coin down. He pointed" keeps him in focus, so "he
    # said" is his, and so is "said the visitor" (a word of no sex for the same man)
    scene = ('Tom Baker kept the shop by the mill, and he was wiping the counter when the door '
             'opened. The stranger came in out of the wind, his collar turned up to his ears. '
             'Tom put down his cloth.\n\n'
             '"We are closing," said Tom.\n\n'
             '"Then I shall be quick," said the stranger.\n\n'
             'The stranger set a coin on the counter and looked about him at the shelves. '
             'He pointed at a tin of tobacco.\n\n'
             '"That one," he said.\n\n'
             '"Anything else?" said Tom.\n\n'
             '"Matches," said the visitor.\n\n')
    text = ('"Good evening," said Tom.\n\n"Good evening," said Jenny.\n\n' + FILLER + "\n\n"
            + scene + FILLER + "\n\n"
            + '"Back again?" said Tom.\n\n"Back again," said the stranger.\n\n' + FILLER + "\n\n"
            + '"Tea?" said Tom.\n\n"No," said the stranger.\n\n' + FILLER + "\n\n")
    assert speakers(text)[2:7] == ["TOM", "STRANGER", "STRANGER", "TOM", "STRANGER"]


def test_her_aunt_is_whom_the_tags_keep_her_with():
    # "said her aunt" speaks in the visits where Mrs. Gray is tagged by name (and never
    # answers her): the aunt is Mrs. Gray, not Kate, the last woman the narration named
    visit = ('"Is the kettle on?" said Mrs. Gray.\n\n'
             '"Not yet," said Lucy.\n\n'
             '"Then put it on, child," said her aunt.\n\n'
             '"At once," said Lucy.\n\n')
    text = ('"Good day," said Kate.\n\n"Good day," said Lucy.\n\n' + FILLER + "\n\n"
            + visit + FILLER + "\n\n" + visit + FILLER + "\n\n"
            + '"Sit down, dear," said Mrs. Gray.\n\n"Thank you," said Lucy.\n\n'
            + 'Lucy sat by the window with Mrs. Gray. Kate came in from the garden with a basket '
            'of apples, and Kate set it down on the table by the door.\n\n'
            + '"What a fine crop," said Lucy.\n\n'
            + '"The best in years," said her aunt.\n\n')
    assert speakers(text)[-1] == "MRS. GRAY"
