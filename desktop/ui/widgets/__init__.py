"""Widgets the main window is built from: filter bar, register page, overview panel."""
