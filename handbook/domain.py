"""The one error a service raises when a rule of the party's work refuses what was asked.

Services check the rules (a meeting's status, a start in the past, a closed cell, the root of
an admin's subtree …) and raise `DomainError` with the Vietnamese sentence the user reads;
views only call, commit, and turn the error into a response: a form field's message, a flash,
or — left uncaught — the error page (handbook.errors), after the transaction is rolled back.
"""


class DomainError(Exception):
    """`message` is what the user reads; `field` the form field it belongs to, if any.

    `status` is the HTTP status of the answer: 400 by default, 409 when someone else changed
    the thing meanwhile, 404 when the refusal must not even tell the thing exists in this
    state (the scoped getters answer 404 the same way, so probing learns nothing).
    """

    status = 400

    def __init__(self, message: str = "", *, field: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if status is not None:
            self.status = status


def show_on_form(form, error: DomainError, default: str) -> None:
    """Puts the refusal under its field, or under `default` when it names none of the form's."""
    field = getattr(form, error.field or default, None) or getattr(form, default)
    field.errors = [*field.errors, error.message]
