"""A tiny drawing kit for the catalog illustrations: pill-shaped people, props and arrows.

Every illustration in ``resources/illustrations`` is generated from a scene in
``tools/make_illustrations.py`` using these helpers, so all figures share one style:

* a person is a head circle plus thick round-capped strokes, posed by joint ANGLES
  (forward kinematics) so proportions stay the same in every picture;
* one palette: figure ``FIGURE``, props ``PROP``, arrows and highlights ``ACCENT``;
* only SVG Tiny 1.2 features that QtSvg draws: lines, polylines, paths without arcs
  (Tiny 1.2 has no ``A`` command, so arcs are flattened), circles, rects, presentation
  attributes. No CSS, no markers (arrowheads are drawn as polygons), no filters.

Angles are compass-like, in degrees: 0 points up, 90 to the right, 180 down, 270 left.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

FIGURE = "#3d7ea6"
PROP = "#8a8f98"
ACCENT = "#e07a3f"

VIEW = 240
LIMB_WIDTH = 10.0
TORSO_WIDTH = 17.0
FAR_OPACITY = 0.5
"""Far-side limbs in a side view are drawn fainter so the near ones read on top."""
TORSO_OPACITY = 0.8
GLOW_OPACITY = 0.45
"""The trunk is a touch lighter than the limbs so an arm across the body stays visible."""

# Segment lengths of a full-size (scale 1) person, about 190 units tall.
TORSO = 60.0
NECK = 9.0
HEAD_R = 14.0
UPPER_ARM = 34.0
FOREARM = 32.0
THIGH = 46.0
SHIN = 44.0
FOOT = 13.0
SHOULDER_HALF = 17.0
HIP_HALF = 9.0

Point = tuple[float, float]


def direction(angle: float) -> Point:
    """Unit vector for a compass angle (0 up, 90 right)."""
    rad = math.radians(angle)
    return (math.sin(rad), -math.cos(rad))


def along(p: Point, angle: float, length: float) -> Point:
    d = direction(angle)
    return (p[0] + d[0] * length, p[1] + d[1] * length)


def _fmt(v: float) -> str:
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _pts(points: Iterable[Point]) -> str:
    return " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points)


class Canvas:
    """Collects SVG elements in paint order and writes one 240x240 file."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.elements: list[str] = []

    # -- primitives -------------------------------------------------------------------
    def line(self, a: Point, b: Point, color: str, width: float, opacity: float = 1.0) -> None:
        self.polyline([a, b], color, width, opacity)

    def polyline(
        self,
        points: Sequence[Point],
        color: str,
        width: float,
        opacity: float = 1.0,
        dash: str | None = None,
    ) -> None:
        extra = f' stroke-opacity="{opacity}"' if opacity < 1 else ""
        if dash:
            extra += f' stroke-dasharray="{dash}"'
        self.elements.append(
            f'<polyline points="{_pts(points)}" fill="none" stroke="{color}" '
            f'stroke-width="{_fmt(width)}" stroke-linecap="round" '
            f'stroke-linejoin="round"{extra}/>'
        )

    def path(
        self,
        d: str,
        color: str,
        width: float,
        fill: str = "none",
        opacity: float = 1.0,
    ) -> None:
        extra = f' stroke-opacity="{opacity}"' if opacity < 1 else ""
        self.elements.append(
            f'<path d="{d}" fill="{fill}" stroke="{color}" stroke-width="{_fmt(width)}" '
            f'stroke-linecap="round" stroke-linejoin="round"{extra}/>'
        )

    def polygon(self, points: Sequence[Point], color: str, opacity: float = 1.0) -> None:
        extra = f' fill-opacity="{opacity}"' if opacity < 1 else ""
        self.elements.append(
            f'<polygon points="{_pts(points)}" fill="{color}" stroke="{color}" '
            f'stroke-width="2" stroke-linejoin="round"{extra}/>'
        )

    def blob(self, points: Sequence[Point], color: str, width: float, opacity: float = 1.0) -> None:
        """A filled shape with a thick rounded outline, faded as one piece."""
        self.elements.append(
            f'<polygon points="{_pts(points)}" fill="{color}" stroke="{color}" '
            f'stroke-width="{_fmt(width)}" stroke-linejoin="round" opacity="{opacity}"/>'
        )

    def circle(
        self,
        c: Point,
        r: float,
        *,
        fill: str = "none",
        stroke: str = "none",
        width: float = 0.0,
        opacity: float = 1.0,
    ) -> None:
        extra = f' opacity="{opacity}"' if opacity < 1 else ""
        stroke_attr = f' stroke="{stroke}" stroke-width="{_fmt(width)}"' if width else ""
        self.elements.append(
            f'<circle cx="{_fmt(c[0])}" cy="{_fmt(c[1])}" r="{_fmt(r)}" '
            f'fill="{fill}"{stroke_attr}{extra}/>'
        )

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        color: str = PROP,
        width: float = 4.0,
        fill: str = "none",
        rx: float = 3.0,
    ) -> None:
        self.elements.append(
            f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(w)}" height="{_fmt(h)}" '
            f'rx="{_fmt(rx)}" fill="{fill}" stroke="{color}" stroke-width="{_fmt(width)}"/>'
        )

    # -- output -----------------------------------------------------------------------
    def svg(self) -> str:
        body = "\n  ".join(self.elements)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            f'viewBox="0 0 {VIEW} {VIEW}" width="{VIEW}" height="{VIEW}">\n'
            f"  <title>{self.title}</title>\n  {body}\n</svg>\n"
        )

    def save(self, path: Path) -> None:
        path.write_text(self.svg(), encoding="utf-8")


# ---------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pose:
    """Joint angles of one person.

    Side view (``front=False``): the person faces right; limb ``a`` is the near one,
    ``b`` the far one (drawn fainter). Front view: ``a`` is on the viewer's left.
    Each limb is ``(upper angle, lower angle)``; feet have their own angle.
    ``head`` defaults to the torso angle; ``nose`` marks where the face points.
    """

    torso: float = 0.0
    head: float | None = None
    arm_a: tuple[float, float] = (180.0, 180.0)
    arm_b: tuple[float, float] = (180.0, 180.0)
    leg_a: tuple[float, float] = (180.0, 180.0)
    leg_b: tuple[float, float] = (180.0, 180.0)
    foot_a: float | None = None
    foot_b: float | None = None
    front: bool = False
    nose: float | None = None
    """Compass angle from the head centre to a small nose dot; None = no nose."""
    spine: float = 0.0
    """Bend of the back: > 0 rounds it (bulges behind a right-facing person), < 0 arches."""
    arm_a_len: tuple[float, float] = (1.0, 1.0)
    arm_b_len: tuple[float, float] = (1.0, 1.0)
    leg_a_len: tuple[float, float] = (1.0, 1.0)
    leg_b_len: tuple[float, float] = (1.0, 1.0)
    """Length factors per limb segment, to foreshorten a limb pointing at the viewer."""


@dataclass
class Joints:
    """Computed joint positions for a pose at a scale, hip centre at (0, 0)."""

    points: dict[str, Point] = field(default_factory=dict)

    def moved(self, dx: float, dy: float) -> Joints:
        return Joints({k: (x + dx, y + dy) for k, (x, y) in self.points.items()})

    def mirrored(self) -> Joints:
        return Joints({k: (-x, y) for k, (x, y) in self.points.items()})

    def __getitem__(self, key: str) -> Point:
        return self.points[key]


def solve(pose: Pose, scale: float = 1.0) -> Joints:
    """Forward kinematics: every joint position from the angles, hip centre at origin."""
    s = scale
    p: dict[str, Point] = {}
    hip: Point = (0.0, 0.0)
    p["hip"] = hip
    neck = along(hip, pose.torso, TORSO * s)
    p["neck"] = neck
    head_angle = pose.torso if pose.head is None else pose.head
    head_base = along(neck, head_angle, NECK * s)
    p["head_base"] = head_base
    p["head"] = along(head_base, head_angle, HEAD_R * s * 0.9)
    if pose.front:
        side = pose.torso - 90.0
        p["shoulder_a"] = along(neck, side, SHOULDER_HALF * s)
        p["shoulder_b"] = along(neck, side + 180.0, SHOULDER_HALF * s)
        p["hip_a"] = along(hip, side, HIP_HALF * s)
        p["hip_b"] = along(hip, side + 180.0, HIP_HALF * s)
    else:
        p["shoulder_a"] = p["shoulder_b"] = along(neck, pose.torso + 180.0, 4 * s)
        p["hip_a"] = p["hip_b"] = hip
    arms = (("a", pose.arm_a, pose.arm_a_len), ("b", pose.arm_b, pose.arm_b_len))
    for key, arm, alen in arms:
        p[f"elbow_{key}"] = along(p[f"shoulder_{key}"], arm[0], UPPER_ARM * s * alen[0])
        p[f"hand_{key}"] = along(p[f"elbow_{key}"], arm[1], FOREARM * s * alen[1])
    legs = (
        ("a", pose.leg_a, pose.foot_a, pose.leg_a_len),
        ("b", pose.leg_b, pose.foot_b, pose.leg_b_len),
    )
    for key, leg, foot, llen in legs:
        p[f"knee_{key}"] = along(p[f"hip_{key}"], leg[0], THIGH * s * llen[0])
        p[f"ankle_{key}"] = along(p[f"knee_{key}"], leg[1], SHIN * s * llen[1])
        if foot is not None:
            foot_angle = foot
        elif pose.front:
            foot_angle = 270.0 if key == "a" else 90.0
        else:
            foot_angle = leg[1] - 90.0
        foot_len = FOOT * s * (0.6 if pose.front else 1.0)
        p[f"toe_{key}"] = along(p[f"ankle_{key}"], foot_angle, foot_len)
    mid = ((hip[0] + neck[0]) / 2, (hip[1] + neck[1]) / 2)
    p["spine"] = along(mid, pose.torso - 90.0, pose.spine * s)
    if pose.nose is not None:
        p["nose"] = along(p["head"], pose.nose, HEAD_R * s * 0.95)
    return Joints(p)


SEGMENTS: dict[str, tuple[str, str]] = {
    "upper_arm_a": ("shoulder_a", "elbow_a"),
    "forearm_a": ("elbow_a", "hand_a"),
    "upper_arm_b": ("shoulder_b", "elbow_b"),
    "forearm_b": ("elbow_b", "hand_b"),
    "thigh_a": ("hip_a", "knee_a"),
    "shin_a": ("knee_a", "ankle_a"),
    "foot_a": ("ankle_a", "toe_a"),
    "thigh_b": ("hip_b", "knee_b"),
    "shin_b": ("knee_b", "ankle_b"),
    "foot_b": ("ankle_b", "toe_b"),
    "torso": ("hip", "neck"),
    "neck": ("neck", "head_base"),
    "shoulders": ("shoulder_a", "shoulder_b"),
    "hips": ("hip_a", "hip_b"),
}
GROUPS: dict[str, tuple[str, ...]] = {
    "arm_a": ("upper_arm_a", "forearm_a"),
    "arm_b": ("upper_arm_b", "forearm_b"),
    "leg_a": ("thigh_a", "shin_a"),
    "leg_b": ("thigh_b", "shin_b"),
    "upper_torso": (),
    "lower_torso": (),
}


@dataclass(frozen=True)
class Person:
    """A posed person placed on the canvas."""

    joints: Joints
    pose: Pose
    scale: float

    def __getitem__(self, key: str) -> Point:
        return self.joints[key]


def place(
    pose: Pose,
    at: Point,
    anchor: str = "hip",
    scale: float = 1.0,
    mirror: bool = False,
) -> Person:
    """Solve a pose and move it so joint ``anchor`` lands on ``at``.

    ``anchor`` may be any joint name, or "feet" = the lowest toe/ankle point.
    ``mirror`` flips the person to face left.
    """
    joints = solve(pose, scale)
    if mirror:
        joints = joints.mirrored()
    if anchor == "feet":
        low = max((joints[k] for k in ("ankle_a", "ankle_b", "toe_a", "toe_b")), key=lambda q: q[1])
        ax, ay = low[0], low[1]
        # Stand the sole on the line, not the stroke's centre.
        ay += LIMB_WIDTH * 0.5
        ax = (joints["ankle_a"][0] + joints["ankle_b"][0]) / 2
    else:
        ax, ay = joints[anchor]
    return Person(joints.moved(at[0] - ax, at[1] - ay), pose, scale)


def _torso_d(person: Person) -> str:
    hip, ctrl, neck = person["hip"], person["spine"], person["neck"]
    # The stored spine point is ON the curve's middle; a quadratic's control point sits
    # twice as far out, so extrapolate it.
    mid = ((hip[0] + neck[0]) / 2, (hip[1] + neck[1]) / 2)
    cx, cy = 2 * ctrl[0] - mid[0], 2 * ctrl[1] - mid[1]
    return f"M{_fmt(hip[0])},{_fmt(hip[1])} Q{_fmt(cx)},{_fmt(cy)} {_fmt(neck[0])},{_fmt(neck[1])}"


def _width(base: float, scale: float) -> float:
    # Small figures keep most of the line weight so every picture looks like one set.
    return base * (0.55 + 0.45 * min(scale, 1.0))


def _segment_points(person: Person, name: str) -> list[Point]:
    if name == "torso":
        hip, ctrl, neck = person["hip"], person["spine"], person["neck"]
        return [hip, ctrl, neck]
    if name == "upper_torso":
        hip, neck = person["hip"], person["neck"]
        mid = ((hip[0] + neck[0]) / 2, (hip[1] + neck[1]) / 2)
        return [(mid[0] * 0.7 + neck[0] * 0.3, mid[1] * 0.7 + neck[1] * 0.3), neck]
    if name == "lower_torso":
        hip, neck = person["hip"], person["neck"]
        return [hip, (hip[0] * 0.55 + neck[0] * 0.45, hip[1] * 0.55 + neck[1] * 0.45)]
    if name in GROUPS:
        parts = GROUPS[name]
        pts = [person[SEGMENTS[parts[0]][0]]]
        pts += [person[SEGMENTS[part][1]] for part in parts]
        return pts
    a, b = SEGMENTS[name]
    return [person[a], person[b]]


def highlight(canvas: Canvas, person: Person, names: Iterable[str]) -> None:
    """A soft accent halo behind body parts: where the stretch or the effort is felt.

    Call before ``draw_person`` so the figure sits on top of its halo.
    """
    w = _width(LIMB_WIDTH, person.scale) + 12
    for name in names:
        if name == "head":
            r = HEAD_R * person.scale + 7
            canvas.circle(person["head"], r, fill=ACCENT, opacity=GLOW_OPACITY)
            continue
        canvas.polyline(_segment_points(person, name), ACCENT, w, opacity=GLOW_OPACITY)


def glow(canvas: Canvas, points: Sequence[Point], width: float = 22.0) -> None:
    """A free-form accent halo (for spots no single body segment covers)."""
    if len(points) == 1:
        canvas.circle(points[0], width / 2, fill=ACCENT, opacity=GLOW_OPACITY)
    else:
        canvas.polyline(points, ACCENT, width, opacity=GLOW_OPACITY)


def draw_person(
    canvas: Canvas,
    person: Person,
    far_first: bool = True,
    legs: bool = True,
    head_opacity: float = 1.0,
) -> None:
    """Paint a person: far limbs, torso, head, near limbs (side view) or all (front).

    ``legs=False`` draws a bust, for close-ups cut off by the edge of a desk.
    """
    j, s = person.joints, person.scale
    limb = _width(LIMB_WIDTH, s)
    far = 1.0 if person.pose.front else FAR_OPACITY

    def leg(key: str, opacity: float) -> None:
        if not legs:
            return
        canvas.polyline(
            [j[f"hip_{key}"], j[f"knee_{key}"], j[f"ankle_{key}"], j[f"toe_{key}"]],
            FIGURE,
            limb,
            opacity,
        )

    def arm(key: str, opacity: float) -> None:
        canvas.polyline(
            [j[f"shoulder_{key}"], j[f"elbow_{key}"], j[f"hand_{key}"]], FIGURE, limb, opacity
        )

    if far_first:
        leg("b", far)
        arm("b", far)
    if person.pose.front:
        # One element for fill and outline, faded as a whole, so no darker seam shows.
        canvas.blob(
            [j["shoulder_a"], j["shoulder_b"], j["hip_b"], j["hip_a"]],
            FIGURE,
            limb,
            TORSO_OPACITY,
        )
    else:
        canvas.path(_torso_d(person), FIGURE, _width(TORSO_WIDTH, s), opacity=TORSO_OPACITY)
    canvas.line(j["neck"], j["head_base"], FIGURE, limb * 0.9, opacity=TORSO_OPACITY)
    canvas.circle(j["head"], HEAD_R * s, fill=FIGURE, opacity=head_opacity)
    if "nose" in j.points:
        canvas.circle(j["nose"], 3.6 * max(s, 0.7), fill=FIGURE)
    if not far_first:
        leg("b", far)
        arm("b", far)
    leg("a", 1.0)
    arm("a", 1.0)


def person(
    canvas: Canvas,
    pose: Pose,
    at: Point,
    anchor: str = "hip",
    *,
    scale: float = 1.0,
    mirror: bool = False,
    glow: Iterable[str] = (),
    legs: bool = True,
    head_opacity: float = 1.0,
) -> Person:
    """Place, highlight and draw a person in one call; returns it for arrows and props.

    ``head_opacity`` < 1 lets hands in front of the face show (palming).
    """
    placed = place(pose, at, anchor, scale, mirror)
    highlight(canvas, placed, glow)
    draw_person(canvas, placed, legs=legs, head_opacity=head_opacity)
    return placed


def posed(base: Pose, **changes: object) -> Pose:
    """A copy of ``base`` with some angles changed (keeps scenes short)."""
    return replace(base, **changes)  # type: ignore[arg-type]


# Poses used again and again.
STAND = Pose(nose=90)
STAND_FRONT = Pose(
    front=True, arm_a=(190, 185), arm_b=(170, 175), leg_a=(185, 180), leg_b=(175, 180)
)
SIT = Pose(torso=0, leg_a=(90, 180), leg_b=(90, 180), arm_a=(170, 120), arm_b=(170, 120), nose=90)


# ---------------------------------------------------------------------------------------
# Arrows
# ---------------------------------------------------------------------------------------

ARROW_WIDTH = 5.0


def _head(canvas: Canvas, tip: Point, angle: float, size: float = 11.0) -> None:
    left = along(tip, angle + 180 - 28, size)
    right = along(tip, angle + 180 + 28, size)
    canvas.polygon([tip, left, right], ACCENT)


def _angle_of(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[0] - a[0], -(b[1] - a[1])))


def arrow(canvas: Canvas, points: Sequence[Point], both: bool = False) -> None:
    """A straight or bent arrow through ``points``; ``both`` puts a head at each end."""
    pts = list(points)
    end_angle = _angle_of(pts[-2], pts[-1])
    tip = pts[-1]
    pts[-1] = along(tip, end_angle + 180, 6)
    if both:
        start_angle = _angle_of(pts[1], pts[0])
        start = pts[0]
        pts[0] = along(start, start_angle + 180, 6)
    canvas.polyline(pts, ACCENT, ARROW_WIDTH)
    _head(canvas, tip, end_angle)
    if both:
        _head(canvas, start, start_angle)


def arc_points(center: Point, r: float, a0: float, a1: float, steps: int = 18) -> list[Point]:
    """Points along a circle from compass angle a0 to a1 (either direction)."""
    return [along(center, a0 + (a1 - a0) * i / steps, r) for i in range(steps + 1)]


def arc_arrow(
    canvas: Canvas, center: Point, r: float, a0: float, a1: float, *, both: bool = False
) -> None:
    """A curved arrow along a circle, flattened because SVG Tiny 1.2 has no arcs."""
    arrow(canvas, arc_points(center, r, a0, a1), both)


def ellipse_arrow(
    canvas: Canvas, center: Point, radii: tuple[float, float], a0: float, a1: float
) -> None:
    """An arrow along an ellipse (a circle seen at a slant), e.g. around the hips."""
    rx, ry = radii
    steps = 24
    pts = []
    for i in range(steps + 1):
        a = math.radians(a0 + (a1 - a0) * i / steps)
        pts.append((center[0] + rx * math.sin(a), center[1] - ry * math.cos(a)))
    arrow(canvas, pts)


def curve_arrow(canvas: Canvas, a: Point, ctrl: Point, b: Point, both: bool = False) -> None:
    """A quadratic-curve arrow from a to b bending towards ctrl."""
    pts = []
    for i in range(17):
        t = i / 16
        x = (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * ctrl[0] + t * t * b[0]
        y = (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * ctrl[1] + t * t * b[1]
        pts.append((x, y))
    arrow(canvas, pts, both)


def sight_line(canvas: Canvas, a: Point, b: Point) -> None:
    """A dashed accent line from the eyes to what they look at."""
    canvas.polyline([a, b], ACCENT, 3.5, dash="2,8")


def motion_lines(canvas: Canvas, at: Point, angle: float, n: int = 3, gap: float = 9) -> None:
    """Short parallel strokes behind something that moves (pointing away from travel)."""
    side = angle + 90
    for i in range(n):
        off = (i - (n - 1) / 2) * gap
        start = along(at, side, off)
        canvas.line(start, along(start, angle + 180, 14 - abs(off) * 0.4), ACCENT, 4)


# ---------------------------------------------------------------------------------------
# Props (all in PROP grey)
# ---------------------------------------------------------------------------------------


def floor(canvas: Canvas, y: float = 222, x0: float = 14, x1: float = 226) -> None:
    canvas.line((x0, y), (x1, y), PROP, 4)


def chair(
    canvas: Canvas, front_x: float, seat_y: float, facing: int = 1, floor_y: float = 222
) -> None:
    """Side view of a desk chair whose sitter faces ``facing`` (+1 right, -1 left)."""
    back_x = front_x - facing * 46
    canvas.line((back_x, seat_y), (front_x, seat_y), PROP, 6)
    canvas.line((back_x - facing * 2, seat_y), (back_x - facing * 8, seat_y - 62), PROP, 6)
    mid = (front_x + back_x) / 2
    canvas.line((mid, seat_y), (mid, floor_y - 10), PROP, 5)
    canvas.polyline(
        [(mid - 20, floor_y - 4), (mid, floor_y - 10), (mid + 20, floor_y - 4)], PROP, 5
    )


def stool_chair(
    canvas: Canvas, front_x: float, seat_y: float, facing: int = 1, floor_y: float = 222
) -> None:
    """A chair without the backrest drawn (when the backrest would hide the figure)."""
    back_x = front_x - facing * 46
    canvas.line((back_x, seat_y), (front_x, seat_y), PROP, 6)
    mid = (front_x + back_x) / 2
    canvas.line((mid, seat_y), (mid, floor_y - 10), PROP, 5)
    canvas.polyline(
        [(mid - 20, floor_y - 4), (mid, floor_y - 10), (mid + 20, floor_y - 4)], PROP, 5
    )


def desk(
    canvas: Canvas,
    x0: float,
    x1: float,
    top_y: float = 140,
    *,
    floor_y: float = 222,
    leg_at: float | None = None,
) -> None:
    canvas.line((x0, top_y), (x1, top_y), PROP, 7)
    lx = x1 - 8 if leg_at is None else leg_at
    canvas.line((lx, top_y), (lx, floor_y - 2), PROP, 5)


def monitor(canvas: Canvas, x: float, desk_y: float, height: float = 42) -> None:
    """Side view of a screen standing on the desk at x (a slab on a short stand)."""
    canvas.line((x - 8, desk_y - 3), (x + 8, desk_y - 3), PROP, 5)
    canvas.line((x, desk_y - 3), (x, desk_y - 14), PROP, 5)
    canvas.rect(x - 4, desk_y - 14 - height, 8, height, fill=PROP, width=3, rx=2)


def wall(canvas: Canvas, x: float, y0: float = 20, y1: float = 222) -> None:
    canvas.line((x, y0), (x, y1), PROP, 6)


def door(
    canvas: Canvas,
    x: float,
    *,
    w: float = 60,
    top: float = 24,
    floor_y: float = 222,
    handle_y: float = 128,
    handle_side: int = 1,
) -> None:
    """A door face-on (or its frame), with the handle on the ``handle_side``."""
    canvas.rect(x, top, w, floor_y - top, width=5)
    hx = x + w - 10 if handle_side > 0 else x + 10
    canvas.circle((hx, handle_y), 5, fill=PROP)


def door_edge(
    canvas: Canvas,
    x: float,
    *,
    top: float = 24,
    floor_y: float = 222,
    handle_y: float = 128,
    handle_dir: int = 1,
) -> None:
    """A door seen edge-on: a thick slab with the handle sticking out sideways."""
    canvas.line((x, top), (x, floor_y), PROP, 10)
    canvas.line((x, handle_y), (x + handle_dir * 12, handle_y), PROP, 5)
    canvas.circle((x + handle_dir * 14, handle_y), 4, fill=PROP)


def ball(canvas: Canvas, c: Point, r: float = 8) -> None:
    canvas.circle(c, r, fill=PROP)


def towel(canvas: Canvas, points: Sequence[Point]) -> None:
    canvas.polyline(points, PROP, 6)


def cup(canvas: Canvas, x: float, bottom: float, h: float = 20) -> None:
    canvas.polygon(
        [(x - 7, bottom - h), (x + 7, bottom - h), (x + 5, bottom), (x - 5, bottom)], PROP
    )


def stairs(
    canvas: Canvas,
    x0: float,
    y0: float,
    *,
    n: int = 4,
    w: float = 30,
    h: float = 22,
    rising: int = 1,
) -> None:
    """A staircase profile starting at (x0, y0) on the floor, going up to the right."""
    pts: list[Point] = [(x0, y0)]
    x, y = x0, y0
    for _ in range(n):
        y -= h
        pts.append((x, y))
        x += w * rising
        pts.append((x, y))
    canvas.polyline(pts, PROP, 5)


def mat(canvas: Canvas, x0: float, x1: float, y: float = 222) -> None:
    """A floor with a thin mat line on it, for floor exercises."""
    floor(canvas, y)
    canvas.line((x0, y - 5), (x1, y - 5), PROP, 3, opacity=0.7)


def tree(canvas: Canvas, x: float, ground: float, h: float = 40) -> None:
    """A far-away tree seen through a window: what the eyes rest on."""
    canvas.line((x, ground), (x, ground - h * 0.45), PROP, 4)
    canvas.circle((x, ground - h * 0.65), h * 0.3, fill=PROP)


def window(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
    canvas.rect(x, y, w, h, width=4)
    canvas.line((x + w / 2, y), (x + w / 2, y + h), PROP, 3)


def eye(canvas: Canvas, c: Point, w: float = 40, closed: bool = False) -> None:
    """A large almond eye (figure colour), open with an iris or closed as a lid line."""
    x, y = c
    h = w * 0.55
    if closed:
        canvas.path(
            f"M{_fmt(x - w / 2)},{_fmt(y)} Q{_fmt(x)},{_fmt(y + h)} {_fmt(x + w / 2)},{_fmt(y)}",
            FIGURE,
            5,
        )
        for dx in (-w * 0.3, 0.0, w * 0.3):
            base = (x + dx, y + h * 0.42)
            canvas.line(base, (x + dx * 1.25, y + h * 0.42 + 7), FIGURE, 3.5)
        return
    canvas.path(
        f"M{_fmt(x - w / 2)},{_fmt(y)} Q{_fmt(x)},{_fmt(y - h)} {_fmt(x + w / 2)},{_fmt(y)} "
        f"Q{_fmt(x)},{_fmt(y + h)} {_fmt(x - w / 2)},{_fmt(y)} Z",
        FIGURE,
        5,
    )
    canvas.circle((x, y), w * 0.17, fill=FIGURE)


def big_hand(
    canvas: Canvas,
    elbow: Point,
    wrist: Point,
    palm_angle: float,
    finger_angle: float,
    *,
    opacity: float = 1.0,
    fist: bool = False,
) -> Point:
    """A close-up forearm and hand for wrist moves; returns the fingertips (or fist centre).

    A small figure's hand is only a round line end, which cannot show a bent wrist, so
    wrist pictures zoom in: forearm, broad palm, four fingers and a thumb.
    """
    canvas.line(elbow, wrist, FIGURE, 24, opacity)
    if fist:
        centre = along(wrist, palm_angle, 14)
        canvas.circle(centre, 19, fill=FIGURE, opacity=opacity)
        return centre
    knuckles = along(wrist, palm_angle, 28)
    canvas.line(wrist, knuckles, FIGURE, 30, opacity)
    side = palm_angle + 90
    tips = knuckles
    for offset in (-10.5, -3.5, 3.5, 10.5):
        base = along(knuckles, side, offset)
        length = 32 - abs(offset) * 0.6
        tips_i = along(base, finger_angle, length)
        canvas.line(base, tips_i, FIGURE, 7, opacity)
        if offset == 3.5:
            tips = tips_i
    thumb_base = along(wrist, side, -10)
    canvas.line(thumb_base, along(thumb_base, palm_angle - 40, 22), FIGURE, 9, opacity)
    return tips
