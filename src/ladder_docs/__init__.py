"""ladder-docs: publish a career ladder kept as markdown in git."""

__version__ = "0.1.0"
