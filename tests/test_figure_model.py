"""The figure model draws positions a person can really take (hinge/figures/body.py).

Each test walks every position in hinge/figures/poses.yml, so a coach who
changes an angle learns here what it broke and by how much.
"""

from __future__ import annotations

import math

import pytest

from hinge.figures.body import (
    BENCH_HEIGHT,
    CHAIN,
    HANDLE_HEIGHT,
    THICKNESS,
    Pose,
    PoseFileError,
    distance,
    joint_positions,
    load_figures,
    segment_ends,
    side_view_length,
    spine_bend,
)

FIGURES = load_figures()
POSITIONS = {
    f"{figure.name}{'/' + panel.verdict if panel.verdict else ''}": panel
    for figure in FIGURES.values()
    for panel in figure.panels
}
CONTACT = 2.5  # cm: how close "resting on" and "holding" must be
STRAIGHT = 1.0  # cm: the middle of the back may sit this far off the hip-to-shoulder line
BAR_RADIUS = 1.5


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
    assert POSITIONS[position].pose.out_of_range() == [], position


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
    to_shin_line = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / distance(joints["ankle"], joints["knee"])
    clearance = to_shin_line - THICKNESS["shin"] / 2 - BAR_RADIUS
    assert -1.0 <= clearance <= 3.0, f"{position}: the bar is {clearance:.1f} cm from the shin"


@pytest.mark.parametrize("position", sorted(p for p, panel in POSITIONS.items() if panel.verdict != "wrong"))
def test_every_good_position_keeps_the_spine_line_straight(position):
    bend = spine_bend(POSITIONS[position].joints)
    assert bend <= STRAIGHT, f"{position}: the back bends {bend:.1f} cm off a straight line"


@pytest.mark.parametrize("name", sorted(n for n, f in FIGURES.items() if len(f.panels) == 2))
def test_the_wrong_half_of_a_pair_shows_its_fault(name):
    right, wrong = FIGURES[name].panels
    if "back" in wrong.highlight:  # the fault is in the spine: rounded or arched
        assert spine_bend(wrong.joints) >= 3 * STRAIGHT, f"{name}: the wrong back is nearly straight"
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
