"""What party fees say to their users."""

MONTH_OUTSIDE = ("Sổ tay ghi đảng phí theo Quy định 01-QĐ/TW từ tháng 02/2026 đến 12 tháng sau tháng này; "
                 "tháng {month}/{year} nằm ngoài khoảng đó.")
NO_CELL = "Tài khoản của đồng chí chưa thuộc chi bộ nào nên không có đảng phí để xem."

# One row of the month's sheet.
BAD_CATEGORY = "Hãy chọn đối tượng đóng đảng phí."
BASE_MISSING = "Hãy nhập căn cứ tính: {label} (số nguyên đồng)."
BAD_AMOUNT = "{label}: hãy nhập số nguyên đồng, ví dụ 5.310.000."
TOO_LARGE = "{label} quá lớn."
OVERPAID = ("Số đã đóng ({paid}) vượt mức phải đóng ({due}); phần đóng thêm ghi ở ô “Tự nguyện đóng thêm”.")
FULL_CONFLICT = "Đã đánh dấu “Đóng đủ” nhưng số đã đóng ({paid}) khác mức phải đóng ({due})."
EXTRA_NOT_FULL = "Phần tự nguyện đóng thêm chỉ ghi khi đã đóng đủ mức phải đóng ({due})."
BAD_CHANNEL = "Hãy chọn nơi đóng: tiền mặt cho chi bộ hoặc Cổng Dịch vụ công quốc gia."
REFERENCE_MISSING = "Đóng trên Cổng Dịch vụ công quốc gia: hãy nhập mã giao dịch."
BAD_REFERENCE = "Mã giao dịch chỉ gồm chữ, số và các dấu - _ / . (tối đa 40 ký tự)."
NOTE_TOO_LONG = "Ghi chú tối đa 200 ký tự."
ROWS_WRONG = "Còn {count} dòng chưa đúng (tô đỏ bên dưới); chưa lưu dòng nào."
SAVED = "Đã lưu đảng phí tháng {month}/{year}: {count} dòng thay đổi; cả tháng đã thu {paid}."
CONCURRENT = "Vừa có người khác lưu đảng phí tháng này của chi bộ; hãy tải lại trang rồi lưu lại."
NOTHING_CHANGED = "Không có gì thay đổi trong đảng phí tháng {month}/{year}."

# The treasurer.
NOT_A_MEMBER = "Chỉ giao được cho đảng viên đang sinh hoạt ở {cell}."
ALREADY_TREASURER = "Đồng chí {name} đã là người thu đảng phí của chi bộ."
NOT_TREASURER = "Đồng chí này không giữ việc thu đảng phí của chi bộ."
TREASURER_GRANTED = "Đã giao đồng chí {name} thu và ghi đảng phí của chi bộ."
TREASURER_REMOVED = "Đồng chí {name} thôi thu đảng phí của chi bộ."
