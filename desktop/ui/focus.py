"""Where the keyboard goes when a window opened from another one closes.

A window manager gives the keyboard back to the window under a closed dialog, but not always: two
dialogs closed in one step (a person's card, then the picker it was opened from) left openbox with
no active window, and keys went nowhere until a click. So each window that opens another takes
the keyboard back itself once the other has closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def return_keyboard(window: QWidget, field: QWidget | None = None) -> None:
    """Activate WINDOW and put the focus on FIELD (or on the field WINDOW last had focused) once the
    windows closing now are gone: on the next turn of the event loop, so that whatever the closing
    dialog's signals focused counts. Nothing happens if WINDOW is gone or hidden by then, or another
    modal window is open over it."""

    def give() -> None:
        if not window.isVisible():
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not window:
            return  # a question or an editor opened meanwhile keeps the keyboard
        if QApplication.activeWindow() is not window:
            window.raise_()
            window.activateWindow()
        target = field if field is not None and field.isVisible() and field.isEnabled() else window.focusWidget()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    QTimer.singleShot(0, window, give)
