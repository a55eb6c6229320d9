"""Plugins: the host that loads them one by one, and the built-in plugin."""
