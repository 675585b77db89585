"""nntui: a terminal playground for small feed-forward neural networks."""

__version__ = "0.1.0"
