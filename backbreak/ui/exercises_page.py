"""The settings dialog's catalog browser: every exercise with its picture, filters, and the
user's "show in prompts" and "favourite" marks.

The page edits two sets of entry ids (hidden and favourite) and says so with ``changed``;
the dialog reads them back into the pending ``Settings`` and nothing is stored until the
user presses Apply or OK. Ids in those sets that the catalog doesn't have (an entry from a
user file that was removed) are kept as they are: the file may come back.

Pictures are drawn only when a row is painted, and each at most once, so opening the dialog
with the whole catalog costs nothing until the user looks at this page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.catalog import BODY_AREAS, KINDS, POSITIONS, Entry
from backbreak.core.durations import exercise_time_text
from backbreak.core.i18n import N_, _
from backbreak.ui.fonts import RelativeFonts
from backbreak.ui.illustration import render_illustration
from backbreak.ui.names import area_name, kind_name, need_name, position_name
from backbreak.ui.plain_text import PlainLabel, html_list
from backbreak.ui.texts import illustration_text

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = QSize(48, 48)
PREVIEW_SIZE = QSize(150, 150)

COLUMN_EXERCISE = 0
COLUMN_FAVOURITE = 1
COLUMN_KIND = 2
COLUMN_AREAS = 3
COLUMN_TIME = 4
COLUMN_NEEDS = 5
_HEADERS = (N_("Exercise"), "★", N_("Kind"), N_("Body areas"), N_("Time"), N_("Needs"))

_ROOT = QModelIndex()
"""The invalid index Qt passes as "no parent" (a table has no tree below its rows)."""

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's ``Entry`` (for the filter and the preview)."""

STATUS_ALL = "all"
STATUS_SHOWN = "shown"
STATUS_HIDDEN = "hidden"
STATUS_FAVOURITES = "favourites"


def areas_text(entry: Entry) -> str:
    return ", ".join(area_name(area) for area in entry.areas)


def needs_text(entry: Entry) -> str:
    """``"a wall, a towel"``; ``""`` for an entry that needs only a desk and a chair."""
    return ", ".join(need_name(need) for need in entry.needs)


def time_text(entry: Entry, separator: str = ", ") -> str:
    """``"45 s"``, ``"1 min 30 s"``; each-side entries give the total and one side's share:
    ``"2 min in all, 1 min per side"`` (the one wording of ``core.durations``)."""
    return exercise_time_text(entry.duration_seconds, entry.sides, separator)


class ExerciseModel(QAbstractTableModel):
    """The catalog as table rows, plus the user's hidden and favourite marks."""

    marks_changed = Signal()

    def __init__(
        self,
        entries: Sequence[Entry],
        illustration_loader: Callable[[Entry], bytes | None],
        pixel_ratio: Callable[[], float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._load = illustration_loader
        self._pixel_ratio = pixel_ratio
        self._thumbnails: dict[str, QIcon] = {}
        self._hidden: set[str] = set()
        self._favourites: set[str] = set()
        self._offered_kinds: frozenset[str] = frozenset(KINDS)
        self._office_only = False

    # ---- marks ----------------------------------------------------------------------------

    def set_marks(self, hidden: frozenset[str], favourites: frozenset[str]) -> None:
        self._hidden = set(hidden)
        self._favourites = set(favourites)
        self._refresh_all()

    def hidden(self) -> frozenset[str]:
        return frozenset(self._hidden)

    def favourites(self) -> frozenset[str]:
        return frozenset(self._favourites)

    def set_shown(self, row: int, shown: bool) -> None:
        entry_id = self._entries[row].id
        if shown == (entry_id not in self._hidden):
            return
        if shown:
            self._hidden.discard(entry_id)
        else:
            self._hidden.add(entry_id)
        self._refresh_row(row)
        self.marks_changed.emit()

    def set_favourite(self, row: int, favourite: bool) -> None:
        entry_id = self._entries[row].id
        if favourite == (entry_id in self._favourites):
            return
        if favourite:
            self._favourites.add(entry_id)
        else:
            self._favourites.discard(entry_id)
        self._refresh_row(row)
        self.marks_changed.emit()

    def show_all(self) -> None:
        """Forget every "never show" mark, also for ids the catalog no longer has."""
        if not self._hidden:
            return
        self._hidden.clear()
        self._refresh_all()
        self.marks_changed.emit()

    def is_shown(self, row: int) -> bool:
        return self._entries[row].id not in self._hidden

    def is_favourite(self, row: int) -> bool:
        return self._entries[row].id in self._favourites

    def set_offer_rules(self, kinds: frozenset[str], office_only: bool) -> None:
        """The pending kind and office-friendly settings: rows they leave out are greyed."""
        if (kinds, office_only) == (self._offered_kinds, self._office_only):
            return
        self._offered_kinds = kinds
        self._office_only = office_only
        self._refresh_all()

    def left_out_reason(self, entry: Entry) -> str | None:
        """Why ``entry`` won't come up in a prompt even though it is shown, else None."""
        if entry.kind not in self._offered_kinds:
            return _("Not offered: exercises of this kind are turned off above.")
        if self._office_only and not entry.office_friendly:
            return _(
                "Offered only when nothing else is left: it needs {0} and office-friendly"
                " only is on."
            ).format(needs_text(entry))
        return None

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, entry_id: str) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                return row
        return None

    def thumbnail(self, entry: Entry) -> QIcon:
        """The small picture on a tile, drawn the first time it is asked for, then kept."""
        cached = self._thumbnails.get(entry.id)
        if cached is not None:
            return cached
        ratio = self._pixel_ratio()
        tile = QPixmap(THUMBNAIL_SIZE * ratio)
        tile.setDevicePixelRatio(ratio)
        tile.fill(Qt.GlobalColor.transparent)
        picture = self.render(entry, THUMBNAIL_SIZE - QSize(4, 4))
        painter = QPainter(tile)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            # A tile in the theme's base colour: the figures are drawn for light and dark
            # backgrounds, not for the blue of a selected row, where they would vanish.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QPalette().color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(
                QRectF(0, 0, THUMBNAIL_SIZE.width(), THUMBNAIL_SIZE.height()), 6, 6
            )
            if picture is not None:
                size = picture.deviceIndependentSize()
                painter.drawPixmap(
                    QPointF(
                        (THUMBNAIL_SIZE.width() - size.width()) / 2,
                        (THUMBNAIL_SIZE.height() - size.height()) / 2,
                    ),
                    picture,
                )
        finally:
            painter.end()
        icon = QIcon(tile)
        # Qt tints an icon on a selected row with the highlight colour; keep it as drawn.
        icon.addPixmap(tile, QIcon.Mode.Selected)
        self._thumbnails[entry.id] = icon
        return icon

    def render(self, entry: Entry, size: QSize) -> QPixmap | None:
        try:
            data = self._load(entry)
        except OSError:
            # An unreadable picture costs the row its picture, never the dialog.
            log.warning("Could not load the illustration for %r", entry.id, exc_info=True)
            return None
        if not data:
            return None
        return render_illustration(data, size, self._pixel_ratio())

    # ---- Qt model API ---------------------------------------------------------------------

    def rowCount(  # noqa: N802 (Qt API)
        self, parent: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(  # noqa: N802 (Qt API)
        self, parent: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(  # noqa: N802 (Qt API)
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(_HEADERS[section])
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if section == COLUMN_FAVOURITE:
                return _("Favourite (click a star, or press * on a row)")
            if section == COLUMN_EXERCISE:
                return _("Exercise; the check box shows it in prompts (Space)")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COLUMN_EXERCISE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ForegroundRole and (
            entry.id in self._hidden or self.left_out_reason(entry) is not None
        ):
            # Rows that won't come up in a prompt read as "off" at a glance.
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if column == COLUMN_EXERCISE:
            return self._exercise_data(entry, role)
        if column == COLUMN_FAVOURITE:
            favourite = entry.id in self._favourites
            if role == Qt.ItemDataRole.DisplayRole:
                return "★" if favourite else "☆"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return _("Favourite") if favourite else _("Not a favourite")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == COLUMN_KIND:
                return kind_name(entry.kind)
            if column == COLUMN_AREAS:
                return areas_text(entry)
            if column == COLUMN_TIME:
                # Two short lines fit the narrow column better than one long one.
                separator = "\n" if role == Qt.ItemDataRole.DisplayRole else ", "
                return time_text(entry, separator)
            if column == COLUMN_NEEDS:
                text = needs_text(entry)
                if role == Qt.ItemDataRole.AccessibleTextRole and not text:
                    return _("Nothing but a desk and a chair")
                return text
        return None

    def _exercise_data(self, entry: Entry, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(entry)
        if role == Qt.ItemDataRole.CheckStateRole:
            shown = entry.id not in self._hidden
            return Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if entry.id in self._hidden:
                return _("{0}, hidden from prompts").format(entry.title)
            return _("{0}, shown in prompts").format(entry.title)
        return None

    def _tooltip(self, entry: Entry, column: int) -> str | None:
        if column == COLUMN_FAVOURITE:
            return _("Click to mark or unmark as a favourite (picked more often)")
        if column == COLUMN_EXERCISE:
            if entry.id in self._hidden:
                return _("Hidden: never shown in a prompt. Tick to show it again.")
            return self.left_out_reason(entry) or _("Shown in prompts. Untick to hide it.")
        return None

    def setData(  # noqa: N802 (Qt API)
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (
            not index.isValid()
            or index.column() != COLUMN_EXERCISE
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        # Views hand the state over as a Qt.CheckState or as its int value.
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self.set_shown(index.row(), checked)
        return True

    def _refresh_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_HEADERS) - 1))

    def _refresh_all(self) -> None:
        if self._entries:
            last = len(self._entries) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, len(_HEADERS) - 1))


class ExerciseFilter(QSortFilterProxyModel):
    """Narrows the rows by kind, body area, position, shown/hidden/favourite, and words."""

    def __init__(self, source: ExerciseModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self._kind: str | None = None
        self._area: str | None = None
        self._status = STATUS_ALL
        self._words: list[str] = []
        self._position: str | None = None

    def set_criteria(
        self,
        kind: str | None,
        area: str | None,
        status: str,
        text: str,
        position: str | None = None,
    ) -> None:
        self.beginFilterChange()
        self._position = position
        self._kind = kind
        self._area = area
        self._status = status
        self._words = text.casefold().split()
        self.endFilterChange()

    def filterAcceptsRow(  # noqa: N802 (Qt API)
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        entry = self._source.entry(source_row)
        if self._kind is not None and entry.kind != self._kind:
            return False
        if self._area is not None and self._area not in entry.areas:
            return False
        if self._position is not None and entry.position != self._position:
            return False
        if self._status == STATUS_SHOWN and not self._source.is_shown(source_row):
            return False
        if self._status == STATUS_HIDDEN and self._source.is_shown(source_row):
            return False
        if self._status == STATUS_FAVOURITES and not self._source.is_favourite(source_row):
            return False
        if self._words:
            haystack = " ".join(
                (entry.title, entry.id, kind_name(entry.kind), areas_text(entry), entry.why)
            ).casefold()
            return all(word in haystack for word in self._words)
        return True


class ExerciseTable(QTableView):
    """The list itself: Space toggles "show in prompts" and * toggles the favourite star of
    the current row, whichever column the keyboard focus is on."""

    toggle_shown = Signal()
    toggle_favourite = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain == Qt.KeyboardModifier.NoModifier and self.currentIndex().isValid():
            if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                event.accept()
                self.toggle_shown.emit()
                return
            if event.key() == Qt.Key.Key_Asterisk:
                event.accept()
                self.toggle_favourite.emit()
                return
        super().keyPressEvent(event)


class ExercisesPage(QWidget):
    """The catalog list with filters and a preview; edits the hidden and favourite marks."""

    changed = Signal()
    """The hidden or favourite marks changed (the dialog re-checks its Apply button)."""

    def __init__(
        self,
        entries: Sequence[Entry],
        illustration_loader: Callable[[Entry], bytes | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = ExerciseModel(entries, illustration_loader, self.devicePixelRatioF, self)
        self.proxy = ExerciseFilter(self.model, self)
        self._preview_cache: dict[str, QPixmap | None] = {}
        # The preview's title stays 1.15 × the system font when that font changes.
        self._fonts = RelativeFonts(self)
        self._build()
        self.model.marks_changed.connect(self._on_marks_changed)

    # ---- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Search exercises"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setAccessibleName(self.tr("Search exercises by words"))
        # The clear button Qt adds is a tool button with an icon and no text of its own.
        for clear in self.text_filter.findChildren(QToolButton):
            clear.setAccessibleName(self.tr("Clear the search"))
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in KINDS:
            self.kind_filter.addItem(kind_name(kind), kind)
        self.kind_filter.setAccessibleName(self.tr("Show only this kind"))
        self.area_filter = QComboBox()
        self.area_filter.addItem(self.tr("All body areas"), None)
        for area in BODY_AREAS:
            self.area_filter.addItem(area_name(area), area)
        self.area_filter.setAccessibleName(self.tr("Show only this body area"))
        self.position_filter = QComboBox()
        self.position_filter.addItem(self.tr("Any position"), None)
        for position in POSITIONS:
            self.position_filter.addItem(position_name(position), position)
        self.position_filter.setAccessibleName(self.tr("Show only this position"))
        self.status_filter = QComboBox()
        for label, status in (
            (self.tr("Shown and hidden"), STATUS_ALL),
            (self.tr("Shown in prompts"), STATUS_SHOWN),
            (self.tr("Hidden"), STATUS_HIDDEN),
            (self.tr("Favourites"), STATUS_FAVOURITES),
        ):
            self.status_filter.addItem(label, status)
        self.status_filter.setAccessibleName(self.tr("Show only shown, hidden or favourites"))
        self.text_filter.textChanged.connect(self._apply_filters)
        for combo in (
            self.kind_filter,
            self.area_filter,
            self.position_filter,
            self.status_filter,
        ):
            combo.currentIndexChanged.connect(self._apply_filters)
        search_label = PlainLabel(self.tr("Fin&d"))
        search_label.setBuddy(self.text_filter)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.area_filter)
        filters.addWidget(self.position_filter)
        filters.addWidget(self.status_filter)

        self.table = ExerciseTable()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Exercises"))
        self.table.setAccessibleDescription(
            self.tr("Space shows or hides the exercise in prompts; * marks it as a favourite.")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(THUMBNAIL_SIZE)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # catalog order until asked
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, as in the rest of the form
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMBNAIL_SIZE.height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        # Fixed widths, never ResizeToContents: measuring a column would ask every row for
        # its picture and draw the whole catalog up front.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN_EXERCISE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMN_FAVOURITE, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(28)
        for column, width in (
            (COLUMN_FAVOURITE, 30),
            (COLUMN_KIND, 96),
            (COLUMN_AREAS, 124),
            (COLUMN_TIME, 80),
            (COLUMN_NEEDS, 84),
        ):
            self.table.setColumnWidth(column, width)
        self.table.toggle_shown.connect(self._toggle_current_shown)
        self.table.toggle_favourite.connect(self._toggle_current_favourite)
        self.table.clicked.connect(self._on_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.count = PlainLabel()
        self.unhide = QPushButton()
        self.unhide.setAutoDefault(False)
        self.unhide.clicked.connect(self.model.show_all)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.unhide)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_preview())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._apply_filters()
        self._update_unhide_button()

    def _build_preview(self) -> QWidget:
        self.preview_picture = PlainLabel()
        self.preview_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_picture.setMinimumHeight(PREVIEW_SIZE.height())
        self.preview_title = PlainLabel()
        self.preview_title.setWordWrap(True)
        self._fonts.set(self.preview_title, 1.15, bold=True)
        self.preview_meta = PlainLabel()
        self.preview_meta.setWordWrap(True)
        self.preview_steps = PlainLabel()
        self.preview_steps.setWordWrap(True)
        self.preview_steps.setTextFormat(Qt.TextFormat.RichText)
        self.preview_note = PlainLabel()
        self.preview_note.setWordWrap(True)
        self.preview_shown = QCheckBox(self.tr("Show in &prompts"))
        self.preview_shown.setAccessibleName(self.tr("Show this exercise in prompts"))
        self.preview_shown.toggled.connect(self._preview_shown_toggled)
        self.preview_favourite = QToolButton()
        self.preview_favourite.setCheckable(True)
        self.preview_favourite.setAccessibleName(self.tr("Favourite"))
        self.preview_favourite.toggled.connect(self._preview_favourite_toggled)
        marks = QVBoxLayout()
        marks.addWidget(self.preview_shown)
        marks.addWidget(self.preview_favourite)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.preview_picture)
        column.addWidget(self.preview_title)
        column.addWidget(self.preview_meta)
        column.addLayout(marks)
        column.addWidget(self.preview_steps)
        column.addWidget(self.preview_note)
        column.addStretch(1)
        self.preview_empty = PlainLabel(self.tr("Pick an exercise to see its picture and steps."))
        self.preview_empty.setWordWrap(True)
        self.preview_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.preview_empty)

        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(PREVIEW_SIZE.width() + 60)
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        scroll.setAccessibleName(self.tr("Preview"))
        self._preview_widgets: list[QWidget] = [
            self.preview_picture,
            self.preview_title,
            self.preview_meta,
            self.preview_shown,
            self.preview_favourite,
            self.preview_steps,
            self.preview_note,
        ]
        self._show_preview(None)
        return scroll

    # ---- public API -----------------------------------------------------------------------

    def set_marks(self, hidden: frozenset[str], favourites: frozenset[str]) -> None:
        """Show these marks (dropping unapplied edits); does not emit ``changed``."""
        self.model.set_marks(hidden, favourites)
        self.proxy.invalidate()
        self._after_marks()

    def hidden_entries(self) -> frozenset[str]:
        return self.model.hidden()

    def favourite_entries(self) -> frozenset[str]:
        return self.model.favourites()

    def set_offer_rules(self, kinds: frozenset[str], office_only: bool) -> None:
        """Grey out rows the pending kind / office-friendly settings leave out."""
        self.model.set_offer_rules(kinds, office_only)
        self._show_preview(self.current_entry())

    def set_shown(self, entry_id: str, shown: bool) -> None:
        row = self.model.row_of(entry_id)
        if row is not None:
            self.model.set_shown(row, shown)

    def set_favourite(self, entry_id: str, favourite: bool) -> None:
        row = self.model.row_of(entry_id)
        if row is not None:
            self.model.set_favourite(row, favourite)

    def listed_ids(self) -> list[str]:
        """The ids of the rows the filters let through, top to bottom."""
        return [
            self.model.entry(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).id
            for row in range(self.proxy.rowCount())
        ]

    def select(self, entry_id: str) -> bool:
        """Make ``entry_id`` the current row (if listed); True when it is."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, COLUMN_EXERCISE)
            if self.model.entry(self.proxy.mapToSource(index).row()).id == entry_id:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
        return False

    def current_entry(self) -> Entry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(self.proxy.mapToSource(index).row())

    # ---- behaviour ------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        self.proxy.set_criteria(
            self.kind_filter.currentData(),
            self.area_filter.currentData(),
            str(self.status_filter.currentData()),
            self.text_filter.text(),
            self.position_filter.currentData(),
        )
        self._update_count()
        if self.current_entry() is None:
            self._show_preview(None)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        listed = self.proxy.rowCount()
        if listed == total:
            self.count.setText(self.tr("{0} exercises").format(total))
        else:
            self.count.setText(self.tr("Listing {0} of {1} exercises").format(listed, total))

    def _update_unhide_button(self) -> None:
        count = len(self.model.hidden())
        self.unhide.setText(self.tr("Show hidden exercises again ({0})").format(count))
        self.unhide.setAccessibleName(self.tr("Show every hidden exercise again"))
        self.unhide.setEnabled(count > 0)

    def _source_row(self) -> int | None:
        index = self.table.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else None

    def _toggle_current_shown(self) -> None:
        row = self._source_row()
        if row is not None:
            self.model.set_shown(row, not self.model.is_shown(row))

    def _toggle_current_favourite(self) -> None:
        row = self._source_row()
        if row is not None:
            self.model.set_favourite(row, not self.model.is_favourite(row))

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == COLUMN_FAVOURITE:
            row = self.proxy.mapToSource(index).row()
            self.model.set_favourite(row, not self.model.is_favourite(row))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_preview(self.current_entry())

    def _on_marks_changed(self) -> None:
        self._after_marks()
        self.changed.emit()

    def _after_marks(self) -> None:
        # A "Hidden" or "Favourites" filter may now exclude the row; keep the list honest.
        if self.status_filter.currentData() != STATUS_ALL:
            self.proxy.invalidate()
        self._update_count()
        self._update_unhide_button()
        self._show_preview(self.current_entry())

    def _preview_shown_toggled(self, checked: bool) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.set_shown(entry.id, checked)

    def _preview_favourite_toggled(self, checked: bool) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.set_favourite(entry.id, checked)

    def _show_preview(self, entry: Entry | None) -> None:
        for widget in self._preview_widgets:
            widget.setVisible(entry is not None)
        self.preview_empty.setVisible(entry is None)
        if entry is None:
            return
        if entry.id not in self._preview_cache:
            self._preview_cache[entry.id] = self.model.render(entry, PREVIEW_SIZE)
        picture = self._preview_cache[entry.id]
        if picture is None:
            self.preview_picture.clear()
            self.preview_picture.hide()
        else:
            self.preview_picture.setPixmap(picture)
        self.preview_picture.setAccessibleName(illustration_text(entry))
        self.preview_title.setText(entry.title)
        meta = [
            kind_name(entry.kind),
            position_name(entry.position),
            areas_text(entry),
            time_text(entry),
        ]
        needs = needs_text(entry)
        meta.append(self.tr("Needs {0}").format(needs) if needs else self.tr("At the desk"))
        self.preview_meta.setText(" · ".join(meta))
        self.preview_steps.setText(html_list(entry.steps))
        notes = [entry.why]
        if entry.caution:
            notes.append(self.tr("Careful: {0}").format(entry.caution))
        left_out = self.model.left_out_reason(entry)
        if left_out is not None:
            notes.append(left_out)
        self.preview_note.setText("\n\n".join(notes))
        shown = entry.id not in self.model.hidden()
        favourite = entry.id in self.model.favourites()
        for box, value in ((self.preview_shown, shown), (self.preview_favourite, favourite)):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        self.preview_favourite.setText(
            self.tr("★ Fa&vourite") if favourite else self.tr("☆ Add to fa&vourites")
        )
