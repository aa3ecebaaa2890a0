"""Dialogs of the window: record forms, settings, progress of long work, report preview, trouble."""
