"""Whatever is typed or pasted into a register's search field searches, and a cut text is said."""

from __future__ import annotations

from desktop.ui.main_window import CLAIMS_TAB


def test_odd_and_huge_search_text_filters_and_says_it_was_cut(window, qtbot):
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    bar = window.claims.filter_bar
    with qtbot.waitSignal(bar.filtersChanged, timeout=2000):
        bar.search.setText('a_b "NEAR( -x ^y: %_')
        bar.flush()
    assert window.claim_model.rowCount() == 0
    assert "only the first" not in window.count_label.text()
    with qtbot.waitSignal(bar.filtersChanged, timeout=2000):
        bar.search.setText("Смирнова " * 8000)  # a pasted page: 72,000 characters
        bar.flush()
    qtbot.waitUntil(lambda: window.claim_model.rowCount() > 0)
    assert "only the first 200 characters and 12 words" in window.count_label.text()
