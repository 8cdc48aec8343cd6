"""The translation workflow for consultation wording (issue 3): not built yet."""
