"""Factories of the member's year: what a secretary types to reach a level under Quy định
366-QĐ/TW (points per group with the default weights, the share beyond requirement), and a
self-review as a member fills it in."""

# level -> (points: political, ethics, discipline, tasks; percent of tasks beyond requirement)
POINTS = {
    "excellent": ((10, 10, 10, 65), 30),  # 95 points
    "good": ((8, 8, 8, 56), 0),  # 80
    "done": ((6, 6, 6, 42), 0),  # 60
    "failed": ((4, 4, 4, 30), 0),  # 42
}
GROUPS = ("political", "ethics", "discipline", "tasks")


def rating_data(member, level: str = "good", conduct: str = "good", **extra) -> dict:
    """The rating form's fields for `member` that give `level` (with no late task)."""
    points, beyond = POINTS[level]
    data = {"member_id": str(member.id), "beyond": str(beyond), "conduct": conduct, "comment": ""}
    data.update({f"score_{group}": str(value) for group, value in zip(GROUPS, points, strict=True)})
    data.update(extra)
    return data


REVIEW = {"kind": "2A", "political": "Vững vàng", "ethics": "Giản dị", "discipline": "Đủ buổi",
          "tasks": "Hoàn thành", "exemplary": "Như cam kết", "shortcomings": "Còn chậm",
          "proposed_political": "9", "proposed_ethics": "9", "proposed_discipline": "8,5",
          "proposed_tasks": "60", "proposed_beyond": "10"}
