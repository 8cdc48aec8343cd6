"""Theme tagging of free-text answers with spaCy (issue 4): not built yet."""
