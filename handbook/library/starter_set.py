# ruff: noqa: E501 - summaries are prose, one string per document
"""The documents a 2026 library should hold first, as metadata and a short summary in our own words.

The official texts are public but not shipped: a committee imports each one (the importer fills
the metadata-only document of the same number). Dates are given where the project's domain notes
hold them; otherwise only the year. `replaces` names, by slug, the document this one took over
from; those are kept too, so old records (a rating made under Quy định 124) can link to them.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Starter:
    slug: str
    number: str
    doc_type: str
    issuer: str
    title: str  # trích yếu, in short
    summary: str  # one to three sentences, ours
    issued_on: date | None = None
    year: int | None = None  # when the day is not known
    replaces: str = ""


STARTERS = [
    Starter("dieu-le-dang", "Điều lệ Đảng", "Điều lệ", "Đại hội đại biểu toàn quốc lần thứ XI",
            "Điều lệ Đảng Cộng sản Việt Nam",
            "Văn bản gốc về tổ chức và hoạt động của Đảng: ai được vào Đảng, đảng viên có nhiệm vụ và quyền gì, nguyên tắc tập trung dân chủ, hệ thống tổ chức từ chi bộ lên Trung ương, công tác kiểm tra và kỷ luật. Đại hội XI thông qua năm 2011; chỉ đại hội đại biểu toàn quốc mới sửa được Điều lệ. Cách thi hành từng điều nằm ở Quy định 294-QĐ/TW.",
            year=2011),
    Starter("294-qd-tw", "294-QĐ/TW", "Quy định", "Ban Chấp hành Trung ương (khóa XIII)", "Về thi hành Điều lệ Đảng",
            "Nói cụ thể cách làm theo Điều lệ: kết nạp và công nhận đảng viên chính thức, thẻ và hồ sơ đảng viên, miễn công tác và sinh hoạt, xóa tên, hệ thống tổ chức đảng khi không còn cấp huyện, sinh hoạt và nhiệm kỳ của chi bộ. Áp dụng từ 01/07/2025, thay Quy định 24-QĐ/TW.",
            issued_on=date(2025, 5, 26), replaces="24-qd-tw"),
    Starter("24-qd-tw", "24-QĐ/TW", "Quy định", "Ban Chấp hành Trung ương (khóa XIII)", "Về thi hành Điều lệ Đảng",
            "Quy định thi hành Điều lệ dùng trước Quy định 294-QĐ/TW. Giữ lại để tra những việc đã làm theo nó, như cách tính số đảng viên làm căn cứ biểu quyết ở chi bộ (điểm 9.3.2).",
            year=2021),
    Starter("50-ct-tw", "50-CT/TW", "Chỉ thị", "Ban Bí thư (khóa XIII)",
            "Về tiếp tục đổi mới và nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới",
            "Yêu cầu đổi mới nội dung và cách tiến hành sinh hoạt chi bộ, để mỗi buổi họp thiết thực và gắn với nhiệm vụ của nơi mình. Cách làm cụ thể ở Hướng dẫn 42-HD/BTCTW.",
            issued_on=date(2025, 7, 23)),
    Starter("42-hd-btctw", "42-HD/BTCTW", "Hướng dẫn", "Ban Tổ chức Trung ương",
            "Về nâng cao chất lượng sinh hoạt chi bộ (thực hiện Chỉ thị 50-CT/TW)",
            "Chi ủy họp trước để rà lại tháng qua, định việc tháng tới và chọn điều đưa ra biểu quyết. Tài liệu họp đưa lên sổ tay đảng viên điện tử ít nhất một ngày trước; buổi họp dài ít nhất 90 phút, 120 phút khi có thêm sinh hoạt chuyên đề.",
            issued_on=date(2025, 10, 28)),
    Starter("339-qd-tw", "339-QĐ/TW", "Quy định", "Ban Bí thư (khóa XIII)", "Về sổ tay đảng viên điện tử",
            "Sổ tay đảng viên điện tử dùng chung trong toàn Đảng, do Văn phòng Trung ương Đảng và Ban Tổ chức Trung ương xây dựng; thông tin đảng viên lấy từ cơ sở dữ liệu đảng viên. Thí điểm từ cuối tháng 8/2025, sau đó triển khai cả nước.",
            issued_on=date(2025, 7, 10)),
    Starter("366-qd-tw", "366-QĐ/TW", "Quy định", "Bộ Chính trị (khóa XIII)",
            "Về kiểm điểm, đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị",
            "Kiểm điểm theo nhiệm kỳ, hằng năm, hằng quý hoặc khi cần: mỗi người tự kiểm điểm bằng văn bản, rồi tập thể đánh giá. Mức xếp loại tính trên thang 100 điểm, từ hoàn thành xuất sắc đến không hoàn thành nhiệm vụ. Thay Quy định 124-QĐ/TW.",
            issued_on=date(2025, 8, 30), replaces="124-qd-tw"),
    Starter("124-qd-tw", "124-QĐ/TW", "Quy định", "Bộ Chính trị (khóa XIII)",
            "Về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị",
            "Cách kiểm điểm và xếp loại hằng năm dùng trước Quy định 366-QĐ/TW. Những năm đã xếp loại theo quy định này giữ nguyên kết quả.",
            year=2023),
    Starter("43-hd-btctw", "43-HD/BTCTW", "Hướng dẫn", "Ban Tổ chức Trung ương",
            "Về kiểm điểm, đánh giá, xếp loại chất lượng theo Quy định 366-QĐ/TW",
            "Hướng dẫn làm theo Quy định 366: mẫu bản tự kiểm điểm, cách chấm điểm và ngưỡng điểm của từng mức xếp loại. Thay Hướng dẫn 25-HD/BTCTW.",
            issued_on=date(2025, 10, 31), replaces="25-hd-btctw"),
    Starter("25-hd-btctw", "25-HD/BTCTW", "Hướng dẫn", "Ban Tổ chức Trung ương",
            "Về kiểm điểm, đánh giá, xếp loại chất lượng theo Quy định 124-QĐ/TW",
            "Hướng dẫn làm theo Quy định 124-QĐ/TW, dùng trước Hướng dẫn 43-HD/BTCTW; giữ lại để tra những năm đã xếp loại theo đó."),
    Starter("01-qd-tw", "01-QĐ/TW", "Quy định", "Bộ Chính trị (khóa XIV)", "Về chế độ đảng phí",
            "Mức đảng phí hằng tháng: đảng viên đóng bảo hiểm xã hội bắt buộc nộp 1% tiền lương làm căn cứ đóng bảo hiểm của tháng trước; người hưởng lương hưu 0,5%; học sinh, sinh viên 5.000 đồng. Nộp trên Cổng Dịch vụ công quốc gia hoặc bằng tiền mặt cho chi bộ; ba tháng trong năm không nộp mà không có lý do chính đáng thì chi bộ đề nghị xóa tên. Thay Quyết định 342-QĐ/TW.",
            issued_on=date(2026, 2, 3), replaces="342-qd-tw"),
    Starter("342-qd-tw", "342-QĐ/TW", "Quyết định", "Bộ Chính trị (khóa X)", "Về chế độ đảng phí",
            "Chế độ đảng phí dùng trước Quy định 01-QĐ/TW năm 2026; giữ lại để tra các khoản đã thu theo đó.",
            year=2010),
    Starter("01-ct-tw", "01-CT/TW", "Chỉ thị", "Bộ Chính trị (khóa XIV)",
            "Về nghiên cứu, học tập, quán triệt, tuyên truyền và triển khai thực hiện Nghị quyết Đại hội XIV của Đảng",
            "Học tập và đưa Nghị quyết Đại hội XIV vào cuộc sống là việc trọng tâm của năm 2026 và cả nhiệm kỳ: cấp ủy làm chương trình hành động, đảng viên học và làm theo. Kết quả được tính khi đánh giá tập thể và người đứng đầu.",
            issued_on=date(2026, 1, 23)),
    Starter("05-ct-tw", "05-CT/TW", "Chỉ thị", "Bộ Chính trị (khóa XII)",
            "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Biến việc học tập và làm theo Bác thành việc làm thường xuyên của mỗi tổ chức đảng và đảng viên; mỗi năm có một chuyên đề, chi bộ đưa vào sinh hoạt. Kết luận 01-KL/TW tiếp tục chỉ thị này.",
            issued_on=date(2016, 5, 15)),
    Starter("01-kl-tw", "01-KL/TW", "Kết luận", "Bộ Chính trị (khóa XIII)", "Về tiếp tục thực hiện Chỉ thị 05-CT/TW",
            "Nhìn lại 5 năm làm theo Chỉ thị 05 và yêu cầu làm tiếp, gắn việc học tập và làm theo Bác với xây dựng, chỉnh đốn Đảng.",
            issued_on=date(2021, 5, 18)),
    Starter("144-qd-tw", "144-QĐ/TW", "Quy định", "Bộ Chính trị (khóa XIII)",
            "Về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới",
            "Năm chuẩn mực đạo đức cán bộ, đảng viên phải giữ: trung thành với Đảng, với Tổ quốc và tôn trọng Nhân dân; bản lĩnh, đổi mới; cần, kiệm, liêm, chính; đoàn kết, kỷ cương; gương mẫu, khiêm tốn, học tập suốt đời. Là thước đo để mỗi người tự soi và để đánh giá đảng viên.",
            issued_on=date(2024, 5, 9)),
    Starter("37-qd-tw", "37-QĐ/TW", "Quy định", "Ban Chấp hành Trung ương (khóa XIII)",
            "Về những điều đảng viên không được làm",
            "Những việc mọi đảng viên không được làm, từ nói và làm trái đường lối của Đảng, tham nhũng, lợi dụng chức vụ đến vi phạm đạo đức, lối sống. Làm trái thì bị xem xét kỷ luật.",
            issued_on=date(2021, 10, 25)),
    Starter("69-qd-tw", "69-QĐ/TW", "Quy định", "Bộ Chính trị (khóa XIII)", "Về kỷ luật tổ chức đảng, đảng viên vi phạm",
            "Vi phạm nào phải kỷ luật và bằng hình thức nào: với tổ chức đảng là khiển trách, cảnh cáo, giải tán; với đảng viên chính thức là khiển trách, cảnh cáo, cách chức, khai trừ. Đọc cùng Quy định 264-QĐ/TW, văn bản sửa đổi, bổ sung một số điều.",
            issued_on=date(2022, 7, 6)),
    Starter("264-qd-tw", "264-QĐ/TW", "Quy định", "Bộ Chính trị (khóa XIII)",
            "Sửa đổi, bổ sung một số điều của Quy định 69-QĐ/TW về kỷ luật tổ chức đảng, đảng viên vi phạm",
            "Sửa và bổ sung một số điều của Quy định 69-QĐ/TW; hai văn bản đọc cùng nhau là quy định kỷ luật đang áp dụng.",
            issued_on=date(2025, 2, 14)),
    Starter("08-qdi-tw", "08-QĐi/TW", "Quy định", "Ban Chấp hành Trung ương (khóa XII)",
            "Về trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương",
            "Cán bộ, đảng viên phải nêu gương, chức vụ càng cao càng phải gương mẫu, bắt đầu từ các Ủy viên Trung ương, Bộ Chính trị, Ban Bí thư. Việc nêu gương được tính khi đánh giá, xếp loại hằng năm.",
            issued_on=date(2018, 10, 25)),
    Starter("101-qd-tw", "101-QĐ/TW", "Quy định", "Ban Bí thư (khóa XI)",
            "Về trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp",
            "Trách nhiệm nêu gương của mọi cán bộ, đảng viên, nhất là người giữ vị trí lãnh đạo chủ chốt: làm gương trong công việc và nơi cư trú, không lợi dụng chức vụ cho mình hay người thân.",
            issued_on=date(2012, 6, 7)),
    Starter("57-nq-tw", "57-NQ/TW", "Nghị quyết", "Bộ Chính trị (khóa XIII)",
            "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
            "Đặt khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số làm đột phá phát triển của đất nước. Quy định 338-QĐ/TW về thủ tục của Đảng trên môi trường điện tử lấy nghị quyết này làm căn cứ.",
            year=2024),
    Starter("59-nq-tw", "59-NQ/TW", "Nghị quyết", "Bộ Chính trị (khóa XIII)", "Về hội nhập quốc tế trong tình hình mới",
            "Định hướng việc hội nhập quốc tế của đất nước trong tình hình mới.", year=2025),
    Starter("66-nq-tw", "66-NQ/TW", "Nghị quyết", "Bộ Chính trị (khóa XIII)",
            "Về đổi mới công tác xây dựng và thi hành pháp luật",
            "Đổi mới cách làm luật và thi hành luật để pháp luật theo kịp yêu cầu phát triển.", year=2025),
    Starter("68-nq-tw", "68-NQ/TW", "Nghị quyết", "Bộ Chính trị (khóa XIII)", "Về phát triển kinh tế tư nhân",
            "Định hướng và giải pháp để khu vực kinh tế tư nhân phát triển.", year=2025),
    Starter("338-qd-tw", "338-QĐ/TW", "Quy định", "Ban Bí thư (khóa XIII)",
            "Về thủ tục hành chính của Đảng trên môi trường điện tử",
            "Cách cung cấp, làm và giám sát các thủ tục hành chính của Đảng qua mạng, cho mọi tổ chức đảng và đảng viên.",
            issued_on=date(2025, 7, 9)),
    Starter("51-ct-tw", "51-CT/TW", "Chỉ thị", "Ban Bí thư (khóa XIII)", "Về đổi thẻ đảng viên",
            "Đổi thẻ đảng viên trong toàn Đảng, bắt đầu nhân dịp 80 năm Quốc khánh (02/9/2025) và hướng tới Đại hội XIV. Chỉ đảng viên chính thức được đổi thẻ.",
            issued_on=date(2025, 8, 8)),
    Starter("21-kl-tw", "21-KL/TW", "Kết luận", "Ban Chấp hành Trung ương (khóa XIII)",
            "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
            "Nhận diện và ngăn chặn suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\" trong cán bộ, đảng viên; tăng tự phê bình, kiểm tra và xử lý vi phạm.",
            issued_on=date(2021, 10, 25)),
]
