"""Printed documents as pure functions: data in, PDF bytes out (ReportLab). No Qt here."""
