"""Consultations, their questions, and the responses people give."""
