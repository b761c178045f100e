"""English lexicons and patterns the scene planner reads prose with.

Only general English: place nouns, time-of-day words, movement verbs, summary phrases. Nothing
here names a person, place or phrase of any particular story.
"""
from __future__ import annotations

import re

_GAP = r"[\s-]+"     # a space or hyphen inside a place noun: "dining-room", "dining room"


def alternation(words, gaps: bool = True) -> str:
    r"""A regex for any of `words`, factored into a prefix tree ("hall(?:way|[\s-]+house)?"):
    the regex engine tries a plain list of alternatives one by one at every word, which made
    place-noun patterns the planner's slowest. Longer words are tried before their prefixes,
    as in a longest-first list; two words that are not prefixes of one another can never
    match at the same place, so the matches are the same. With `gaps`, spaces and hyphens
    match any run of them."""
    trie: dict = {}
    for word in words:
        node = trie
        for token in re.findall(r"[\s-]+|.", word) if gaps else word:
            node = node.setdefault(_GAP if gaps and token.strip(" -") == "" else re.escape(token),
                                   {})
        node[""] = {}       # a word ends here

    def pattern(node: dict) -> str:
        branches = [token + pattern(child) for token, child in sorted(node.items()) if token]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return ("(?:" + body + ")" if len(branches) == 1 and len(body) > 1 else body) + "?"

    return pattern(trie)


# Rooms: a part of a building, written as a sub-location ("HOUSE - DEN").
ROOMS = sorted(set("""bedroom kitchen bathroom den hall hallway office parlour parlor library
    study attic cellar basement stairs staircase stairway corridor passage landing lobby foyer
    ballroom nursery pantry scullery closet gallery bar classroom cell studio bedchamber
    chamber room""".split()) | {
    "drawing-room", "drawing room", "dining-room", "dining room", "breakfast-room",
    "breakfast room", "sitting-room", "sitting room", "living room", "living-room",
    "dressing-room", "dressing room", "morning-room", "morning room", "smoking-room",
    "smoking room", "waiting-room", "waiting room", "bar-parlour"})

# Buildings and other interiors: the main part of a location.
BUILDINGS = """apartment flat house home cottage mansion manor hall-house lodge villa palace castle
    inn hotel tavern pub cafe restaurant shop store supermarket bakery pharmacy bank office-block
    church chapel cathedral theater theatre cinema school college university hospital prison jail
    courthouse station museum barn stable stables cabin hut tent farmhouse parsonage vicarage
    rectory abbey convent casino club workhouse factory mill warehouse""".split() + [
    "assembly room", "assembly rooms", "assembly-room"]

# Homes: a room found later in a story belongs to the home last seen, not to a shop.
DWELLINGS = set("""apartment flat house home cottage mansion manor lodge villa palace castle
    farmhouse parsonage vicarage rectory cabin hut""".split())

# Vehicles: INT./EXT. (the script can see inside and out).
VEHICLES = "car cab taxi truck van bus limo limousine jeep".split()

EXTERIORS = """street road lane alley avenue boulevard sidewalk pavement garden gardens park beach
    shore sea seashore coast field fields forest wood woods river riverbank lake pond hill
    hillside hills mountain mountains valley village town city square yard courtyard porch
    doorstep veranda verandah balcony bridge harbour harbor dock docks quay pier meadow moor
    desert island cliff cliffs path terrace lawn churchyard graveyard cemetery market
    shrubbery orchard drive driveway gate gates roof rooftop parking lot""".split()

# Words that show a scene is outdoors or indoors when no place noun is given.
OUTDOOR_CUES = r"""\b(?:sky|stars|moon|sun|sunshine|rain|raining|snow|snowing|snowfall|wind|breeze|
    street\ ?lights?|city\ lights|pavement|sidewalk|grass|trees|horizon|open\ air|outdoors|
    outside)\b"""
INDOOR_CUES = r"""\b(?:ceiling|wall|walls|floor|sofa|couch|bed|sheets|blanket|pillow|pillows|
    fireplace|fire-place|mantelpiece|grate|curtains|carpet|table|chair|armchair|window|door|
    freezers?|aisles?|counter|shelves|indoors|inside)\b"""

# The same cues as word sets, for counting them fast (one pass over a paragraph's words).
OUTDOOR_WORDS = set("""sky stars moon sun sunshine rain raining snow snowing snowfall wind breeze
    streetlight streetlights pavement sidewalk grass trees horizon outdoors outside""".split())
OUTDOOR_PAIRS = {("street", "light"), ("street", "lights"), ("city", "lights"), ("open", "air")}
INDOOR_WORDS = set("""ceiling wall walls floor sofa couch bed sheets blanket pillow pillows fireplace
    fire-place mantelpiece grate curtains carpet table chair armchair window door freezer freezers
    aisle aisles counter shelves indoors inside""".split())

# Where people go: a movement verb (the words), then a preposition (a pattern), then (later) a place.
MOVE_VERBS = """go goes going went gone come comes coming came walk walks walked run runs
    ran hurry hurries hurried rush rushes rushed step steps stepped stumble stumbles stumbled
    follow follows followed enter enters entered return returns returned lead leads led carry
    carries carried climb climbs climbed descend descends descended cross crosses crossed
    stride strides strode move moves moved head heads headed drive drives drove ride rides
    rode arrive arrives arrived troop troops trooped stagger staggers staggered slip slips
    slipped burst bursts make makes made wander wanders wandered limp limps limped creep
    creeps crept retire retires retired withdraw withdraws withdrew hasten hastens hastened
    bound bounds bounded dash dashes dashed march marches marched proceed proceeds
    proceeded""".split()
MOVE_PREPS = r"""(?:into|in to|to|down|up|along|across|through|out of|out into|out to|back to|
    back into|toward|towards|onto|on to|round to|over to|inside)"""

# Phone calls.
PHONE_START = re.compile(r"\b(?:phone|telephone|cell|cellphone|mobile)\b[^.;]{0,40}\b(?:rings?|rang|"
                         r"ringing|buzz(?:es|ed)?|vibrat\w+)\b|\b(?:picks? up|picked up|answers?|"
                         r"answered|dials?|dialled|dialed|calls?|called)\b[^.;]{0,20}\b(?:the )?"
                         r"(?:phone|telephone|receiver)\b", re.I)


def phone_starts(text: str) -> bool:
    """PHONE_START.search(text), skipping the search when the text names no phone: every
    match holds "phone", "cell", "mob(ile)" or "rece(iver)" (letters whose case folds only
    to themselves, so a lower-cased look is exact)."""
    low = text.lower()
    if not ("phone" in low or "cell" in low or "mob" in low or "rece" in low):
        return False
    return PHONE_START.search(text) is not None


PHONE_HANDLING = re.compile(r"\b(?:cord|receiver|handset|phone|telephone|the line)\b", re.I)

_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_HOUR = rf"(?:{alternation(_WORD_NUMBERS.keys() - {'zero'}, gaps=False)}|\d{{1,2}})"
CLOCK = re.compile(rf"\b({_HOUR})(?:[-:.](?:\d\d|thirty|fifteen|forty-five|o'clock))?"
                   rf"(?:\s*(o'clock|o\u2019clock|o clock|in the morning|in the afternoon|"
                   rf"in the evening|at night|a\.m\.|p\.m\.|am|pm)\b)", re.I)

# Time-of-day words, strongest first. "four in the morning" is handled by CLOCK.
TIME_WORDS = [  # (patterns end in \b(?!-): "morning-glories" is no morning)
    ("NIGHT", r"\b(?:night|nights|midnight|tonight|to-night|moonlight|moonlit|nightfall|"
              r"candle|candlelight|lamplight|lamps? (?:was|were) lit|lit the lamps?|bedtime|"
              r"time for bed|pitch dark|still up|sat up late|waited up)\b"),
    ("DAWN", r"\b(?:dawn|daybreak|sunrise|first light|streak of daylight)\b"),
    ("MORNING", r"\b(?:morning|breakfast)\b"),
    ("EVENING", r"\b(?:evening|dusk|sunset|twilight|dinner|supper|sundown|growing darkness|"
                r"(?:grew|growing|getting) dark)\b"),
    ("DAY", r"\b(?:afternoon|noon|midday|noonday|lunch|luncheon|daylight|sunlight|sunshine|"
            r"(?:one|a|that|the|all|same|next|following|\w+y) day|day-?time|to-?day)\b"),
]

# Openings that jump in time: "The next morning", "Three weeks passed", "On the morrow".
_UNIT = r"(?:hour|hours|day|days|week|weeks|month|months|year|years|morning|evening|night|" \
        r"afternoon|fortnight)"
TIME_JUMP = re.compile(
    rf"""\A\W*(?:and|but|so|then)?\s*(?:
      (?:the|that|on\ the|by\ the|early|late|early\ the|late\ the|during\ the|in\ the)?\s*
          (?:next|following|same)\s+(?:morning|day|evening|night|afternoon|week|month|year|
          spring|summer|autumn|winter|fortnight)
    | later(?:\ that|\ in\ the)?\ (?:day|night|evening|morning|afternoon)
    | (?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|a\ few|\w+)\s+
          {_UNIT}\s+(?:later|passed|went\ by|had\ passed|pass|afterwards?)
    | in\ (?:a|an|a\ few|two|three|several|some)\s+(?:\w+\ )?{_UNIT}
    | on\ the\ morrow | the\ morrow | next\ day | the\ day\ after | the\ morning\ after
    | the\ (?:next|last|first)\ time\b
    | that\ (?:night|evening|afternoon|morning)
    | (?:one|some)\s+(?:\w+\s+)?(?:morning|evening|night|afternoon|day)\b
    | at\ (?:dawn|daybreak|noon|midnight|sunset|sundown|nightfall)\b
    | (?:soon|shortly|long|some\ time|sometime)\s+(?:after|afterwards?)\b
    | it\ was\ (?:\w+\ )?(?:o'clock|night|morning|evening|dawn|noon|midnight)
    | when\ [\w.\ ]{{1,30}}?\ (?:went|came|returned|got\ back|reached|arrived)\b
    | by\ (?:morning|evening|nightfall|noon|the\ time)
    | after\ (?:dinner|breakfast|lunch|luncheon|supper|tea)
    )""", re.I | re.X)

# Prose that compresses time into a summary (a montage candidate). (Every alternative starts
# with a letter: looking ahead for one lets the engine skip to it, a quarter faster.)
SUMMARY = re.compile(
    r"(?=\w)\b(?:as time went on|day after day|week after week|night after night|every (?:day|morning|"
    r"evening|night|week|sunday)|each (?:day|morning|evening|night|week)|for (?:days|weeks|"
    r"months|years)|(?:days|weeks|months|years) (?:passed|went by)|(?:became|become|becomes|grew|"
    r"grow|grows) (?:more|less) (?:frequent|often|rare)|more and more often|again and again|"
    r"from time to time|in the weeks that followed|over the (?:next|following) (?:days|weeks|"
    r"months))\b", re.I)

# A narrator turning to memory: "She remembered the summer when ...", "Years before, ...".
RECALL = re.compile(r"\b(?:remembers?|remembered|recalls?|recalled|thought back|"
                    r"(?:years|months|weeks) (?:before|earlier|ago)|when (?:he|she|I|they|we) "
                    r"(?:was|were) (?:a (?:child|boy|girl)|young|little|\w+teen|twelve|eleven|ten))\b",
                    re.I)
PAST_SIMPLE = re.compile(r"\b(?:was|were|had|did|said|went|came|took|made|\w+ed)\b", re.I)
PAST_PERFECT = re.compile(r"\b(?:had|'d) (?:been|gone|come|\w+ed|\w+en|seen|met|known|left|made|"
                          r"taken|said|told|thought)\b", re.I)

# Quoted arrangements to meet somewhere: "Meet you at the theater?", "Go to the den".
ARRANGEMENT = re.compile(r"\b(?:meet (?:you|me|us|them|him|her)|wait (?:for (?:me|you) )?|"
                         r"go (?:on )?(?:in)?to|come (?:in)?to|see you)\s+(?:at|in|into|to)?\s*"
                         r"(?:the|my|your|his|her|our)\s+", re.I)
REMAINS = re.compile(r"\b(?:meet|there|minutes)\b", re.I)


def clock_time(match: re.Match, current: str | None) -> str:
    """The time of day a clock reading means ("four in the morning" is NIGHT)."""
    word, part = match.group(1).lower(), (match.group(2) or "").lower()
    hour = _WORD_NUMBERS.get(word, int(word) if word.isdigit() else 12) % 24
    if "morning" in part or part in ("a.m.", "am"):
        return "NIGHT" if hour < 5 or hour == 12 else "DAWN" if hour < 6 else "MORNING"
    if "afternoon" in part:
        return "DAY"
    if "evening" in part or "night" in part:
        return "NIGHT" if hour >= 9 or hour < 3 else "EVENING"
    if part in ("p.m.", "pm"):
        return "DAY" if hour < 5 or hour == 12 else "EVENING" if hour < 9 else "NIGHT"
    # A bare "o'clock": read it against the time already known.
    if current in ("NIGHT", "DAWN") and hour <= 4:
        return "NIGHT"
    if current in ("NIGHT", "DAWN", "MORNING") and 5 <= hour <= 8:
        return "MORNING"
    if 5 <= hour <= 8:
        return "EVENING"
    if 9 <= hour <= 11:
        return "NIGHT" if current in ("EVENING", "NIGHT") else "MORNING"
    return "DAY"
