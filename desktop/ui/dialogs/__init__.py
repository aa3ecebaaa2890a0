"""Dialogs of the window: record forms, settings, progress of long work, report preview, trouble.

The record forms (`IncidentDialog`, `ClaimDialog`, `HistoryDialog`) are imported from their
modules; each form emits `saved(record_id)` after a successful save.
"""
