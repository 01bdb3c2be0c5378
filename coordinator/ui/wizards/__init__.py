"""Dialogs that walk the coordinator through a decision in steps (matching, ...)."""
