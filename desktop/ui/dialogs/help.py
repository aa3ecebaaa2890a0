"""The user manual inside the program (F1): `resources/manual/manual.<lang>.md` with its pictures.

One Markdown text per language, the same file that docs/ links to, so the manual read on the
screen and the one read in the repository cannot drift apart. It opens in a window of its own
beside the main one (the clerk reads and types at once), with its sections listed on the left;
F1 on a tab opens the section about that tab. Pictures are scaled down to the reading width,
never up.

Markdown has no anchors in Qt's reader, so a section is found by its place: the manual's
level-2 headings follow `SECTIONS`, in both languages (a test keeps them in step).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from ...paths import resource

# The manual's level-2 headings, in order, by the name F1 asks for.
SECTIONS = ("start", "incident", "claim", "registers", "overview", "reports", "backups", "exchange", "keys")
HEADING_LEVEL = 2


def manual_path(lang: str) -> Path:
    """The manual in `lang`, else the Russian one (clerks are Russian; English is second)."""
    for candidate in (lang, "ru", "en"):
        path = resource("manual", f"manual.{candidate}.md")
        if path.is_file():
            return path
    return resource("manual", f"manual.{lang}.md")  # missing: the window says so


class ManualBrowser(QTextBrowser):
    """Gives each picture at its own size, or smoothly scaled down to the reading width when that
    is narrower (the text would scale it roughly, and a screenshot's letters would break). After
    a resize that changes the width the manual is read again with the pictures for the new width
    (`refitted`): editing the laid-out text's picture sizes instead broke Qt's layout of it."""

    refitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(50)
        self._fit_timer.timeout.connect(self.fit_images)
        self._originals: dict[str, QPixmap | None] = {}  # each picture as read from its file
        self._room = 0  # the widest picture shown, in pixels (0: each at its own size)

    def show_markdown(self, path: Path) -> None:
        self._originals.clear()
        self._room = self.reading_width()
        self.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)

    def reading_width(self) -> int:
        return max(self.viewport().width() - 2 * int(self.document().documentMargin()) - 8, 100)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_timer.start()

    def fit_images(self) -> bool:
        """Read the manual again if the reading width changed for any picture; True if it did."""
        room = self.reading_width()
        widest = max((p.width() for p in self._originals.values() if p is not None), default=0)
        if min(room, widest) == min(self._room, widest) or self.source().isEmpty():
            self._room = room
            return False
        self._room = room
        top = self.cursorForPosition(QPoint(0, 0)).blockNumber()
        self.reload()
        block = self.document().findBlockByNumber(top)
        self.verticalScrollBar().setValue(int(self.document().documentLayout().blockBoundingRect(block).top()))
        self.refitted.emit()
        return True

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 - Qt's name
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return super().loadResource(kind, url)
        address = QUrl(url) if isinstance(url, str) else url
        key = address.toString()
        if key not in self._originals:
            picture = super().loadResource(kind, address)
            if isinstance(picture, QImage):
                picture = QPixmap.fromImage(picture)
            elif isinstance(picture, (bytes, QByteArray)):
                loaded = QPixmap()
                picture = loaded if loaded.loadFromData(bytes(picture)) else None
            self._originals[key] = picture if isinstance(picture, QPixmap) and not picture.isNull() else None
        original = self._originals[key]
        if original is None or not self._room or original.width() <= self._room:
            return original
        ratio = self.devicePixelRatioF()
        scaled = original.scaledToWidth(round(self._room * ratio), Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        return scaled

    def missing_images(self) -> list[str]:
        """The pictures the text names that did not load (a broken picture in the manual)."""
        return [name for name in self.image_names() if self.picture(name) is None]

    def picture(self, name: str) -> QPixmap | None:
        """A picture as shown (scaled to the reading width), by its name in the text."""
        found = self.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        if isinstance(found, QImage):
            found = QPixmap.fromImage(found)
        return found if isinstance(found, QPixmap) and not found.isNull() else None

    def image_names(self) -> list[str]:
        names = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat():
                    names.append(fmt.toImageFormat().name())
                it += 1
            block = block.next()
        return names


class HelpWindow(QWidget):
    """The manual in a window of its own; `show_section(name)` opens it at a section of SECTIONS."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Incident Log: user manual"))
        self.contents = QListWidget(self)
        self.contents.setMinimumWidth(180)
        self.browser = ManualBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.contents.currentRowChanged.connect(self._go_to_row)
        # The section asked for stays on top while the pictures are fitted (the text moves under
        # it), until the clerk scrolls.
        self._section_block: int | None = None
        self.browser.refitted.connect(self._keep_section)
        self.browser.verticalScrollBar().actionTriggered.connect(self._reader_scrolled)
        self.browser.verticalScrollBar().rangeChanged.connect(self._keep_section)  # the text laid out further
        self.contents.itemActivated.connect(lambda _item: self.browser.setFocus())
        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 770])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(1000, 680)
        self.path = manual_path(lang)
        self.load()

    def load(self) -> None:
        if not self.path.is_file():
            self.browser.setPlainText(self.tr("The manual is missing from this installation: {0}").format(self.path))
            return
        self.browser.show_markdown(self.path)
        self.contents.blockSignals(True)
        self.contents.clear()
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == HEADING_LEVEL:
                item = QListWidgetItem(block.text(), self.contents)
                item.setData(Qt.ItemDataRole.UserRole, block.blockNumber())
            block = block.next()
        self.contents.blockSignals(False)

    def headings(self) -> list[str]:
        return [self.contents.item(n).text() for n in range(self.contents.count())]

    def _go_to_row(self, row: int) -> None:
        item = self.contents.item(row)
        if item is not None:
            self._section_block = int(item.data(Qt.ItemDataRole.UserRole))
            self._keep_section()

    def _keep_section(self) -> None:
        if self._section_block is None:
            return
        block = self.browser.document().findBlockByNumber(self._section_block)
        self.browser.setTextCursor(QTextCursor(block))
        top = self.browser.document().documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))

    def _reader_scrolled(self, _action: int) -> None:
        self._section_block = None

    def show_section(self, name: str | None) -> None:
        """Show the window at the section `name` (one of SECTIONS); None: where it was."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.browser.fit_images()  # pictures for the width shown, before a section's place is measured
        if name in SECTIONS and SECTIONS.index(name) < self.contents.count():
            row = SECTIONS.index(name)
            self.contents.blockSignals(True)
            self.contents.setCurrentRow(row)
            self.contents.blockSignals(False)
            self._go_to_row(row)
