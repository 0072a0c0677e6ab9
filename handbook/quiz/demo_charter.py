# ruff: noqa: E501 - summaries and questions are prose, one item per line
"""The demo's question bank on the Party Charter (Điều lệ Đảng, 2011): summaries of the articles
the questions rest on and 30 questions, all written in the project's own words from the
Charter's facts. The article numbers follow the Charter, so a full text imported later under
the same slug ("dieu-le-dang") keeps every question's link."""

from datetime import date

DOCUMENT = {
    "slug": "dieu-le-dang", "number": "Điều lệ Đảng", "doc_type": "Điều lệ", "issued_on": date(2011, 1, 19),
    "issuer": "Đại hội đại biểu toàn quốc lần thứ XI", "title": "Điều lệ Đảng Cộng sản Việt Nam",
}
NOTE = "Tóm tắt — bản tóm tắt một số điều do Sổ tay biên soạn, không phải nguyên văn Điều lệ Đảng."

# (article number, heading, summary)
ARTICLES = [
    (1, "Đảng viên và người có thể được kết nạp", "Tóm tắt: đảng viên là chiến sĩ cách mạng trong đội tiên phong của giai cấp công nhân, nhân dân lao động và dân tộc Việt Nam, suốt đời phấn đấu cho mục đích, lý tưởng của Đảng, đặt lợi ích của Tổ quốc và nhân dân lên trên lợi ích riêng. Công dân Việt Nam từ 18 tuổi trở lên, thừa nhận và tự nguyện thực hiện Cương lĩnh chính trị, Điều lệ Đảng, tiêu chuẩn và nhiệm vụ đảng viên, hoạt động trong một tổ chức cơ sở đảng, được nhân dân tín nhiệm, có thể được xét kết nạp."),
    (2, "Nhiệm vụ của đảng viên", "Tóm tắt: trung thành với lý tưởng của Đảng, chấp hành nghiêm Cương lĩnh, Điều lệ, nghị quyết của Đảng và pháp luật; không ngừng học tập, rèn luyện, giữ gìn đạo đức, lối sống; gắn bó mật thiết với nhân dân; tham gia xây dựng và bảo vệ đường lối của Đảng, chấp hành nguyên tắc tập trung dân chủ, tự phê bình và phê bình, giữ đoàn kết thống nhất trong Đảng; đóng đảng phí đúng quy định."),
    (3, "Quyền của đảng viên", "Tóm tắt: được thông tin, thảo luận và biểu quyết công việc của Đảng; ứng cử, đề cử và bầu cử cơ quan lãnh đạo các cấp của Đảng; phê bình, chất vấn về hoạt động của tổ chức đảng và đảng viên, báo cáo và kiến nghị lên cấp trên; trình bày ý kiến khi tổ chức đảng nhận xét, quyết định công tác hoặc kỷ luật mình. Đảng viên dự bị có các quyền ấy, trừ quyền biểu quyết, ứng cử và bầu cử cơ quan lãnh đạo của Đảng."),
    (4, "Kết nạp đảng viên", "Tóm tắt: người vào Đảng có đơn tự nguyện, báo cáo trung thực lý lịch với chi bộ và được hai đảng viên chính thức giới thiệu; người giới thiệu cùng công tác với người vào Đảng ít nhất 12 tháng. Người trong độ tuổi thanh niên phải là đoàn viên Đoàn Thanh niên Cộng sản Hồ Chí Minh, được tổ chức đoàn cơ sở và một đảng viên chính thức giới thiệu. Chi bộ xét, đề nghị kết nạp khi được ít nhất hai phần ba số đảng viên chính thức tán thành; cấp ủy cấp trên xem xét, quyết định."),
    (5, "Đảng viên dự bị và công nhận đảng viên chính thức", "Tóm tắt: người được kết nạp trải qua thời kỳ dự bị 12 tháng, tính từ ngày chi bộ tổ chức lễ kết nạp, có đảng viên chính thức được phân công giúp đỡ. Hết thời kỳ dự bị, chi bộ xét công nhận chính thức (ít nhất hai phần ba số đảng viên chính thức tán thành) và cấp ủy có thẩm quyền quyết định; không đủ điều kiện thì đề nghị xóa tên khỏi danh sách đảng viên dự bị. Tuổi đảng của đảng viên đã được công nhận chính thức tính từ ngày ghi trong quyết định kết nạp."),
    (9, "Nguyên tắc tập trung dân chủ", "Tóm tắt: Đảng tổ chức theo nguyên tắc tập trung dân chủ. Cơ quan lãnh đạo các cấp do bầu cử lập ra, thực hiện tập thể lãnh đạo, cá nhân phụ trách. Cơ quan lãnh đạo cao nhất là Đại hội đại biểu toàn quốc; giữa hai kỳ đại hội là Ban Chấp hành Trung ương; ở mỗi cấp là đại hội và cấp ủy cấp đó. Thiểu số phục tùng đa số, cấp dưới phục tùng cấp trên, cá nhân phục tùng tổ chức. Nghị quyết của cơ quan lãnh đạo chỉ có giá trị thi hành khi hơn một nửa số thành viên tán thành; người có ý kiến thuộc thiểu số được bảo lưu, báo cáo lên cấp trên nhưng phải chấp hành nghị quyết."),
    (10, "Hệ thống tổ chức của Đảng", "Tóm tắt: hệ thống tổ chức của Đảng được lập tương ứng với hệ thống tổ chức hành chính của Nhà nước; ở cơ quan, doanh nghiệp, đơn vị sự nghiệp, tổ chức đảng được lập theo yêu cầu của nhiệm vụ chính trị."),
    (21, "Tổ chức cơ sở đảng", "Tóm tắt: tổ chức cơ sở đảng (chi bộ cơ sở, đảng bộ cơ sở) là nền tảng của Đảng, là hạt nhân chính trị ở cơ sở. Ở xã, phường, thị trấn có từ ba đảng viên chính thức trở lên thì lập tổ chức cơ sở đảng; nơi chưa đủ thì cấp ủy cấp trên giới thiệu đảng viên sinh hoạt ở tổ chức cơ sở đảng thích hợp."),
]

# (article number, question, choices, correct letters); two or more letters make a
# multiple-choice question.
QUESTIONS = [
    (1, "Theo Điều lệ Đảng, công dân Việt Nam từ bao nhiêu tuổi trở lên có thể được xét kết nạp vào Đảng?", ["16 tuổi", "18 tuổi", "20 tuổi", "21 tuổi"], "B"),
    (1, "Người được xét kết nạp phải hoạt động trong tổ chức nào của Đảng?", ["Đảng bộ tỉnh nơi cư trú", "Ban Chấp hành Trung ương", "Một tổ chức cơ sở đảng", "Bất kỳ đoàn thể nào ở địa phương"], "C"),
    (1, "Điều lệ Đảng nói đảng viên là ai?", ["Chiến sĩ cách mạng trong đội tiên phong của giai cấp công nhân, nhân dân lao động và dân tộc Việt Nam", "Người làm việc trong cơ quan nhà nước", "Hội viên của Mặt trận Tổ quốc Việt Nam", "Người lao động được khen thưởng nhiều năm"], "A"),
    (1, "Người xin vào Đảng thừa nhận và tự nguyện thực hiện những gì? (chọn mọi ý đúng)", ["Cương lĩnh chính trị của Đảng", "Điều lệ của doanh nghiệp nơi mình làm việc", "Điều lệ Đảng", "Tiêu chuẩn và nhiệm vụ đảng viên"], "A,C,D"),
    (2, "Đóng đảng phí đúng quy định là gì của đảng viên?", ["Quyền", "Nhiệm vụ", "Việc tự nguyện, không bắt buộc", "Việc chỉ đảng viên dự bị phải làm"], "B"),
    (2, "Những việc nào là nhiệm vụ của đảng viên? (chọn mọi ý đúng)", ["Chấp hành nguyên tắc tập trung dân chủ", "Tự phê bình và phê bình", "Chỉ học tập khi được cấp trên giao", "Gắn bó mật thiết với nhân dân"], "A,B,D"),
    (2, "Điều lệ Đảng coi việc học tập, rèn luyện của đảng viên là việc thế nào?", ["Việc riêng của người giữ chức vụ", "Việc chỉ làm trước khi kết nạp", "Việc chi bộ làm thay đảng viên", "Nhiệm vụ thường xuyên, không ngừng"], "D"),
    (3, "Đảng viên dự bị không có những quyền nào? (chọn mọi ý đúng)", ["Biểu quyết", "Được thông tin và thảo luận công việc của Đảng", "Ứng cử", "Bầu cử cơ quan lãnh đạo của Đảng"], "A,C,D"),
    (3, "Khi tổ chức đảng xem xét kỷ luật mình, đảng viên có quyền gì?", ["Từ chối chấp hành", "Trình bày ý kiến của mình", "Tự chuyển sang chi bộ khác", "Không có quyền gì"], "B"),
    (3, "Đảng viên có được phê bình, chất vấn về hoạt động của tổ chức đảng và đảng viên không?", ["Không, chỉ cấp ủy mới được", "Chỉ khi có trên mười năm tuổi đảng", "Có, đó là quyền của đảng viên", "Chỉ trong kỳ đại hội"], "C"),
    (3, "Đảng viên chính thức có quyền ứng cử, đề cử và bầu cử cơ quan lãnh đạo các cấp của Đảng không?", ["Có", "Không", "Chỉ ở chi bộ của mình", "Chỉ khi được cấp trên chỉ định"], "A"),
    (4, "Thông thường, người vào Đảng cần bao nhiêu đảng viên chính thức giới thiệu?", ["Một", "Ba", "Năm", "Hai"], "D"),
    (4, "Đảng viên giới thiệu phải cùng công tác với người vào Đảng ít nhất bao lâu?", ["6 tháng", "12 tháng", "24 tháng", "36 tháng"], "B"),
    (4, "Chi bộ đề nghị kết nạp một người khi có ít nhất bao nhiêu đảng viên chính thức tán thành?", ["Hơn một nửa", "Ba phần tư", "Hai phần ba", "Toàn bộ"], "C"),
    (4, "Người vào Đảng trong độ tuổi thanh niên phải là đoàn viên của tổ chức nào?", ["Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Sinh viên Việt Nam", "Công đoàn Việt Nam", "Hội Liên hiệp Thanh niên Việt Nam"], "A"),
    (4, "Người vào Đảng phải có những gì? (chọn mọi ý đúng)", ["Đơn tự nguyện xin vào Đảng", "Giấy xác nhận đã đóng đảng phí mười hai tháng", "Báo cáo trung thực lý lịch với chi bộ", "Sự giới thiệu của đảng viên chính thức"], "A,C,D"),
    (5, "Thời kỳ dự bị của người mới được kết nạp là bao lâu?", ["6 tháng", "18 tháng", "12 tháng", "24 tháng"], "C"),
    (5, "Thời kỳ dự bị được tính từ ngày nào?", ["Ngày nộp đơn xin vào Đảng", "Ngày chi bộ tổ chức lễ kết nạp", "Ngày nhận thẻ đảng viên", "Ngày đầu năm sau"], "B"),
    (5, "Nghị quyết của chi bộ đề nghị công nhận đảng viên chính thức cần bao nhiêu đảng viên chính thức tán thành?", ["Hơn một nửa", "Một phần ba", "Chỉ cần bí thư đồng ý", "Ít nhất hai phần ba"], "D"),
    (5, "Tuổi đảng của đảng viên đã được công nhận chính thức tính từ ngày nào?", ["Ngày ghi trong quyết định kết nạp", "Ngày được công nhận chính thức", "Ngày nhận thẻ đảng viên", "Ngày nộp đơn xin vào Đảng"], "A"),
    (9, "Đảng Cộng sản Việt Nam tổ chức theo nguyên tắc nào?", ["Thủ trưởng một người", "Tập trung dân chủ", "Tam quyền phân lập", "Đồng thuận tuyệt đối"], "B"),
    (9, "Cơ quan lãnh đạo cao nhất của Đảng là gì?", ["Bộ Chính trị", "Ban Bí thư", "Đại hội đại biểu toàn quốc", "Quốc hội"], "C"),
    (9, "Giữa hai kỳ đại hội, cơ quan lãnh đạo của Đảng là gì?", ["Ủy ban Kiểm tra Trung ương", "Văn phòng Trung ương Đảng", "Chính phủ", "Ban Chấp hành Trung ương"], "D"),
    (9, "Nghị quyết của một cơ quan lãnh đạo của Đảng có giá trị thi hành khi nào?", ["Khi hơn một nửa số thành viên cơ quan đó tán thành", "Khi người đứng đầu ký", "Khi một phần ba số thành viên tán thành", "Khi mọi thành viên đều tán thành"], "A"),
    (9, "Đảng viên có ý kiến thuộc về thiểu số thì làm thế nào?", ["Không phải chấp hành nghị quyết", "Được nói ý kiến của mình ra ngoài tổ chức", "Được bảo lưu, báo cáo lên cấp trên, nhưng phải chấp hành nghị quyết", "Phải xin ra khỏi chi bộ"], "C"),
    (9, "Những ý nào thuộc nội dung của nguyên tắc tập trung dân chủ? (chọn mọi ý đúng)", ["Thiểu số phục tùng đa số", "Cấp trên phục tùng cấp dưới", "Cấp dưới phục tùng cấp trên", "Cá nhân phục tùng tổ chức"], "A,C,D"),
    (9, "Cơ quan lãnh đạo các cấp của Đảng thực hiện chế độ nào?", ["Cá nhân quyết định mọi việc", "Tập thể lãnh đạo, cá nhân phụ trách", "Luân phiên lãnh đạo hằng năm", "Một người lãnh đạo suốt nhiệm kỳ"], "B"),
    (10, "Hệ thống tổ chức của Đảng được lập tương ứng với hệ thống nào?", ["Các ngành kinh tế", "Các đoàn thể chính trị - xã hội", "Các đơn vị bầu cử đại biểu Quốc hội", "Hệ thống tổ chức hành chính của Nhà nước"], "D"),
    (21, "Điều lệ Đảng xác định tổ chức cơ sở đảng là gì?", ["Nền tảng của Đảng, hạt nhân chính trị ở cơ sở", "Cơ quan tham mưu của cấp ủy tỉnh", "Tổ chức tự quản của đảng viên", "Một đơn vị hành chính"], "A"),
    (21, "Ở xã, phường, thị trấn có từ bao nhiêu đảng viên chính thức trở lên thì lập tổ chức cơ sở đảng?", ["Năm", "Ba", "Chín", "Mười"], "B"),
]
