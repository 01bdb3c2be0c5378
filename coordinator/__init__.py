"""Coordinator: records, matching and letters for volunteer peer-support projects."""

__version__ = "0.1.0"
APP_NAME = "Coordinator"
