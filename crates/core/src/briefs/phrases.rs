//! Fixed wording of briefs in Vietnamese and English.

use super::model::L;
use crate::domain::{OpportunityKind, OpportunityStatus};

/// The display name of a sector tag.
pub fn sector(tag: &str) -> L {
    let (vi, en) = match tag {
        "semiconductors" => ("Bán dẫn", "Semiconductors"),
        "electronics" => ("Điện tử", "Electronics"),
        "software" => ("Phần mềm", "Software"),
        "automation" => ("Tự động hóa", "Automation"),
        "new_materials" => ("Vật liệu mới", "New materials"),
        "biotech" => ("Công nghệ sinh học", "Biotechnology"),
        "logistics" => ("Logistics", "Logistics"),
        "e_commerce" => ("Thương mại điện tử", "E-commerce"),
        "agrifood" => ("Nông sản, thực phẩm", "Agri-food"),
        "retail" => ("Bán lẻ", "Retail"),
        "education" => ("Giáo dục", "Education"),
        "rd" => ("Nghiên cứu và phát triển", "Research and development"),
        "renewable_energy" => ("Năng lượng tái tạo", "Renewable energy"),
        "automotive" => ("Ô tô", "Automotive"),
        "precision_mechanics" => ("Cơ khí chính xác", "Precision mechanics"),
        "textiles" => ("Dệt may", "Textiles"),
        "pharma" => ("Dược phẩm", "Pharmaceuticals"),
        "real_estate" => ("Bất động sản", "Real estate"),
        "data_centres" | "data_centers" => ("Trung tâm dữ liệu", "Data centres"),
        other => return L::same(other.replace('_', " ")),
    };
    L::new(vi, en)
}

/// Sector names joined with commas.
pub fn sectors(tags: &[String]) -> L {
    let names: Vec<L> = tags.iter().map(|t| sector(t)).collect();
    L::new(
        names
            .iter()
            .map(|n| n.vi.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        names
            .iter()
            .map(|n| n.en.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// The name of an opportunity kind.
pub fn kind(k: OpportunityKind) -> L {
    match k {
        OpportunityKind::HitechZone => L::new("Khu công nghệ cao", "Hi-tech park"),
        OpportunityKind::IndustrialCluster => L::new("Cụm công nghiệp", "Industrial cluster"),
        OpportunityKind::IndustrialZone => L::new("Khu công nghiệp", "Industrial zone"),
        OpportunityKind::LogisticsCentre => L::new("Trung tâm logistics", "Logistics centre"),
        OpportunityKind::WholesaleMarket => L::new("Chợ đầu mối", "Wholesale market"),
        OpportunityKind::FdiProject => L::new("Dự án kêu gọi đầu tư", "FDI project"),
    }
}

/// The name of an opportunity status.
pub fn status(s: OpportunityStatus) -> L {
    match s {
        OpportunityStatus::Open => L::new("Đang kêu gọi đầu tư", "Open to investors"),
        OpportunityStatus::Preparing => L::new("Đang chuẩn bị", "In preparation"),
        OpportunityStatus::Operating => L::new("Đang hoạt động", "Operating"),
        OpportunityStatus::Closed => L::new("Đã đóng", "Closed"),
    }
}

/// A number with the language's separators (1.586,5 / 1,586.5).
pub fn number(v: f64, decimals: usize) -> L {
    let text = format!("{v:.decimals$}");
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let group = |sep: char| {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        out
    };
    let vi = format!(
        "{sign}{}{}",
        group('.'),
        frac.map(|f| format!(",{f}")).unwrap_or_default()
    );
    let en = format!(
        "{sign}{}{}",
        group(','),
        frac.map(|f| format!(".{f}")).unwrap_or_default()
    );
    L::new(vi, en)
}

/// The steps of investing in Hanoi, as the agency explains them.
pub fn how_to_invest() -> Vec<L> {
    vec![
        L::new(
            "1. Liên hệ Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch Hà Nội hoặc Thương vụ Việt Nam tại nước sở tại để được giới thiệu cơ hội phù hợp.",
            "1. Contact the Hanoi Investment, Trade and Tourism Promotion Centre or the Vietnam Trade Office in your country for matching opportunities.",
        ),
        L::new(
            "2. Khảo sát địa điểm cùng ban quản lý khu, cụm công nghiệp; làm rõ quỹ đất, hạ tầng và giá thuê.",
            "2. Visit the site with the park or cluster's management board; confirm land, infrastructure and rent.",
        ),
        L::new(
            "3. Nộp hồ sơ đề nghị chấp thuận chủ trương đầu tư (nếu dự án thuộc diện phải chấp thuận).",
            "3. File for approval of the investment policy where the project requires it.",
        ),
        L::new(
            "4. Nhận Giấy chứng nhận đăng ký đầu tư (IRC).",
            "4. Obtain the Investment Registration Certificate (IRC).",
        ),
        L::new(
            "5. Thành lập doanh nghiệp (Giấy chứng nhận đăng ký doanh nghiệp) và mở tài khoản vốn đầu tư trực tiếp.",
            "5. Establish the company (Enterprise Registration Certificate) and open a direct investment capital account.",
        ),
        L::new(
            "6. Ký hợp đồng thuê đất, xin giấy phép xây dựng, triển khai dự án.",
            "6. Sign the land lease, obtain the construction permit and build.",
        ),
        L::new(
            "7. Hậu đầu tư: Trung tâm tiếp tục hỗ trợ trong quá trình hoạt động và mở rộng.",
            "7. Aftercare: the Centre keeps supporting the project as it operates and expands.",
        ),
    ]
}

/// The label that every incentive carries.
pub fn indicative() -> L {
    L::new(
        "Ưu đãi mang tính tham khảo; cần xác nhận với Ban Quản lý trước khi quyết định đầu tư.",
        "Incentives are indicative; check with the management board before deciding to invest.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_each_languages_separators() {
        assert_eq!(number(1586.0, 0), L::new("1.586", "1,586"));
        assert_eq!(number(115500.5, 1), L::new("115.500,5", "115,500.5"));
        assert_eq!(number(56.0, 0), L::same("56"));
    }
}
