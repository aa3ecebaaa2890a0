"""The clerk's main window: overview; registers of incidents, claims, damaged vehicles and people;
menus for everything else.

The window holds one `LogStore` (the window's thread); long work runs in `Job`s with stores of their
own. Record forms belong to their own modules and are imported when first opened, so the window
starts even where a form is missing. Every write ends in `refresh()`, which resets the registers
(two COUNTs and a page each) and the overview.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from .. import __version__
from ..domain.districts import office_districts
from ..domain.views import Filters, RegisterView
from ..paths import resource
from ..storage import (
    SEARCH_LIMIT,
    SEARCH_TEXT_CHARS,
    SEARCH_WORDS,
    DatabaseUnavailable,
    Location,
    LogStore,
    RecordInUse,
    search_text_cut,
)
from ..storage.errors import DatabaseBug
from . import i18n
from .dialogs.progress import Cancelled, Job, JobContext, error_text, jobs_running, run_job
from .labels import number_text
from .models.registers import ClaimRegisterModel, IncidentRegisterModel, PersonRegisterModel, VehicleRegisterModel
from .widgets.filter_bar import FilterBar
from .widgets.overview import CLAIMS, INCIDENTS, VEHICLES, OverviewPanel
from .widgets.register_page import RegisterPage

if TYPE_CHECKING:  # loaded when first used, not at start (QtPdf, the settings form)
    from .dialogs.help import HelpWindow
    from .dialogs.report_preview import ReportRequest
    from .dialogs.settings import SettingsDialog

log = logging.getLogger("incident_log.ui")

OVERVIEW_TAB, INCIDENTS_TAB, CLAIMS_TAB, VEHICLES_TAB, PEOPLE_TAB = 0, 1, 2, 3, 4
OTHERS_CHECK_MS = 1000  # how often the window looks for saves made by another window or clerk
BACKUP_CHECK_MS = 60 * 60 * 1000  # whether the day's automatic backup is due, hourly (a window left open for days)
FIRST_BACKUP_CHECK_MS = 1500  # after a start: its check (~20 ms of imports and file reads) off the start's path
DESKTOP_FILE_NAME = "incident-log"  # resources/packaging/incident-log.desktop, without .desktop
# The manual's section F1 opens (SECTIONS in desktop/ui/dialogs/help.py): the one about the form or
# dialog in front (a form is a window of its own), else about the tab on screen.
MANUAL_BY_TAB = {OVERVIEW_TAB: "overview", INCIDENTS_TAB: "incident", CLAIMS_TAB: "claim",
                 VEHICLES_TAB: "registers", PEOPLE_TAB: "registers"}
MANUAL_BY_WINDOW = {"IncidentDialog": "incident", "ClaimDialog": "claim", "DecisionDialog": "claim",
                    "PaymentDialog": "claim", "SettingsDialog": "start", "FirstStartDialog": "start",
                    "ReportPreviewDialog": "reports"}


class MainWindow(QMainWindow):
    """Asks the application (see `desktop.app`) to switch language or database by signals."""

    languageChangeRequested = Signal(str)  # "ru", "en" or "" (the system's)
    databaseChangeRequested = Signal(object)  # Path
    databaseTrouble = Signal(object)  # DatabaseUnavailable: the automatic backup found the database unfit

    def __init__(self, store: LogStore, parent: QWidget | None = None, today: date | None = None,
                 remember_state: bool = True, auto_backup: bool = False) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.remember_state = remember_state  # False: neither read nor write the saved geometry (selftest)
        self.last_job: Job | None = None  # the latest background work (tests wait on it)
        self.last_dialog: QDialog | None = None  # the latest form or dialog opened without blocking
        # The application's window backs up by itself (daily, and on closing); tests and the selftest do not.
        self.auto_backup = auto_backup
        self.backup_job: Job | None = None  # the latest automatic backup
        self._closing_backup_done = False
        self._close_when_backed_up = False
        self._retired = False  # replaced by its controller: no more automatic backups
        self._open_forms: dict[str, QDialog] = {}  # stored records open in a form, by id
        self.help_window: HelpWindow | None = None  # the manual, made when it is first asked for
        self.setWindowTitle(self.tr("Incident Log"))
        self.setWindowIcon(application_icon())

        self.incident_model = IncidentRegisterModel(store, self)
        self.claim_model = ClaimRegisterModel(store, self, today=today)
        # Read when their tab is first shown: two more counts at start would be paid by every start.
        self.vehicle_model = VehicleRegisterModel(store, self, deferred=True)
        self.person_model = PersonRegisterModel(store, self, deferred=True)
        self.overview = OverviewPanel(store, self, today=today)
        # Each register's filter bar and table are built when its tab is first shown (RegisterPage).
        columns = remember_state
        self.incidents = RegisterPage(self.incident_model, FilterBar.INCIDENTS, self, self._today,
                                      "main/incident_columns" if columns else "")
        self.claims = RegisterPage(self.claim_model, FilterBar.CLAIMS, self, self._today,
                                   "main/claim_columns" if columns else "")
        self.vehicles = RegisterPage(self.vehicle_model, FilterBar.VEHICLES, self, self._today,
                                     "main/vehicle_columns" if columns else "")
        self.people = RegisterPage(self.person_model, FilterBar.PEOPLE, self, self._today,
                                   "main/people_columns" if columns else "")
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self.incidents, self.tr("&Incidents"))
        self.tabs.addTab(self.claims, self.tr("&Claims"))
        self.tabs.addTab(self.vehicles, self.tr("&Vehicles"))
        self.tabs.addTab(self.people, self.tr("P&eople"))
        self.setCentralWidget(self.tabs)

        self._create_actions()
        self._create_menus()
        self._create_buttons()
        self.count_label = QLabel(self)
        self.database_label = QLabel(self)
        self.database_label.setEnabled(False)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.database_label)

        self.overview.openRegister.connect(self.open_register)
        self.overview.figuresRead.connect(self._update_status)  # the overview's status line has its counts
        self.incidents.openRequested.connect(self.open_incident)
        self.claims.openRequested.connect(self.open_claim)
        self.vehicles.openRequested.connect(self.open_vehicle)
        self.people.openRequested.connect(self.open_person)
        for page in self.registers():
            page.countChanged.connect(self._update_status)
            page.selectionChanged.connect(self._update_actions)
        self.tabs.currentChanged.connect(self._tab_changed)
        for page in (self.incidents, self.claims):
            page.add_view_action(self.delete_action)

        self._load_districts()
        self._restore_state()
        self._update_status()
        self._update_actions()
        # Saves by another window or clerk: noticed within seconds, and when the window is activated.
        self._data_version = self._safe_data_version()
        self._others_timer = QTimer(self)
        self._others_timer.setInterval(OTHERS_CHECK_MS)
        self._others_timer.timeout.connect(self.check_others_changes)
        self._others_timer.start()
        if auto_backup:
            self._backup_timer = QTimer(self)
            self._backup_timer.setInterval(BACKUP_CHECK_MS)
            self._backup_timer.timeout.connect(self.backup_if_due)
            self._backup_timer.start()
            QTimer.singleShot(FIRST_BACKUP_CHECK_MS, self, self.backup_if_due)  # the window up and painted first

    # ---- building ----------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work on every tab, menus or not
        return action

    def _create_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.import_action = self._action(self.tr("&Import…"), self.import_data, "Ctrl+I",
                                          self.tr("Import an interchange file (JSON or ZIP)"))
        self.export_action = self._action(self.tr("&Export…"), self.export_data, "Ctrl+E",
                                          self.tr("Export to JSON, ZIP or an Excel workbook"))
        self.backup_action = self._action(self.tr("&Backup…"), self.backup, None,
                                          self.tr("Write a consistent copy of the database"))
        self.open_database_action = self._action(self.tr("&Open database…"), self.open_database, keys.Open)
        self.connect_server_action = self._action(
            self.tr("Connect to a &server…"), self.connect_to_server, None,
            self.tr("Work on a log shared by the office's clerks on a PostgreSQL server"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, keys.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.new_incident_action = self._action(self.tr("New &incident…"), lambda: self.open_incident(None), keys.New)
        self.new_claim_action = self._action(self.tr("New &claim…"), self.new_claim, "Ctrl+Shift+N")
        self.open_action = self._action(self.tr("&Open selected"), self.open_current, None)
        self.history_action = self._action(self.tr("&History…"), self.show_history, "Ctrl+H",
                                           self.tr("Every change of the selected record"))
        self.delete_action = self._action(self.tr("&Delete…"), self.delete_current, keys.Delete)
        # Delete acts in a register only; in a text field the key deletes text.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh, keys.Refresh)
        self.find_action = self._action(self.tr("&Find"), self.focus_search, keys.Find)

        self.incident_report_action = self._action(self.tr("&Incident summary…"), self.report_incident)
        self.claim_sheet_action = self._action(self.tr("&Claim sheet…"), self.report_claim)
        self.print_register_action = self._action(
            self.tr("&Print the register on screen"), self.print_register, "Ctrl+P",
            self.tr("The incidents or claims register as it shows: what its filter selects, in its order"))
        self.register_report_action = self._action(
            self.tr("Claims &register"), self.report_register, None,
            self.tr("The claims the claims register's filter selects, in its order"))
        self.incidents_register_action = self._action(
            self.tr("I&ncidents register"), self.report_incidents_register, None,
            self.tr("The incidents the incidents register's filter selects, in its order"))
        self.summary_report_action = self._action(self.tr("&Summary by district and status"), self.report_summary)
        self.request_documents_action = self._action(self.tr("&Request for documents…"), self.report_request_documents)

        self.settings_action = self._action(self.tr("&Settings…"), self.edit_settings, "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.columns_action = self._action(self.tr("Register &columns…"), self.choose_columns, None,
                                           self.tr("Show or hide the columns of the register on screen"))
        self.about_action = self._action(self.tr("&About Incident Log"), self.about)
        self.manual_action = self._action(self.tr("&User manual"), self.show_manual, keys.HelpContents,
                                          self.tr("How to enter an incident, a claim's path, reports, backups"))
        # F1 in a record form too: forms are windows of their own.
        self.manual_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        for n, tab in enumerate((OVERVIEW_TAB, INCIDENTS_TAB, CLAIMS_TAB, VEHICLES_TAB, PEOPLE_TAB), start=1):
            self._action(f"tab {n}", lambda tab=tab: self.show_tab(tab), f"Ctrl+{n}")

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addActions([self.import_action, self.export_action, self.backup_action])
        file.addSeparator()
        file.addAction(self.open_database_action)
        file.addAction(self.connect_server_action)
        file.addSeparator()
        file.addAction(self.quit_action)
        records = bar.addMenu(self.tr("&Records"))
        records.addActions([self.new_incident_action, self.new_claim_action])
        records.addSeparator()
        records.addActions([self.open_action, self.history_action, self.delete_action])
        records.addSeparator()
        records.addActions([self.find_action, self.refresh_action])
        reports = bar.addMenu(self.tr("Re&ports"))
        reports.addActions([self.incident_report_action, self.claim_sheet_action, self.request_documents_action])
        reports.addSeparator()
        reports.addActions([self.print_register_action, self.register_report_action, self.incidents_register_action,
                            self.summary_report_action])
        from .claim_actions import ClaimActions  # the legal path's papers: act, notice, payment register, deadlines

        self.claim_actions = ClaimActions(self)
        self.claim_actions.add_to(reports, records)
        settings = bar.addMenu(self.tr("&Settings"))
        settings.addAction(self.settings_action)
        settings.addAction(self.columns_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.manual_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _create_buttons(self) -> None:
        page = self.incidents
        page.add_button(self.tr("New incident"), lambda: self.open_incident(None), self._keys(self.new_incident_action))
        self.open_incident_button = page.add_button(self.tr("Open"), self.open_current, self.tr("Enter or double-click"))
        self.claim_for_incident_button = page.add_button(self.tr("New claim for this incident"), self.new_claim)
        self.incident_summary_button = page.add_button(self.tr("Incident summary"), self.report_incident)
        self.delete_incident_button = page.add_button(self.tr("Delete"), self.delete_current)
        page.add_button(self.tr("Print summary"), self.report_summary,
                        self.tr("Summary by district and status for the period and district chosen above"),
                        stretch_before=True)
        page.add_button(self.tr("Print register"), self.report_incidents_register,
                        self.tr("The incidents register of what the filter shows, in its order (Ctrl+P)"))
        page = self.claims
        page.add_button(self.tr("New claim"), self.new_claim, self._keys(self.new_claim_action))
        self.open_claim_button = page.add_button(self.tr("Open"), self.open_current, self.tr("Enter or double-click"))
        self.claim_sheet_button = page.add_button(self.tr("Claim sheet"), self.report_claim)
        self.request_button = page.add_button(self.tr("Request documents"), self.report_request_documents)
        self.delete_claim_button = page.add_button(self.tr("Delete"), self.delete_current)
        page.add_button(self.tr("Print register"), self.report_register,
                        self.tr("The claims register of what the filter shows, in its order (Ctrl+P)"),
                        stretch_before=True)
        page = self.vehicles
        self.open_vehicle_button = page.add_button(self.tr("Open incident"), self.open_current,
                                                   self.tr("The incident of this vehicle (Enter or double-click)"))
        self.vehicle_claims_button = page.add_button(self.tr("Claims for this vehicle"), self.claims_of_vehicle)
        page = self.people
        self.open_person_button = page.add_button(self.tr("Open"), self.open_current, self.tr("Enter or double-click"))
        self.person_vehicles_button = page.add_button(self.tr("Their vehicles"), self.vehicles_of_person)
        self.person_claims_button = page.add_button(self.tr("Their claims"), self.claims_of_person)
        for page in (self.vehicles, self.people):
            page.add_stretch()

    @staticmethod
    def _keys(action: QAction) -> str:
        return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    # ---- state -------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        if not self.remember_state:
            self.resize(1280, 720)
            return
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        else:
            self.resize(1280, 720)
        state = settings.value("main/state")
        if state is not None:
            self.restoreState(state)  # type: ignore[arg-type]
        tab = settings.value("main/tab", OVERVIEW_TAB)
        self.tabs.setCurrentIndex(int(tab) if str(tab).isdigit() else OVERVIEW_TAB)  # type: ignore[arg-type]

    def save_state(self) -> None:
        if not self.remember_state:
            return
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.setValue("main/tab", self.tabs.currentIndex())
        for page in self.registers():
            page.save_columns()  # a register never shown keeps the columns it had

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        backing_up = self.backup_job is not None and self.backup_job.is_running()
        if backing_up and not self._close_when_backed_up:
            # The day's backup is the clerk's safety net: finish it, then close by itself.
            self._close_when_backed_up = True
            self.backup_job.ended.connect(self._close_after_backup)  # type: ignore[union-attr]
            self.statusBar().showMessage(self.tr("The window closes when the automatic backup has finished…"))
        if backing_up:
            event.ignore()
            return
        if jobs_running():
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("Work is still running in the background. Close the window when it "
                                            "has finished."))
            event.ignore()
            return
        if self.auto_backup and not self._closing_backup_done and self._changed_since_automatic_backup():
            self.automatic_backup(on_closing=True)  # the window closes once it has ended
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

    def _safe_data_version(self) -> int | None:
        try:
            return self.store.data_version()
        except (DatabaseUnavailable, DatabaseBug):
            # A log gone bad shows itself on the next real read, with its message; a log already
            # closed under a window being retired (sqlite3.ProgrammingError) is no one's change.
            return None

    def check_others_changes(self) -> bool:
        """Re-read the registers if another connection wrote since the last look (selection kept)."""
        version = self._safe_data_version()
        if version is None or version == self._data_version:
            return False
        self._data_version = version
        self.refresh()
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_others_changes()
        super().changeEvent(event)

    def current_page(self) -> RegisterPage | None:
        """The incidents or claims register on screen (what reports, export and Delete act on)."""
        index = self.tabs.currentIndex()
        return self.incidents if index == INCIDENTS_TAB else self.claims if index == CLAIMS_TAB else None

    def registers(self) -> tuple[RegisterPage, ...]:
        return (self.incidents, self.claims, self.vehicles, self.people)

    def current_register(self) -> RegisterPage | None:
        """Any register on screen."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RegisterPage) else None

    def _today(self) -> date:
        return self.today or date.today()

    def _tab_changed(self, _index: int) -> None:
        page = self.current_register()
        if page is not None and page.model.stale:  # first shown, or written to while hidden
            page.refresh()
        self._update_status()
        self._update_actions()

    def _update_status(self, *_args: object) -> None:
        page = self.current_register()
        if page is self.incidents:
            n = self.incident_model.total()
            text = (self.tr("%Ln incident(s) match the filter", "", n) if self._filtered(self.incidents)
                    else self.tr("%Ln incident(s)", "", n))
            text += self._search_cut_note(page, "incident")
        elif page is self.claims:
            n = self.claim_model.total()
            text = (self.tr("%Ln claim(s) match the filter", "", n) if self._filtered(self.claims)
                    else self.tr("%Ln claim(s)", "", n))
            text += self._search_cut_note(page, "claim")
        elif page is self.vehicles:
            n = self.vehicle_model.total()
            text = (self.tr("%Ln vehicle(s) match the filter", "", n) if self._filtered(self.vehicles)
                    else self.tr("%Ln vehicle(s)", "", n))
            text += self._search_cut_note(page, "vehicle")
        elif page is self.people:
            n = self.person_model.total()
            text = (self.tr("%Ln person(s) or organisation(s) match the search", "", n) if self._filtered(self.people)
                    else self.tr("%Ln person(s) and organisation(s)", "", n))
        else:
            figures = self.overview.figures
            text = (self.tr("%Ln incident(s)", "", figures.incidents) + ", " + self.tr("%Ln claim(s)", "", self.claim_model.total())
                    if figures and not self._filtered(self.claims) else "")
        self.count_label.setText(text)
        self.database_label.setText(self.store.location.shown())

    def _search_cut_note(self, page: RegisterPage, kind: str) -> str:
        """Say so when the search text was too long to use whole, or a very common search word was
        cut to the latest SEARCH_LIMIT matches."""
        text = page.filters().text
        if not text:
            return ""
        note = ""
        if search_text_cut(text):
            note = self.tr(" (only the first {0} characters and {1} words of the search are used)").format(
                SEARCH_TEXT_CHARS, SEARCH_WORDS)
        if self.store.search_is_cut(kind, text):
            note += self.tr(" (a very common search: the latest {0} matches are shown; add a word or a filter)").format(
                QLocale().toString(SEARCH_LIMIT))
        return note

    @staticmethod
    def _filtered(page: RegisterPage) -> bool:
        return page.filters() != Filters()

    def choose_columns(self) -> None:
        """The register's column menu (a right click on its column titles), from the keyboard."""
        page = self.current_register()
        if page is not None:
            page.view.show_column_menu()

    def _update_actions(self, *_args: object) -> None:
        # A register not yet shown has nothing selected (RegisterPage.selected_id).
        incident = self.incidents.selected_id() is not None
        claim = self.claims.selected_id() is not None
        page = self.current_page()
        selected = (page is self.incidents and incident) or (page is self.claims and claim)
        for action in (self.open_action, self.history_action, self.delete_action):
            action.setEnabled(bool(selected))
        vehicle = self.vehicles.selected_id() is not None
        person = self.people.selected_id() is not None
        register = self.current_register()
        self.columns_action.setEnabled(register is not None)
        if register is self.vehicles or register is self.people:
            self.open_action.setEnabled(vehicle if register is self.vehicles else person)
        for button, enabled in ((self.open_incident_button, incident), (self.claim_for_incident_button, incident),
                                (self.incident_summary_button, incident), (self.delete_incident_button, incident),
                                (self.open_claim_button, claim), (self.claim_sheet_button, claim),
                                (self.request_button, claim), (self.delete_claim_button, claim),
                                (self.open_vehicle_button, vehicle), (self.vehicle_claims_button, vehicle),
                                (self.open_person_button, person), (self.person_vehicles_button, person),
                                (self.person_claims_button, person)):
            button.setEnabled(enabled)

    def _load_districts(self) -> None:
        """The filter bars' lists: the office's districts (and others in use), its executors (and
        others named on claims: an imported log's, or a clerk since taken off the list)."""
        settings = self.store.settings()
        office = office_districts(settings.districts)
        others = [d for d in self.store.districts_in_use() if d not in office]
        names = office + sorted(others)
        for page in (self.incidents, self.claims, self.vehicles):
            page.set_lists(districts=names)
        executors = list(settings.executors)
        self.claims.set_lists(executors=executors + [e for e in self.store.executors_in_use() if e not in executors])

    def refresh(self, select: str | None = None) -> None:
        """Re-read everything shown (after a write here, an import, or another clerk's work); the
        vehicles and people registers when next looked at, if they are not on screen. `select`: a
        record just saved here, selected in its register wherever it now is."""
        for page in (self.incidents, self.claims):
            page.refresh(select)
        for page in (self.vehicles, self.people):
            if page is self.current_register():
                page.refresh()
            else:
                page.model.stale = True
        self.overview.refresh()
        self._load_districts()
        self._update_status()

    # ---- navigation --------------------------------------------------------------------------
    def show_tab(self, tab: int) -> None:
        """Ctrl+1…5: the tab, and on a register the keyboard in its search, whatever had it before."""
        self.tabs.setCurrentIndex(tab)
        page = self.current_register()
        if page is not None:
            page.filter_bar.focus_search()

    def open_register(self, register: str, filters: Filters) -> None:
        """Show a register with `filters` (the overview's figures)."""
        page = {INCIDENTS: self.incidents, CLAIMS: self.claims, VEHICLES: self.vehicles}[register]
        self.tabs.setCurrentWidget(page)
        page.show_filters(filters)
        page.view.setFocus()

    def focus_search(self) -> None:
        page = self.current_register()
        if page is None:
            self.tabs.setCurrentWidget(self.incidents)
            page = self.incidents
        page.filter_bar.focus_search()

    # ---- records -----------------------------------------------------------------------------
    def _selected_incident_id(self) -> str | None:
        return self.incidents.current_id()

    def open_current(self) -> None:
        page = self.current_register()
        record_id = page.current_id() if page is not None else None
        if record_id is None:
            return
        opener = {id(self.incidents): self.open_incident, id(self.claims): self.open_claim,
                  id(self.vehicles): self.open_vehicle, id(self.people): self.open_person}[id(page)]
        opener(record_id)

    def _vehicle_row(self, vehicle_id: str) -> Any:
        """The vehicles register's row of a vehicle: the selected one, else looked up in the register."""
        row = self._current_row(self.vehicles)
        if row is None or row.id != vehicle_id:
            found = self.vehicle_model.find_row(vehicle_id, self.vehicles.view.currentIndex().row())
            row = self.vehicle_model.row_at(found) if found >= 0 else None
        return row

    def open_vehicle(self, vehicle_id: str) -> None:
        """A vehicle opens in its incident, where its row is."""
        row = self._vehicle_row(vehicle_id)
        if row is None:
            self.refresh()
            return
        self.open_incident(row.incident_id)

    def claims_of_vehicle(self) -> None:
        """The claims register searched for the selected vehicle's plate (else its VIN)."""
        row = self._current_row(self.vehicles)
        if row is not None:
            self.open_register(CLAIMS, Filters(text=row.plate or row.vin or row.incident_reference))

    def open_person(self, person_id: str) -> None:
        """The person's form; what is changed there is saved when it is closed with OK."""
        from ..storage import DatabaseUnavailable
        from ..storage.errors import Conflict
        from .dialogs.person_picker import PeopleBook, PersonDialog

        person = self.store.get_person(person_id)
        if person is None:
            self.refresh()
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("This record no longer exists; the register is refreshed."))
            return
        dialog = PersonDialog(PeopleBook(self.store), person, self)

        def save() -> None:
            changed = dialog.result_person
            if changed is None or dialog.used_existing or changed == person:
                return
            try:
                self.store.save_person(changed)
            except (Conflict, DatabaseUnavailable) as e:
                self._show_error(self.tr("Not saved"), e)
                return
            self.refresh()

        dialog.accepted.connect(save)
        self._open_form(dialog)

    def _person_name(self) -> str | None:
        row = self._current_row(self.people)
        return row.full_name if row is not None else None

    def vehicles_of_person(self) -> None:
        name = self._person_name()
        if name:
            self.open_register(VEHICLES, Filters(text=name))

    def claims_of_person(self) -> None:
        name = self._person_name()
        if name:
            self.open_register(CLAIMS, Filters(text=name))

    def open_incident(self, incident_id: str | None) -> None:
        try:
            from .dialogs.incident_form import IncidentDialog
        except ImportError:
            self._form_missing()
            return
        if not self._raise_open_form(incident_id):
            self._open_record(lambda: IncidentDialog(self.store, incident_id, self))

    def open_claim(self, claim_id: str | None, incident_id: str | None = None) -> None:
        try:
            from .dialogs.claim_form import ClaimDialog
        except ImportError:
            self._form_missing()
            return
        if not self._raise_open_form(claim_id):
            self._open_record(lambda: ClaimDialog(self.store, claim_id, incident_id=incident_id, parent=self))

    def _open_record(self, make_form: Callable[[], QDialog]) -> None:
        # The register may be older than the database: another clerk can have deleted the row
        # since it was read, and the form then finds no record (LookupError).
        try:
            dialog = make_form()
        except LookupError:
            self.refresh()
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("This record no longer exists; the register is refreshed."))
            return
        self._open_form(dialog)

    def new_claim(self) -> None:
        incident_id = self._selected_incident_id() if self.current_page() is self.incidents else None
        self.open_claim(None, incident_id)

    def show_history(self) -> None:
        page = self.current_page()
        record_id = page.current_id() if page is not None else None
        if record_id is None:
            return
        try:
            from .dialogs.history import HistoryDialog
        except ImportError:
            self._form_missing()
            return
        self._open_form(HistoryDialog(self.store, record_id, self))

    def _raise_open_form(self, record_id: str | None) -> bool:
        """A stored record already open in a form: bring that form forward instead of a second one."""
        form = self._open_forms.get(record_id) if record_id else None
        if form is None:
            return False
        form.showNormal()
        form.raise_()
        form.activateWindow()
        self.last_dialog = form
        return True

    def _open_form(self, dialog: QDialog) -> None:
        # Non-modal: the registers, searches and other forms stay usable while a record is open,
        # and several records can be open at once (each stored record in one form only).
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        for name in ("saved", "claim_saved"):  # the incident form also saves claims opened from it
            signal = getattr(dialog, name, None)
            if signal is not None:
                signal.connect(self._record_saved)
        original = getattr(dialog, "original", None)
        if original is not None:
            record_id = original.id
            self._open_forms[record_id] = dialog
            dialog.destroyed.connect(lambda *_a, rid=record_id: self._open_forms.pop(rid, None))
        self.last_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _form_missing(self) -> None:
        QMessageBox.information(self, self.windowTitle(), self.tr("This form is not available in this build."))

    def _record_saved(self, record_id: str) -> None:
        self.refresh(select=record_id)  # a new record too: the clerk sees where it went

    def delete_current(self) -> None:
        page = self.current_page()
        if page is None:
            return
        row = page.view.currentIndex().row()
        record = page.model.row_at(row) if row >= 0 else None
        if record is None:
            return
        # Refused before the yes/no question, not after «Да» (the store still refuses either way).
        from ..domain.transitions import is_locked

        refusal = None
        if page is self.incidents and record.claims:  # type: ignore[attr-defined]
            refusal = self.tr("Incident {0} has claims. Delete or move its claims first.").format(number_text(record.reference))  # type: ignore[attr-defined]
        elif page is not self.incidents and is_locked(record.status):  # type: ignore[attr-defined]
            refusal = self.tr("Claim {0} is decided or paid and is not deleted. To correct it, open it and use "
                              "«Reverse the payment» or «Reopen the decision».").format(number_text(record.number))  # type: ignore[attr-defined]
        if refusal:
            QMessageBox.warning(self, self.tr("Delete"), refusal)
            return
        if page is self.incidents:
            question = self.tr("Delete incident {0}? Its vehicles and property go with it. The audit trail keeps "
                               "a copy.").format(number_text(record.reference))  # type: ignore[attr-defined]
        else:
            question = self.tr("Delete claim {0}? The audit trail keeps a copy.").format(number_text(record.number))  # type: ignore[attr-defined]
        answer = QMessageBox.question(self, self.tr("Delete"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            if page is self.incidents:
                self.store.delete_incident(record.id)  # type: ignore[attr-defined]
            else:
                self.store.delete_claim(record.id)  # type: ignore[attr-defined]
        except RecordInUse:
            QMessageBox.warning(self, self.tr("Delete"),
                                self.tr("Incident {0} has claims. Delete or move its claims first.")
                                .format(number_text(record.reference)))  # type: ignore[attr-defined]
            return
        self.refresh()

    # ---- reports -----------------------------------------------------------------------------
    def _current_row(self, page: RegisterPage) -> Any:
        if not page.is_built:  # not looked at yet: its first row, as a register shown selects it
            return page.model.row_at(0)
        index = page.view.currentIndex()
        return page.model.row_at(index.row()) if index.isValid() else None

    def _ask(self, title: str, label: str, default: str = "") -> str | None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(default)
        # Wide enough for its title: «Справка о происшествии» was cut to «Справ… ствии» by the frame.
        dialog.resize(max(dialog.sizeHint().width(), dialog.fontMetrics().horizontalAdvance(title) + 160), 0)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.textValue()
        dialog.deleteLater()
        return text.strip() or None if ok else None

    def _report(self, kind: str, **kwargs: Any) -> ReportRequest:
        from .dialogs.report_preview import show_report

        request = show_report(self, self.store.location, kind, **kwargs)
        self.last_job = request
        return request

    def report_incident(self) -> None:
        row = self._current_row(self.incidents)
        reference = row.reference if row is not None and self.current_page() is self.incidents else None
        offered = row.reference if row is not None else ""
        if self.current_page() is self.claims:  # asked from the claims: the selected claim's incident is offered
            claim = self._current_row(self.claims)
            offered = claim.incident_reference if claim is not None else offered
        reference = reference or self._ask(self.tr("Incident summary"), self.tr("Incident reference (INC-…):"),
                                           number_text(offered))
        if reference:
            self._report("incident", reference=reference)

    def _claim_number(self, title: str) -> str | None:
        row = self._current_row(self.claims)
        if row is not None and self.current_page() is self.claims:
            return row.number
        return self._ask(title, self.tr("Claim number (CLM-…):"), number_text(row.number) if row is not None else "")

    def report_claim(self) -> None:
        number = self._claim_number(self.tr("Claim sheet"))
        if number:
            self._report("claim", number=number)

    def report_request_documents(self) -> None:
        number = self._claim_number(self.tr("Request for documents"))
        if number:
            self._report("request-documents", number=number)

    def register_view(self, page: RegisterPage, *, filtered: bool = True) -> RegisterView:
        """What the incidents or claims register `page` shows: its filters (all of them; none when
        not `filtered`) and its order, to print or export exactly that."""
        register = "incidents" if page is self.incidents else "claims"
        sort, descending = page.model.sort_state()
        return RegisterView(register, page.filters() if filtered else Filters(), sort or None, descending)

    def _report_register(self, page: RegisterPage) -> None:
        view = self.register_view(page)
        self._report("incidents" if view.register == "incidents" else "register", filters=view.filters,
                     sort=view.sort, descending=view.descending)

    def report_register(self) -> None:
        """The claims register as the claims tab shows it: its filters and its order."""
        self._report_register(self.claims)

    def report_incidents_register(self) -> None:
        """The incidents register as the incidents tab shows it: its filters and its order."""
        self._report_register(self.incidents)

    def print_register(self) -> None:
        """Ctrl+P: the register on screen, incidents or claims (the claims register from other tabs)."""
        self._report_register(self.incidents if self.current_page() is self.incidents else self.claims)

    def report_summary(self) -> None:
        """The summary for the period and district of the register on screen (claims: also status)."""
        if self.current_page() is self.claims:
            f = self.claim_model.filters()
            filters = Filters(date_from=f.date_from, date_to=f.date_to, districts=f.districts, status=f.status)
        else:
            f = self.incident_model.filters()
            filters = Filters(date_from=f.date_from, date_to=f.date_to, districts=f.districts)
        self._report("summary", filters=filters)

    # ---- file menu ---------------------------------------------------------------------------
    def _folder(self, key: str) -> str:
        return str(QSettings().value(f"folders/{key}", str(Path.home())))

    def _remember_folder(self, key: str, path: Path) -> None:
        QSettings().setValue(f"folders/{key}", str(path.parent))

    def import_data(self, path: Path | None = None, renumber: bool = False) -> Job | None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import"), self._folder("import"),
                                                    self.tr("Interchange files (*.json *.zip);;All files (*)"))
            if not chosen:
                return None
            path = Path(chosen)
            self._remember_folder("import", path)
        lang = i18n.current_language()

        def work(ctx: JobContext) -> Any:
            from ..exchange import load_package, plan_import

            ctx.progress(0, 3, self.tr("Reading {0}…").format(path.name))
            document, blobs = load_package(path)
            ctx.check()
            ctx.progress(1, 3, self.tr("Checking every record…"))
            # Checked and written under one write lock: nobody's save in between can invalidate the checks.
            with ctx.store.transaction():
                changes, report = plan_import(ctx.store, document, blobs, renumber=renumber, lang=lang)
                ctx.check()  # the last moment to stop: a cancel here rolls back and writes nothing
                ctx.progress(2, 3, self.tr("Writing…"))
                if changes:
                    ctx.store.apply(changes)
            return report

        def failed(error: Exception) -> None:
            from ..domain.errors import ValidationFailed
            from .dialogs import renumbering
            from .widgets.problem_list import ProblemListDialog

            if isinstance(error, ValidationFailed) and not renumber and renumbering.offers_renumbering(error):
                if renumbering.offer(self, path.name, error.problems, lang):  # «Перенумеровать и импортировать»
                    self.import_data(path, renumber=True)
            elif isinstance(error, ValidationFailed):
                lines = [p.for_window(lang) for p in error.problems]  # «Происшествие №2, ТС 3, VIN: …»
                ProblemListDialog.show_problems(
                    self, self.tr("Import refused"),
                    self.tr("Nothing was imported from {0}: the file has %n problem(s). Correct them and import "
                            "it again.", "", len(lines)).format(path.name), lines)
            else:
                self._show_error(self.tr("Import"), error)

        def finished(report: Any) -> None:
            self.refresh()
            if report.renumbered:
                from .dialogs import renumbering

                return renumbering.show_result(self, path.name, report, lang)  # each number it replaced
            QMessageBox.information(self, self.tr("Import finished"),
                                    self.tr("Imported from {0}:").format(path.name) + "\n\n" + "\n".join(report.lines(lang)))

        self.last_job = run_job(self, self.tr("Importing {0}…").format(path.name), work, self.store.location,
                                on_finished=finished, on_failed=failed)
        return self.last_job

    def export_data(self, path: Path | None = None, use_filter: bool | None = None) -> Job | None:
        """Everything, or exactly what the incidents or claims register on screen shows (all its
        filters); either way a workbook lists that register's records in its order."""
        page = self.current_page() or self.incidents
        if use_filter is None:
            use_filter = False
            if page.filters() != Filters():
                box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export"),
                                  self.tr("Export everything, or only what the register shows under its "
                                          "filter?"), parent=self)
                everything = box.addButton(self.tr("Everything"), QMessageBox.ButtonRole.AcceptRole)
                selected = box.addButton(self.tr("What the register shows"), QMessageBox.ButtonRole.AcceptRole)
                box.addButton(QMessageBox.StandardButton.Cancel)
                box.setDefaultButton(everything)
                box.exec()
                if box.clickedButton() not in (everything, selected):
                    return None
                use_filter = box.clickedButton() is selected
        if path is None:
            stem = f"incident-log-{date.today().isoformat()}"
            chosen, chosen_filter = QFileDialog.getSaveFileName(
                self, self.tr("Export"), str(Path(self._folder("export")) / f"{stem}.json"),
                ";;".join([self.tr("Interchange file (*.json)"), self.tr("Package with attachments (*.zip)"),
                           self.tr("Excel workbook (*.xlsx)")]))
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() not in (".json", ".zip", ".xlsx"):
                suffix = ".zip" if "zip" in chosen_filter else ".xlsx" if "xlsx" in chosen_filter else ".json"
                path = path.with_name(path.name + suffix)
            self._remember_folder("export", path)
        from ..reports.destination import UnsafeDestination, check_export_destination

        try:  # the command line's rule: never over the log, into its backups or over another database
            check_export_destination(path, self.store.location.path)
        except UnsafeDestination as e:
            QMessageBox.warning(self, self.tr("Export"), e.text(i18n.current_language()))
            return None
        target = path
        view = self.register_view(page, filtered=use_filter)

        def work(ctx: JobContext) -> dict[str, int]:
            from ..exchange import export_file

            counts = export_file(ctx.store, target, view=view)
            if ctx.cancelled():
                target.unlink(missing_ok=True)  # the file was written whole; the clerk did not want it
                raise Cancelled()
            return counts

        def finished(counts: dict[str, int]) -> None:
            text = self.tr("{0}\n\npeople: {1}, incidents: {2}, claims: {3}").format(
                target, counts.get("people", 0), counts.get("incidents", 0), counts.get("claims", 0))
            altered = getattr(counts, "altered_cells", 0)
            if altered:
                text += "\n\n" + self.tr(
                    "%n cell(s) changed: characters a spreadsheet cannot hold were replaced or dropped, "
                    "text over 32,767 characters was cut.", "", altered)
            QMessageBox.information(self, self.tr("Export finished"), text)

        self.last_job = run_job(self, self.tr("Exporting to {0}…").format(target.name), work, self.store.location,
                                on_finished=finished, on_failed=lambda e: self._show_error(self.tr("Export"), e))
        return self.last_job

    # ---- automatic backups -------------------------------------------------------------------
    @property
    def _file(self) -> Path | None:
        """The log's SQLite file (None for a server log: its backups are the administrator's)."""
        return self.store.location.path

    def backup_if_due(self) -> Job | None:
        """The day's automatic backup, if a day has passed since the last one (checked hourly)."""
        from ..storage.maintenance import automatic_backup_due

        if self._retired or (self.backup_job is not None and self.backup_job.is_running()) or self._file is None or not automatic_backup_due(self._file):
            return None
        return self.automatic_backup()

    def retire(self) -> None:
        """Hide a window its controller replaces (another language, another log) and delete it;
        an automatic backup under way finishes first, and no new one starts."""
        self._retired = True
        self.hide()
        job = self.backup_job
        if job is not None and job.is_running():
            job.ended.connect(self.deleteLater)
        else:
            self.deleteLater()

    def _changed_since_automatic_backup(self) -> bool:
        from ..storage.maintenance import automatic_backups

        if self._file is None:
            return False
        backups = automatic_backups(self._file)
        if not backups:
            return True
        try:
            newest = backups[-1].stat().st_mtime
            files = [self._file, self._file.with_name(self._file.name + "-wal")]
            return any(f.exists() and f.stat().st_mtime >= newest for f in files)
        except OSError:
            return True

    def automatic_backup(self, on_closing: bool = False) -> Job:
        """Back up into the backups folder off the window's thread, checked, keeping `backup_keep`.

        Quietly during work (the status bar says where it went); on closing with a progress
        dialog, and the window closes when it has ended. A database that fails its check is not
        backed up: during work the trouble dialog opens for it (`databaseTrouble`).
        """
        from ..storage.maintenance import automatic_backup

        def work(ctx: JobContext) -> Path:
            def progress(done: int, total: int) -> None:
                ctx.check()
                ctx.progress(done, total)

            return automatic_backup(ctx.store, progress=progress)

        job = Job(self, self.tr("Backing up the database before closing…"), work, self.store.location,
                  cancellable=on_closing, show_progress=on_closing)
        job.finished.connect(lambda written: self.statusBar().showMessage(
            self.tr("Automatic backup written to {0}").format(written), 10_000))
        job.failed.connect(lambda error: self._automatic_backup_failed(error, on_closing))
        if on_closing:
            job.ended.connect(self._close_after_backup)
        self.backup_job = self.last_job = job
        return job.start()

    def _automatic_backup_failed(self, error: Exception, on_closing: bool) -> None:
        from ..storage import DatabaseUnavailable, Trouble

        log.warning("automatic backup failed: %s", type(error).__name__)
        damaged = isinstance(error, DatabaseUnavailable) and error.trouble is Trouble.DAMAGED
        if damaged and not on_closing:
            self.databaseTrouble.emit(error)
            return
        text = self.tr("The automatic backup was not written: {0}").format(error_text(error))
        if on_closing:
            QMessageBox.warning(self, self.tr("Backup"), text)
        else:
            self.statusBar().showMessage(text, 30_000)

    def _close_after_backup(self) -> None:
        self._closing_backup_done = True
        self.close()

    def backup(self, path: Path | None = None) -> Job | None:
        if path is None:
            from ..storage.maintenance import backup_path

            suggested = backup_path(self._file or Path.home() / "incident-log.sqlite3")  # in the backups folder (0700), a name not yet used
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Backup"), str(suggested),
                                                    self.tr("Databases (*.sqlite3)"))
            if not chosen:
                return None
            path = Path(chosen)
        target = path

        def work(ctx: JobContext) -> Path:
            def progress(done: int, total: int) -> None:
                ctx.check()  # raising inside SQLite's backup loop stops the copy
                ctx.progress(done, total)

            try:
                return ctx.store.backup(target, progress=progress)
            except Cancelled:
                target.unlink(missing_ok=True)
                raise

        def finished(written: Path) -> None:
            self.statusBar().showMessage(self.tr("Backup written to {0}").format(written), 10_000)
            QMessageBox.information(self, self.tr("Backup"), self.tr("Backup written to {0}").format(written))

        self.last_job = run_job(self, self.tr("Writing the backup…"), work, self.store.location,
                                on_finished=finished, on_failed=lambda e: self._show_error(self.tr("Backup"), e))
        return self.last_job

    def open_database(self) -> None:
        dialog = QFileDialog(self, self.tr("Open database"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters([self.tr("Incident Log databases (*.sqlite3 *.sqlite *.db)"), self.tr("All files (*)")])
        dialog.setDirectory(str((self._file or Path.home() / "-").parent))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.databaseChangeRequested.emit(Path(dialog.selectedFiles()[0]))

    def connect_to_server(self) -> None:
        """Ask for the shared log's address (as the administrator gave it) and open it; no password
        is asked or kept: libpq finds it (~/.pgpass, PGPASSWORD, the system's login)."""
        from PySide6.QtWidgets import QInputDialog

        current = self.store.location.shown() if self.store.location.is_server else "postgresql://"
        while True:
            text, ok = QInputDialog.getText(
                self, self.tr("Connect to a server"),
                self.tr("The shared log's address, as your administrator gave it\n"
                        "(for example postgresql://ivanova@server/incident_log):"), text=current)
            if not ok:
                return
            where = Location(text.strip())
            if where.is_server and urlsplit(where.target).path.strip("/"):
                self.databaseChangeRequested.emit(where)
                return
            QMessageBox.warning(self, self.tr("Connect to a server"), self.tr(
                "“{0}” is not a server address: it begins with postgresql:// and names the database "
                "after the server, e.g. postgresql://ivanova@server/incident_log").format(text.strip()))
            current = text

    def _show_error(self, title: str, error: Exception) -> None:
        QMessageBox.warning(self, title, error_text(error))

    # ---- settings and help -------------------------------------------------------------------
    def edit_settings(self) -> SettingsDialog:
        from .dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.languageChanged.connect(self.languageChangeRequested)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def show_manual(self) -> HelpWindow:
        """The manual (F1) beside the window, at the section about the form or tab in front."""
        from .dialogs.help import HelpWindow

        front = QApplication.activeWindow()
        if front is not None and front is self.help_window:
            section = None  # F1 in the manual itself: it stays where the clerk is reading
        elif front is not None and front is not self:
            section = MANUAL_BY_WINDOW.get(type(front).__name__)
        else:
            section = MANUAL_BY_TAB.get(self.tabs.currentIndex())
        if self.help_window is None:
            self.help_window = HelpWindow(i18n.current_language(), self)
        self.help_window.show_section(section)
        return self.help_window

    def offer_setup(self) -> QDialog | None:
        """The first-start dialog, when this log has no office settings yet. The application asks
        for it when it opens a log (desktop.app); building a window never shows it, so tests and
        the selftest see no dialog. It does not block the window."""
        from .dialogs.first_start import FirstStartDialog, setup_wanted

        if not setup_wanted(self.store):
            return None
        dialog = FirstStartDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        self.last_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def about(self) -> None:
        from PySide6 import __version__ as pyside_version

        QMessageBox.about(self, self.tr("About Incident Log"), self.tr(
            "<h3>Incident Log {0}</h3><p>Incidents, damaged property and owners' assistance claims for "
            "municipal administrations.</p><p>Database: {1}</p><p>Qt {2}</p>").format(
                __version__, self.store.location.shown(), pyside_version))


def application_icon() -> QIcon:
    path = resource("icons", "incident-log.png")
    return QIcon(str(path)) if path.is_file() else QIcon()


def apply_application_names(app: QApplication) -> None:
    """The names QSettings files its values under (and the desktop's name for the window)."""
    app.setOrganizationName("incident-log")
    app.setApplicationName("Incident Log")
    app.setApplicationVersion(__version__)
    # The installed incident-log.desktop (StartupWMClass=incident-log): Wayland's app_id and
    # KDE's task manager take it from here to give the window that entry's name and icon.
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(application_icon())
