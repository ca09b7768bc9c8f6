//! Fixed wording of briefs in Vietnamese and English (the names of values, such as sectors and
//! kinds of opportunity, are in `crate::labels`).

use crate::labels::Bilingual;

/// The steps of investing in Hanoi, as the agency explains them.
pub fn how_to_invest() -> Vec<Bilingual> {
    vec![
        Bilingual::new(
            "1. Liên hệ Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch Hà Nội hoặc Thương vụ Việt Nam tại nước sở tại để được giới thiệu cơ hội phù hợp.",
            "1. Contact the Hanoi Investment, Trade and Tourism Promotion Centre or the Vietnam Trade Office in your country for matching opportunities.",
        ),
        Bilingual::new(
            "2. Khảo sát địa điểm cùng ban quản lý khu, cụm công nghiệp; làm rõ quỹ đất, hạ tầng và giá thuê.",
            "2. Visit the site with the park or cluster's management board; confirm land, infrastructure and rent.",
        ),
        Bilingual::new(
            "3. Nộp hồ sơ đề nghị chấp thuận chủ trương đầu tư (nếu dự án thuộc diện phải chấp thuận).",
            "3. File for approval of the investment policy where the project requires it.",
        ),
        Bilingual::new(
            "4. Nhận Giấy chứng nhận đăng ký đầu tư (IRC).",
            "4. Obtain the Investment Registration Certificate (IRC).",
        ),
        Bilingual::new(
            "5. Thành lập doanh nghiệp (Giấy chứng nhận đăng ký doanh nghiệp) và mở tài khoản vốn đầu tư trực tiếp.",
            "5. Establish the company (Enterprise Registration Certificate) and open a direct investment capital account.",
        ),
        Bilingual::new(
            "6. Ký hợp đồng thuê đất, xin giấy phép xây dựng, triển khai dự án.",
            "6. Sign the land lease, obtain the construction permit and build.",
        ),
        Bilingual::new(
            "7. Hậu đầu tư: Trung tâm tiếp tục hỗ trợ trong quá trình hoạt động và mở rộng.",
            "7. Aftercare: the Centre keeps supporting the project as it operates and expands.",
        ),
    ]
}

/// The label that every incentive carries.
pub fn indicative() -> Bilingual {
    Bilingual::new(
        "Ưu đãi mang tính tham khảo; cần xác nhận với Ban Quản lý trước khi quyết định đầu tư.",
        "Incentives are indicative; check with the management board before deciding to invest.",
    )
}
