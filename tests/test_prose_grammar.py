"""The prose grammar and reader on hand-made inputs whose right parse is known."""
import pytest

from adapt.readers.prose import quote_convention, read_prose
from adapt.story import Chapter, Paragraph, SceneBreak


def quotes(text):
    return [q.text for q in read_prose(text).quotes()]


def test_paragraphs_narration_and_quotes():
    story = read_prose('He left.\n\n"Wait," she said, "for me."\n')
    paras = story.paragraphs()
    assert len(paras) == 2
    assert [s.kind for s in paras[1].spans] == ["quote", "narration", "quote"]
    assert quotes('He left.\n\n"Wait," she said, "for me."\n') == ["Wait,", "for me."]


def test_curly_and_straight_double_quotes():
    assert quotes("\u201cHello,\u201d he said.") == ["Hello,"]
    assert quotes('"Hello," he said.') == ["Hello,"]


def test_nested_single_quotes_stay_inside_the_outer_quote():
    assert quotes('"He said \'go\' and left," she said.') == ["He said 'go' and left,"]


def test_a_quote_nested_in_the_same_double_marks_stays_inside_the_speech():
    # a mark after a space and before a word opens a quotation inside the speech
    text = ('"Then I went up and said to him, "Go now.  Hurry!"  He shook, and asked, '
            '"Where?"  I told him," she said.  "That was all."')
    assert quotes(text) == ['Then I went up and said to him, "Go now.  Hurry!"  He shook, and '
                            'asked, "Where?"  I told him,', "That was all."]
    assert quotes('"I read "no" in it."') == ['I read "no" in it.']
    # a mark that reopens speech after a tag still starts a new quote
    assert quotes('"Wait," she said, "for me."') == ["Wait,", "for me."]
    # a speech that runs on into the next paragraph keeps its old reading
    assert quotes('"Hi," he said to her, "and then.\n\n"Yes."') == ["Hi,", "and then.", "Yes."]


def test_british_single_quotes_and_apostrophes():
    text = "\u2018Don\u2019t go,\u2019 she said. \u2018It\u2019s late.\u2019\n\n\u2018Fine.\u2019"
    assert quote_convention(text) == "single"
    assert quotes(text) == ["Don\u2019t go,", "It\u2019s late.", "Fine."]
    straight = "'I can't,' he said. 'It's the rock 'n' roll.'\n\n'Oh.'\n\n'Yes.'"
    assert quotes(straight)[0] == "I can't,"


def test_speech_over_several_paragraphs():
    story = read_prose('"First part of a long speech.\n\n"Second part," she said.')
    first, second = story.paragraphs()
    assert first.quotes[0].closed is False and first.quotes[0].text == "First part of a long speech."
    assert second.quotes[0].text == "Second part,"


def test_chapter_headings_and_scene_breaks():
    text = "CHAPTER IV.\n\nIt rained.\n\n* * *\n\nChapter One\n\nSun.\n\nII.\n\nMore.\n\n#\n\nEnd."
    kinds = [type(b) for b in read_prose(text).blocks]
    assert kinds == [Chapter, Paragraph, SceneBreak, Chapter, Paragraph, Chapter, Paragraph,
                     SceneBreak, Paragraph]


def test_a_long_sentence_starting_with_chapter_is_not_a_heading():
    story = read_prose("Chapter and verse were quoted at him for an hour, and he slept.\n\nNext.")
    assert not any(isinstance(b, Chapter) for b in story.blocks)


def test_title_line_is_taken_off():
    story = read_prose("The Long Night\n\nIt was dark.\n\nVery dark.")
    assert story.title == "The Long Night"
    assert story.paragraphs()[0].text == "It was dark."


def test_gutenberg_header_and_licence_are_skipped():
    text = ("The Project Gutenberg eBook of X\n\nTitle: A Tale\nAuthor: Some One\n\n"
            "*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nIt began.\n\n"
            '"Yes," he said.\n\n*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nLicence text.')
    story = read_prose(text)
    assert story.title == "A Tale" and story.author == "Some One"
    assert [p.text for p in story.paragraphs()] == ["It began.", '"Yes," he said.'.replace('"Yes,"', "Yes,")]
    assert all("Licence" not in p.text and "Gutenberg" not in p.text for p in story.paragraphs())


@pytest.mark.parametrize("text", ["", "\n", '"', "\u201d", "\u201c", "'", "\n\n\n", '"\n\n"',
                                  "a\r\n\r\nb", '"unclosed at the end', "\u2018", "* * *",
                                  "\x00\x01", "\u202e\u200b", '""""""', "\r\r\r"])
def test_any_text_parses(text):
    read_prose(text)


def test_offsets_point_into_the_input():
    text = 'Intro line here.\r\n\r\n  \u201cHi there,\u201d she said.  \u201cBye.\u201d\n'
    story = read_prose(text)
    for q in story.quotes():
        assert text[q.start:q.end] == q.text
    for p in story.paragraphs():
        for s in p.spans:
            if s.kind == "narration":
                assert text[s.start:s.end] == s.text
