"""Draw the body model's positions as small SVG files that follow the site's theme.

Problem: a figure must read on a phone in light and dark mode and stay a few
kilobytes. Reason: shapes carry only `hg-fig-*` classes, so on a page the
site's CSS (overrides/assets/stylesheets/hinge.css) colours them from
Material's palette, while a standalone copy carries fixed neutral colours for
other tools (preview cards, the offline cache). When: hinge/figures/__init__.py
calls it at build time.

The animation nests one group per joint and turns each with CSS keyframes, so
the hands stay on the kettlebell between key frames too.
"""

from __future__ import annotations

import math
import re
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from hinge.figures.body import (
    ARROWS,
    BENCH_HEIGHT,
    BENCH_WIDTH,
    BOX_HEIGHT,
    CHAIN,
    CHEST_TALL,
    HANDLE_HEIGHT,
    HEAD_RADIUS,
    HIGHLIGHTS,
    KETTLEBELL_RADIUS,
    LENGTH,
    LIMB_TAPER,
    PLATE_RADIUS,
    THICKNESS,
    TRAP_BAR_HALF_LENGTH,
    TRAP_BAR_HANDLE_RISE,
    Figure,
    Panel,
    Point,
    along,
    first_panel,
    midfoot,
    segment_ends,
    spine_bend,
    toward,
    width_at,
)

# Fixed colours for the standalone files; pages use the theme's (hinge.css).
NEUTRAL_STYLE = (
    ".hg-fig-ink{stroke:#263238}.hg-fig-far{stroke:#78909c}.hg-fig-gap{stroke:#fff}.hg-fig-gear{fill:#b0bec5;stroke:#546e7a}"
    ".hg-fig-ground{fill:#eceff1;stroke:#78909c}.hg-fig-key{stroke:#d84315}.hg-fig-dot{fill:#d84315;stroke:#fff}"
    ".hg-fig-text{fill:#263238;font-family:sans-serif}"
)
PX_PER_CM = 1.6  # every figure at one scale: a standing person is about 280 px tall
PAD = 6.0  # margin around a drawing, cm
BLOCKS_OVERHANG = 6.0  # cm the blocks reach past the heel and the toes, so the shin and foot in front leave them in view
BLOCK_LAYER = 7.5  # cm: blocks under an implement are drawn as a stack of layers about this thick
PAIR_GAP = 16.0
CHEST_ARROW_BELOW = 24.0  # cm from the line of the back to the "chest tall" arrow, clear of the chest
PAIR_COLUMN = 110.0  # narrowest column of a pair, so its label fits
LABEL_SIZE = 10.0  # font size in cm of the drawing: about 15 px on a phone
LABEL_LINE = 12.5
TRUNK = ("lower_back", "upper_back")  # drawn together, as one curve (trunk_path)
BODY_DRAWING_ORDER = ("foot", "shin", "thigh", *TRUNK, "neck", "upper_arm", "forearm")
ARMS = ("upper_arm", "forearm")
FACE_REACH = 8.0  # cm from the head's centre to where the neck's stroke ends: the face bulges 2 cm out of the head
FACE_TILT = 15.0  # degrees below straight ahead: between the nose and the chin
UPPER_BACK_ON_FLOOR = 14.0  # cm: in a bridge on the floor, the back is drawn levelling out onto it over about this much
CURVED_BACK = 0.5  # cm off the hip-to-shoulder line: a back bent further is drawn as a curve

# Back-to-front layers and each one's fixed drawing attributes.
LAYERS = {
    "ground": {"class": "hg-fig-ground", "stroke-width": "1.5"},
    "gear": {"class": "hg-fig-gear", "stroke-width": "1.5"},
    # The arms hang beside the body, behind the trunk and legs from the side, in a lighter
    # grey: drawn over the body they hid the back line and the knee, the two things to check.
    "far": {"class": "hg-fig-far", "fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round"},
    "ink": {"class": "hg-fig-ink", "fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round"},
    "key_gap": {"class": "hg-fig-gap", "fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round"},
    "key": {"class": "hg-fig-key", "fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round"},
    "dot": {"class": "hg-fig-dot", "stroke-width": "2.5"},
    "text": {"class": "hg-fig-text", "font-size": "10", "text-anchor": "middle"},
}


@dataclass
class Drawing:
    """SVG elements by layer, in model coordinates (y up), and the box they cover."""

    layers: dict[str, list[ET.Element]] = field(default_factory=dict)
    box: list[float] = field(default_factory=lambda: [math.inf, math.inf, -math.inf, -math.inf])

    def add(self, layer: str, tag: str, covers: list[Point], margin: float = 0.0, **attributes) -> ET.Element:
        element = ET.Element(tag, {key.replace("_", "-"): str(value) for key, value in attributes.items()})
        self.layers.setdefault(layer, []).append(element)
        for x, y in covers:
            self.box = [min(self.box[0], x - margin), min(self.box[1], y - margin),
                        max(self.box[2], x + margin), max(self.box[3], y + margin)]
        return element

    def groups(self) -> list[ET.Element]:
        """One <g> per layer that has something in it."""
        found = []
        for layer, attributes in LAYERS.items():
            if self.layers.get(layer):
                group = ET.Element("g", dict(attributes))
                group.extend(self.layers[layer])
                found.append(group)
        return found


def number(value: float, digits: int = 0) -> str:
    text = f"{round(value, digits) + 0:.{digits}f}"
    return text.rstrip("0").rstrip(".") if digits else text


def svg_point(point: Point) -> str:
    """A model point (y up) as SVG coordinates (y down)."""
    return f"{number(point[0])} {number(-point[1])}"


def line(*points: Point) -> str:
    """A path through the points, written short, since some pages sit right at their size
    budget (tests/test_budget.py): a level or upright step is H or V, and a step right after
    an M or L leaves out its L (SVG repeats the command before, and M's repeat is L)."""
    d, last = "M" + svg_point(points[0]), "M"
    for before, after in zip(points, points[1:]):
        (x0, y0), (x1, y1) = svg_point(before).split(), svg_point(after).split()
        if x0 == x1:
            d, last = d + f"V{y1}", "V"
        elif y0 == y1:
            d, last = d + f"H{x1}", "H"
        else:
            d, last = d + (" " if last in "ML" else "L") + f"{x1} {y1}", "L"
    return d


def rectangle(drawing: Drawing, layer: str, left: float, bottom: float, width: float, height: float, **extra) -> None:
    drawing.add(layer, "rect", [(left, bottom), (left + width, bottom + height)],
                x=number(left), y=number(-bottom - height), width=number(width), height=number(height), **extra)


# ---------------------------------------------------------------------------
# Supports and implements, side view
# ---------------------------------------------------------------------------


def draw_supports(drawing: Drawing, panel: Panel, joints: dict[str, Point]) -> None:
    if panel.feet_on == "box":
        rectangle(drawing, "ground", joints["heel"][0] - 10, 0, LENGTH["foot"] + 14, BOX_HEIGHT)
    if panel.back_on == "bench":
        # The bench's edge meets the back just below the shoulder blades and reaches toward the head.
        edge_x = panel.bench_edge()[0]
        left = edge_x - BENCH_WIDTH if joints["shoulder"][0] < joints["hip"][0] else edge_x
        rectangle(drawing, "ground", left, BENCH_HEIGHT - 7, BENCH_WIDTH, 7)
        legs = [(leg, 0) for leg in (left + 4, left + BENCH_WIDTH - 4)]  # both in one path: fewer bytes
        drawing.add("ground", "path", legs, stroke_width=3,
                    d="".join(line(foot, (foot[0], BENCH_HEIGHT - 7)) for foot in legs))
    if panel.implement and panel.blocks:
        draw_blocks(drawing, panel.blocks, midfoot(joints))


def draw_blocks(drawing: Drawing, height: float, middle: float) -> None:
    """A stack of flat blocks or plates under the implement, between the feet.

    Problem: one tall box wider than the foot, drawn behind it, read as the person
    standing inside a box; a stack no longer than the foot was hidden by the shin and
    foot in front of it, so the bell looked as if it floated. Reason: a low stack split
    into layers reads as something the bell stands on, and its ends showing a little
    past the heel and toes (BLOCKS_OVERHANG) keep it in view at thumbnail size."""
    layers = max(1, round(height / BLOCK_LAYER))
    width = LENGTH["foot"] + 2 * BLOCKS_OVERHANG
    for layer in range(layers):
        rectangle(drawing, "gear", middle - width / 2, layer * height / layers, width, height / layers, rx=1.5)


def draw_implement(drawing: Drawing, name: str, handle: Point) -> None:
    """Draw an implement whose handle (or bar) is at `handle`."""
    x, grip_y = handle
    if name == "kettlebell":
        centre = (x, grip_y - HANDLE_HEIGHT[name] + KETTLEBELL_RADIUS)
        drawing.add("gear", "circle", [centre], KETTLEBELL_RADIUS,
                    cx=number(x), cy=number(-centre[1]), r=number(KETTLEBELL_RADIUS))
        horn = centre[1] + KETTLEBELL_RADIUS - 4
        drawing.add("gear", "path", [(x - 8, horn), (x + 8, grip_y + 2)], fill="none", stroke_width=3.5,
                    d=f"M{svg_point((x - 7, horn))}V{number(4 - grip_y)}Q{svg_point((x - 7, grip_y))} "
                      f"{svg_point((x - 3, grip_y))}H{number(x + 3)}Q{svg_point((x + 7, grip_y))} "
                      f"{svg_point((x + 7, grip_y - 4))}V{number(-horn)}")
        return
    sleeve_y = grip_y
    if name == "trap bar":
        # From the side the frame runs front to back at the sleeves' height; the
        # raised handle stands on it, and the plates hang on the sleeves below.
        sleeve_y = grip_y - TRAP_BAR_HANDLE_RISE
        rectangle(drawing, "gear", x - TRAP_BAR_HALF_LENGTH, sleeve_y - 2.5, 2 * TRAP_BAR_HALF_LENGTH, 5)
        rectangle(drawing, "gear", x - 6, sleeve_y, 12, TRAP_BAR_HANDLE_RISE + 2.5, rx=2)
    # From the side a bar is seen end on: the plate, and the bar's end in its middle.
    sleeve = (x, sleeve_y)
    drawing.add("gear", "circle", [sleeve], PLATE_RADIUS, cx=number(x), cy=number(-sleeve_y), r=number(PLATE_RADIUS))
    drawing.add("gear", "circle", [sleeve], 3, cx=number(x), cy=number(-sleeve_y), r=3)


def draw_floor(drawing: Drawing, left: float, right: float) -> None:
    drawing.add("ground", "path", [(left, -2), (right, -2)], d=line((left, -1), (right, -1)), stroke_width=2)


# ---------------------------------------------------------------------------
# The body, what to look at, and the view from above
# ---------------------------------------------------------------------------


def trunk_path(joints: dict[str, Point], segments: tuple[str, ...] = TRUNK) -> str:
    """The back from hip to shoulder, or one half of it, as a path.

    Problem: the model bends the spine at one joint, the middle of the back, and two
    straight pieces meeting there read as a kink, not as a rounded or arched back.
    Reason: a quadratic curve through the hip, the middle of the back and the shoulder
    shows the whole back bending, as a spine does. A straight back stays one line."""
    hip, middle, shoulder = joints["hip"], joints["mid_back"], joints["shoulder"]
    ends = {"lower_back": (hip, middle), "upper_back": (middle, shoulder)}
    start, end = ends[segments[0]][0], ends[segments[-1]][1]
    if spine_bend(joints) < CURVED_BACK:
        return line(start, end)
    # The control point that makes the curve pass through the middle of the back halfway along.
    control = (2 * middle[0] - (hip[0] + shoulder[0]) / 2, 2 * middle[1] - (hip[1] + shoulder[1]) / 2)
    if len(segments) == 1:  # one half of the curve, split at its middle (de Casteljau)
        control = along(hip, control, 0.5) if segments[0] == "lower_back" else along(control, shoulder, 0.5)
    return f"M{svg_point(start)}Q{svg_point(control)} {svg_point(end)}"


def face(shoulder: Point, head: Point) -> Point:
    """Where the neck's stroke ends inside the head, so its round end bulges out as a nose and chin.

    Problem: a round head did not say which way the person faces, and lying on the back or
    bent over it matters (chin tucked, or looking up). Reason: the neck's stroke, carried on
    from the head's centre toward the face, pokes a small bump out of the disc for one point
    more in a path the figure draws anyway. The face is a quarter turn clockwise from the neck
    for a person facing right, and a little downward, where the nose and chin are."""
    neck = math.degrees(math.atan2(head[1] - shoulder[1], head[0] - shoulder[0]))
    return toward(head, neck - 90 - FACE_TILT, FACE_REACH)


def tapered_limb(segment: str, start: Point, end: Point) -> tuple[str, float]:
    """A limb as one shape with one outline, wide at the trunk end and narrow at the other
    (LIMB_TAPER says why): its path, and the stroke width to draw it with.

    The stroke trick, which keeps the bytes down: a thin triangle from the narrow end to a
    short base across the wide end, stroked as wide as the narrow end with round joins, is
    the tapered limb with rounded ends. No fill is needed, as long as the limb is at most
    twice as wide at one end as at the other: then the stroke covers the triangle's inside."""
    widths = width_at(segment, 0), width_at(segment, 1)
    (wide, wide_width), (narrow, narrow_width) = sorted(zip((start, end), widths), key=lambda end: -end[1])
    across = math.degrees(math.atan2(narrow[1] - wide[1], narrow[0] - wide[0])) + 90
    base = [toward(wide, across, side * (wide_width - narrow_width) / 2) for side in (1, -1)]
    (x1, y1), (x2, y2) = ([float(n) for n in svg_point(corner).split()] for corner in base)
    # The base's second corner relative to its first: small numbers, a few bytes fewer.
    dx, dy = number(x2 - x1), number(y2 - y1)
    step = f"v{dy}" if dx == "0" else f"h{dx}" if dy == "0" else f"l{dx} {dy}"
    return f"{line(narrow, base[0])}{step}Z", narrow_width


def back_resting_on_the_floor(joints: dict[str, Point]) -> str:
    """The back of a person lying on it with the hips up (a bridge), as a path.

    Problem: a straight, thick trunk sloping down to the floor touched it only at its end,
    right beside the head, and a reviewer read it as weight on the neck. Reason: lying on
    the floor, the upper back's shoulder blades rest flat on it. A curve from the hip that
    ends level at the shoulder lays the last stretch of the back along the floor, with the
    head beyond it."""
    hip, shoulder = joints["hip"], joints["shoulder"]
    toward_hip = math.copysign(UPPER_BACK_ON_FLOOR, hip[0] - shoulder[0])
    control = (shoulder[0] + toward_hip, shoulder[1])
    return f"M{svg_point(hip)}Q{svg_point(control)} {svg_point(shoulder)}"


def draw_body(drawing: Drawing, joints: dict[str, Point], back_on_floor: bool = False) -> None:
    for segment in BODY_DRAWING_ORDER:
        start, end = (joints[j] for j in segment_ends(segment))
        width = THICKNESS[segment]
        if segment in TRUNK:
            if segment == TRUNK[0]:
                covers = [joints["hip"], joints["mid_back"], joints["shoulder"]]
                back = back_resting_on_the_floor(joints) if back_on_floor else trunk_path(joints)
                drawing.add("ink", "path", covers, width / 2, d=back, stroke_width=number(width))
            continue
        layer = "far" if segment in ARMS else "ink"  # LAYERS["far"] says why
        if segment in LIMB_TAPER:
            d, width = tapered_limb(segment, start, end)
        elif segment == "neck":
            d = line(start, end, face(start, end))
        else:
            d = line(start, end)
        drawing.add(layer, "path", [start, end], THICKNESS[segment] / 2, d=d, stroke_width=number(width))
    head = joints["head"]
    # A circle stroked as wide as its diameter is a filled disc in the ink colour.
    drawing.add("ink", "circle", [head], HEAD_RADIUS, cx=number(head[0]), cy=number(-head[1]),
                r=number(HEAD_RADIUS / 2, 1), stroke_width=number(HEAD_RADIUS))


def draw_highlight(drawing: Drawing, panel: Panel, joints: dict[str, Point]) -> None:
    if not panel.highlight:
        return
    parts = HIGHLIGHTS[panel.highlight]
    if parts[0] in joints:  # a joint: a dot on it
        spot = joints[parts[0]]
        drawing.add("dot", "circle", [spot], 8, cx=number(spot[0]), cy=number(-spot[1]), r=6)
    else:  # a body part: a stripe along it
        ends = [segment_ends(segment) for segment in parts]
        points = [joints[ends[0][0]]] + [joints[end] for _, end in ends]
        stripe = trunk_path(joints, parts) if set(parts) <= set(TRUNK) else line(*points)
        drawing.add("key_gap", "path", [], d=stripe, stroke_width=8)
        drawing.add("key", "path", points, d=stripe, stroke_width=5)
        spot = along(points[0], points[-1], 0.5)
    if panel.arrow == CHEST_TALL:
        hip, shoulder = joints["hip"], joints["shoulder"]
        up_the_trunk = math.degrees(math.atan2(shoulder[1] - hip[1], shoulder[0] - hip[0]))
        # Below the trunk of a person facing right is the chest side; start under the middle of the back.
        chest = toward(along(hip, shoulder, 0.45), up_the_trunk - 90, CHEST_ARROW_BELOW)
        draw_arrow(drawing, chest, up_the_trunk, 0, 26)
    elif panel.arrow:
        start, end = (-44, -20) if panel.arrow == "forward" else (18, 40)  # a forward push comes from behind
        draw_arrow(drawing, spot, ARROWS[panel.arrow], start, end)


def draw_arrow(drawing: Drawing, spot: Point, degrees: float, start: float, end: float) -> None:
    """An arrow pointing `degrees` from the +x axis, from `start` to `end` cm along that way from `spot`."""

    def at(distance: float, turn: float = 0.0) -> Point:
        radians = math.radians(degrees + turn)
        return spot[0] + distance * math.cos(radians), spot[1] + distance * math.sin(radians)

    tip = at(end)
    barbs = [(tip[0] - 8 * math.cos(math.radians(degrees + s)), tip[1] - 8 * math.sin(math.radians(degrees + s)))
             for s in (35, -35)]
    drawing.add("key", "path", [at(start), tip, *barbs], 3,
                d=f"{line(at(start), tip)}{line(barbs[0], tip, barbs[1])}", stroke_width=3.5)


# The view from above, for each stance: how far each heel is from the middle line
# and how far the toes turn out (cm, degrees).
FEET_APART = {"hip-width": (12.0, 8.0), "a bit wider": (20.0, 20.0), "wide": (32.0, 35.0)}
ABOVE_SCALE = 0.6
ABOVE_SPAN = ((-30.0, 50.0), (-52.0, 52.0))  # forward and sideways reach of the view, cm
TRAP_BAR_FRAME = ((36, 0), (18, 34), (-18, 34), (-36, 0), (-18, -34), (18, -34))  # around the handles, cm
HANDLE_HALF_LENGTH = 8.0  # cm: a trap bar's handle, or a kettlebell's seen from above, either side of the middle
FOOT_FROM_ABOVE = (("heel", 0.0, 0.5, 6.0), ("forefoot", 0.45, 1.0, 10.0))  # (part, from, to, width cm) along the foot


def hands_apart(panel: Panel) -> float:
    """How far each hand is from the middle line; a barbell is held inside the knees in a wide stance."""
    if panel.implement == "barbell":
        return 20.0 if panel.stance == "wide" else 24.0
    return {"trap bar": 27.0, "kettlebell": 4.0}[panel.implement]


def draw_from_above(drawing: Drawing, panel: Panel, left: float, top: float) -> None:
    """A small plan of the feet, the implement and the hands, to the right of the side view."""
    (u_min, u_max), (v_min, v_max) = ABOVE_SPAN
    width, height = (u_max - u_min) * ABOVE_SCALE, (v_max - v_min) * ABOVE_SCALE

    def plan(u: float, v: float) -> Point:  # forward stays to the right, sideways runs up the page
        return left + (u - u_min) * ABOVE_SCALE, top - (v_max - v) * ABOVE_SCALE

    def mark(layer: str, *points: Point, **attributes) -> None:
        drawing.add(layer, "path", [], d=line(*(plan(*p) for p in points)), stroke_width=3, **attributes)

    rectangle(drawing, "ground", left, top - height, width, height, rx=4)
    middle = LENGTH["foot"] / 2  # the implement sits over the middle of the feet
    # Problem: bare hand dots on a frame, or two dots inside a bell, did not read as hands on
    # handles (a reviewer saw a figure 8). Reason: the handles are drawn, the hands on a
    # kettlebell's one handle are left out, and each foot is wider at the front than at the heel.
    if panel.implement == "kettlebell":
        centre = plan(middle, 0)
        drawing.add("gear", "circle", [], cx=number(centre[0]), cy=number(-centre[1]),
                    r=number(KETTLEBELL_RADIUS * ABOVE_SCALE))
        mark("gear", (middle, -HANDLE_HALF_LENGTH), (middle, HANDLE_HALF_LENGTH))  # the handle, across the bell
    elif panel.implement == "trap bar":
        first = TRAP_BAR_FRAME[0]
        mark("gear", *((middle + u, v) for u, v in TRAP_BAR_FRAME), (middle + first[0], first[1]), fill="none")
        for side in (1, -1):  # the sleeves that carry the plates, and the handles inside the frame
            mark("gear", (middle, side * TRAP_BAR_FRAME[1][1]), (middle, side * v_max))
            mark("gear", (middle - HANDLE_HALF_LENGTH, side * hands_apart(panel)),
                 (middle + HANDLE_HALF_LENGTH, side * hands_apart(panel)))
    else:
        mark("gear", (middle, v_min), (middle, v_max))
    apart, toes_out = FEET_APART[panel.stance]
    turned = math.radians(toes_out)
    for side in (1, -1):
        def on_foot(fraction: float) -> Point:
            reach = LENGTH["foot"] * fraction
            return plan(reach * math.cos(turned), side * (apart + reach * math.sin(turned)))
        for _, start, end, foot_width in FOOT_FROM_ABOVE:
            drawing.add("ink", "path", [], d=line(on_foot(start), on_foot(end)), stroke_width=number(foot_width * ABOVE_SCALE, 1))
        if panel.implement != "kettlebell":
            hand = plan(middle, side * hands_apart(panel))
            drawing.add("ink", "circle", [], cx=number(hand[0]), cy=number(-hand[1]), r=1.5, stroke_width=3.5)
    label = drawing.add("text", "text", [(left, top - height - 12), (left + width, top)],
                        x=number(left + width / 2), y=number(height - top + 11), font_size=9)
    label.text = "From above"


def draw_panel(panel: Panel, highlight: bool = True) -> Drawing:
    drawing = Drawing()
    joints = panel.joints
    draw_supports(drawing, panel, joints)
    if panel.implement:
        draw_implement(drawing, panel.implement, panel.handle())
    draw_body(drawing, joints, back_on_floor=panel.back_on == "floor")
    if highlight:
        draw_highlight(drawing, panel, joints)
    draw_floor(drawing, drawing.box[0] - PAD, drawing.box[2] + PAD)
    if panel.stance:
        draw_from_above(drawing, panel, drawing.box[2] + 4, drawing.box[3])
    return drawing


# ---------------------------------------------------------------------------
# Single figures and right/wrong pairs
# ---------------------------------------------------------------------------


def svg_root(figure: Figure, box: list[float], standalone: bool) -> ET.Element:
    """The <svg> element: viewBox around `box` (model coordinates), its title, and colours if standalone."""
    left, bottom, right, top = box[0] - PAD, box[1] - PAD, box[2] + PAD, box[3] + PAD
    root = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": f"{number(left)} {number(-top)} {number(right - left)} {number(top - bottom)}",
        "width": number((right - left) * PX_PER_CM),
        "height": number((top - bottom) * PX_PER_CM),
        "role": "img",
        "aria-labelledby": f"hg-fig-{figure.name}",
    })
    ET.SubElement(root, "title", id=f"hg-fig-{figure.name}").text = figure.alt
    if standalone:
        ET.SubElement(root, "style").text = NEUTRAL_STYLE
    return root


def single_svg(figure: Figure, standalone: bool) -> ET.Element:
    drawing = draw_panel(first_panel(figure))
    root = svg_root(figure, drawing.box, standalone)
    root.extend(drawing.groups())
    return root


def pair_svg(figure: Figure, standalone: bool) -> ET.Element:
    """Right and wrong side by side at one scale, each labelled in words, not only by colour."""
    drawings = [draw_panel(panel) for panel in figure.panels]
    columns = [max(PAIR_COLUMN, d.box[2] - d.box[0]) for d in drawings]
    labels = Drawing()
    shifts, left = [], 0.0
    for panel, drawing, column in zip(figure.panels, drawings, columns):
        shifts.append(left + (column - (drawing.box[2] - drawing.box[0])) / 2 - drawing.box[0])
        words = textwrap.wrap(panel.label, int(column / (LABEL_SIZE * 0.52)))
        verdict = "✓ Right" if panel.verdict == "right" else "✗ Wrong"
        bottom = min(d.box[1] for d in drawings) - 4
        text = labels.add("text", "text", [(left, bottom - LABEL_LINE * (len(words) + 1))])
        for index, content in enumerate([verdict, *words]):
            span = ET.SubElement(text, "tspan", x=number(left + column / 2), y=number(-bottom + LABEL_LINE * (index + 0.8)))
            span.text = content
            if index == 0:
                span.set("font-weight", "bold")
        left += column + PAIR_GAP
    top = max(d.box[3] for d in drawings)
    root = svg_root(figure, [0.0, labels.box[1], left - PAIR_GAP, top], standalone)
    for drawing, shift in zip(drawings, shifts):
        # One group moves the whole half into its column: a transform on each layer cost bytes.
        ET.SubElement(root, "g", transform=f"translate({number(shift)})").extend(drawing.groups())
    root.extend(labels.groups())
    return root


# ---------------------------------------------------------------------------
# The animation: one group per joint, turned by CSS keyframes
# ---------------------------------------------------------------------------

ANIMATION_SECONDS = 9
HOLD = 6.0  # percent of the cycle each key frame is held still
CHILDREN = {parent: [s for s, p, _, _ in CHAIN if p == parent] for _, parent, _, _ in CHAIN}
TO_THE_HAND = ("shin", "thigh", "lower_back", "upper_back", "upper_arm", "forearm")
BODY_WITHOUT_ARMS = tuple(segment for segment, _, _, _ in CHAIN if segment not in ARMS)


def turn(panel: Panel, segment: str) -> float:
    """How far a segment's group turns from the all-zero pose, in CSS degrees (clockwise)."""
    _, _, angle, counter_clockwise = next(entry for entry in CHAIN if entry[0] == segment)
    return -counter_clockwise * getattr(panel.pose, angle)


def upright(panel: Panel) -> float:
    """The turn that keeps an implement hanging straight down from the hand."""
    return -sum(turn(panel, segment) for segment in TO_THE_HAND)


def css_class(segment: str) -> str:
    return "hg-hinge-" + segment.replace("_", "-")


def zero_pose_step(segment: str) -> Point:
    """A segment from joint to joint in the all-zero pose, in SVG coordinates: arms down, the rest up."""
    return (0.0, LENGTH[segment] if segment in ARMS else -LENGTH[segment])


def joint_group(segment: str, still: Panel, draw, keep: tuple[str, ...], offset: Point) -> ET.Element:
    """A segment's group, placed at its joint and turned to the still pose, with its children inside."""
    place = ET.Element("g", transform=f"translate({number(offset[0])} {number(offset[1])})")
    turned = ET.SubElement(place, "g", {"class": css_class(segment),
                                        "transform": f"rotate({number(turn(still, segment), 1)})"})
    draw(turned, segment)
    for child in CHILDREN.get(segment, []):
        if child in keep:
            turned.append(joint_group(child, still, draw, keep, zero_pose_step(segment)))
    return place


def segment_path(group: ET.Element, segment: str, css: str) -> None:
    """A segment from its joint, in the all-zero pose, inside the group that turns it."""
    step = zero_pose_step(segment)
    start, end = (0.0, 0.0), (step[0], -step[1])  # as model points (y up), which line() expects
    if segment in LIMB_TAPER:
        d, width = tapered_limb(segment, start, end)
    else:
        d, width = line(start, end, *([face(start, end)] if segment == "neck" else [])), THICKNESS[segment]
    ET.SubElement(group, "path", {"class": css, "d": d, "stroke-width": number(width)})


def draw_segment(group: ET.Element, segment: str) -> None:
    """A segment of the body in ink; the arms hang in the copy behind it (animation_svg), as in the stills."""
    end = zero_pose_step(segment)
    segment_path(group, segment, "hg-fig-ink")
    if segment == "neck":
        ET.SubElement(group, "circle", {"class": "hg-fig-ink", "cy": number(end[1]),
                                        "r": number(HEAD_RADIUS / 2, 1), "stroke-width": number(HEAD_RADIUS)})
    if segment == "lower_back":  # the hips are what the whole hinge is about
        ET.SubElement(group, "circle", {"class": "hg-fig-dot", "r": "6", "stroke-width": "2.5"})


def keyframes(name: str, values: list[str], starts: list[float]) -> str:
    steps = "".join(f"{number(s, 1)}%,{number(s + HOLD, 1)}%{{{v}}}" for s, v in zip(starts, values))
    return f"@keyframes {name}{{{steps}}}.hg-hinge .{name}{{animation-name:{name}}}"


def animation_css(frames: list[Panel]) -> str:
    travel = (100 - HOLD * len(frames)) / (len(frames) - 1)
    starts = [i * (HOLD + travel) for i in range(len(frames))]
    rules = [keyframes(css_class(segment), [f"transform:rotate({number(turn(f, segment), 1)}deg)" for f in frames], starts)
             for segment, _, _, _ in CHAIN]
    rules.append(keyframes("hg-hinge-upright", [f"transform:rotate({number(upright(f), 1)}deg)" for f in frames], starts))
    # The implement swaps from the floor to the hands the moment they reach its handle.
    grip = number(starts[next(i for i, f in enumerate(frames) if f.hands != "free")], 1)
    just_after = number(float(grip) + 0.1, 1)
    for name, before, after in (("hg-hinge-rest", 1, 0), ("hg-hinge-held", 0, 1)):
        rules.append(f"@keyframes {name}{{0%,{grip}%{{opacity:{before}}}{just_after}%,100%{{opacity:{after}}}}}"
                     f".hg-hinge .{name}{{animation-name:{name}}}")
    # Motion only for people who have not asked their device for less of it.
    return ("@media (prefers-reduced-motion:no-preference){.hg-hinge g{animation-duration:"
            f"{ANIMATION_SECONDS}s;animation-timing-function:ease-in-out;animation-iteration-count:infinite;"
            f"animation-direction:alternate}}{''.join(rules)}}}")


def animation_svg(figure: Figure, figures: dict[str, Figure], standalone: bool) -> ET.Element:
    frames = [first_panel(figures[name]) for name in figure.frames]
    still = first_panel(figures[figure.still])
    implement = frames[0].implement
    covered = [draw_panel(frame, highlight=False).box for frame in frames]
    box = [min(b[0] for b in covered), min(b[1] for b in covered), max(b[2] for b in covered), max(b[3] for b in covered)]
    root = svg_root(figure, box, standalone)
    root.set("class", "hg-hinge")
    ET.SubElement(root, "style").text = animation_css(frames)
    held = still.hands != "free"

    # Back to front: the floor, the implement on the floor, the implement in the hands, the body.
    scene = Drawing()
    draw_floor(scene, box[0] - PAD, box[2] + PAD)
    draw_implement(scene, implement, (midfoot(still.joints), HANDLE_HEIGHT[implement]))
    resting, floor = scene.groups()[1], scene.groups()[0]
    resting.set("class", "hg-fig-gear hg-hinge-rest")
    resting.set("opacity", "0" if held else "1")
    root.extend([floor, resting])

    def draw_arms_and_implement(group: ET.Element, segment: str) -> None:
        """The arms, lighter and behind the body, with the implement hanging from the hands."""
        if segment in ARMS:
            segment_path(group, segment, "hg-fig-far")
        if segment == "forearm":
            hand = ET.SubElement(group, "g", transform=f"translate(0 {number(LENGTH['forearm'])})")
            straight = ET.SubElement(hand, "g", {"class": "hg-hinge-upright", "transform": f"rotate({number(upright(still), 1)})"})
            in_hand = Drawing()
            draw_implement(in_hand, implement, (0.0, 0.0))
            carried = in_hand.groups()[0]
            carried.set("class", "hg-fig-gear hg-hinge-held")
            carried.set("opacity", "1" if held else "0")
            straight.append(carried)

    # The arms and the held implement hang from a copy of the chain to the hand, drawn behind the body.
    ankle = still.joints["ankle"]
    behind = ET.SubElement(root, "g", dict(LAYERS["far"]))
    behind.append(joint_group("shin", still, draw_arms_and_implement, TO_THE_HAND, (ankle[0], -ankle[1])))
    body = Drawing()
    body.add("ink", "path", [], d=line(still.joints["heel"], still.joints["toe"]), stroke_width=number(THICKNESS["foot"]))
    ink = body.groups()[0]
    ink.append(joint_group("shin", still, draw_segment, BODY_WITHOUT_ARMS, (ankle[0], -ankle[1])))
    root.append(ink)
    return root


def figure_svg(figure: Figure, figures: dict[str, Figure], standalone: bool = False) -> str:
    """The figure as SVG markup: for a page (theme colours) or as a standalone file (fixed colours)."""
    if figure.is_animation:
        root = animation_svg(figure, figures, standalone)
    elif len(figure.panels) == 2:
        root = pair_svg(figure, standalone)
    else:
        root = single_svg(figure, standalone)
    return compact(ET.tostring(root, encoding="unicode"))


def compact(markup: str) -> str:
    """The same SVG in fewer bytes, since every figure is inline in its page and some pages
    sit right at their size budget (tests/test_budget.py): ElementTree's "<path ... />" loses
    its space, and in path data a minus sign keeps numbers apart on its own ("M6 -51" is "M6-51")."""
    markup = re.sub(r' d="([^"]*)"', lambda found: f' d="{found[1].replace(" -", "-")}"', markup)
    return markup.replace(" />", "/>")
