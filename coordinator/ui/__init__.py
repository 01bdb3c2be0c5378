"""The desktop shell (PySide6 only): start-up, unlock and create pages, main window, pages.

Widgets never hold a Session or run queries: they call functions in coordinator.services.
"""
