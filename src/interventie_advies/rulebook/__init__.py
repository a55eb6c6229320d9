"""Rules: the rule format, conditions and their cost, the twelve elements (files → Rule)."""
