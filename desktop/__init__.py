"""Incident Log: a desktop register of incidents, damaged property and owners' assistance claims."""

__version__ = "0.1.0"
