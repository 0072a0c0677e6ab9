"""Integers read from addresses, query strings and forms, kept within what the database's
INTEGER columns hold, so a typed or crafted number never reaches a query it would overflow."""

import re

from werkzeug.routing import IntegerConverter
from wtforms import IntegerField

# Ids, versions and counters are 32-bit INTEGER columns. PostgreSQL refuses a parameter of 2^31
# and SQLite one of 2^63 with an error, so a larger number must be refused here, not there.
MAX_INT = 2**31 - 1
_INTEGER = re.compile(r"-?[0-9]{1,12}")
MSG_NUMBER = "Số không hợp lệ, xin kiểm tra lại."


def bounded_int(value, minimum: int = 1, maximum: int = MAX_INT) -> int:
    """`value` (text or int) as an integer from `minimum` to `maximum`, else ValueError; as the
    `type` of `request.args.get`, anything else gives the default, as a filter ignores it."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, str):
        if not _INTEGER.fullmatch(value.strip()):
            raise ValueError(value[:20])
        value = int(value.strip())
    if not isinstance(value, int) or not minimum <= value <= maximum:
        raise ValueError(value)
    return value


def id_or_none(value) -> int | None:
    """An id (1 to 2^31 - 1) as sent by a form or a query string, or None for anything else."""
    try:
        return bounded_int(value)
    except ValueError:
        return None


def chosen_id(value) -> int:
    """The `coerce` of a list of ids (0 may stand for "none"): the number, or -1 for anything
    else, which no row has, so it is refused like any choice the list did not offer."""
    try:
        return bounded_int(value, minimum=0)
    except ValueError:
        return -1


def _up_to(bound: int) -> str:
    """A pattern of the numbers from 1 to `bound`, written without leading zeros."""
    digits = str(bound)
    shorter = [rf"[1-9][0-9]{{0,{len(digits) - 2}}}"] if len(digits) > 1 else []
    same_length = [  # the first i digits as in `bound`, the next one smaller, then any
        digits[:i] + f"[{'1' if i == 0 else '0'}-{int(d) - 1}]" + f"[0-9]{{{len(digits) - i - 1}}}"
        for i, d in enumerate(digits) if int(d) > (1 if i == 0 else 0)
    ]
    return "|".join([*shorter, *same_length, digits])


class IdConverter(IntegerConverter):
    """Flask's `int` URL converter, bounded to what an id column holds (1 to 2^31 - 1). The
    pattern itself stops there, so any other number matches no rule of any method: a 404,
    answered before any query (a value refused only in `to_python` would make a 405 where a
    route has rules for other methods)."""

    regex = f"(?:{_up_to(MAX_INT)})"

    def __init__(self, map, fixed_digits: int = 0, min: int = 1, max: int = MAX_INT, signed: bool = False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class BoundedIntegerField(IntegerField):
    """An integer typed, chosen or sent back by a page, from `minimum` to `maximum`; anything
    else (not a number, too large, too small) is refused with `message`, in Vietnamese."""

    def __init__(self, label=None, validators=None, *, minimum: int = 1, maximum: int = MAX_INT,
                 message: str = MSG_NUMBER, **kwargs):
        self.minimum, self.maximum, self.message = minimum, maximum, message
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        try:
            self.data = bounded_int(valuelist[0], self.minimum, self.maximum)
        except ValueError:
            self.data = None
            raise ValueError(self.message) from None


def register(app) -> None:
    """Every `<int:…>` of every blueprint uses IdConverter: call before blueprints are registered."""
    app.url_map.converters["int"] = IdConverter
