"""Generate resources/illustrations/<id>.svg for every catalog entry, plus generic.svg.

Run ``python tools/make_illustrations.py`` after changing a scene (or the drawing kit in
``draw_figures.py``) and commit the SVGs together with the change. ``--only ID ...``
rewrites just those files. Each scene draws the key position of one catalog entry; where
a move is a change of position, it shows start and end side by side with an arrow.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from draw_figures import (
    ACCENT,
    FIGURE,
    HEAD_R,
    LIMB_WIDTH,
    NECK,
    PROP,
    SIT,
    STAND_FRONT,
    Canvas,
    Person,
    Point,
    Pose,
    along,
    arc_arrow,
    arc_points,
    arrow,
    ball,
    big_hand,
    chair,
    cup,
    curve_arrow,
    desk,
    door_edge,
    ellipse_arrow,
    eye,
    floor,
    glow,
    mat,
    monitor,
    motion_lines,
    person,
    place,
    posed,
    sight_line,
    stairs,
    towel,
    tree,
    wall,
    window,
)

OUT = Path(__file__).resolve().parent.parent / "resources" / "illustrations"
FLOOR = 222.0
SEAT = 180.0
SEAT_HIP = 172.0
DESK_TOP = 143.0

Scene = Callable[[Canvas], None]
SCENES: dict[str, tuple[str, Scene]] = {}


def scene(ident: str, title: str) -> Callable[[Scene], Scene]:
    def register(fn: Scene) -> Scene:
        SCENES[ident] = (title, fn)
        return fn

    return register


def office(c: Canvas, chair_front: float = 130, with_desk: bool = True) -> None:
    """Floor, chair and (optionally) desk with a screen: the usual desk scene."""
    floor(c)
    chair(c, chair_front, SEAT)
    if with_desk:
        desk(c, 150, 232, DESK_TOP)
        monitor(c, 212, DESK_TOP)


BUST_DESK = 204.0


def bust_desk(c: Canvas, y: float = BUST_DESK) -> None:
    """The top of a desk in front of a close-up person; the bust ends at its edge."""
    c.line((12, y), (228, y), PROP, 8)
    c.line((24, y), (24, 236), PROP, 5)
    c.line((216, y), (216, 236), PROP, 5)


def along_ellipse(centre: Point, radii: tuple[float, float], angle: float) -> Point:
    """The point at compass ``angle`` on an ellipse (a circle seen at a slant)."""
    rad = math.radians(angle)
    return (centre[0] + radii[0] * math.sin(rad), centre[1] - radii[1] * math.cos(rad))


def lean_onto_floor(
    pose_at: Callable[[float], Pose], *, anchor: str, at: Point, floor_y: float
) -> Pose:
    """The pose (from ``pose_at(lean)``, lean in degrees above horizontal) whose lowest
    toe or ankle stands on ``floor_y`` when joint ``anchor`` is placed at ``at``: for
    a body held up by its hands or forearms, so the feet never float."""
    best = pose_at(0.0)
    best_gap = math.inf
    for tenth in range(0, 900):
        pose = pose_at(tenth / 10)
        joints = place(pose, at, anchor).joints
        low = max(joints[k][1] for k in ("ankle_a", "ankle_b", "toe_a", "toe_b"))
        gap = abs(low + LIMB_WIDTH / 2 - floor_y)
        if gap < best_gap:
            best, best_gap = pose, gap
    return best


def tilted_head(c: Canvas, p: Person, angle: float) -> None:
    """Draw a front-view head as an upright oval tilted by ``angle`` (negative = towards
    the viewer's left) on top of the neck; draw the person with ``head_opacity=0``."""
    neck_top = along(p["neck"], angle, NECK * p.scale)
    chin = along(neck_top, angle, HEAD_R * p.scale * 0.75)
    crown = along(neck_top, angle, HEAD_R * p.scale * 1.3)
    c.line(p["neck"], neck_top, FIGURE, 10 * p.scale * 0.9, opacity=0.8)
    c.line(chin, crown, FIGURE, HEAD_R * p.scale * 1.8)


# ---------------------------------------------------------------------------------------
# Stretches
# ---------------------------------------------------------------------------------------


@scene("towel-hamstring-stretch", "Lying on the back, one leg raised with a towel")
def _towel_hamstring(c: Canvas) -> None:
    floor(c)
    pose = Pose(
        torso=270,
        head=272,
        nose=0,
        leg_a=(8, 8),
        foot_a=-70,
        leg_b=(90, 90),
        foot_b=0,
        arm_a=(38, 22),
        arm_b=(45, 25),
    )
    p = person(c, pose, (132, 209), "hip", glow=["leg_a"])
    towel(c, [p["hand_b"], along(p["ankle_a"], 60, 4), p["hand_a"]])
    curve_arrow(c, (176, 62), (170, 34), (140, 28))


@scene("standing-hamstring-reach", "Standing, one heel forward, hinging at the hips")
def _standing_hamstring(c: Canvas) -> None:
    floor(c)
    pose = Pose(
        torso=62,
        head=72,
        nose=160,
        spine=2,
        leg_a=(150, 150),
        foot_a=60,
        leg_b=(195, 175),
        arm_a=(150, 140),
        arm_b=(145, 135),
    )
    person(c, pose, (108, 222), "feet", glow=["leg_a"])
    curve_arrow(c, (150, 42), (186, 50), (196, 88))


@scene("seated-hamstring-stretch", "Sitting on the chair edge, one leg straight, leaning in")
def _seated_hamstring(c: Canvas) -> None:
    floor(c)
    chair(c, 100, SEAT)
    pose = Pose(
        torso=32,
        head=45,
        nose=130,
        leg_a=(112, 112),
        foot_a=35,
        leg_b=(90, 180),
        arm_a=(135, 120),
        arm_b=(130, 115),
    )
    person(c, pose, (80, SEAT_HIP), "hip", glow=["leg_a"])
    curve_arrow(c, (112, 60), (146, 62), (160, 92))


@scene("kneeling-hip-flexor-stretch", "Half-kneeling lunge, hips pressed forward")
def _kneeling_hip_flexor(c: Canvas) -> None:
    floor(c)
    pose = Pose(
        torso=-4,
        nose=90,
        leg_a=(200, 270),
        foot_a=270,
        leg_b=(95, 180),
        arm_a=(200, 60),
        arm_b=(195, 60),
    )
    person(c, pose, (108, 174), "hip", glow=["thigh_a", "lower_torso"])
    arrow(c, [(74, 178), (98, 178)])


@scene("standing-lunge-hip-flexor-stretch", "Standing split stance, back heel up")
def _standing_lunge(c: Canvas) -> None:
    floor(c)
    pose = Pose(
        torso=-3,
        nose=90,
        leg_a=(208, 200),
        foot_a=140,
        leg_b=(140, 185),
        arm_a=(200, 60),
        arm_b=(195, 60),
    )
    person(c, pose, (120, 222), "feet", glow=["thigh_a", "lower_torso"])
    arrow(c, [(84, 128), (108, 128)])


@scene("doorway-pec-stretch", "Forearms on a door frame, stepping through")
def _doorway_pec(c: Canvas) -> None:
    floor(c)
    # The door frame: a post on each side seen as one jamb, plus the lintel.
    c.line((92, 24), (92, FLOOR), "#8a8f98", 8)
    c.line((92, 24), (40, 24), "#8a8f98", 8)
    pose = Pose(
        torso=8,
        nose=90,
        leg_a=(155, 185),
        leg_b=(200, 190),
        arm_a=(262, 0),
        arm_b=(268, 355),
    )
    p = person(c, pose, (128, 222), "feet", glow=["upper_torso", "upper_arm_a"])
    glow(c, [p["neck"]], 26)
    arrow(c, [(158, 92), (186, 92)])


@scene("hands-behind-back-chest-opener", "Hands clasped behind the back, chest lifted")
def _chest_opener(c: Canvas) -> None:
    floor(c)
    pose = Pose(
        torso=-3,
        head=-4,
        nose=80,
        arm_a=(212, 212),
        arm_b=(216, 212),
    )
    p = person(c, pose, (126, 222), "feet", glow=["upper_torso", "upper_arm_a"])
    hx, hy = p["hand_a"]
    arrow(c, [(hx - 6, hy + 10), (hx - 26, hy - 12)])


@scene("neck-side-tilt", "Close-up: head tilted, one ear towards its shoulder")
def _neck_tilt(c: Canvas) -> None:
    # A bust seen from the front, shoulders level; the head is drawn as an upright oval
    # (a capsule), so its tilt reads at prompt size where a tilted circle would not.
    pose = Pose(front=True, arm_a=(188, 182), arm_b=(172, 178))
    p = person(c, pose, (120, BUST_DESK + 2), "hip", scale=1.35, legs=False, head_opacity=0)
    bust_desk(c)
    tilted_head(c, p, -32)
    # The stretch runs along the side of the neck away from the tilt.
    glow(c, [along(p["neck"], 90, 6), along(p["neck"], 60, 24)], 14)
    arc_arrow(c, p["neck"], 62, 28, -22)


@scene("upper-trap-stretch", "One hand over the head, easing it sideways")
def _upper_trap(c: Canvas) -> None:
    floor(c)
    pose = posed(STAND_FRONT, head=-26, arm_a=(338, 86), arm_b=(178, 172))
    p = person(c, pose, (120, 222), "feet")
    glow(c, [along(p["neck"], 20, 6), p["shoulder_b"]], 16)
    arrow(c, [(p["hand_b"][0] + 4, p["hand_b"][1] - 16), (p["hand_b"][0] + 4, p["hand_b"][1] + 8)])


@scene("seated-figure-four-stretch", "Seated, ankle crossed over the other knee, leaning in")
def _figure_four(c: Canvas) -> None:
    floor(c)
    chair(c, 122, SEAT)
    pose = Pose(
        torso=22,
        head=30,
        nose=120,
        leg_a=(52, 104),
        leg_a_len=(0.6, 0.72),
        foot_a=40,
        leg_b=(90, 180),
        arm_a=(150, 80),
        arm_b=(145, 100),
    )
    p = person(c, pose, (102, SEAT_HIP), "hip")
    glow(c, [along(p["hip"], 300, 6)], 30)
    curve_arrow(c, (120, 72), (150, 70), (160, 100))


@scene("seated-spinal-twist", "Seated, turning to look back with a hand on the chair back")
def _spinal_twist(c: Canvas) -> None:
    office(c, with_desk=False)
    pose = Pose(
        torso=0,
        head=-2,
        nose=275,
        leg_a=(90, 180),
        leg_b=(90, 180),
        arm_a=(235, 335),
        arm_b=(150, 90),
    )
    p = person(c, pose, (112, SEAT_HIP), "hip", glow=["torso"])
    arc_arrow(c, (p["neck"][0], p["neck"][1] + 18), 40, 60, -60)


def _wrist_scene(c: Canvas, bent_up: bool) -> None:
    """Close-up for the two forearm stretches: the arm reaches forward (right), the wrist
    is bent and the arrow shows the fingers eased back towards the body (left)."""
    bust_desk(c, 214)
    palm, fingers = (2, 354) if bent_up else (178, 186)
    y = 150 if bent_up else 104
    glow(c, [(30, y), (112, y)], 38)
    tips = big_hand(c, (14, y), (118, y), palm, fingers)
    if bent_up:
        curve_arrow(
            c,
            (tips[0] + 30, tips[1] - 4),
            (tips[0] + 10, tips[1] - 44),
            (tips[0] - 36, tips[1] - 26),
        )
    else:
        curve_arrow(
            c,
            (tips[0] + 30, tips[1] + 4),
            (tips[0] + 10, tips[1] + 40),
            (tips[0] - 36, tips[1] + 26),
        )


@scene("wrist-flexor-stretch", "Arm forward, palm out, fingers eased back")
def _wrist_flexor(c: Canvas) -> None:
    _wrist_scene(c, bent_up=True)


@scene("wrist-extensor-stretch", "Arm forward, hand bent down, back of the hand eased in")
def _wrist_extensor(c: Canvas) -> None:
    _wrist_scene(c, bent_up=False)


@scene("prayer-stretch", "Palms together in front of the chest, elbows wide")
def _prayer(c: Canvas) -> None:
    pose = Pose(front=True, arm_a=(228, 76), arm_b=(132, 284), nose=None)
    p = person(
        c, pose, (120, BUST_DESK + 2), "hip", scale=1.5, legs=False, glow=["forearm_a", "forearm_b"]
    )
    bust_desk(c)
    mid = ((p["hand_a"][0] + p["hand_b"][0]) / 2, (p["hand_a"][1] + p["hand_b"][1]) / 2)
    c.line(along(mid, 180, 4), along(mid, 0, 30), FIGURE, 16)
    arrow(c, [(mid[0] + 76, mid[1] - 30), (mid[0] + 76, mid[1] + 4)])
    arrow(c, [(mid[0] - 76, mid[1] - 30), (mid[0] - 76, mid[1] + 4)])


@scene("heel-drop-calf-stretch", "Balls of the feet on a step, heels lowered")
def _heel_drop(c: Canvas) -> None:
    floor(c)
    c.rect(120, 196, 80, 24, fill="#8a8f98", width=4, rx=3)
    desk(c, 178, 232, DESK_TOP, leg_at=224)
    pose = Pose(
        nose=90,
        foot_a=55,
        foot_b=55,
        leg_a=(182, 180),
        leg_b=(178, 180),
        arm_a=(150, 110),
        arm_b=(145, 110),
    )
    p = person(c, pose, (124, 191), "toe_a", glow=["shin_a"])
    arrow(c, [(p["ankle_a"][0] - 18, p["ankle_a"][1] - 14), (p["ankle_a"][0] - 18, 214)])


@scene("desk-calf-stretch", "Hands on the desk, one leg back with the heel down")
def _desk_calf(c: Canvas) -> None:
    floor(c)
    desk(c, 176, 232, DESK_TOP, leg_at=224)
    pose = Pose(
        torso=32,
        head=40,
        nose=110,
        leg_a=(214, 214),
        foot_a=90,
        leg_b=(160, 195),
        arm_a=(120, 110),
        arm_b=(118, 108),
    )
    p = person(c, pose, (118, 222), "feet", glow=["shin_a"])
    arrow(c, [(p["ankle_a"][0] - 14, 186), (p["ankle_a"][0] - 14, 210)])


@scene("overhead-side-reach", "One arm over the head, leaning to the side")
def _side_reach(c: Canvas) -> None:
    floor(c)
    pose = posed(
        STAND_FRONT,
        torso=-14,
        head=-20,
        arm_b=(345, 300),
        arm_a=(200, 70),
        leg_a=(188, 180),
        leg_b=(170, 180),
    )
    p = person(c, pose, (124, 222), "feet", glow=["arm_b"])
    glow(c, [p["hip_b"], p["shoulder_b"]], 18)
    curve_arrow(c, (156, 40), (120, 6), (70, 40))


@scene("cross-body-shoulder-stretch", "One arm across the chest, held by the other")
def _cross_body(c: Canvas) -> None:
    floor(c)
    pose = posed(STAND_FRONT, arm_a=(104, 94), arm_b=(186, 330))
    p = person(c, pose, (112, 222), "feet", glow=["upper_arm_a"])
    glow(c, [p["shoulder_a"]], 28)
    arrow(
        c,
        [(p["elbow_a"][0] + 20, p["elbow_a"][1] + 30), (p["elbow_a"][0] - 6, p["elbow_a"][1] + 30)],
    )


@scene("seated-forward-fold", "Seated, folding forward with the arms hanging")
def _forward_fold(c: Canvas) -> None:
    floor(c)
    chair(c, 110, SEAT)
    pose = Pose(
        torso=104,
        head=150,
        nose=175,
        spine=10,
        leg_a=(90, 180),
        leg_b=(95, 180),
        arm_a=(168, 110),
        arm_b=(165, 108),
    )
    person(c, pose, (88, SEAT_HIP), "hip", glow=["torso"])
    curve_arrow(c, (96, 104), (150, 92), (170, 140))


@scene("childs-pose", "Kneeling, hips back on the heels, forehead and arms on the floor")
def _childs_pose(c: Canvas) -> None:
    mat(c, 18, 222)
    # Hips the highest point, back rounded over the thighs, forehead on the mat and both
    # arms reaching forward along it, past the head.
    pose = Pose(
        torso=95,
        head=116,
        nose=170,
        spine=11,
        leg_a=(122, 270),
        leg_b=(121, 270),
        foot_a=270,
        foot_b=270,
        arm_a=(112, 90),
        arm_b=(111, 89),
    )
    p = person(c, pose, (62, 180), "hip", scale=1.2, glow=["torso"])
    reach = p["hand_a"][1] - 30
    arrow(c, [(p["hand_a"][0] - 54, reach), (p["hand_a"][0] - 6, reach)])


@scene("knees-to-chest", "Lying on the back, hugging both knees in")
def _knees_to_chest(c: Canvas) -> None:
    floor(c)
    pose = Pose(
        torso=270,
        head=272,
        nose=0,
        leg_a=(305, 45),
        leg_b=(300, 42),
        foot_a=125,
        foot_b=125,
        arm_a=(30, 80),
        arm_b=(34, 82),
    )
    p = person(c, pose, (150, 209), "hip", glow=["lower_torso", "thigh_a"])
    k = p["knee_a"]
    curve_arrow(c, (k[0] + 62, k[1] - 10), (k[0] + 30, k[1] - 70), (k[0] - 16, k[1] - 40))


# ---------------------------------------------------------------------------------------
# Mobility
# ---------------------------------------------------------------------------------------


@scene("chin-tucks", "Head drawn straight back, chin level")
def _chin_tucks(c: Canvas) -> None:
    forward = Pose(torso=6, head=40, nose=100, arm_a=(172, 95), arm_b=(172, 95))
    tucked = Pose(torso=0, head=-4, nose=90, arm_a=(172, 95), arm_b=(172, 95))
    person(c, forward, (50, BUST_DESK + 2), "hip", scale=1.4, legs=False)
    p = person(c, tucked, (160, BUST_DESK + 2), "hip", scale=1.4, legs=False, glow=["neck"])
    bust_desk(c)
    arrow(c, [(p["nose"][0] + 34, p["head"][1]), (p["nose"][0] + 8, p["head"][1])])
    arrow(c, [(96, 150), (122, 150)])


@scene("shoulder-rolls", "Close-up from the front: both shoulders circling up, back and down")
def _shoulder_rolls(c: Canvas) -> None:
    pose = Pose(front=True, arm_a=(184, 180), arm_b=(176, 180))
    p = person(c, pose, (120, BUST_DESK + 2), "hip", scale=1.35, legs=False, glow=["shoulders"])
    bust_desk(c)
    # One circling arrow outside each shoulder: up, over the top, back down.
    arc_arrow(c, along(p["shoulder_a"], 270, 10), 17, 200, -40)
    arc_arrow(c, along(p["shoulder_b"], 90, 10), 17, 160, 400)


@scene("standing-cat-cow", "Hands on thighs, rounding then arching the back")
def _cat_cow(c: Canvas) -> None:
    floor(c)
    cat = Pose(
        torso=62,
        head=140,
        nose=170,
        spine=12,
        leg_a=(160, 195),
        leg_b=(165, 195),
        arm_a=(150, 160),
        arm_b=(150, 160),
    )
    cow = Pose(
        torso=62,
        head=40,
        nose=80,
        spine=-10,
        leg_a=(160, 195),
        leg_b=(165, 195),
        arm_a=(150, 160),
        arm_b=(150, 160),
    )
    person(c, cat, (56, 222), "feet", scale=0.7, glow=["torso"])
    person(c, cow, (166, 222), "feet", scale=0.7, glow=["torso"])
    arrow(c, [(94, 92), (134, 92)], both=True)


@scene(
    "chair-back-thoracic-extension", "Seated, hands behind the head, arching over the chair back"
)
def _thoracic_extension(c: Canvas) -> None:
    floor(c)
    chair(c, 150, SEAT)
    pose = Pose(
        torso=-12,
        head=-28,
        nose=35,
        spine=-7,
        leg_a=(92, 180),
        leg_b=(90, 180),
        arm_a=(40, 240),
        arm_b=(35, 238),
    )
    p = person(c, pose, (124, SEAT_HIP), "hip", glow=["upper_torso"])
    curve_arrow(
        c,
        (p["head"][0] + 24, p["head"][1] - 24),
        (p["head"][0] - 10, p["head"][1] - 44),
        (p["head"][0] - 30, p["head"][1] - 20),
    )


@scene("tennis-ball-upper-back-release", "Back against a wall with a ball between")
def _ball_upper_back(c: Canvas) -> None:
    floor(c)
    wall(c, 60)
    pose = Pose(
        torso=-9,
        head=0,
        nose=90,
        leg_a=(160, 186),
        leg_b=(166, 188),
        arm_a=(175, 170),
        arm_b=(173, 168),
    )
    p = person(c, pose, (112, 222), "feet")
    spot = along(p["neck"], 180 + 9, 16)
    glow(c, [along(spot, 270, 4)], 28)
    ball(c, (spot[0] - 18, spot[1]), 9)
    arrow(c, [(40, spot[1] - 20), (40, spot[1] + 20)], both=True)


@scene("leg-swings", "Holding the desk, one leg swinging forward and back")
def _leg_swings(c: Canvas) -> None:
    floor(c)
    desk(c, 170, 232, DESK_TOP, leg_at=224)
    pose = Pose(
        nose=90,
        leg_a=(130, 150),
        leg_b=(180, 180),
        arm_a=(150, 95),
        arm_b=(150, 95),
    )
    p = person(c, pose, (110, 222), "anchor_b" if False else "ankle_b")
    _ = p
    hip = p["hip"]
    arc_arrow(c, hip, 100, 230, 130, both=True)


@scene("deep-squat-hold", "Sinking into a deep squat, heels down")
def _deep_squat(c: Canvas) -> None:
    floor(c)
    pose = Pose(
        torso=28,
        head=20,
        nose=95,
        leg_a=(68, 198),
        leg_b=(72, 200),
        arm_a=(128, 20),
        arm_b=(125, 20),
    )
    p = person(c, pose, (108, 222), "feet", glow=["thigh_a", "lower_torso"])
    arrow(c, [(p["hip"][0] - 26, p["hip"][1] - 44), (p["hip"][0] - 26, p["hip"][1] - 10)])


@scene("hip-circles", "Hands on hips, drawing circles with the pelvis")
def _hip_circles(c: Canvas) -> None:
    floor(c)
    pose = posed(
        STAND_FRONT, arm_a=(215, 120), arm_b=(145, 240), leg_a=(190, 178), leg_b=(170, 182)
    )
    p = person(c, pose, (120, 222), "feet", glow=["hips"])
    ellipse_arrow(c, (p["hip"][0], p["hip"][1] + 6), (54, 18), 100, 420)


@scene("neck-turns", "Close-up from the front: head turned to look over one shoulder")
def _neck_turns(c: Canvas) -> None:
    pose = Pose(front=True, nose=262, arm_a=(188, 182), arm_b=(172, 178))
    p = person(c, pose, (120, BUST_DESK + 2), "hip", scale=1.35, legs=False, glow=["neck"])
    bust_desk(c)
    # Where the eyes go (over the shoulder), and the turn itself: a flat ellipse round the
    # head, passing in front of the face, the way a turn about the neck looks from ahead.
    sight_line(c, along(p["head"], 262, 24), (22, p["head"][1] + 10))
    centre = (p["head"][0], p["head"][1] + 6)
    turn = [along_ellipse(centre, (42, 13), angle) for angle in range(104, 258, 6)]
    arrow(c, turn, both=True)


@scene("wrist-circles", "Fists drawing slow circles at the wrists")
def _wrist_circles(c: Canvas) -> None:
    bust_desk(c, 214)
    glow(c, [(112, 140)], 34)
    fist = big_hand(c, (14, 150), (112, 140), 80, 80, fist=True)
    arc_arrow(c, fist, 40, 20, 320)


@scene("look-far-20-20-20", "Turning from the screen to look out of a window")
def _look_far(c: Canvas) -> None:
    floor(c)
    desk(c, 150, 232, DESK_TOP)
    monitor(c, 212, DESK_TOP)
    chair(c, 130, SEAT)
    window(c, 16, 34, 58, 70)
    tree(c, 36, 96, 38)
    tree(c, 58, 96, 24)
    pose = Pose(
        torso=-2,
        head=-6,
        nose=285,
        leg_a=(90, 180),
        leg_b=(90, 180),
        arm_a=(170, 120),
        arm_b=(170, 120),
    )
    p = person(c, pose, (112, SEAT_HIP), "hip", glow=["head"])
    sight_line(c, along(p["nose"], 290, 8), (64, 70))


@scene("blink-and-refocus", "An eye open, then gently closed")
def _blink(c: Canvas) -> None:
    glow(c, [(60, 120)], 44)
    eye(c, (60, 120), 92)
    eye(c, (182, 112), 92, closed=True)
    arrow(c, [(108, 120), (134, 120)])


@scene("wall-angels", "Back on a wall, arms sliding up from a goalpost shape")
def _wall_angels(c: Canvas) -> None:
    floor(c)
    c.rect(14, 22, 212, 196, width=4, rx=6)
    low = posed(STAND_FRONT, arm_a=(270, 0), arm_b=(90, 0))
    high = posed(STAND_FRONT, arm_a=(315, 345), arm_b=(45, 15))
    person(c, low, (64, 214), "feet", scale=0.68, glow=["upper_arm_a", "upper_arm_b"])
    person(c, high, (176, 214), "feet", scale=0.68, glow=["upper_arm_a", "upper_arm_b"])
    arrow(c, [(108, 110), (132, 110)])


@scene("tennis-ball-glute-release", "Seated with a ball under one buttock")
def _ball_glute(c: Canvas) -> None:
    floor(c)
    chair(c, 140, SEAT + 4)
    ball(c, (112, SEAT - 6), 9)
    pose = Pose(
        torso=-2, nose=90, leg_a=(96, 180), leg_b=(92, 182), arm_a=(170, 120), arm_b=(170, 120)
    )
    p = person(c, pose, (118, SEAT_HIP - 16), "hip")
    glow(c, [(112, SEAT - 12)], 34)
    arc_arrow(c, (112, SEAT - 6), 26, 200, 470)
    _ = p


# ---------------------------------------------------------------------------------------
# Strength
# ---------------------------------------------------------------------------------------


@scene("glute-bridge", "Lying on the back, knees bent, hips lifted")
def _glute_bridge(c: Canvas) -> None:
    floor(c)
    pose = Pose(
        torso=238,
        head=270,
        nose=0,
        leg_a=(72, 170),
        leg_b=(76, 172),
        foot_a=90,
        foot_b=90,
        arm_a=(100, 94),
        arm_b=(102, 95),
    )
    p = person(c, pose, (130, 180), "hip", glow=["lower_torso", "thigh_a"])
    arrow(c, [(p["hip"][0], p["hip"][1] + 32), (p["hip"][0], p["hip"][1] + 6)])


@scene("plank", "Forearm plank: up on forearms and toes, body in one line above the floor")
def _plank(c: Canvas) -> None:
    floor(c)
    # Upper arms straight down, forearms flat on the floor; the line from heels to head
    # rises by the upper arm's height, so the body clearly hovers over the floor.
    body = lean_onto_floor(
        lambda lean: Pose(
            torso=90 - lean,
            head=96 - lean,
            nose=160,
            leg_a=(270 - lean, 270 - lean),
            leg_b=(270 - lean, 270 - lean),
            foot_a=200,
            foot_b=200,
            arm_a=(180, 90),
            arm_b=(178, 90),
        ),
        anchor="elbow_a",
        at=(168, FLOOR - 5),
        floor_y=FLOOR,
    )
    person(c, body, (168, FLOOR - 5), "elbow_a", glow=["torso"])


@scene("desk-incline-plank", "Hands on the desk edge, feet on the floor, body in one straight line")
def _incline_plank(c: Canvas) -> None:
    floor(c)
    desk(c, 176, 232, DESK_TOP, leg_at=224)
    # Straight arms at right angles to the body; the lean is solved so the feet stand on
    # the floor instead of hovering above it.
    body = lean_onto_floor(
        lambda lean: Pose(
            torso=90 - lean,
            head=94 - lean,
            nose=150,
            leg_a=(270 - lean, 270 - lean),
            leg_b=(270 - lean, 270 - lean),
            foot_a=180,
            foot_b=180,
            arm_a=(180 - lean, 180 - lean),
            arm_b=(180 - lean, 180 - lean),
        ),
        anchor="hand_a",
        at=(180, DESK_TOP - 4),
        floor_y=FLOOR,
    )
    person(c, body, (180, DESK_TOP - 4), "hand_a", glow=["torso"])


@scene("towel-row-door", "Towel round a door handle, leaning back and rowing in")
def _towel_row(c: Canvas) -> None:
    floor(c)
    door_edge(c, 214, handle_y=124, handle_dir=-1)
    pose = Pose(
        torso=-22,
        head=-10,
        nose=95,
        leg_a=(160, 165),
        leg_b=(158, 163),
        arm_a=(120, 80),
        arm_b=(118, 78),
    )
    p = person(c, pose, (174, 222), "feet", glow=["upper_torso", "upper_arm_a"])
    towel(c, [p["hand_a"], (198, 124), p["hand_b"]])
    arrow(
        c,
        [(p["elbow_a"][0] - 4, p["elbow_a"][1] - 22), (p["elbow_a"][0] - 34, p["elbow_a"][1] - 22)],
    )


@scene("desk-push-ups", "Hands on the desk, feet on the floor, chest lowered to the edge")
def _desk_push_ups(c: Canvas) -> None:
    floor(c)
    desk(c, 176, 232, DESK_TOP, leg_at=224)
    # The low point: elbows bent back along the body, chest near the desk edge; feet on
    # the floor (the lean is solved for it).
    body = lean_onto_floor(
        lambda lean: Pose(
            torso=90 - lean,
            head=94 - lean,
            nose=150,
            leg_a=(270 - lean, 270 - lean),
            leg_b=(270 - lean, 270 - lean),
            foot_a=180,
            foot_b=180,
            arm_a=(250 - lean, 150 - lean),
            arm_b=(248 - lean, 148 - lean),
        ),
        anchor="hand_a",
        at=(182, DESK_TOP - 4),
        floor_y=FLOOR,
    )
    p = person(c, body, (182, DESK_TOP - 4), "hand_a", glow=["upper_torso", "upper_arm_a"])
    arrow(
        c,
        [along(p["neck"], body.torso - 90, 26), along(p["neck"], body.torso - 90, 58)],
        both=True,
    )


@scene("chair-squats", "Sitting back towards the chair and standing up again")
def _chair_squats(c: Canvas) -> None:
    floor(c)
    chair(c, 110, SEAT)
    pose = Pose(
        torso=34,
        head=24,
        nose=95,
        leg_a=(75, 170),
        leg_b=(78, 172),
        arm_a=(92, 90),
        arm_b=(90, 88),
    )
    p = person(c, pose, (100, 162), "hip", glow=["thigh_a", "lower_torso"])
    arrow(c, [(206, p["hip"][1] + 10), (206, p["hip"][1] - 56)], both=True)


@scene("calf-raises", "Rising onto the toes and lowering slowly")
def _calf_raises(c: Canvas) -> None:
    floor(c)
    flat = Pose(nose=90, arm_a=(178, 178), arm_b=(178, 178))
    up = Pose(nose=90, foot_a=150, foot_b=150, arm_a=(178, 178), arm_b=(178, 178))
    person(c, flat, (64, 222), "feet", scale=0.78)
    p = person(c, up, (172, 222), "feet", scale=0.78, glow=["shin_a"])
    arrow(c, [(p["ankle_a"][0] - 20, 212), (p["ankle_a"][0] - 20, 180)])
    arrow(c, [(102, 120), (130, 120)])


@scene("scapular-squeezes", "Elbows drawn back, shoulder blades squeezed together")
def _scapular_squeezes(c: Canvas) -> None:
    pose = Pose(torso=0, nose=90, arm_a=(208, 90), arm_b=(206, 90))
    p = person(c, pose, (124, BUST_DESK + 2), "hip", scale=1.35, legs=False, glow=["upper_torso"])
    bust_desk(c)
    arrow(
        c,
        [(p["elbow_a"][0] + 4, p["elbow_a"][1] + 20), (p["elbow_a"][0] - 26, p["elbow_a"][1] + 20)],
    )
    glow(c, [along(p["neck"], 200, 22)], 24)


@scene("standing-glute-kickback", "Holding the desk, one straight leg pressed back")
def _glute_kickback(c: Canvas) -> None:
    floor(c)
    desk(c, 170, 232, DESK_TOP, leg_at=224)
    pose = Pose(
        torso=18,
        head=24,
        nose=100,
        leg_a=(232, 232),
        leg_b=(185, 180),
        arm_a=(132, 100),
        arm_b=(130, 100),
    )
    p = person(c, pose, (118, 222), "ankle_b", glow=["thigh_a"])
    glow(c, [along(p["hip"], 290, 4)], 28)
    arrow(
        c,
        [
            (p["ankle_a"][0] + 14, p["ankle_a"][1] - 20),
            (p["ankle_a"][0] - 12, p["ankle_a"][1] - 32),
        ],
    )


# ---------------------------------------------------------------------------------------
# Posture checks
# ---------------------------------------------------------------------------------------


@scene("chin-over-shoulders-check", "Seated tall, ear, shoulder and hip in one line")
def _chin_over_shoulders(c: Canvas) -> None:
    office(c)
    p = person(c, SIT, (112, SEAT_HIP), "hip")
    top = (p["head"][0], p["head"][1] - 26)
    c.polyline([top, (p["hip"][0], p["hip"][1] + 8)], "#e07a3f", 3.5, dash="2,8")


@scene("shoulders-back-check", "From slumped to shoulders back and down")
def _shoulders_back(c: Canvas) -> None:
    floor(c)
    slump = Pose(torso=10, head=45, nose=120, spine=9, arm_a=(170, 165), arm_b=(170, 165))
    tall = Pose(torso=-2, nose=90, arm_a=(188, 182), arm_b=(188, 182))
    person(c, slump, (62, 222), "feet", scale=0.78)
    p = person(c, tall, (172, 222), "feet", scale=0.78, glow=["upper_arm_a"])
    curve_arrow(
        c,
        (p["shoulder_a"][0] + 18, p["shoulder_a"][1] - 16),
        (p["shoulder_a"][0] - 4, p["shoulder_a"][1] - 22),
        (p["shoulder_a"][0] - 16, p["shoulder_a"][1] + 2),
    )
    arrow(c, [(100, 110), (128, 110)])


@scene("feet-flat-check", "Seated with both feet flat on the floor")
def _feet_flat(c: Canvas) -> None:
    office(c)
    p = person(c, SIT, (112, SEAT_HIP), "hip", glow=["foot_a", "shin_a"])
    arrow(c, [(p["toe_a"][0] + 16, 178), (p["toe_a"][0] + 16, 206)])


@scene("monitor-height-and-distance-check", "Eyes level with the top of the screen, an arm away")
def _monitor_check(c: Canvas) -> None:
    floor(c)
    chair(c, 100, SEAT)
    desk(c, 120, 232, DESK_TOP)
    monitor(c, 212, DESK_TOP, height=48)
    c.line((203, DESK_TOP - 10), (221, DESK_TOP - 10), "#8a8f98", 5)
    p = person(
        c, posed(SIT, arm_a=(165, 105), arm_b=(165, 105)), (82, SEAT_HIP), "hip", glow=["head"]
    )
    screen_top = (206, DESK_TOP - 14 - 46)
    sight_line(c, along(p["nose"], 95, 6), screen_top)
    arrow(c, [(p["nose"][0] + 12, 58), (204, 58)], both=True)


@scene("keyboard-and-mouse-check", "Elbows at the sides, forearms level, wrists straight")
def _keyboard_check(c: Canvas) -> None:
    office(c)
    c.rect(158, DESK_TOP - 9, 30, 5, fill="#8a8f98", width=2, rx=2)
    pose = posed(SIT, arm_a=(178, 90), arm_b=(176, 90))
    p = person(c, pose, (112, SEAT_HIP), "hip", glow=["forearm_a"])
    arc_arrow(c, p["elbow_a"], 18, 0, 90)


@scene("breathing-check", "Seated tall, one hand on the belly, slow breaths")
def _breathing(c: Canvas) -> None:
    office(c)
    pose = posed(SIT, arm_a=(165, 55), arm_b=(170, 120))
    p = person(c, pose, (112, SEAT_HIP), "hip", glow=["lower_torso"])
    arrow(
        c,
        [(p["hand_a"][0] + 12, p["hand_a"][1] - 2), (p["hand_a"][0] + 30, p["hand_a"][1] - 2)],
        both=True,
    )


@scene("sit-tall-reset", "Seated back in the chair, growing tall through the crown")
def _sit_tall(c: Canvas) -> None:
    office(c)
    p = person(c, posed(SIT, torso=-3), (106, SEAT_HIP), "hip", glow=["torso"])
    arrow(c, [(p["head"][0], p["head"][1] - 20), (p["head"][0], p["head"][1] - 46)])


@scene("palming", "Elbows on the desk, cupped palms resting over closed eyes")
def _palming(c: Canvas) -> None:
    # Elbows come towards the viewer onto the desk, so the upper arms are foreshortened.
    pose = Pose(
        front=True,
        arm_a=(200, 23),
        arm_b=(160, 337),
        arm_a_len=(0.55, 1.36),
        arm_b_len=(0.55, 1.36),
    )
    p = person(c, pose, (120, 236), "hip", scale=1.6, legs=False, head_opacity=0.5, glow=["head"])
    c.line((12, 172), (228, 172), PROP, 8)
    for key in ("a", "b"):
        c.circle(along(p[f"hand_{key}"], 0, 2), 14, fill=FIGURE)


@scene("wall-posture-check", "Standing with heels, hips, shoulders and head near a wall")
def _wall_posture(c: Canvas) -> None:
    floor(c)
    wall(c, 70)
    p = person(c, Pose(nose=90, arm_a=(182, 178), arm_b=(182, 178)), (92, 222), "feet")
    for y in (p["head"][1], p["neck"][1] + 10, p["hip"][1] - 4, 214):
        c.circle((80, y), 5, fill="#e07a3f")


@scene("stand-tall-check", "Up from the chair, standing tall with a plumb line")
def _stand_tall(c: Canvas) -> None:
    # No wall: the empty chair says "you got up", the dashed line ear-shoulder-hip-ankle
    # says "stacked".
    floor(c)
    chair(c, 60, SEAT)
    p = person(c, Pose(nose=90, arm_a=(182, 178), arm_b=(182, 178)), (146, 222), "feet")
    x = p["hip"][0] + 18
    for dash in range(int(p["head"][1]) - 24, 222, 14):
        c.line((x, dash), (x, dash + 7), ACCENT, 3)
    for mark in (p["head"][1], p["neck"][1] + 10, p["hip"][1] - 4, 214):
        c.circle((x, mark), 5, fill="#e07a3f")


# ---------------------------------------------------------------------------------------
# Movement
# ---------------------------------------------------------------------------------------

WALK = Pose(
    torso=4,
    nose=92,
    leg_a=(150, 180),
    leg_b=(212, 230),
    foot_b=140,
    arm_a=(210, 170),
    arm_b=(150, 110),
)


@scene("stand-up-and-walk", "From the chair to walking away")
def _stand_and_walk(c: Canvas) -> None:
    floor(c)
    chair(c, 80, SEAT)
    person(c, SIT, (64, SEAT_HIP), "hip", scale=1.0)
    p = person(c, WALK, (168, 222), "feet", scale=0.95)
    motion_lines(c, (p["hip"][0] - 40, p["hip"][1] - 10), 90)
    arrow(c, [(98, 110), (128, 110)])


@scene("stairs-walk", "Walking up a flight of stairs")
def _stairs(c: Canvas) -> None:
    floor(c)
    stairs(c, 20, FLOOR, n=5, w=40, h=20)
    pose = Pose(
        torso=12,
        nose=95,
        leg_a=(120, 178),
        leg_b=(182, 180),
        foot_b=110,
        arm_a=(200, 170),
        arm_b=(150, 120),
    )
    person(c, pose, (114, FLOOR - 60 - 5), "ankle_a", scale=0.9, glow=["thigh_a"])
    arrow(c, [(158, 92), (200, 52)])


@scene("water-refill-walk", "Walking with a glass to refill it")
def _water_walk(c: Canvas) -> None:
    floor(c)
    # A water cooler: bottle on a cabinet.
    c.rect(182, 112, 40, 108, fill="none", width=5, rx=4)
    c.rect(188, 66, 28, 44, fill="#8a8f98", width=4, rx=8)
    c.line((182, 140), (176, 140), "#8a8f98", 5)
    pose = posed(WALK, arm_a=(160, 100))
    p = person(c, pose, (104, 222), "feet")
    cup(c, p["hand_a"][0] + 4, p["hand_a"][1] + 4, 18)
    motion_lines(c, (p["hip"][0] - 44, p["hip"][1] - 10), 90)


@scene("marching-in-place", "Knees lifting high, arms swinging")
def _marching(c: Canvas) -> None:
    floor(c)
    pose = Pose(
        torso=0, nose=90, leg_a=(82, 178), leg_b=(180, 180), arm_a=(215, 175), arm_b=(140, 60)
    )
    p = person(c, pose, (112, 222), "ankle_b", glow=["thigh_a"])
    arrow(
        c,
        [(p["knee_a"][0] + 18, p["knee_a"][1] + 36), (p["knee_a"][0] + 18, p["knee_a"][1] - 2)],
        both=True,
    )


@scene("stand-for-a-call", "Standing up to take a phone call")
def _stand_for_call(c: Canvas) -> None:
    floor(c)
    desk(c, 150, 232, DESK_TOP)
    monitor(c, 212, DESK_TOP)
    pose = Pose(
        torso=0, nose=95, arm_a=(160, 10), arm_b=(182, 178), leg_a=(172, 185), leg_b=(190, 175)
    )
    p = person(c, pose, (104, 222), "feet")
    c.rect(p["hand_a"][0] - 4, p["hand_a"][1] - 14, 9, 22, fill="#8a8f98", width=2, rx=3)
    for r in (26, 38):
        c.polyline(arc_points(p["head"], r, 30, 75), ACCENT, 4)
    motion_lines(c, (p["hip"][0] - 30, p["hip"][1] + 30), 90)


# ---------------------------------------------------------------------------------------
# The fallback picture (no catalog entry of its own)
# ---------------------------------------------------------------------------------------


@scene("generic", "A person up from the chair, arms lifted, ready to move")
def _generic(c: Canvas) -> None:
    # Shown for any entry whose own picture is missing, so it names no particular move:
    # an empty chair, a person facing the viewer beside it, and an arrow up out of the seat.
    floor(c)
    chair(c, 72, SEAT)
    pose = posed(STAND_FRONT, arm_a=(250, 305), arm_b=(110, 55), nose=None)
    person(c, pose, (152, 222), "feet")
    curve_arrow(c, (50, 166), (56, 120), (108, 120))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the catalog illustrations.")
    parser.add_argument("--only", nargs="*", default=None, help="ids to rewrite")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = args.only or list(SCENES)
    for ident in wanted:
        title, draw = SCENES[ident]
        canvas = Canvas(title)
        draw(canvas)
        canvas.save(args.out / f"{ident}.svg")
    print(f"wrote {len(wanted)} illustrations to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
