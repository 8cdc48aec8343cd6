"""Staff accounts and roles, shared by every staff-facing package: admin, officer, translator."""
