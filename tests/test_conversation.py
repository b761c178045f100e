"""The conversation decoder on short exchanges whose speakers any reader can tell."""
from adapt.attribution import attribute
from adapt.readers.prose import read_prose


def _lines(text: str) -> list[tuple[str, str]]:
    """(first words of each quotation, its cue) in reading order."""
    result = attribute(read_prose(text))
    return [(text[s:s + 20], result.speakers[s]) for s in sorted(result.speakers)]


def test_how_a_line_addresses_someone_tells_who_says_it():
    # The tagged lines show the daughter says "papa" and the father "my dear"; the untagged
    # exchange after the chapter break opens on the father in the narration, yet its first
    # line calls him "papa", so she speaks first and the turns alternate from her.
    text = """Margaret came into the study, where her father sat reading by the fire.

"You are late, my dear," said Mr. Hale.

"I was walking, papa," said Margaret.

"In this rain, my dear?" said Mr. Hale.

"Only a little, papa," said Margaret.

CHAPTER II

The storm went on all night, and in the morning the garden was full of broken branches. Dixon lit the fires before anyone else was awake, and the house was quiet for a long time. When the bell rang for breakfast, Margaret came down the stairs, and Mr. Hale took his chair by the window.

"Did you sleep at all, papa?"

"Not well, my dear. The wind kept me awake."

"Shall I bring your tea up to the study, papa?"

"Please do, my dear. And the letters."
"""
    cues = [cue for _text, cue in _lines(text)[4:]]
    assert cues == ["MARGARET", "MR. HALE", "MARGARET", "MR. HALE"]


def test_her_is_no_subject_of_a_tag():
    # '"Rory?" Her silence worries him.': "Her" is a possessive, not someone speaking
    from adapt.tags import tag_after
    assert tag_after(" Her silence worries him, hinting at questions.", 0, "Rory?") is None
    tag = tag_after(" she whispers.", 0, "Rory?")
    assert tag is not None and tag.subject == "she"


def test_a_polite_word_of_address_says_whom_the_line_answers():
    # The narration before the untagged exchange ends on the man, which alone would make him
    # open it; but "madam" answers a woman, so she asks and he answers.
    text = '''Mr. Thornton came into the drawing-room. He had walked from the mill, and he was tired.

"Good morning," said Mr. Thornton.

"Good morning," said Margaret. She put down her work. She was glad to see him, though she did not say so.

CHAPTER II

The next day the rain fell without stopping, and the street outside the house was empty. Mr. Thornton waited by the door with his hat in his hand, and Margaret stood at the window.

"Is the mill open today?"

"It is, madam. The men came back this morning."

"Then the strike is over?"

"For now, madam. Nobody can say for how long."
'''
    cues = [cue for _text, cue in _lines(text)[2:]]
    assert cues == ["MARGARET", "MR. THORNTON", "MARGARET", "MR. THORNTON"]


def test_a_tag_ending_the_paragraph_before_leads_into_the_quote_like_a_paragraph_between():
    # the paragraph before ends on "he began with," - narration leading into the next quote,
    # not Mr. Wood's own doing after his line: he goes on, the exchange does not alternate
    text = ('Mr. Knight came in from the garden and sat down by the fire.\n\n'
            '"Good evening," said Mr. Wood.\n\n'
            '"Good evening," said Mr. Knight. "The roads are very bad to-night."\n\n'
            '"Ah!" said Mr. Wood, shaking his head and fixing his eyes on the fire. For a little '
            'while nobody wished to talk of the roads, and the clock ticked on the shelf. After '
            'an interval of some minutes, however, he began with,\n\n'
            '"I shall always be sorry that you went out in the rain."\n')
    assert _lines(text)[-1] == ('I shall always be so', "MR. WOOD")


def _cues(text: str) -> list[str]:
    result = attribute(read_prose(text))
    return [result.speakers[s] for s in sorted(result.speakers)]


def test_an_occupation_said_once_is_its_own_speaker():
    # "said the waiter" in a two-person exchange: the waiter, however the turns alternate
    text = ('Tony took Babs to the club, where the band was playing.\n\n'
            '"Shall we dance?" said Tony.\n\n"Not yet," said Babs.\n\n"Why not?"\n\n'
            '"My feet hurt."\n\n"Then let us sit."\n\n"Very well."\n\n'
            '"Will you buy a ticket for the raffle, sir?" said the waiter.\n')
    assert _cues(text) == ["TONY", "BABS", "TONY", "BABS", "TONY", "BABS", "WAITER"]


def test_a_bystander_s_word_leaves_the_exchange_to_the_two_talking():
    # the judge puts in a word; counsel goes on, and the witness answers him again (not the
    # man in the gallery, whom counsel calls by name only later)
    text = ('The court was full. Lucius sat in the box. Sir Roland rose to question him, and '
            'Mr. Arthur watched from the gallery.\n\n'
            '"You were in the garden that night?" said Sir Roland.\n\n"I was," said Lucius.\n\n'
            '"Alone?"\n\n"Quite alone."\n\n"And you saw nobody?" said Sir Roland.\n\n'
            '"Really, Sir Roland," protested the judge.\n\n'
            '"Then I will put it another way. Did you hear anybody?"\n\n"No."\n\n'
            '"Not a footstep?"\n\n"Not one."\n\n"Be careful, Mr. Arthur. Not a voice?"\n\n'
            '"Nothing at all."\n')
    assert _cues(text)[5:10] == ["JUDGE", "SIR ROLAND", "LUCIUS", "SIR ROLAND", "LUCIUS"]


def test_a_description_answering_a_name_called_is_that_person():
    # "Thank you, Simkin." / "Thank you, ma'am," returned the porter: the porter is Simkin
    text = ('Mrs. Grale sat down to her tea in the bank parlour. Simkin was shutting the '
            'windows.\n\n'
            '"Thank you, Simkin," said Mrs. Grale.\n\n'
            '"Thank you, ma\'am," returned the porter.\n\n'
            '"Is all shut up, Simkin?" said Mrs. Grale.\n\n"All is shut up, ma\'am."\n')
    assert _cues(text) == ["MRS. GRALE", "SIMKIN", "MRS. GRALE", "SIMKIN"]


def test_a_pronoun_tag_after_narration_about_the_last_speaker_is_the_last_speaker():
    # the paragraph of Katharine's line goes on about her; "she exclaimed" after it is
    # Katharine again, though the two women alternated so far
    text = ('Mary and Katharine drove through the dark streets in a cab.\n\n'
            '"We shall find him," said Mary.\n\n'
            '"I ought to have told him at once," said Katharine. Katharine sprang forward to '
            'look at the clock over the shop, and her hands shook.\n\n'
            '"Only half-past eight!" she exclaimed.\n')
    assert _lines(text)[-1] == ("Only half-past eight", "KATHARINE")


def test_a_description_that_keeps_speaking_is_fixed_like_a_name():
    # "said the mariner", again and again and bound to nobody named: his line stays his,
    # though he speaks twice running
    text = ('Mr. Pembury sat on the bench by the harbour. A mariner sat down beside him.\n\n'
            '"Fine day," said the mariner.\n\n"It is," said Mr. Pembury.\n\n'
            '"Come far?" said the mariner.\n\n"From the town."\n\n"Ah."\n\n'
            '"I mean to walk on to the mill."\n\n"It is a long way," said the mariner.\n\n'
            '"A very long way," said the mariner.\n')
    assert _cues(text)[-2:] == ["MARINER", "MARINER"]


def test_an_indefinite_description_brings_in_someone_new():
    # "said a sleepy-faced carpenter": nobody of the exchange, however the turns alternate
    text = ('Tom ran down the lane, and Mr. Pembury ran after him.\n\n'
            '"Stop him!" cried Mr. Pembury.\n\n"I never touched it," said Tom.\n\n'
            '"Then who did?"\n\n"Another boy."\n\n'
            '"I saw him take it, sir," said a sleepy-faced carpenter, leaning on his bench.\n')
    assert _cues(text)[-1] == "SLEEPY-FACED CARPENTER"


def test_a_description_binds_only_to_someone_already_brought_in():
    # "Mr. Perry, the apothecary," comes years later: the first apothecary is no Mr. Perry yet
    text = ('Tom lay ill in the little room.\n\n'
            '"He will mend," said the apothecary.\n\n"Thank God," said Tom\'s mother.\n\n'
            'Years went by.\n\n'
            'Mr. Perry, the apothecary, called at the Hall.\n\n'
            '"A cold morning," said Mr. Perry.\n\n"Very cold," said Mrs. Goddard.\n')
    assert _cues(text)[0] == "APOTHECARY"


def test_a_pronoun_opening_the_narration_after_an_untagged_line_says_its_speakers_sex():
    # The two men's exchange would alternate back to Tom, but "She put down her sewing"
    # right after the untagged line makes it the woman's.
    text = '''Tom and Jack sat by the fire, and Anna sewed by the window. Tom had his boots off; he was tired. Anna had her work in her lap; she was tired too.

"Shall I light the lamp?" asked Anna.

"It will rain tonight," said Tom.

"It always rains here," said Jack. He threw another log on the fire.

"Then we shall all stay in." She put down her sewing and smiled at them both.
'''
    assert [cue for _text, cue in _lines(text)] == ["ANNA", "TOM", "JACK", "ANNA"]


def test_a_description_tag_keeps_its_sex_in_the_decoder():
    # The narration before the last line is all about the boy, and the exchange would go on
    # with him; but "said the old lady" can only be the woman.
    text = '''Mrs. Pell sat by the bed with her knitting, and little Robin ate his broth. She watched him closely.

"Is it good?" asked Mrs. Pell.

"Very good, ma'am," said Robin.

"Eat it all, then," said Mrs. Pell.

"I will, ma'am," said Robin.

He had scarcely swallowed the last spoonful when there came a soft rap at the door. Robin looked up; he put down his spoon.

"Come in," said the old lady; and in walked Mr. Grey.
'''
    assert _lines(text)[-1][1] == "MRS. PELL"


def test_calling_someone_my_dear_girl_answers_a_woman():
    # The narration before the untagged exchange is about the woman, which alone would make
    # her open it; but two of its lines call the one they answer "girl", so the man asks
    # first and the turns alternate from him.
    text = '''Tom had his newspaper; he read it in silence. Anna poured the coffee, and she smiled at him.

"You are very quiet this morning," said Anna.

"I am reading," said Tom.

CHAPTER II

The rain had stopped by noon. Anna came into the study, and she sat by the window.

"Is there any more of that cake?"

"None at all, I am afraid."

"Then I shall ring for some, my dear girl."

"Please do."

"And a pot of tea, my girl?"

"Yes, if you like."
'''
    cues = [cue for _text, cue in _lines(text)[2:]]
    assert cues == ["TOM", "ANNA", "TOM", "ANNA", "TOM", "ANNA"]


def test_whom_the_narration_sends_away_is_not_the_one_who_speaks_next():
    # "Mr. Hale at last was off" opens the paragraph, but he has gone: the "he said" after
    # it is Tom's, who stayed
    text = ('"You will stay for supper?" said Mr. Hale to Tom.\n\n"I will, sir," said Tom.\n\n'
            '"Good," said Mr. Hale.\n\n"And the horses?" asked Ada.\n\n'
            'Mr. Hale at last was off; but Tom, instead of following him, sat down again by the '
            'fire and began to talk of the harvest.\n\n'
            '"The wheat is poor this year," he said.\n\n"It always is," said Ada.\n')
    assert [cue for _, cue in _lines(text)][-2] == "TOM"


def test_a_departure_setting_the_time_is_no_departure():
    # "When Mr. Hale went away he said:" opens on him leaving, and his parting word follows
    from adapt.attribution import _paragraph_subjects, discover_cast
    text = ('"You will stay for supper?" said Mr. Hale to Tom.\n\n"I will, sir," said Tom.\n\n'
            '{}\n\n"Mind the horses."\n')
    for narration, subjects in [("When Mr. Hale went away he said:", ["MR. HALE"]),
                                ("Mr. Hale went away at once.", [])]:
        story = read_prose(text.format(narration))
        paragraph = [p for p in story.paragraphs() if p.spans[0].kind == "narration"][-1]
        cast = discover_cast(story)
        assert [c.cue for c in _paragraph_subjects(paragraph, cast)] == subjects, narration


def test_a_line_naming_its_own_speaker_is_theirs():
    # "she said" after two women's exchange would go to the one who spoke two turns back;
    # but the line says "I am Mrs. Pole": the woman waiting by the door speaks, and her
    # own name in it is no sign that someone else is talking about her.
    text = '''Ellen and May sat in the parlour with their sewing. Mrs. Pole, who had walked up from the vicarage, waited by the door with her basket.

"It is very cold today," said Ellen.

"It is," said May.

"Shall we have the fire lit?" said Ellen.

"Forgive me for coming in unasked," she said. "I am Mrs. Pole, and I have come about the bazaar."

"You are very welcome," said May.
'''
    assert _cues(text) == ["ELLEN", "MAY", "ELLEN", "MRS. POLE", "MRS. POLE", "MAY"]
    from adapt.attribution import _names_oneself
    line = "I am Rory's friend, and my name, sir, is Ben."
    assert not _names_oneself(line, 5, 9) and _names_oneself(line, 41, 44)


def test_a_pronoun_tag_means_the_name_opening_the_sentence_just_before():
    # After the two women's exchange, "she said" would go back to the one who spoke two
    # turns before; but the sentence right before the line opens on Kitty, whom the
    # pronoun means.
    text = '''"Good morning," said Kitty, and she went to stand by the window.

Lady Dane and Mrs. Bell sat down at the table.

"You will not have it painted green," said Lady Dane.

"I shall have it painted any colour I like," said Mrs. Bell. Kitty turned from the window at last.

"How can you both be so silly?" said she.

Lady Dane stared at her. "Silly!"
'''
    assert _cues(text) == ["KITTY", "LADY DANE", "MRS. BELL", "KITTY", "LADY DANE"]


def test_he_or_she_said_is_never_the_first_person_narrator():
    # The narrator's lines are tagged "I said"; a "she replied" is someone else's even where
    # the turns would alternate back to the narrator (whose sex the text never gives).
    text = '''I found Polina in the garden, sitting on a bench under the limes.

"You are late," said Polina.

"I was kept at the tables," I said.

"And I have lost everything I had."

"Have you? Then you can take the consequences," she replied.

"I will try," I said.
'''
    assert _cues(text) == ["POLINA", "NARRATOR", "NARRATOR", "POLINA", "NARRATOR"]


def test_a_tag_after_its_turns_first_quote_goes_by_the_narration_up_to_it():
    # "He said" follows narration about Harry that comes after the turn's first quote;
    # the narration before that quote names no one, so by it alone the turns would
    # alternate back to Tom.
    text = '''Tom and Harry sat late over the fire in the inn parlour.

"You will sign the lease tomorrow," said Tom.

"I have not decided," said Harry.

There was only one answer to that: "I will sign." Yet Harry was unwilling to give it. The doubt had got hold of him at last. He said, "I cannot promise anything for him tonight."

"Then sleep on it."
'''
    assert _cues(text) == ["TOM", "HARRY", "HARRY", "HARRY", "TOM"]
