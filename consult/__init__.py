"""Wiring for the consultation platform: settings, app assembly, i18n, security and the CLI."""
