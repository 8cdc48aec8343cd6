"""Data protection: withdrawing a response by its reference, and deleting free text on a date."""
