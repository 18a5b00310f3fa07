"""What a screen reader learns about our windows beyond names: their role, and spoken
announcements for what changes while the keyboard is elsewhere.

Qt gives a top-level plain ``QWidget`` the role "filler" (AT-SPI), which screen readers
neither announce nor name; a window that is a dialog or a frame has to say so through an
accessibility factory. And a window shown without focus (the break prompt never takes the
keyboard) is not read at all unless it announces itself: Orca speaks AT-SPI announcements
(``object:announcement``) whatever has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_ROLES: dict[str, QAccessible.Role] = {}
"""Class name -> role; the factory is installed with the first entry."""


def _factory(class_name: str, obj: QObject | None) -> QAccessibleInterface | None:
    role = _ROLES.get(class_name)
    if role is None or not isinstance(obj, QWidget):
        return None
    return QAccessibleWidget(obj, role)


def give_role(window_class: type[QWidget], role: QAccessible.Role) -> None:
    """Windows of ``window_class`` are presented to assistive technology with ``role``
    (e.g. ``Dialog``, or ``Window`` for a main window, read as "frame")."""
    if not _ROLES:
        QAccessible.installFactory(_factory)
    _ROLES[window_class.__name__] = role


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader speak ``text`` now, without moving the focus. Polite by
    default: it waits until the reader has finished what it is saying."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
