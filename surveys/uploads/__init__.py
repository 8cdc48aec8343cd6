"""Spreadsheets of collected responses: the template to fill in, and its upload, all or nothing."""
