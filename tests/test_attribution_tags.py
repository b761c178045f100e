"""Explicit speech tags in the forms novels write them, and the characters they name: the tag
finder on hand-written sentences, and explicit-tag accuracy floors on corpus novels where those
forms are common (a talking animal or an unnamed stranger speaking in every other tag)."""
import re

import pytest

from adapt.attribution import attribute
from adapt.readers.prose import read_prose
from adapt.tags import clause_tag, tag_after, tag_before
from benchmarks.attribution import score
from tests.conftest import PDNC_DIR, needs_shared, speakers


@pytest.mark.parametrize("narration,quote,subject,verb", [
    (" put in Kitty.", "Oh, yes, ma,", "Kitty", "put in"),                    # particle verbs
    (" broke in old Isaac Brown indignantly, ", "Why,", "Isaac Brown", "broke in"),
    (" the March Hare went on.", "Then,", "the March Hare", "went on"),
    (" said old Horace Talbot, who was kind,", "I tell you,", "Horace Talbot", "said"),
    (" said the Mock Turtle.", "Once,", "the Mock Turtle", "said"),         # capitalised
    (" said the gallant Mr.\nElton--", "If it were,", "the gallant Mr.\nElton", "said"),
    (", the Cat said, waving its paw,", "In that direction,", "the Cat", "said"),
    ("; replied the servant.", "Yes, sir", "the servant", "replied"),
    (" was Frank's reply.", "Oh, I felt sorry,", "Frank", "reply"),          # nominal tags
    (" was all Lady Bertram's answer.", "Yes!", "Lady Bertram", "answer"),
    (" was uttered by Captain Wentworth.", "Good God!", "Captain Wentworth", "uttered"),
    (" Mrs. Archer would say to her children,", "Don't tell me,", "Mrs. Archer", "would say"),
    (" cried the muffled voice of Kemp, and", "Get back,", "Kemp", "cried"),    # whose voice
    (" said Hamidullah's voice.", "Come in,", "Hamidullah", "said"),
    (" had been Anne's reply.", "No,", "Anne", "reply"),
    (" said Brenda's solicitor.", "Sign here,", "Brenda's solicitor", "said"),  # possessed
    (" at last broke explosively from Janey.", "How romantic!", "Janey", "broke from"),
    (" called the clear voice of Inspector Ratcliffe. ", "Surely,", "Inspector Ratcliffe",
     "called"),
    (" replied the hump-backed man, coolly,", "There,", "the hump-backed man", "replied"),
    (" said a great lubberly fellow, stepping up;", "I did,", "a great lubberly fellow", "said"),
    (" she very often said;", "If only he were here,", "she", "said"),       # how often
    (" Mr. Tod had once said.", "Never marry,", "Mr. Tod", "had said"),
    (" he always answered.", "No,", "he", "answered"),
])
def test_tag_forms_after_a_quote(narration, quote, subject, verb):
    tag = tag_after(narration, 0, quote)
    assert tag is not None and (tag.subject, tag.verb) == (subject, verb)
    assert tag.kind == "speech"
    assert narration[tag.subject_start:tag.subject_end] == subject


def test_a_possessive_that_lost_its_apostrophe_names_the_owners_kin():
    # plain-text editions that lost their apostrophes ("don t", "Nora s mamma")
    text = ('Nora Bell sat in the hotel garden with Mr. Tod. Nora had a fan, and Mrs. Bell came '
            'out later with a shawl.\n\n"I don t like the lake," said Nora.\n\n'
            '"It is very fine," said Mr. Tod.\n\n"It is too cold for me," answered Nora s mamma.\n')
    assert speakers(text)[-1] == "MRS. BELL"


def test_a_possessive_subject_that_lost_its_apostrophe():
    tag = tag_after(" said Brenda s solicitor.", 0, "Sign here,")
    assert tag is not None and (tag.subject, tag.verb) == ("Brenda's solicitor", "said")
    assert tag_after(" said Brenda, smiling.", 0, "Sign here,").subject == "Brenda"


def test_a_new_sentence_after_a_question_is_no_beat():
    # after "?" or "!", a capitalised sentence that closes the paragraph without speaking is
    # narration of its own (here the listener's doing); between two quotes it is a beat
    from adapt.attribution import find_tag
    story = read_prose('"How dare you?" Bitzer picked up his cap.\n\n'
                       '"Where?" Anne looked up. "There, by the gate."\n')
    first, second = story.paragraphs()[:2]
    assert find_tag(first, 0) is None
    tag = find_tag(second, 0)
    assert tag is not None and tag.subject == "Anne"
    tag = tag_after(" Anne asked.", 0, "Where?")
    assert tag is not None and tag.subject == "Anne"


def test_two_quotes_of_one_speaker_around_a_new_sentence():
    text = ('"Good morning," said Winterbourne.\n\n'
            '"Must you go?" asked Daisy. "Do wait till Friday!" Winterbourne began to '
            'think he had been wrong.\n')
    assert speakers(text) == ["WINTERBOURNE", "DAISY", "DAISY"]


def test_what_breaks_from_a_room_is_no_speaker():
    assert tag_after(" broke from the next room.", 0, "Oh!") is None


@pytest.mark.parametrize("narration,quote", [
    (" said in French.", "Oui,"),                         # "in" is no particle of "say"
    (" said to Elizabeth, turning.", "No,"),              # a preposition is no epithet
    (" Louisa would suspend her work and look up.", "Have you?"),   # a modal, no speech
])
def test_what_is_not_a_tag_or_not_its_subject(narration, quote):
    tag = tag_after(narration, 0, quote)
    assert tag is None or tag.subject not in ("French", "Elizabeth", "Louisa")


@pytest.mark.parametrize("narration,subject", [
    ("Then for the first time Joe spoke: ", "Joe"),
    ("As soon as her back was turned, Joe burst out, ", "Joe"),
    ("The waiter said, ", "The waiter"),
    ("On seeing her, the maid said at once:  ", "the maid"),
    ("Elinor, rejoiced to see him in London, now ventured to say, ", "Elinor"),     # asides
    (" so eagerly that the Gryphon said, in a rather offended tone, ", "the Gryphon"),
    ("composure. After a short pause Sir Thomas added with dignity, ", "Sir Thomas"),
    ("was Mary's reasoning; and\nElizabeth's reply was, ", "Elizabeth"),        # nominal
    ("But later he showed the letter to Jock, who said, ", "Jock"),          # relative clause
    ("he looked guiltily at Ben, who said, ", "Ben"),
])
def test_tag_forms_before_a_quote(narration, subject):
    tag = tag_before(narration, 0)
    assert tag is not None and tag.subject == subject


def test_a_name_after_a_preposition_is_no_subject():
    tag = tag_before("She looked at Mrs. Norris, and then at Fanny, whose tears were near, said, ", 0)
    assert tag is None or tag.subject != "Fanny"


@pytest.mark.parametrize("narration", [
    "and old sailors in Port Lorne or Dunmere still grumble to each other: ",
    "Folk from Ashby and Kettleford said, ",
])
def test_a_name_coordinated_with_a_place_is_no_subject(narration):
    # a name joined by "or"/"and" to a preposition's object is named in passing
    tag = tag_before(narration, 0)
    assert tag is None or tag.subject[:1].islower()


@pytest.mark.parametrize("narration,subject", [
    (" said Mr. R. T. Vane, looking round.", "Mr. R. T. Vane"),       # initials after a title
    (" objected R. T. Vane.", "R. T. Vane"),                           # a run of initials
])
def test_a_name_with_initials_is_one_subject(narration, subject):
    tag = tag_after(narration, 0, "Well,")
    assert tag is not None and tag.subject == subject


def test_a_participle_before_a_particle_is_no_tag():
    # '"..." Laying down his pen, he': no subject "Laying", no verb "down"
    tag = tag_after("  Laying down his pen, he rubbed his eyes.", 0, "It was   ")
    assert tag is None or tag.subject == "he"


def test_two_tagged_speakers_in_one_paragraph():
    text = ('Lady Bertram spoke first, and Sir Thomas after her.\n\n'
            '"Then she had better come to us," said Lady Bertram, with the utmost composure. '
            'After a short pause Sir Thomas added with dignity, "Yes, let her home be here."\n\n'
            '"Very true," said the gentle Mrs. Norris. "I wish I could do as much," said the '
            'Mock Turtle, sighing.\n')
    story = read_prose(text)
    who = attribute(story)
    assert [who.speakers[q.start] for q in story.quotes()] == [
        "LADY BERTRAM", "SIR THOMAS", "MRS. NORRIS", "MOCK TURTLE"]


STRANGER = """A stranger came into the inn. Mrs. Hall brought him his dinner.

"Your dinner, sir," said Mrs. Hall.

"Thank you," said the stranger.

"Will you have some more?" asked Mrs. Hall.

"No," said the stranger. "Leave me."

Mr. Henfrey came in with his tools.

"I have come to mend the clock," said Mr. Henfrey.

"Do it quickly," said the stranger.
"""


def test_a_recurring_description_is_a_character_of_its_own():
    # "the stranger" speaks in three tags and keeps no named speaker's company: he is
    # STRANGER, never the innkeeper or the clock-mender he talks to
    story = read_prose(STRANGER)
    who = attribute(story)
    cues = [who.speakers[q.start] for q in story.quotes()]
    assert cues == ["MRS. HALL", "STRANGER", "MRS. HALL", "STRANGER", "STRANGER",
                    "MR. HENFREY", "STRANGER"]


# Explicit-tag floors a little under what `python -m benchmarks.attribution NOVEL` measured.
EXPLICIT_FLOORS = {
    "AlicesAdventuresInWonderland": 0.93,    # measured 94.5 (was 80.0 before these tag forms)
    "TheInvisibleMan": 0.90,                 # measured 92.0 (was 68.1)
}


@needs_shared(PDNC_DIR)
@pytest.mark.parametrize("novel", sorted(EXPLICIT_FLOORS))
def test_explicit_tag_floor(novel):
    from benchmarks.corpus import load_novel

    right, total = score(*load_novel(novel))["explicit"]
    assert right / total >= EXPLICIT_FLOORS[novel], f"{novel}: {right / total:.3f}"


def test_the_title_names_who_carries_it_most():
    # "the Major" is Major Callendar, the one major the prose names often; "Major. The
    # Magistrate" across a full stop is no name
    text = ("Major Callendar came in. Major Callendar was cross, and Callendar sat down. "
            "Major Roberts was away.\n\n"
            '"Where is he?" said the Major. The Magistrate looked up.\n\n'
            '"Gone," said the Magistrate.\n')
    story = read_prose(text)
    who = attribute(story)
    assert who.speakers[story.quotes()[0].start] == "MAJOR CALLENDAR"
    assert not any("Magistrate" in a for c in who.cast for a in c.aliases if "Major" in a)


def test_someone_s_mother_is_their_kin():
    text = ("Mrs. Bennet and her daughter Miss Elizabeth Bennet came to town. Brenda came too.\n\n"
            '"Sign here," said Brenda\'s solicitor.\n\n'
            '"I will not," said Elizabeth.\n\n'
            '"Lizzy, come here!" cried Elizabeth\'s mother.\n')
    story = read_prose(text)
    who = attribute(story)
    assert [who.speakers[q.start] for q in story.quotes()][1:] == ["ELIZABETH", "MRS. BENNET"]


@pytest.mark.parametrize("narration,quote,subject,verb", [
    (" Freddy was saying. ", "Try the jam,", "Freddy", "was saying"),           # auxiliaries
    (" Dr Messinger had said, ", "We'll go in a small boat,", "Dr Messinger", "had said"),
    (" again interrupted De Griers. ", "Ce n'est pas cela,", "De Griers", "interrupted"),
    (" said this emissary, ", "I'm extremely sorry, sir,", "this emissary", "said"),
    (" cried the Nawab Bahadur quite rudely.", "Folly,", "the Nawab Bahadur", "cried"),
])
def test_more_tag_forms_after_a_quote(narration, quote, subject, verb):
    tag = tag_after(narration, 0, quote)
    assert tag is not None and (tag.subject, tag.verb) == (subject, verb)


def test_no_speech_behind_an_auxiliary():
    assert tag_after(" Freddy was looking at her.", 0, "Try the jam,") is None


def test_a_long_clause_names_its_speaker():
    # the name opens a clause; the speech verb closes the sentence after other predicates,
    # with no comma before the quote (the narration's opener, Brenda, does not speak)
    text = ('"Good morning," said Brenda.\n\n"Good morning," said Tony.\n\n'
            'Brenda passed the toast. A telegram was brought in, and Tony opened it, read it '
            'twice and said "Hell."\n')
    assert speakers(text) == ["BRENDA", "TONY", "TONY"]


def test_who_is_heard_speaking_speaks():
    text = ('"Good night," said May.\n\n"Good night," said Archer.\n\n'
            '"Not one of them holds the bow as she does," Archer heard Lawrence Lefferts say.\n')
    assert speakers(text)[-1] == "LAWRENCE LEFFERTS"


@pytest.mark.parametrize("narration", [
    "She went in, and Mr. Beebe heard her kiss Lucy and say: ",     # the one heard speaks
    "Mr. Beebe had been hoping all day that she would say ",          # another subject
    "Mr. Beebe was immediately greeted with ",                        # spoken to
    "Mr. Beebe said nothing for a while, and ",                       # no speech verb last
])
def test_a_clause_that_names_no_speaker(narration):
    def names(text):
        return [(m.start(), m.end()) for m in re.finditer(r"Mr\. Beebe|Lucy", text)]
    assert clause_tag(narration, 0, names) is None


def test_a_paragraph_ending_on_a_tag_leads_into_the_next_quote():
    # the dash of "said--" lost to spaces, as plain-text editions often have it
    text = ('"We are wandering," said Gregory.\n\n"We are," said the Professor.\n\n'
            'There was a long silence, and then Gregory said, looking out over the grey sea   '
            '\n\n"What does it matter who is mad?"\n')
    assert speakers(text)[-1] == "GREGORY"


def test_an_inverted_clause_names_its_speaker():
    text = ('"Good evening," said Anne.\n\n"Good evening," said Marilla.\n\n'
            'Not until Anne had finished her plums did Marilla say: "Mrs. Barry was here."\n')
    assert speakers(text)[-1] == "MARILLA"


def test_a_name_leading_in_beats_a_pronoun_after():
    # "she answered" after the toast starts her own reply, not the toast's tag
    text = ('"Good morning," said Mrs. Sparsit.\n\n"Good morning," said Mr. Bounderby.\n\n'
            'She handed him the cup, and when Mr. Bounderby said, "Your health, ma\'am!" she '
            'answered with great feeling, "Thank you, sir."\n')
    assert speakers(text)[2] == "MR. BOUNDERBY"


def test_an_occupation_said_once_is_its_own_character():
    # "the porter" speaks once among named people: he is PORTER, not the traveller the
    # pronoun resolution would find on stage
    text = ('Mr. Pembury, Mr. Ames and Miss Ardley reached the station in the rain.\n\n'
            '"Is this the last train?" asked Mr. Pembury.\n\n'
            '"I hope not," said Miss Ardley.\n\n'
            '"The very last, miss," said the porter.\n')
    assert speakers(text)[-1] == "PORTER"


def test_an_apposition_names_the_occupation():
    # "Mr. Quill, the apothecary," tells who "the apothecary" is
    text = ('Mr. Quill, the apothecary, was sent for, and came at noon.\n\n'
            'Mrs. Dorley and Mr. Ames waited in the hall.\n\n'
            '"How is the patient?" said Mrs. Dorley.\n\n'
            '"We shall know soon," said Mr. Ames.\n\n'
            '"Better, ma\'am," said the apothecary.\n')
    assert speakers(text)[-1] == "MR. QUILL"


def test_a_name_with_an_inner_capital_is_a_name():
    text = ('Mr. McBryde and Mrs. Ogle sat down.\n\n"Tea?" said Mrs. Ogle.\n\n'
            '"Thank you," said Mr. McBryde.\n\n'
            'Mrs. Ogle poured it. Mr. McBryde raised his eyebrows, murmuring: "Too strong."\n')
    assert speakers(text)[-1] == "MR. MCBRYDE"


@pytest.mark.parametrize("narration,subject", [
    ("There was a pause. Mr. Pembury began.\n\n", "Mr. Pembury"),       # a closed sentence
    ("Mr. Pembury, trying not to smile, went on again. ", "Mr. Pembury"),
    ("Another song was begged for. And Lucy was heard to say, ", "Lucy"),  # heard to say
    ("He heard Lucy next say, with a glance at the piano, ", "Lucy"),
    ("Every day Lucy asked Mr. Pembury, ", "Lucy"),                   # a phrase of time
])
def test_a_clause_that_opens_a_speech(narration, subject):
    def names(text):
        return [(m.start(), m.end()) for m in re.finditer(r"Mr\. Pembury|Lucy", text)]
    tag = clause_tag(narration, 0, names)
    assert tag is not None and tag.subject == subject


@pytest.mark.parametrize("narration", [
    "Lucy had left the room before the conversation began. ",   # whose verb?
    "Mr. Pembury began to eat. ",
    "Lucy continued her walk. ",
])
def test_a_closed_sentence_that_opens_no_speech(narration):
    def names(text):
        return [(m.start(), m.end()) for m in re.finditer(r"Mr\. Pembury|Lucy", text)]
    assert clause_tag(narration, 0, names) is None


def test_a_description_written_in_full_names_one_person():
    # the text keeps writing "the lady in the green bonnet": she is her own character, not
    # one of the named people talking to her ("with the utmost calm" names nobody)
    text = ('Mr. Pembury and Miss Ardley sat in the coach. The lady in the green bonnet sat '
            'opposite.\n\n'
            '"A cold morning," said the lady in the green bonnet.\n\n'
            '"Very cold," said Mr. Pembury.\n\n'
            '"Colder yesterday," said the lady in the green bonnet, with a sniff.\n\n'
            '"Indeed it was," said Miss Ardley with the utmost calm.\n')
    assert speakers(text) == ["LADY IN THE GREEN BONNET", "MR. PEMBURY",
                              "LADY IN THE GREEN BONNET", "MISS ARDLEY"]


def test_a_family_role_in_lower_case_names_its_speaker():
    text = ('"May I stay up?" asked Teddy.\n\n'
            '"Certainly not," said nanny.\n\n'
            '"Please?" said Teddy.\n\n'
            '"Eat up your supper," said nanny.\n')
    assert speakers(text) == ["TEDDY", "NANNY", "TEDDY", "NANNY"]


def test_a_clause_of_time_after_a_tag_names_no_new_speaker():
    # "when Mrs. Maylie returned" is in the sentence of "said Oliver": the quote goes on;
    # "while Miss Bartlett added:" brings in another voice
    text = ('Mrs. Maylie went out, and Oliver waited.\n\n'
            '"I hope," said Oliver, when Mrs. Maylie returned, "that nothing is wrong."\n\n'
            '"I won\'t play," said Cecil, while Miss Bartlett, looking at him, added: '
            '"I agree with you."\n')
    assert speakers(text) == ["OLIVER", "OLIVER", "CECIL", "MISS BARTLETT"]


def test_an_ordinal_tells_one_of_several_apart():
    # "the second gentleman" is not the gentleman named on stage, nor the first one
    text = ('Mr. Pembury, Mr. Ames and two other gentlemen sat at the table.\n\n'
            '"A fine evening," said Mr. Pembury.\n\n'
            '"Very fine," said Mr. Ames.\n\n'
            '"Too warm," said the first gentleman.\n\n'
            '"Far too warm," said the second gentleman.\n')
    assert speakers(text)[2:] == ["FIRST GENTLEMAN", "SECOND GENTLEMAN"]


def test_a_short_last_sentence_opening_on_a_name_is_the_speaker_s_beat():
    text = ('"Good morning," said Mr. Pembury.\n\n"Good morning," said Dr. Quill.\n\n'
            'Mr. Pembury undertook to explain the way to the mill, but it presently appeared '
            'that he had never been there himself. Dr. Quill teased him gently. "The blind '
            'leading the blind!"\n')
    assert speakers(text)[-1] == "DR. QUILL"


def test_a_name_opening_a_sentence_after_a_quote_tags_the_next_one():
    # "Rosa said, ..." leads into the first quote; "Ada asked, ..." opens a sentence of its
    # own after it and leads into the second
    text = ('"Good evening," said Mr. Pembury.\n\n'
            'Two sisters came in and sat down. Rosa said, "Is the tea ready?" Ada asked, '
            '"Have you any cake?"\n\n'
            'When Rosa said brightly, "We walked all the way," Ada added, "In the rain."\n')
    assert speakers(text) == ["MR. PEMBURY", "ROSA", "ADA", "ROSA", "ADA"]


def test_a_given_name_before_a_known_surname_opens_the_clause():
    # the cast knows "Pembury"; "when Arthur Pembury came up" still opens a clause on him
    def names(text):
        return [(m.start(), m.end()) for m in re.finditer(r"Pembury", text)]
    tag = clause_tag("She was vexed, when Arthur Pembury came up to her and said, ", 0, names,
                     pronouns=True)
    assert tag is not None and tag.subject == "Pembury"


def test_a_pronoun_opening_the_next_sentence_is_no_tag_of_a_quote_led_into():
    # "repeated," runs into the quote; "She explained" opens what follows it
    text = ('"We leave for the coast on Monday," said Mrs. Ardley.\n\n'
            'Mr. Pembury turned towards her, on hearing this, and, in a voice of surprise, '
            'repeated, "The coast! So far?" She explained the plan.\n')
    assert speakers(text) == ["MRS. ARDLEY", "MR. PEMBURY"]


def test_was_her_answer_is_a_pronoun_tag():
    # '"...," was her answer' names its speaker as "she": the woman of a two-person talk,
    # even when she speaks twice running
    text = ('Mr. Hale and Margaret sat by the fire.\n\n'
            '"Will you go to the town to-morrow?" said Mr. Hale.\n\n'
            '"I think not," said Margaret.\n\n'
            '"And why not?" asked Mr. Hale, looking up from his book.\n\n'
            '"Because it will rain," was her answer.\n\n'
            '"And it always rains on a Monday," was her next remark.\n')
    assert speakers(text) == ["MR. HALE", "MARGARET", "MR. HALE", "MARGARET", "MARGARET"]


def test_a_pronoun_in_a_name_s_object_clause_is_no_subject():
    # "all that she could do" is what Mrs. Grale did: she says it
    def names(text):
        return [(m.start(), m.end()) for m in re.finditer(r"Mrs\. Grale", text)]
    tag = clause_tag("Mrs. Grale did all that she could do in such a case by saying, now and "
                     "then, ", 0, names, pronouns=True)
    assert tag is not None and tag.subject == "Mrs. Grale"


def test_a_description_of_several_words_before_the_verb_after_a_quote():
    # '"Yes," her old mother said.': the whole description is the subject (the shortest
    # reading made "mother" the verb of "her old")
    from adapt.tags import tag_after
    for narration, subject, verb in [(" her old mother said, ", "her old mother", "said"),
                                     (" the poor old man cried.", "the poor old man", "cried"),
                                     (" the other lady called. ", "the other lady", "called"),
                                     (" the lady said. ", "the lady", "said"),
                                     (" the man went on.", "the man", "went on")]:
        tag = tag_after(narration, 0, "Yes,")
        assert tag is not None and (tag.subject, tag.verb) == (subject, verb), narration


@pytest.mark.parametrize("narration,subject", [
    ("As she entered he stopped, and said:", "he"),
    ("To everyone's surprise she rose, stretched out her hand, and said:", "she"),
    ("When told that it was late she rose at once, and said:", "she"),
])
def test_a_pronoun_after_a_fronted_clause_without_its_comma_is_the_subject(narration, subject):
    # the opening clause or phrase ("As she entered", "To everyone's surprise") has no comma
    # after it: the pronoun that follows opens the main clause, whose verb is the speech
    tag = clause_tag(narration, 0, lambda text: [], pronouns=True)
    assert tag is not None and (tag.subject, tag.verb) == (subject, "said")


def test_a_lead_in_after_a_fronted_clause_tags_the_next_quote():
    # without the tag, turn-taking gives each last line to the other one of the pair
    text = ('"Is the boat ready?" asked Mr. Rowe.\n\n"Not yet," said Ada.\n\n'
            '"Then we wait," said Mr. Rowe.\n\n')
    assert speakers(text + 'When told that the tide was already out she rose at once, and '
                    'said:\n\n"Then we must walk."\n')[-1] == "ADA"
    assert speakers(text + '"We cannot wait," said Ada.\n\nAs the clock struck nine he stood '
                    'up, and said:\n\n"Then we must row ourselves."\n')[-1] == "MR. ROWE"


def test_someones_kin_right_before_a_speech_verb_is_its_subject():
    # "her uncle" stands right before "cried from the porch": the clause's subject, not she
    tag = clause_tag("She did not answer. But her uncle cried from the porch, ", 0,
                     lambda text: [], pronouns=True)
    assert tag is not None and tag.subject == "her uncle" and tag.lemma == "cry"


def test_a_hearer_who_then_speaks_is_the_subject():
    # the hearing ends with "in silence,": "said" is his own verb, not what he heard
    tag = clause_tag("He heard her out in silence, and then said: ", 0, lambda text: [],
                     pronouns=True)
    assert tag is not None and tag.subject == "He" and tag.lemma == "say"
    # ... but "she heard him say" is the one heard speaking
    for narration in ("She heard him, muttering, ", "She heard him and say, "):
        assert clause_tag(narration, 0, lambda text: [], pronouns=True) is None, narration


def test_the_one_heard_to_say_is_the_speaker():
    for narration in ("After a while she heard him say: ",
                      "but Rosa heard him almost immediately afterwards say to himself, "):
        tag = clause_tag(narration, 0, lambda text: [], pronouns=True)
        assert tag is not None and tag.subject == "he" and tag.lemma == "say", narration
        assert narration[tag.subject_start:tag.subject_end] == "him"


def test_jerked_out_is_a_speech_verb():
    tag = tag_before("And then, as they turned back, he jerked out: ", 0)
    assert tag is not None and tag.subject == "he" and tag.verb == "jerked out"


def test_a_kin_tag_in_a_long_lead_in_names_the_speaker():
    text = ('"We shall start at nine," said Mr. Pembury.\n\n'
            '"Must we?" asked Rosa.\n\n'
            'Rosa looked at the clock and frowned. But her father shouted from the hall, '
            '"We must, my dear."\n')
    assert speakers(text) == ["MR. PEMBURY", "ROSA", "MR. PEMBURY"]


def test_a_description_opening_a_long_clause_is_its_speaker():
    # no name and no pronoun: "The clerk" opens the clause whose verb is "replied"
    tag = clause_tag("The clerk hesitated a moment, and then replied: ", 0, lambda text: [],
                     pronouns=True)
    assert tag is not None and tag.subject == "The clerk" and tag.lemma == "reply"
    text = ('"Who gets the house?" asked Mr. Pembury.\n\n'
            'The clerk hesitated a moment, and then replied:\n\n'
            '"The nephew, I believe."\n')
    assert speakers(text)[1] == "CLERK"
    # ... not when a name or a clause of time follows it, nor before a participle
    for narration in ("The colour deepened as she replied: ",
                      "The colour deepened when Rosa answered: ",
                      "The old lady smiled and kissed her, saying: "):
        assert clause_tag(narration, 0, lambda text: [], pronouns=True) is None, narration


def test_a_lower_case_tag_after_a_dash_is_a_tag():
    # '"Yes, oh! yes"--he replied;': the dash leads into the tag as a comma does
    tag = tag_after("--he replied; ", 0, "Yes, oh! yes")
    assert tag is not None and (tag.subject, tag.lemma) == ("he", "reply")


def test_a_long_description_before_a_verb_and_its_object():
    # "the old lady added to the General": the verb is "added", not the preposition after it
    tag = tag_after(" the old lady added to the General.", 0, "Will you lend me your nephew?")
    assert tag is not None and (tag.subject, tag.verb) == ("the old lady", "added")


def test_a_name_joined_to_a_prepositions_object_is_no_subject():
    # "leant behind her and Mr. Hobbs, and said": Mr. Hobbs is leant behind, not speaking
    text = ("Mrs. Carver sat down beside Alice; and before long she leant behind her and "
            "Mr. Hobbs, and said to Alice, ")
    tag = clause_tag(text, 0, lambda s: [(m.start(), m.end())
                                         for m in re.finditer(r"Mr\. Hobbs|Mrs\. Carver|Alice", s)],
                     pronouns=True)
    assert tag is None or tag.subject != "Mr. Hobbs"


def _hobbs_names(text):
    return [(m.start(), m.end()) for m in re.finditer(r"Mr\. Hobbs|Mrs\. Carver|Alice", text)]


def test_a_name_opening_a_clause_after_a_dash_and_an_opener():
    # '"...!"--Then Mr. Hobbs turned round and said,': the dash does not hide "Then"
    tag = clause_tag("--Then Mr. Hobbs turned round and said, ", 0, _hobbs_names, pronouns=True)
    assert tag is not None and (tag.subject, tag.verb) == ("Mr. Hobbs", "said")


def test_was_saying_is_no_passive():
    # "was presently saying" speaks; "was immediately greeted with" is spoken to
    tag = clause_tag("and Mr. Hobbs, looking at the clock, was presently saying to Alice: ", 0,
                     _hobbs_names, pronouns=True)
    assert tag is not None and (tag.subject, tag.lemma) == ("Mr. Hobbs", "say")
    assert clause_tag("Alice was immediately greeted with ", 0, _hobbs_names,
                      pronouns=True) is None


def test_a_description_before_was_and_a_participle_is_the_subject():
    # "Mr. Hobbs had come in, and his wife was exclaiming,": his wife speaks
    tag = clause_tag("Mr. Hobbs had just come in, and his wife was exclaiming, ", 0, _hobbs_names,
                     pronouns=True)
    assert tag is not None and tag.subject == "his wife"


def test_a_name_that_first_spoke_leads_into_the_next_paragraph():
    text = ('"We shall go on Monday," said Alice.\n\n'
            '"So soon?" said Mr. Hobbs.\n\n'
            'Alice looked at Mrs. Carver with surprise. For a few moments every one was silent. '
            'Mrs. Carver first spoke.\n\n'
            '"Then you must dine with us on Sunday, both of you."\n')
    assert speakers(text)[2] == "MRS. CARVER"


def test_a_body_part_after_the_name_opens_no_clause():
    # "Then Mr. Hobbs shook his head, and said,": his head is nobody who could speak
    tag = clause_tag("Then Mr. Hobbs shook his head, and looked grave, and said, ", 0,
                     _hobbs_names, pronouns=True)
    assert tag is not None and (tag.subject, tag.verb) == ("Mr. Hobbs", "said")
