"""A message shown in place of an empty table, tree or chart: why it is empty and what to do.

An empty grid or a chart with bare axes looks like a fault, so the lists and charts of the
windows put an :class:`EmptyStateLabel` over their viewport and fill it while there is
nothing to show. The label covers the viewport with the view's base colour, so the headers
and scroll bars stay visible and stray rows or axes do not show through.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

# Grey enough to read as a notice rather than data, dark enough for WCAG AA on white.
MESSAGE_COLOUR = "#595959"


class EmptyStateLabel(QLabel):
    """A centred message over a scroll area's viewport, hidden while it has no text.

    The label follows the viewport's size through an event filter.
    """

    def __init__(self, view: QAbstractScrollArea) -> None:
        viewport = view.viewport()
        super().__init__(viewport)
        self.setObjectName("emptyState")
        self._viewport = viewport
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setContentsMargins(24, 24, 24, 24)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.headline = ""
        self.detail = ""
        viewport.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._viewport.rect())
        return False

    def show_message(self, headline: str, detail: str = "", caption: str = "") -> None:
        """Show ``headline`` in bold with ``detail`` under it, covering the viewport.

        ``caption`` goes above the headline, for what the covered view is (a chart's title).
        """
        self.headline, self.detail = headline, detail
        text = f"<p style='font-weight: bold;'>{html.escape(headline)}</p>"
        if caption:
            text = f"<p style='color: #202020;'>{html.escape(caption)}</p>" + text
        if detail:
            text += f"<p>{html.escape(detail)}</p>"
        self.setText(f"<div style='color: {MESSAGE_COLOUR};'>{text}</div>")
        self.setGeometry(self._viewport.rect())
        self.show()
        self.raise_()

    def clear_message(self) -> None:
        """Hide the message, so the view's own content shows."""
        self.headline, self.detail = "", ""
        self.clear()
        self.hide()

    @property
    def is_shown(self) -> bool:
        """Whether the message is up (in a window that is shown or not)."""
        return not self.isHidden()
