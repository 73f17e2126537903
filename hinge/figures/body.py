"""A side-view body model that draws each exercise position from joint angles.

Problem: a client learns a position by looking at it, and a drawing made by
hand drifts from the words and from the other drawings. Reason: one body with
fixed proportions, posed by a handful of joint angles, keeps every figure to
scale and lets a coach change a position by changing a number in
hinge/figures/poses.yml. When: hinge/figures/__init__.py calls it at build time; the
tests call it to check the poses are ones a person can hold.

Lengths are centimetres for a person about 175 cm tall. x points the way the
person faces, y points up, the floor is y = 0. Angles are degrees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from pathlib import Path

import yaml

POSES_FILE = Path(__file__).resolve().parent / "poses.yml"

# Segment lengths, joint to joint, for a person 175 cm tall, from Winter's segment
# lengths as fractions of height H (D. A. Winter, Biomechanics and Motor Control of
# Human Movement, 4th ed., 2009, fig. 4.1): foot 0.152 H (drawn a little shorter,
# heel to toe on its support), shank (knee to ankle) 0.246 H, thigh 0.245 H, hip to
# shoulder joint 0.288 H (0.530 H to 0.818 H), shoulder joint to the head's centre
# about 0.11 H, upper arm 0.186 H, forearm 0.146 H plus half the hand (0.108 H).
# The foot is drawn from heel to toe on its support.
LENGTH = {
    "foot": 25.0,
    "shin": 43.0,
    "thigh": 43.0,
    "lower_back": 22.0,  # hip joint to the middle of the back
    "upper_back": 28.0,  # middle of the back to the shoulder joint
    "neck": 19.0,  # shoulder joint to the centre of the head
    "upper_arm": 32.0,
    "forearm": 35.0,  # elbow to the middle of the fist
}
# How thick each segment is drawn (its depth seen from the side); a limb, at its thickest end.
THICKNESS = {
    "foot": 7.0,
    "shin": 11.0,  # just below the knee, where the calf is
    "thigh": 17.0,  # at the hip
    "lower_back": 24.0,
    "upper_back": 24.0,
    "neck": 10.0,
    "upper_arm": 9.0,
    "forearm": 8.0,
}
# Problem: limbs drawn as bars of one width made the body read as a robot's, and the knee
# and hip did not show where one bar met the next. Reason: a real limb is thickest where
# it joins the body and thins toward the hand or foot, so each limb is drawn THICKNESS
# wide at the joint nearer the trunk and tapers to the width given here at its other end.
LIMB_TAPER = {  # limb: (its joint nearer the trunk, its width at the other joint, cm)
    "thigh": ("hip", 10.0),  # above the knee
    "shin": ("knee", 6.0),  # at the ankle
    "upper_arm": ("shoulder", 7.0),  # at the elbow
    "forearm": ("elbow", 5.0),  # at the wrist and fist
}
HEAD_RADIUS = 11.0
ANKLE = (6.0, 8.0)  # the ankle joint, from the back of the heel

# Each segment hangs from its parent's far end and turns by one joint angle.
# (segment, parent, joint angle, turn) where turn is +1 when a bigger angle turns
# the segment counter-clockwise in this side view (person facing right).
# In the all-zero pose the person stands tall with the arms hanging.
CHAIN = (
    ("shin", None, "ankle", -1),  # ankle: the shin leans forward over the foot
    ("thigh", "shin", "knee", +1),  # knee: bend
    ("lower_back", "thigh", "hip", -1),  # hip: the trunk tips forward
    ("upper_back", "lower_back", "spine", -1),  # spine: + rounds, - arches
    ("neck", "upper_back", "neck", -1),  # neck: + chin to chest
    ("upper_arm", "upper_back", "shoulder", +1),  # shoulder: + raises the arm forward
    ("forearm", "upper_arm", "elbow", +1),  # elbow: bend
)
JOINT_AT_END = {
    "shin": "knee", "thigh": "hip", "lower_back": "mid_back", "upper_back": "shoulder",
    "neck": "head", "upper_arm": "elbow", "forearm": "hand",
}
# Direction of each segment in the all-zero pose, in degrees from the +x axis.
ZERO_DIRECTION = {"upper_arm": 270.0, "forearm": 270.0}

# The range a healthy adult can reach at each joint, in this model's terms.
HUMAN_RANGE = {
    "ankle": (-45, 40),
    "knee": (0, 150),
    "hip": (-20, 135),  # the trunk tips with the pelvis, a little past the hip joint alone
    "spine": (-30, 45),
    "neck": (-30, 50),
    "shoulder": (-60, 180),
    "elbow": (0, 150),
}

# Implements and supports, drawn to scale. Handle heights above what the implement rests on:
# a 45 cm plate holds a bar 22.5 cm up; a trap bar's high handles, the ones the
# trap bar page tells a beginner to use, sit TRAP_BAR_HANDLE_RISE above its sleeves.
PLATE_RADIUS = 22.5
TRAP_BAR_HANDLE_RISE = 8.0
HANDLE_HEIGHT = {"kettlebell": 27.0, "barbell": PLATE_RADIUS, "trap bar": PLATE_RADIUS + TRAP_BAR_HANDLE_RISE}
KETTLEBELL_RADIUS = 11.0
TRAP_BAR_HALF_LENGTH = 32.0
BOX_HEIGHT = 30.0  # a step or low box for the feet
BENCH_HEIGHT = 40.0  # a gym bench for the upper back
BENCH_WIDTH = 30.0
# How far the thighs point out to the sides in each stance, in degrees. From the
# side a thigh turned out looks shorter, so the drawing shortens it to match.
STANCES = {"hip-width": 0.0, "a bit wider": 25.0, "wide": 45.0}
# Where on the upper back a bench should meet the body: just below the shoulder blades.
SHOULDER_BLADES_BELOW = 0.3  # fraction of the way from the middle of the back to the shoulder

# What the implements weigh, in kg, for the balance check: a light kettlebell, an
# empty trap bar, a bar with light plates. Only a lifted implement counts.
IMPLEMENT_MASS = {"kettlebell": 12.0, "trap bar": 25.0, "barbell": 40.0}
IMPLEMENTS = tuple(HANDLE_HEIGHT)

# Where each segment's mass sits, for the balance check. Problem: a drawn pose
# can look fine and still be one nobody can hold without falling over. Reason:
# the body's centre of mass must be over the feet. Values from Winter,
# "Biomechanics and Motor Control of Human Movement", 4th ed. (2009), Table 4.1:
# each segment's share of body mass (both sides together, since the side view
# draws one leg and one arm for two), and where along the segment its centre of
# mass lies, as a fraction from the joint nearer the trunk. The trunk runs from
# hip to shoulder (Winter's "trunk", greater trochanter to glenohumeral joint);
# the head and neck mass sits at the head; the forearm segment here reaches to
# the middle of the fist, so it carries the hand too (forearm and hand: 0.022,
# centre about 0.6 of the way from the elbow to the fist).
SEGMENT_MASS = {
    # segment: (fraction of body mass, centre of mass as a fraction from its first joint)
    "foot": (2 * 0.0145, 0.5),
    "shin": (2 * 0.0465, 0.567),  # from the ankle up: Winter gives 0.433 from the knee down
    "thigh": (2 * 0.100, 0.567),  # from the knee up: 0.433 from the hip down
    "lower_back": (0.497 / 2, 0.5),  # the trunk in two halves along the back
    "upper_back": (0.497 / 2, 0.5),
    "neck": (0.081, 1.0),  # head and neck, at the head
    "upper_arm": (2 * 0.028, 0.436),
    "forearm": (2 * 0.022, 0.6),
}
BODY_MASS = 75.0  # kg, a person about 175 cm tall
HANDS = ("free", "grip", "lift")  # not on the implement / on its handle, resting / holding it up
HIGHLIGHTS = {
    # body part: the joint marked with a dot, or the segments drawn in the accent colour
    "hips": ("hip",),
    "knees": ("knee",),
    "hands": ("hand",),
    "shoulders": ("shoulder",),
    "feet": ("foot",),
    "shins": ("shin",),
    "back": ("lower_back", "upper_back"),
    "lower back": ("lower_back",),
    "upper back": ("upper_back",),
}
ARROWS = {"back": 180.0, "forward": 0.0, "up": 90.0}
# An arrow along the trunk toward the head, beside the chest: "lift the chest tall". An
# upward arrow on the back read as "lift with your back", the opposite of the advice.
CHEST_TALL = "chest tall"
VERDICTS = ("right", "wrong")

Point = tuple[float, float]


@dataclass(frozen=True)
class Pose:
    """Joint angles in degrees; all zero is standing tall with the arms hanging."""

    ankle: float
    knee: float
    hip: float
    spine: float
    shoulder: float
    elbow: float
    neck: float = 0.0

    def out_of_range(self) -> list[str]:
        found = []
        for joint, (low, high) in HUMAN_RANGE.items():
            value = getattr(self, joint)
            if not low <= value <= high:
                found.append(f"{joint} is {value:g}, outside what a person can do ({low} to {high})")
        return found


@dataclass(frozen=True)
class Panel:
    """One drawn position: a pose, what it stands on and holds, and what to point at."""

    pose: Pose
    implement: str | None = None
    blocks: float = 0.0  # height of blocks or plates under the implement
    hands: str = "free"
    feet_on: str = "floor"  # floor or box
    back_on: str | None = None  # floor or bench, for the bridges
    highlight: str | None = None
    arrow: str | None = None  # which way the highlighted part moves
    verdict: str | None = None  # right or wrong, in a pair
    label: str | None = None  # what this half of a pair shows
    stance: str | None = None  # a STANCES name: also adds a view from above of the feet and implement

    @property
    def ground(self) -> float:
        return BOX_HEIGHT if self.feet_on == "box" else 0.0

    @property
    def joints(self) -> dict[str, Point]:
        return joint_positions(self.pose, self.ground, self.stance)

    def handle(self) -> Point | None:
        """Where the implement's handle is, or None without one."""
        if self.implement is None:
            return None
        joints = self.joints
        if self.hands == "lift":
            return joints["hand"]
        return (midfoot(joints), self.blocks + HANDLE_HEIGHT[self.implement])

    def bench_edge(self) -> Point:
        """The point of the upper back that rests on the bench's edge."""
        joints = self.joints
        return along(joints["mid_back"], joints["shoulder"], SHOULDER_BLADES_BELOW)


@dataclass(frozen=True)
class Figure:
    """One figure in the pose file: a single position, a right/wrong pair, or an animation."""

    name: str
    alt: str
    caption: str
    panels: tuple[Panel, ...] = ()
    frames: tuple[str, ...] = ()  # animation: figures whose (right) position is a key frame
    still: str | None = None  # animation: the frame shown to people who ask for less motion

    @property
    def is_animation(self) -> bool:
        return bool(self.frames)


def toward(start: Point, degrees: float, length: float) -> Point:
    radians = math.radians(degrees)
    return (start[0] + length * math.cos(radians), start[1] + length * math.sin(radians))


def along(start: Point, end: Point, fraction: float) -> Point:
    return (start[0] + (end[0] - start[0]) * fraction, start[1] + (end[1] - start[1]) * fraction)


def distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def segment_directions(pose: Pose) -> dict[str, float]:
    """Direction of every segment (degrees from +x), by forward kinematics down the chain."""
    directions: dict[str, float] = {}
    for segment, parent, angle, turn in CHAIN:
        # Start from the parent's direction (the foot points up the shin), keep the
        # zero-pose bend between the two, then turn by the joint angle.
        parent_now = directions[parent] if parent else 90.0
        parent_zero = ZERO_DIRECTION.get(parent, 90.0) if parent else 90.0
        bend_at_zero = ZERO_DIRECTION.get(segment, 90.0) - parent_zero
        directions[segment] = parent_now + bend_at_zero + turn * getattr(pose, angle)
    return directions


def side_view_length(segment: str, stance: str | None = None) -> float:
    """How long a segment looks from the side."""
    if segment == "thigh" and stance:
        return LENGTH[segment] * math.cos(math.radians(STANCES[stance]))
    return LENGTH[segment]


def joint_positions(pose: Pose, ground: float = 0.0, stance: str | None = None) -> dict[str, Point]:
    """Every joint of a pose whose foot stands flat on a support at height `ground`."""
    half_foot = THICKNESS["foot"] / 2
    joints: dict[str, Point] = {
        "heel": (half_foot, ground + half_foot),
        "toe": (LENGTH["foot"] - half_foot, ground + half_foot),
        "ankle": (ANKLE[0], ground + ANKLE[1]),
    }
    directions = segment_directions(pose)
    for segment, parent, _, _ in CHAIN:
        start = joints["ankle"] if parent is None else joints[JOINT_AT_END[parent]]
        joints[JOINT_AT_END[segment]] = toward(start, directions[segment], side_view_length(segment, stance))
    return joints


def segment_ends(segment: str) -> tuple[str, str]:
    """The two joints a segment joins."""
    if segment == "foot":
        return "heel", "toe"
    parent = next(p for s, p, _, _ in CHAIN if s == segment)
    return ("ankle" if parent is None else JOINT_AT_END[parent]), JOINT_AT_END[segment]


def width_at(segment: str, fraction: float) -> float:
    """How thick a segment is drawn a fraction of the way from its first joint to its
    second (segment_ends): THICKNESS all along, except a limb, which tapers (LIMB_TAPER)."""
    if segment not in LIMB_TAPER:
        return THICKNESS[segment]
    trunk_end, narrow = LIMB_TAPER[segment]
    from_trunk_end = fraction if segment_ends(segment)[0] == trunk_end else 1 - fraction
    return THICKNESS[segment] + (narrow - THICKNESS[segment]) * from_trunk_end


def midfoot(joints: dict[str, Point]) -> float:
    """Where an implement sits: over the middle of the foot, close to the body's balance point."""
    return (joints["heel"][0] + joints["toe"][0]) / 2


def trunk_angle(joints: dict[str, Point]) -> float:
    """How steep the trunk is, hip to shoulder, in degrees above horizontal (90 is upright)."""
    (x1, y1), (x2, y2) = joints["hip"], joints["shoulder"]
    return math.degrees(math.atan2(y2 - y1, abs(x2 - x1)))


def arm_slant(joints: dict[str, Point]) -> float:
    """How far the arm, shoulder to fist, leans off vertical, in degrees (+ when the fist is behind the shoulder)."""
    (x1, y1), (x2, y2) = joints["shoulder"], joints["hand"]
    return math.degrees(math.atan2(x1 - x2, y1 - y2))


def centre_of_mass(panel: Panel) -> Point:
    """The body's centre of mass (Winter's table, SEGMENT_MASS), with a lifted implement's weight added."""
    joints = panel.joints
    total, x_sum, y_sum = 0.0, 0.0, 0.0
    for segment, (share, from_start) in SEGMENT_MASS.items():
        start, end = (joints[j] for j in segment_ends(segment))
        x, y = along(start, end, from_start)
        mass = share * BODY_MASS
        total, x_sum, y_sum = total + mass, x_sum + mass * x, y_sum + mass * y
    if panel.implement and panel.hands == "lift":
        x, y = panel.handle()
        mass = IMPLEMENT_MASS[panel.implement]
        total, x_sum, y_sum = total + mass, x_sum + mass * x, y_sum + mass * (y - HANDLE_HEIGHT[panel.implement] / 2)
    return x_sum / total, y_sum / total


def base_of_support(panel: Panel) -> tuple[float, float]:
    """The stretch of support under the feet, back of the heel to the tip of the toes (x, cm)."""
    return 0.0, LENGTH["foot"]


def interpolate(start: Pose, end: Pose, fraction: float) -> Pose:
    """The pose a fraction of the way between two: what the animation shows between key frames,
    since CSS turns every joint's group by the same eased fraction at the same moment."""
    return Pose(**{f.name: getattr(start, f.name) + (getattr(end, f.name) - getattr(start, f.name)) * fraction
                   for f in fields(Pose)})


def spine_bend(joints: dict[str, Point]) -> float:
    """How far the middle of the back sits off the straight hip-to-shoulder line, in cm."""
    (x1, y1), (x2, y2), (x0, y0) = joints["hip"], joints["shoulder"], joints["mid_back"]
    return abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / distance(joints["hip"], joints["shoulder"])


# ---------------------------------------------------------------------------
# Reading the pose file
# ---------------------------------------------------------------------------


class PoseFileError(ValueError):
    """A mistake in the pose file, said as what to fix."""


_PANEL_FIELDS = {"angles", "implement", "blocks", "hands", "feet_on", "back_on", "highlight", "arrow", "label", "stance"}
_CHOICES = {
    "implement": IMPLEMENTS,
    "hands": HANDS,
    "feet_on": ("floor", "box"),
    "back_on": ("floor", "bench"),
    "highlight": tuple(HIGHLIGHTS),
    "arrow": (*ARROWS, CHEST_TALL),
    "stance": tuple(STANCES),
}


def load_figures(path: Path = POSES_FILE) -> dict[str, Figure]:
    """Read and check the pose file; a mistake raises PoseFileError naming the figure and field."""
    where = path.name
    raw = path.read_bytes()
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise PoseFileError(f"{where} is not UTF-8 text: byte 0x{raw[error.start]:02x} on line {line} cannot be read. "
                            "Fix: save the file as UTF-8") from None
    except yaml.YAMLError as error:
        raise PoseFileError(f"{where} is not valid YAML: {error}") from error
    if not isinstance(data, dict) or not data:
        raise PoseFileError(f"{where} must map each figure name to its entry")
    figures = {name: _figure(name, entry, f"{where}, figure '{name}'") for name, entry in data.items()}
    for figure in figures.values():
        _check_frames(figure, figures, f"{where}, figure '{figure.name}'")
    return figures


def _figure(name: object, entry: object, where: str) -> Figure:
    if not isinstance(name, str) or not name.replace("-", "").isalnum() or name != name.lower():
        raise PoseFileError(f"{where}: name it with lower-case words joined by '-'")
    if not isinstance(entry, dict):
        raise PoseFileError(f"{where}: give it fields such as alt, caption and angles")
    for field in ("alt", "caption"):
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            raise PoseFileError(f"{where}: '{field}' is missing; say in words what the figure shows")
    text = {"name": name, "alt": entry["alt"].strip(), "caption": entry["caption"].strip()}
    if "frames" in entry:
        _only(entry, {"alt", "caption", "frames", "still"}, where)
        frames = entry["frames"]
        if not isinstance(frames, list) or len(frames) < 2:
            raise PoseFileError(f"{where}: 'frames' must list at least two figure names")
        return Figure(**text, frames=tuple(frames), still=entry.get("still"))
    if "right" in entry or "wrong" in entry:
        _only(entry, {"alt", "caption", "right", "wrong"}, where)
        panels = []
        for verdict in VERDICTS:
            if not isinstance(entry.get(verdict), dict):
                raise PoseFileError(f"{where}: a pair needs both 'right' and 'wrong' positions")
            panel = _panel(entry[verdict], f"{where}, '{verdict}'", verdict)
            if not panel.label:
                raise PoseFileError(f"{where}, '{verdict}': add a 'label' saying what this half shows")
            panels.append(panel)
        return Figure(**text, panels=tuple(panels))
    single = {key: value for key, value in entry.items() if key not in ("alt", "caption")}
    return Figure(**text, panels=(_panel(single, where, None),))


def _only(entry: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise PoseFileError(f"{where}: unknown field(s) {', '.join(unknown)}; use {', '.join(sorted(allowed))}")


def _panel(entry: dict, where: str, verdict: str | None) -> Panel:
    _only(entry, _PANEL_FIELDS, where)
    angles = entry.get("angles")
    if not isinstance(angles, dict):
        raise PoseFileError(f"{where}: 'angles' is missing; give ankle, knee, hip, spine, shoulder, elbow")
    names = [f.name for f in fields(Pose)]
    unknown = sorted(set(angles) - set(names))
    if unknown:
        raise PoseFileError(f"{where}: unknown angle(s) {', '.join(map(str, unknown))}; use {', '.join(names)}")
    for joint in names[:6]:
        if joint not in angles:
            raise PoseFileError(f"{where}: angle '{joint}' is missing")
    for joint, value in angles.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise PoseFileError(f"{where}: angle '{joint}' must be a number of degrees, not {value!r}")
    for field, choices in _CHOICES.items():
        if field in entry and entry[field] not in choices:
            raise PoseFileError(f"{where}: '{field}' is {entry[field]!r}; use one of {', '.join(choices)}")
    blocks = entry.get("blocks", 0)
    if isinstance(blocks, bool) or not isinstance(blocks, (int, float)) or blocks < 0:
        raise PoseFileError(f"{where}: 'blocks' is the height of the blocks in cm, a number")
    for needs_implement in ("hands", "stance", "blocks"):
        if needs_implement in entry and "implement" not in entry:
            raise PoseFileError(f"{where}: '{needs_implement}' needs an 'implement' to go with it")
    pose = Pose(**angles)
    for problem in pose.out_of_range():
        raise PoseFileError(f"{where}: {problem}; change that angle")
    options = {key: entry[key] for key in _PANEL_FIELDS - {"angles", "blocks"} if key in entry}
    return Panel(pose=pose, blocks=float(blocks), verdict=verdict, **options)


def _check_frames(figure: Figure, figures: dict[str, Figure], where: str) -> None:
    if not figure.is_animation:
        return
    for frame in figure.frames:
        if frame not in figures or figures[frame].is_animation:
            raise PoseFileError(f"{where}: frame '{frame}' is not a figure with a position in this file")
    if figure.still not in figure.frames:
        raise PoseFileError(f"{where}: 'still' must name one of its frames, shown when motion is reduced")
    implements = {first_panel(figures[frame]).implement for frame in figure.frames}
    if len(implements) != 1:
        raise PoseFileError(f"{where}: every frame must use the same implement, not {sorted(map(str, implements))}")


def first_panel(figure: Figure) -> Panel:
    """The position a figure stands for: its only one, or the right half of a pair."""
    return figure.panels[0]


def animation_positions(figure: Figure, figures: dict[str, Figure], steps: int = 4) -> dict[str, Panel]:
    """Every position an animation passes through: its key frames and `steps - 1` in-betweens
    after each, named "figure@frame+fraction". Problem: the checks on poses would see only the
    key frames, while a reader sees the body between them too. Reason: CSS turns each joint's
    group by the same eased fraction at once (svg.py), so the in-between pose is the key frames'
    angles interpolated. The implement rests on the floor until the first frame that grips it,
    and from there hangs from the hands, as svg.py draws it."""
    frames = [first_panel(figures[name]) for name in figure.frames]
    grip = next(index for index, frame in enumerate(frames) if frame.hands != "free")
    found: dict[str, Panel] = {}
    for index, (start, end) in enumerate(zip(frames, frames[1:])):
        for step in range(steps + (index == len(frames) - 2)):
            fraction = step / steps
            held = index >= grip and not (index == grip and step == 0)
            panel = replace(start, pose=interpolate(start.pose, end.pose, fraction),
                            hands="lift" if held else start.hands if step == 0 else "free",
                            highlight=None, arrow=None)
            found[f"{figure.name}@{figure.frames[index]}+{fraction:g}"] = panel
    return found
