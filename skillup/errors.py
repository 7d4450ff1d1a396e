class ApplicationError(Exception):
    """A domain rule refused an action. `message` is written for the person who tried it."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
