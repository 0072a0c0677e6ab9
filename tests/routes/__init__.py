"""Route expectations per feature, collected by tests/test_authz.py.

Each module defines RULES, a list of Rule. Roles are the demo accounts:
member (cell 1), other_member (cell 2), secretary (of cell 1), admin (of the bloc).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = {
    "anonymous": None,
    "member": "dangvien",
    "other_member": "dangvien3",
    "secretary": "bithu",
    "admin": "capuy",
}


@dataclass
class Rule:
    endpoint: str
    method: str
    url: Callable[[dict], str]
    expect: dict[str, int]
    data: Callable[[dict], dict] | None = field(default=None)


def expect(anonymous=302, member=200, other_member=None, secretary=None, admin=None) -> dict[str, int]:
    """Statuses per role; unspecified roles answer like a member."""
    return {
        "anonymous": anonymous,
        "member": member,
        "other_member": member if other_member is None else other_member,
        "secretary": member if secretary is None else secretary,
        "admin": member if admin is None else admin,
    }


def fixed(path: str) -> Callable[[dict], str]:
    return lambda world: path
