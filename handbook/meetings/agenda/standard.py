"""Ready-made agendas: the standard monthly structure and the thematic meeting."""

# (title, description, planned minutes[, purpose]) — the monthly structure the party's guidance
# sets out. The purpose marks the items the app acts on (handbook/meetings/models.py, AgendaItem.purpose).
REGULAR = [
    ("Khai mạc", "Thu đảng phí; báo cáo tình hình đảng viên (tổng số, miễn sinh hoạt, có mặt, "
     "vắng có lý do); thông qua chương trình; cử thư ký ghi biên bản.", 10),
    ("Thông tin thời sự, chủ trương, chỉ thị của cấp trên", "", 15),
    ("Đánh giá kết quả thực hiện nhiệm vụ tháng trước", "", 15, "review"),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "Theo Chỉ thị 05-CT/TW: đảng viên liên hệ việc làm theo của bản thân.", 15),
    ("Ý kiến phản ánh của đảng viên và quần chúng", "", 10),
    ("Phương hướng, nhiệm vụ tháng tới và phân công thực hiện", "", 10),
    ("Thảo luận", "", 10),
    ("Kết luận; biểu quyết thông qua nghị quyết", "", 5),
    ("Bế mạc: thông qua biên bản", "", 5, "closing"),
]

THEMATIC = [
    ("Khai mạc; nêu mục đích, yêu cầu của buổi sinh hoạt", "Bí thư chi bộ nêu mục đích, yêu cầu.", 10),
    ("Trình bày chuyên đề", "Đồng chí được phân công trình bày bài viết đã gửi trước cho đảng viên.", 30),
    ("Thảo luận, liên hệ thực tế", "", 50),
    ("Kết luận chuyên đề", "", 20),
    ("Bế mạc: thông qua biên bản", "", 10, "closing"),
]

# A study session (học tập nghị quyết) of a study programme: the study feature plans it with this.
STUDY = [
    ("Khai mạc; nêu mục đích, yêu cầu của buổi học tập",
     "Bí thư chi bộ nêu mục đích, yêu cầu và thông qua chương trình.", 10),
    ("Quán triệt nội dung văn bản cần học", "Đồng chí được phân công trình bày những điểm chính của các văn bản, "
     "điều khoản trong chương trình học tập.", 40),
    ("Thảo luận, liên hệ với nhiệm vụ của chi bộ và bản thân", "", 30),
    ("Kết luận; nhắc đảng viên nộp bài thu hoạch", "", 10),
    ("Bế mạc: thông qua biên bản", "", 5, "closing"),
]

TEMPLATES = {"regular": REGULAR, "thematic": THEMATIC, "study": STUDY}
