"""What the scene planner (adapt.scenes) produces: scenes, montages, the plan.

Apart from the planner so that a process that only uses a plan (the builder, given one by the
helper process of adapt.pipeline) need not load the planner and its patterns.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Scene:
    block_index: int            # the scene starts before story.blocks[block_index]
    heading: str
    source: tuple[int, int]
    setting: str = "INT."       # "INT.", "EXT." or "INT./EXT."
    location: str = ""          # "HOUSE - DEN"
    time: str = "DAY"           # DAY, NIGHT, MORNING, EVENING, DAWN, CONTINUOUS, LATER, ...
    reason: str = "start"       # what started it: start, break, jump, move, phone, meet, indoors
    jump: bool = False          # time passed since the scene before (a `CUT TO:` candidate)
    flashback: bool = False
    kind: str = "scene"         # "scene"; "intercut": the other side of a phone call


@dataclass
class Montage:
    first_block: int            # the paragraphs first_block..last_block are its shots
    last_block: int
    title: str = "MONTAGE"


@dataclass
class ScenePlan(list):
    """The scenes in order (it is a list of `Scene`), plus what the builder needs besides."""
    montages: list[Montage] = field(default_factory=list)
    skip: set[int] = field(default_factory=set)     # chapter-title paragraphs: never action

    def __init__(self, scenes=(), montages=None, skip=None):
        super().__init__(scenes)
        self.montages = montages or []
        self.skip = skip or set()

    @property
    def scenes(self) -> list[Scene]:
        return list(self)
