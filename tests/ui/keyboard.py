"""A clerk's hands on the keyboard: every key goes where the focus is, as on a real desk.

`type_into` in `forms_fixtures` types into a widget named by the test; a clerk cannot do that. A
`Clerk` sends each key to the widget that has the focus now (or to an open pop-up, which takes
the keyboard on a real screen), so a letter typed while a window is opening lands wherever it
would land for the clerk. Keys other than the text itself (Tab, Enter, Ins, Ctrl+Enter...) are
counted: `clerk.keys` is the figure the issue asks for.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

KEY_NAMES = {
    Qt.Key.Key_Tab: "Tab", Qt.Key.Key_Backtab: "Shift+Tab", Qt.Key.Key_Return: "Enter", Qt.Key.Key_Enter: "Enter",
    Qt.Key.Key_Insert: "Ins", Qt.Key.Key_Escape: "Esc", Qt.Key.Key_F2: "F2", Qt.Key.Key_F4: "F4",
    Qt.Key.Key_Down: "↓", Qt.Key.Key_Up: "↑", Qt.Key.Key_Space: "Space", Qt.Key.Key_Delete: "Del",
}


class Clerk:
    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.keys: list[str] = []  # every key beyond the typed text, in order
        self.typed = 0  # characters of text

    @staticmethod
    def target() -> QWidget:
        widget = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        """Type text where the focus is. QTest types only ASCII (it asserts on Cyrillic), so other
        letters go as a Russian layout sends them: no key code, the letter as the event's text."""
        for ch in text:
            widget = self.target()
            self.typed += 1
            if ch.isascii():
                self.qtbot.keyClicks(widget, ch)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One key (or chord) beyond the text, counted."""
        name = KEY_NAMES.get(key) or QKeySequence(key).toString()
        if modifiers & Qt.KeyboardModifier.ShiftModifier and not name.startswith("Shift+"):
            name = "Shift+" + name
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            name = "Ctrl+" + name
        if modifiers & Qt.KeyboardModifier.AltModifier:
            name = "Alt+" + name
        self.keys.append(name)
        self.qtbot.keyClick(self.target(), key, modifiers)

    def tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.press(Qt.Key.Key_Tab)
