"""Shift Handover Console: the desk tool of call-center shift supervisors."""

__version__ = "0.1.0"
APP_NAME = "handover-console"
