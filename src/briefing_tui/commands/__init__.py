"""Sub-commands of the ``briefing`` command line, one module each."""
