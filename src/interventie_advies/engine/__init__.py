"""The engine: catalogue, plan, run, questions, prioritiser, status (Project + rules → Report)."""
