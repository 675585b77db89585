"""The network as one canvas: every column, its nodes, values, heatmaps and links, in one widget.

One Line API widget draws the whole network: a line of the screen is each
column's part of that line (:mod:`network_column`), side by side, cropped
once to the part in sight.  A frame redraws only what changed: each column
says which of its lines look different since it was last shown, and only
those lines of the canvas are refreshed; a line drawn is kept until then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeAlias

import numpy as np
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from nntui.app import palette
from nntui.app.widgets.canvas_pointer import WHEEL_LINES, CanvasPointer, NeuronClicked, PixelPainted, WeightClicked
from nntui.app.widgets.column_styles import ColumnStyles, Hit
from nntui.app.widgets.column_window import ColumnWindow
from nntui.app.widgets.graph_layout import ColumnPlan, column_width, plan
from nntui.app.widgets.line_diff import changed_cells
from nntui.app.widgets.network_column import HEADER_LINES, NetworkColumn
from nntui.core.network import ForwardResult, Network
from nntui.core.plural import counted
from nntui.document.selection import Selection

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self from Python 3.11 on


class NetworkCanvas(ScrollView, can_focus=True, inherit_bindings=False):
    """The layers of the network; the focused widget of the playground.

    It draws what it is given (:meth:`show`) and never changes the network or
    the selection: the playground's keys (it takes none of its own, not even
    scrolling ones) and a click on a neuron or weight (posted up as a message)
    go to the screen, which moves the cursor in the document and shows the
    result again.  It scrolls sideways as a whole; a column too tall for the
    height is a list that scrolls on its own (the mouse wheel over it, its
    scrollbar, or the selection moving in it).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "network-canvas--title",
        "network-canvas--title-selected",
        "network-canvas--subtitle",
        "network-canvas--cursor",
        "network-canvas--source",
        "network-canvas--strip-title",
        "network-canvas--more",
        "network-canvas--scrollbar-track",
        "network-canvas--scrollbar-thumb",
    }

    # Posted up (attributes down, messages up): see :mod:`canvas_pointer`.
    NeuronClicked: TypeAlias = NeuronClicked
    WeightClicked: TypeAlias = WeightClicked
    PixelPainted: TypeAlias = PixelPainted

    def __init__(self, network: Network, result: ForwardResult, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.network = network
        self.result = result
        self.selection = Selection()
        self._window = ColumnWindow(len(network.layers))
        self._more = ("", "")  # how many layers are left out, on the left and right ("" when none)
        self._drawn_for: Size | None = None  # the room the columns were last placed for
        self._left = 0  # where the first column starts: the network is centred when narrower
        self._lines: dict[int, Strip] = {}  # each line drawn, the whole width, until it changes
        self._parts: dict[tuple[int, int], list[Segment]] = {}  # (column in the window, line): its part
        self._placed: tuple[object, ...] | None = None  # what placed the columns last drawn
        self._styles: ColumnStyles | None = None
        self._on_base: palette.OnBase | None = None
        self._pass_base: Style | None = None  # the canvas's style while render_lines draws
        self._pass_width = 0
        self._pointer = CanvasPointer(self)  # what the mouse does: clicks, strokes, a scrollbar held
        # Per column, each neuron's heatmap as colour levels (training mode only).
        self.maps: list[np.ndarray] | None = None

    def on_mount(self) -> None:
        self._window.sync(self.network, self.selection)
        self._draw()

    # --- data in -------------------------------------------------------------

    def show(
        self,
        network: Network,
        result: ForwardResult,
        selection: Selection,
        maps: list[np.ndarray] | None = None,
    ) -> None:
        """Draw from a recomputed state: the lines that look different, all in the same frame."""
        self.network = network
        self.result = result
        self.maps = maps
        moved = selection != self.selection
        self.selection = selection
        shifted = self._window.sync(network, selection)
        self._draw(follow=moved or shifted)

    @property
    def columns(self) -> list[NetworkColumn]:
        """The columns drawn now, leftmost first."""
        return self._window.columns

    def column_view(self, column: int) -> NetworkColumn:
        """What draws ``column`` (0 is the input layer); IndexError if it is not drawn now."""
        return self._window.column(column)

    def column_region(self, column: int) -> Region:
        """Where ``column`` is on the screen now (it may be partly or wholly out of sight)."""
        view = self.column_view(column)
        x = self._x_of(view) - int(self.scroll_offset.x)
        content = self.scrollable_content_region
        return Region(content.x + x, content.y, view.width, content.height)

    def column_lines(self, column: int) -> list[str]:
        """The text ``column`` shows now, one string per line: what a learner reads there."""
        view = self.column_view(column)
        styles, on_base = self._drawing_styles()
        return ["".join(s.text for s in view.line(y, styles, on_base)[0]) for y in range(self._height())]

    def line_text(self, y: int) -> str:
        """The text of line ``y`` across the whole canvas, in sight or scrolled away."""
        return self._whole_line(y).text

    def on_resize(self) -> None:
        self._draw()  # the layout follows the room there is

    # --- placing -------------------------------------------------------------

    def _height(self) -> int:
        return self.scrollable_content_region.height

    def captured_y(self, event: events.MouseEvent) -> int:
        """The line of the canvas the captured mouse is on (above or below it too)."""
        return event.get_content_offset_capture(self).y

    def redraw(self) -> None:
        """Place the columns again and repaint what changed (a list scrolled by the mouse)."""
        self._draw()

    def _draw(self, follow: bool = False) -> None:
        """Place the columns in the room there is and repaint the lines that changed."""
        views = self.columns
        if not views or not self.is_mounted:
            return
        network = self.network
        every = network.sizes  # a list built on each call: once here
        columns = [view.column for view in views]
        sizes = [every[k] for k in columns]
        last = columns[-1]
        next_size = every[last + 1] if last + 1 < len(every) else None
        names = [self._window.longest_name(network, k, every[k]) for k in columns]
        left, right = self._window.hidden
        self._more = (
            counted("app.network.hidden_left", left) if left else "",
            counted("app.network.hidden_right", right) if right else "",
        )
        markers = sum(cell_len(text) + 2 for text in self._more if text)
        region = self.scrollable_content_region
        width, lines = region.width - markers, max(1, region.height - HEADER_LINES)
        if self.scrollbars_enabled[1]:  # sideways already: the scrollbar takes a line of its own
            lines += self.styles.scrollbar_size_horizontal
        training = self.maps is not None
        picture = network.image_shape if columns[0] == 0 else None
        plans = plan(sizes, names, width, lines, training=training, next_size=next_size, picture=picture)
        if _total_width(plans, sizes, next_size) > width:  # it will scroll sideways: one line less
            lines -= self.styles.scrollbar_size_horizontal
            plans = plan(sizes, names, width, max(1, lines), training=training, next_size=next_size, picture=picture)
        lines = max(1, lines)
        changes: list[set[int] | None] = []
        for i, view in enumerate(views):
            k = view.column
            maps = self.maps[k] if self.maps is not None else None
            following = plans[i + 1].rows if i + 1 < len(plans) else None
            changes.append(
                view.show(
                    network,
                    self.result,
                    self.selection,
                    plans[i],
                    lines,
                    target_rows=following,
                    strip_target=self._window.strip_target(k),
                    maps=maps,
                )
            )
        if follow:
            for i, view in enumerate(views):
                top = view.top
                self._window.follow(view, network, self.selection)
                if view.top != top:
                    changes[i] = None  # the list scrolled: all its lines
        widths = [view.width for view in views]
        total = markers + sum(widths)
        left = max(0, (region.width - total) // 2)
        virtual = Size(max(total, region.width), HEADER_LINES + lines)
        placed = (virtual, left, region.size, widths, self._more, [view.column for view in views])
        whole = placed != self._placed
        self._placed = placed
        self._left, self._drawn_for = left, region.size
        if virtual != self.virtual_size:
            self.virtual_size = virtual
        self._repaint(None if whole else changes)
        if follow:
            self._scroll_sideways_to(self.selection.column)

    def _repaint(self, changes: list[set[int] | None] | None) -> None:
        """Forget and refresh what changed: per column, its lines that look different (None: all
        of them); None: the whole canvas. Only the cells of the columns that changed are redrawn,
        so an edit that moves the output layer's numbers writes those, not the lines across."""
        if changes is None:
            self._lines.clear()
            self._parts.clear()
            self.refresh()
            return
        scroll, height = int(self.scroll_offset.x), self.size.height
        regions: list[Region] = []
        spans: dict[int, tuple[int, int]] = {}  # per line, from the first cell that changed to the last
        drawing = self._drawing_styles()  # once: Textual finds the canvas's style by walking its ancestors
        for i, (view, changed) in enumerate(zip(self.columns, changes)):
            if changed is not None and not changed:
                continue
            x = self._x_of(view) - scroll
            if changed is None:
                for y in range(height):
                    self._lines.pop(y, None)
                    self._parts.pop((i, y), None)
                regions.append(Region(x, 0, view.width, height))
                continue
            for y in changed:
                span = self._redraw_part(i, view, y, drawing)
                if span is not None:
                    self._lines.pop(y, None)
                    start, end = spans.get(y, (x + span[0], x + span[1]))
                    spans[y] = (min(start, x + span[0]), max(end, x + span[1]))
        # One region a line: Textual writes each region of a line from the canvas's left edge, so
        # two columns that changed on one line (a hidden neuron's value, an output's) would send
        # the cells left of the first twice.
        regions += (Region(start, y, end - start, 1) for y, (start, end) in sorted(spans.items()))
        if regions:
            self.refresh(*regions)

    def _redraw_part(
        self, i: int, view: NetworkColumn, y: int, drawing: tuple[ColumnStyles, palette.OnBase]
    ) -> tuple[int, int] | None:
        """Draw column ``i``'s part of line ``y`` again; the cells that changed (None: none did).
        A number that changed on a line of links sends the terminal the number, not the links."""
        old = self._parts.get((i, y))
        if old is None:  # never drawn, or forgotten: all of it, drawn when the line is
            return 0, view.width
        new = self._parts[(i, y)] = view.line(y, *drawing)[0]
        return changed_cells(old, new)

    def _x_of(self, target: NetworkColumn) -> int:
        """Where column ``target`` starts on the canvas (before scrolling)."""
        return self._window.x_of(target, self._start())

    def _start(self) -> int:
        """Where the first column starts: after the centring room and the left marker."""
        return self._left + (cell_len(self._more[0]) + 2 if self._more[0] else 0)

    # --- selection -----------------------------------------------------------

    def _scroll_sideways_to(self, column: int) -> None:
        try:
            view = self.column_view(column)
        except IndexError:
            return
        region = Region(self._x_of(view), 0, view.width, 1)
        self.scroll_to_region(region, animate=False, immediate=True)

    # --- mouse ---------------------------------------------------------------

    def hit(self, event: events.MouseEvent) -> tuple[NetworkColumn, Hit | None, int] | None:
        """The column under the mouse, what it holds there, and the line; None outside any."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        found = self._window.at(offset.x + int(self.scroll_offset.x), self._start())
        if found is None:
            return None
        view, x = found
        return view, view.hit(x, offset.y), offset.y

    def on_click(self, event: events.Click) -> None:
        self._pointer.click(event)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._pointer.down(event)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._pointer.move(event)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self._pointer.up()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._pointer.wheel(event, WHEEL_LINES)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._pointer.wheel(event, -WHEEL_LINES)

    # --- drawing -------------------------------------------------------------

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if not regions and repaint:  # the whole canvas: every line drawn again from the state
            self._lines.clear()
            self._parts.clear()
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        self._styles = None
        self._lines.clear()
        self._parts.clear()
        super().notify_style_update()

    def _drawing_styles(self) -> tuple[ColumnStyles, palette.OnBase]:
        """The columns' styles and the canvas's own, computed once until the styles change:
        Textual finds them by walking the ancestors' backgrounds."""
        base = self._pass_base or self.rich_style
        if self._on_base is None or self._on_base.base != base:
            self._on_base = palette.OnBase(base)
            self._styles = None
        if self._styles is None:
            self._styles = ColumnStyles.of("network-canvas--", self.get_component_rich_style)
        return self._styles, self._on_base

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._drawn_for is not None and self.scrollable_content_region.size != self._drawn_for:
            # Another room than the columns were placed for, with no resize event (a sideways
            # scrollbar came or went): place them again once this frame is drawn.
            self.call_later(self._draw)
        # The canvas's style and width found once for the lines of this pass: Textual walks the
        # ancestors' backgrounds for the style, and any refresh forgets it.
        self._pass_base = self.rich_style
        self._pass_width = self.scrollable_content_region.width
        try:
            return super().render_lines(crop)
        finally:
            self._pass_base = None

    def render_line(self, y: int) -> Strip:
        width = self._pass_width if self._pass_base is not None else self.scrollable_content_region.width
        line = self._lines.get(y)
        if line is None:
            line = self._lines[y] = self._whole_line(y)
        scroll = int(self.scroll_offset.x)
        return line.crop_extend(scroll, scroll + width, self._pass_base or self.rich_style)

    def _whole_line(self, y: int) -> Strip:
        """Line ``y`` of the whole canvas, every column's part side by side."""
        styles, on_base = self._drawing_styles()
        segments: list[Segment] = [Segment(" " * self._left, on_base.base)] if self._left else []
        more_left, more_right = self._more
        if more_left:
            segments += self._marker(more_left, y, on_base)
        width = self._left + sum(cell_len(text) + 2 for text in self._more if text)
        for i, view in enumerate(self.columns):
            part = self._parts.get((i, y))
            if part is None:
                part = self._parts[(i, y)] = view.line(y, styles, on_base)[0]
            segments += part
            width += view.width  # every part is its column's width
        if more_right:
            segments += self._marker(more_right, y, on_base)
        room = self.virtual_size.width - width  # right of a network narrower than the canvas
        if room > 0:
            segments.append(Segment(" " * room, on_base.base))
            width += room
        # Neighbours in one style (across columns, a column's padding) as one segment; its width
        # given: Textual would measure every segment of the line again.
        return Strip(palette.joined(segments), width)

    def _marker(self, text: str, y: int, on_base: palette.OnBase) -> list[Segment]:
        """How many layers are left out on one side: on the first body line, a cell of room each side."""
        shown = f" {text} " if y == 1 else " " * (cell_len(text) + 2)
        return on_base.apply([Segment(shown, self._drawing_styles()[0].more)])[0]


def _total_width(plans: list[ColumnPlan], sizes: list[int], next_size: int | None) -> int:
    after = [*sizes[1:], next_size]
    return sum(column_width(p, n) for p, n in zip(plans, after))
