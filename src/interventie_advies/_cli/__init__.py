"""The commands of ``advies``, one module per kind; ``cli`` gathers them into the group.

``_errors`` prints problems and sets exit codes, ``_options`` holds the options several
commands share and ``_help`` shows every help text in the command's language. The command
modules never import ``cli``: it imports them.
"""
