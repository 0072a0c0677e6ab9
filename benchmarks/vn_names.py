"""Vietnamese full names with the spread a province's member list has: a few surnames carry
most people (Nguyễn about 38 %), a middle name or two, a given name; so a search for
"nguyen" matches as many members as it would in a real province."""

import random

SURNAMES = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Phan", 4.5), ("Huỳnh", 3),
            ("Vũ", 3), ("Võ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1),
            ("Đinh", 0.6), ("Lý", 0.5), ("Trịnh", 0.5), ("Đào", 0.5), ("Mai", 0.4), ("Lương", 0.4), ("Tạ", 0.3),
            ("Cao", 0.3), ("Hà", 0.3), ("Lâm", 0.3), ("Tô", 0.2), ("Chu", 0.2), ("La", 0.1)]
MIDDLE_MALE = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công", "Xuân", "Ngọc", "Quang", "Anh", "Duy",
               "Tiến", "Mạnh", "Trọng", "Thanh", "Hoàng", "Đình", "Viết", "Bá"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Hồng", "Phương", "Mai", "Bích",
                 "Diệu", "Thúy", "Lan", "Hải", "Khánh", "Thùy"]
GIVEN_MALE = ["An", "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh",
              "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Quân",
              "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tú", "Tuấn", "Tùng", "Việt",
              "Vinh", "Vũ", "Hưng", "Hoàng", "Khôi", "Thái", "Bảo", "Công", "Đông", "Giang", "Hậu", "Lực", "Nhân"]
GIVEN_FEMALE = ["An", "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương",
                "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
                "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Trâm", "Tuyết", "Uyên", "Vân",
                "Yến", "Hậu", "Diệp", "Hoài", "Lệ", "Nhàn", "Sen", "Thơ", "Trinh", "Vy", "Xuân", "Bích", "Ly"]
_NAMES = [name for name, _ in SURNAMES]
_WEIGHTS = [weight for _, weight in SURNAMES]


def full_name(rng: random.Random) -> str:
    female = rng.random() < 0.5
    middle, given = (MIDDLE_FEMALE, GIVEN_FEMALE) if female else (MIDDLE_MALE, GIVEN_MALE)
    parts = [rng.choices(_NAMES, _WEIGHTS)[0], rng.choice(middle)]
    if rng.random() < 0.25:
        parts.append(rng.choice(middle))
    parts.append(rng.choice(given))
    return " ".join(parts)
