"""communique: a sourced, deduplicated event record from news reports on international politics."""

__version__ = "0.1.0"


def __getattr__(name: str):
    """`communique.open` and `communique.Corpus`, imported lazily so that `import communique`
    stays cheap. (Ingesting is `communique.api.ingest`: `communique.ingest` is the readers.)"""
    if name in ("open", "Corpus"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
