"""The figure model draws positions a person can really take (hinge/figures/body.py).

Each test walks every position in hinge/figures/poses.yml, so a coach who
changes an angle learns here what it broke and by how much.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from hinge.figures.body import (
    BENCH_HEIGHT,
    CHAIN,
    HANDLE_HEIGHT,
    HUMAN_RANGE,
    KETTLEBELL_RADIUS,
    THICKNESS,
    Pose,
    PoseFileError,
    animation_positions,
    arm_slant,
    base_of_support,
    centre_of_mass,
    distance,
    joint_positions,
    load_figures,
    midfoot,
    segment_ends,
    side_view_length,
    spine_bend,
    trunk_angle,
    width_at,
)

FIGURES = load_figures()
KEY_POSITIONS = {
    f"{figure.name}{'/' + panel.verdict if panel.verdict else ''}": panel
    for figure in FIGURES.values()
    for panel in figure.panels
}
# Every position a reader sees, the animation's in-betweens too: each check below runs on all.
IN_BETWEENS = {name: panel for figure in FIGURES.values() if figure.is_animation
               for name, panel in animation_positions(figure, FIGURES).items()}
POSITIONS = {**KEY_POSITIONS, **IN_BETWEENS}
# The start positions the pages teach: hands on the implement, back neutral.
STARTS = sorted(p for p, panel in KEY_POSITIONS.items() if panel.hands == "grip" and panel.verdict != "wrong")
STANDING = sorted(p for p, panel in POSITIONS.items() if not panel.back_on)
CONTACT = 2.5  # cm: how close "resting on" and "holding" must be
STRAIGHT = 1.0  # cm: the middle of the back may sit this far off the hip-to-shoulder line
FAULT_VISIBLE = 5.0  # cm: a wrong back bends at least this far off straight, a tenth of the trunk
BAR_RADIUS = 1.5
# The start-position rules the pages teach (poses.yml, header comment, gives the references):
HIPS_ABOVE_KNEES = 9.0  # cm, hip joint over knee joint (a fifth of the thigh): less reads as a squat
START_TRUNK = (15.0, 60.0)  # degrees above horizontal, hip to shoulder
ARM_SLANT = 10.0  # degrees off vertical at most: the arms hang, shoulders just ahead of the handle


def test_the_pose_file_has_every_kind_of_figure():
    # Guards the tests below against an empty or half-read pose file.
    kinds = {"pair" if len(f.panels) == 2 else "animation" if f.is_animation else "single" for f in FIGURES.values()}
    assert kinds == {"pair", "single", "animation"}
    assert len(POSITIONS) >= 15


@pytest.mark.parametrize("position", sorted(POSITIONS))
def test_segment_lengths_are_kept(position):
    panel = POSITIONS[position]
    joints = panel.joints
    for segment in ["foot", *(s for s, _, _, _ in CHAIN)]:
        start, end = segment_ends(segment)
        drawn = distance(joints[start], joints[end])
        expected = side_view_length(segment, panel.stance)
        if segment == "foot":  # drawn between the centres of its rounded ends
            expected -= THICKNESS["foot"]
        assert drawn == pytest.approx(expected, abs=0.01), f"{position}: {segment} is {drawn:.1f} cm"


@pytest.mark.parametrize("position", sorted(POSITIONS))
def test_feet_rest_flat_on_the_floor_or_box(position):
    panel = POSITIONS[position]
    joints = panel.joints
    for end in ("heel", "toe"):
        sole = joints[end][1] - THICKNESS["foot"] / 2
        assert sole == pytest.approx(panel.ground, abs=0.01), f"{position}: the {end} floats at {sole:.1f} cm"


@pytest.mark.parametrize("position", sorted(p for p, panel in POSITIONS.items() if panel.back_on))
def test_bridges_rest_the_upper_back_on_the_floor_or_bench(position):
    panel = POSITIONS[position]
    half_trunk = THICKNESS["upper_back"] / 2
    if panel.back_on == "floor":
        contact, support = panel.joints["shoulder"], 0.0
    else:  # just below the shoulder blades
        contact, support = panel.bench_edge(), BENCH_HEIGHT
    gap = contact[1] - half_trunk - support
    assert abs(gap) <= CONTACT, f"{position}: the upper back is {gap:.1f} cm off the {panel.back_on}"


@pytest.mark.parametrize("position", sorted(p for p, panel in POSITIONS.items() if panel.hands == "grip"))
def test_hands_are_at_the_handle_in_a_grip(position):
    panel = POSITIONS[position]
    gap = distance(panel.joints["hand"], panel.handle())
    assert gap <= CONTACT, (
        f"{position}: the hands are {gap:.1f} cm from the {panel.implement}'s handle; "
        "change the hip or shoulder angle until they reach it"
    )


@pytest.mark.parametrize("position", sorted(POSITIONS))
def test_joint_angles_stay_inside_human_ranges(position):
    problems = POSITIONS[position].pose.out_of_range()
    assert problems == [], f"{position}: {'; '.join(problems)}; change that angle in hinge/figures/poses.yml"


def test_the_animation_covers_every_key_frame_and_the_moves_between():
    animation = next(figure for figure in FIGURES.values() if figure.is_animation)
    assert len(IN_BETWEENS) > 3 * len(animation.frames)
    for frame in animation.frames:
        assert f"{animation.name}@{frame}+0" in IN_BETWEENS or frame == animation.frames[-1]


@pytest.mark.parametrize("position", STANDING)
def test_the_body_balances_over_the_feet(position):
    """The centre of mass (Winter's segment table, body.py) is over the feet; a lifted implement
    counts, and a start position must balance both before and at the moment the weight lifts."""
    panel = POSITIONS[position]
    back, front = base_of_support(panel)
    cases = [("", panel)]
    if panel.hands == "grip":
        cases.append((f" as the {panel.implement} leaves the floor", replace(panel, hands="lift")))
    for when, case in cases:
        x = centre_of_mass(case)[0]
        if x < back:
            fix = "tip the trunk further forward (more hip, less knee) or slant the arms so the shoulders sit over the handle"
        else:
            fix = "sit the hips further back (more hip and knee) or bring the shoulders back over the feet"
        assert back <= x <= front, (
            f"{position}: the centre of mass is {x:.1f} cm from the heel{when}, off the foot "
            f"({back:g} to {front:g} cm), so this person would fall; {fix}"
        )


@pytest.mark.parametrize("position", STARTS)
def test_start_positions_keep_the_hips_well_above_the_knees(position):
    joints = POSITIONS[position].joints
    above = joints["hip"][1] - joints["knee"][1]
    assert above >= HIPS_ABOVE_KNEES, (
        f"{position}: the hips are {above:.1f} cm above the knees, which reads as a squat; bend the knee "
        "less (and re-solve hip and shoulder so the hands still reach) or raise the implement on blocks"
    )


@pytest.mark.parametrize("position", STARTS)
def test_start_positions_tip_the_trunk_and_hang_the_arms(position):
    joints = POSITIONS[position].joints
    trunk, slant = trunk_angle(joints), arm_slant(joints)
    low, high = START_TRUNK
    assert low <= trunk <= high, (
        f"{position}: the trunk is {trunk:.0f} degrees above horizontal, outside {low:g} to {high:g}; "
        "change the hip angle (more tips it forward), then the shoulder angle so the hands reach"
    )
    assert abs(slant) <= ARM_SLANT and POSITIONS[position].pose.elbow <= 5, (
        f"{position}: the arms slant {slant:.0f} degrees off vertical (elbow {POSITIONS[position].pose.elbow:g}); "
        "they should hang straight under the shoulders: change the shoulder angle and straighten the elbow"
    )


@pytest.mark.parametrize("position", sorted(p for p, panel in POSITIONS.items()
                                            if panel.implement and panel.hands != "lift"))
def test_a_resting_implement_stands_on_the_floor_or_blocks_under_the_middle_of_the_feet(position):
    panel = POSITIONS[position]
    x, handle_y = panel.handle()
    bottom = handle_y - HANDLE_HEIGHT[panel.implement]
    assert bottom == pytest.approx(panel.blocks, abs=0.01), f"{position}: the implement floats above or sinks into its blocks or the floor"
    assert x == pytest.approx(midfoot(panel.joints)), f"{position}: the implement is not over the middle of the feet"


def body_parts_clear_of(panel, centre, radius, skip) -> list[str]:
    """The segments (and head) whose drawn outline overlaps a circle: the implement seen from the side."""
    joints = panel.joints
    hits = []
    for segment, _, _, _ in CHAIN:
        if segment in skip:
            continue
        (x1, y1), (x2, y2) = (joints[j] for j in segment_ends(segment))
        length_sq = (x2 - x1) ** 2 + (y2 - y1) ** 2
        t = max(0.0, min(1.0, ((centre[0] - x1) * (x2 - x1) + (centre[1] - y1) * (y2 - y1)) / length_sq))
        gap = distance(centre, (x1 + t * (x2 - x1), y1 + t * (y2 - y1))) - THICKNESS[segment] / 2 - radius
        if gap < -0.5:
            hits.append(f"{segment} ({-gap:.1f} cm in)")
    return hits


@pytest.mark.parametrize("position", sorted(p for p, panel in POSITIONS.items() if panel.implement))
def test_the_implement_never_passes_through_the_body(position):
    """Seen from the side the legs stand beside a kettlebell or trap bar handle (it sits between
    the feet or at the sides), and a barbell's plates are outside the body, so what must stay
    clear is the bell itself, or the bar, from the trunk, head and arms; the shins against the
    bar have their own check above, and the hands hold the handle."""
    panel = POSITIONS[position]
    x, handle_y = panel.handle()
    if panel.implement == "kettlebell":
        centre, radius = (x, handle_y - HANDLE_HEIGHT["kettlebell"] + KETTLEBELL_RADIUS), KETTLEBELL_RADIUS
    else:
        centre, radius = (x, handle_y), BAR_RADIUS
    legs_and_hands = {"shin", "thigh", "forearm"}
    hits = body_parts_clear_of(panel, centre, radius, legs_and_hands)
    assert not hits, f"{position}: the {panel.implement} passes through the {', '.join(hits)}; move the body back or raise the implement"


def test_the_animation_moves_the_hips_back_then_forward():
    animation = next(figure for figure in FIGURES.values() if figure.is_animation)
    hips = [panel.joints["hip"][0] for panel in animation_positions(animation, FIGURES).values()]
    deepest = hips.index(min(hips))
    assert 0 < deepest < len(hips) - 1, "the hips should move back and come forward again"
    assert all(a >= b - 0.5 for a, b in zip(hips[:deepest], hips[1:deepest + 1])), f"the hips wobble on the way back: {hips}"
    assert all(a <= b + 0.5 for a, b in zip(hips[deepest:], hips[deepest + 1:])), f"the hips wobble coming forward: {hips}"
    assert hips[-1] - min(hips) > 20, "the hips should travel well back and forward again"


@pytest.mark.parametrize("position", sorted(POSITIONS))
def test_nothing_sinks_into_the_floor(position):
    panel = POSITIONS[position]
    joints = panel.joints
    for segment, _, _, _ in CHAIN:
        for joint in segment_ends(segment):
            bottom = joints[joint][1] - THICKNESS[segment] / 2
            assert bottom >= -0.5, f"{position}: the {segment} goes {-bottom:.1f} cm into the floor"
    if panel.hands == "lift":
        assert panel.handle()[1] - HANDLE_HEIGHT[panel.implement] > 0, f"{position}: the lifted weight is in the floor"


@pytest.mark.parametrize("position", sorted(p for p, panel in POSITIONS.items() if panel.implement == "barbell"))
def test_shins_touch_the_bar_without_passing_through_it(position):
    panel = POSITIONS[position]
    joints = panel.joints
    (x1, y1), (x2, y2), (x0, y0) = joints["ankle"], joints["knee"], panel.handle()
    shin = distance(joints["ankle"], joints["knee"])
    to_shin_line = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / shin
    beside_the_bar = ((x0 - x1) * (x2 - x1) + (y0 - y1) * (y2 - y1)) / shin**2  # fraction up the shin
    clearance = to_shin_line - width_at("shin", beside_the_bar) / 2 - BAR_RADIUS
    assert -1.0 <= clearance <= 3.0, f"{position}: the bar is {clearance:.1f} cm from the shin"


@pytest.mark.parametrize("position", sorted(p for p, panel in POSITIONS.items() if panel.verdict != "wrong"))
def test_every_good_position_keeps_the_spine_line_straight(position):
    bend = spine_bend(POSITIONS[position].joints)
    assert bend <= STRAIGHT, f"{position}: the back bends {bend:.1f} cm off a straight line"


@pytest.mark.parametrize("name", sorted(n for n, f in FIGURES.items() if len(f.panels) == 2))
def test_the_wrong_half_of_a_pair_shows_its_fault(name):
    right, wrong = FIGURES[name].panels
    if "back" in wrong.highlight:  # the fault is in the spine: rounded or arched, big enough to see
        bend = spine_bend(wrong.joints)
        assert bend >= FAULT_VISIBLE, (
            f"{name}: the wrong back bends only {bend:.1f} cm off straight, too little to see on a phone; "
            f"make the wrong half's spine angle larger (rounded +) or smaller (arched -)"
        )
        assert spine_bend(right.joints) <= STRAIGHT
    else:  # the fault is the hips: not finishing hip extension
        assert right.pose.hip <= 2 and wrong.pose.hip >= 10, f"{name}: the hips don't differ enough"


def test_the_spine_measure_tells_straight_from_bent():
    straight = joint_positions(Pose(ankle=5, knee=20, hip=70, spine=0, shoulder=55, elbow=0))
    rounded = joint_positions(Pose(ankle=5, knee=20, hip=70, spine=35, shoulder=55, elbow=0))
    arched = joint_positions(Pose(ankle=5, knee=20, hip=70, spine=-25, shoulder=55, elbow=0))
    assert spine_bend(straight) < 0.01 < 3 < spine_bend(arched) < spine_bend(rounded)


def test_forward_kinematics_puts_a_standing_person_upright():
    joints = joint_positions(Pose(ankle=0, knee=0, hip=0, spine=0, shoulder=0, elbow=0))
    xs = {round(joints[j][0], 6) for j in ("ankle", "knee", "hip", "mid_back", "shoulder", "head", "elbow", "hand")}
    assert xs == {joints["ankle"][0]}
    assert joints["head"][1] > joints["shoulder"][1] > joints["hand"][1] > joints["knee"][1]
    bent = joint_positions(Pose(ankle=0, knee=0, hip=90, spine=0, shoulder=90, elbow=0))
    assert math.isclose(bent["shoulder"][1], bent["hip"][1], abs_tol=1e-6)  # trunk level
    assert bent["shoulder"][0] > bent["hip"][0]  # tipped forward, the way the person faces
    assert math.isclose(bent["hand"][0], bent["shoulder"][0], abs_tol=1e-6)  # arms hang straight down


BAD_POSE_FILES = {
    "no alt text": ("step-x:\n  caption: A caption.\n  angles: {}\n", ["step-x", "alt"]),
    "unknown angle": (
        "step-x:\n  alt: A.\n  caption: C.\n  angles: {ankle: 0, knee: 0, hip: 0, spine: 0, shoulder: 0, elbow: 0, wrist: 4}\n",
        ["step-x", "wrist"],
    ),
    "missing angle": ("step-x:\n  alt: A.\n  caption: C.\n  angles: {ankle: 0, knee: 0}\n", ["step-x", "hip"]),
    "unknown implement": (
        "step-x:\n  alt: A.\n  caption: C.\n  implement: sandbag\n"
        "  angles: {ankle: 0, knee: 0, hip: 0, spine: 0, shoulder: 0, elbow: 0}\n",
        ["step-x", "implement", "sandbag"],
    ),
    "pair without a label": (
        "pair-x:\n  alt: A.\n  caption: C.\n"
        "  right: {angles: {ankle: 0, knee: 0, hip: 0, spine: 0, shoulder: 0, elbow: 0}, label: Good}\n"
        "  wrong: {angles: {ankle: 0, knee: 0, hip: 0, spine: 0, shoulder: 0, elbow: 0}}\n",
        ["pair-x", "wrong", "label"],
    ),
    "a knee no person can bend": (
        "bad-pose:\n  alt: A.\n  caption: C.\n  angles: {ankle: 0, knee: 400, hip: 0, spine: 0, shoulder: 0, elbow: 0}\n",
        ["figure 'bad-pose'", "knee is 400, outside what a person can do (0 to 150)", "change that angle"],
    ),
    "an angle that is not a number": (
        "bad-pose:\n  alt: A.\n  caption: C.\n  angles: {ankle: 0, knee: .nan, hip: 0, spine: 0, shoulder: 0, elbow: 0}\n",
        ["figure 'bad-pose'", "angle 'knee' must be a number of degrees, not nan"],
    ),
    "animation frame that does not exist": (
        "anim-x:\n  alt: A.\n  caption: C.\n  frames: [one, two]\n  still: one\n", ["anim-x", "one"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_POSE_FILES))
def test_a_mistake_in_the_pose_file_is_named(case, tmp_path):
    text, expected = BAD_POSE_FILES[case]
    path = tmp_path / "figure_poses.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PoseFileError) as error:
        load_figures(path)
    for word in expected:
        assert word in str(error.value), f"{case}: {error.value}"


def test_a_pose_file_that_is_not_utf8_names_the_byte_and_line(tmp_path):
    path = tmp_path / "poses.yml"
    path.write_bytes("step-x:\n  alt: A café.\n".encode("latin-1"))
    with pytest.raises(PoseFileError) as error:
        load_figures(path)
    assert str(error.value) == ("poses.yml is not UTF-8 text: byte 0xe9 on line 2 cannot be read. "
                                "Fix: save the file as UTF-8")


def test_the_review_gallery_shows_every_figure_in_light_and_dark(tmp_path):
    """tools/figure_gallery.py writes the sheet a reviewer looks at; the PNG needs a browser, the HTML not."""
    from tools.figure_gallery import write_gallery

    page = write_gallery(tmp_path, png=False)[0].read_text(encoding="utf-8")
    for name in FIGURES:
        assert page.count(f'aria-labelledby="hg-fig-{name}"') == 2, f"{name} is not on the sheet twice"
    assert 'data-md-color-scheme="slate"' in page and ".hg-fig-ink" in page
