"""The project file: the model, reading and checking it, and derived facts (TOML → Project)."""
