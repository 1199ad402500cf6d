"""communique: a sourced, deduplicated event record from news reports on international politics."""

__version__ = "0.1.0"
