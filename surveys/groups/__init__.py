"""Community groups: organisations, their representatives, and responses made for members."""
