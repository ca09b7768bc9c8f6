//! The labels of every enum a user sees, each declared once, in display order. The `match` the
//! macro writes is exhaustive, so a new value does not compile until it has its labels.

use super::{Bilingual, Labelled};
use crate::briefs::BriefSection;
use crate::contacts_io::{ImportFormat, Target};
use crate::domain::{
    AudienceKind, BilingualLayout, BriefLanguage, ConsentBasis, DelegationKind, DelegationStatus,
    EntityKind, InteractionKind, ItineraryKind, LeadStage, MemberRole, OpportunityKind,
    OpportunityStatus, OrganizationKind, OrganizationSize, Paper, VisaStatus,
};
use crate::itinerary::{ConflictKind, Severity};

/// `labelled!(Enum { Variant => "vi", "en"; ... })`: the enum's `Labelled` impl, values listed
/// in display order.
macro_rules! labelled {
    ($ty:ident { $($variant:ident => $vi:literal, $en:literal;)+ }) => {
        impl Labelled for $ty {
            const DISPLAY_ORDER: &'static [Self] = &[$($ty::$variant),+];

            fn label(self) -> Bilingual<&'static str> {
                match self {
                    $($ty::$variant => Bilingual { vi: $vi, en: $en },)+
                }
            }
        }
    };
}

// A kind's name as a heading (search groups, dashboard counts); `noun` names one record in a
// sentence.
labelled!(EntityKind {
    Offices => "Thương vụ", "Trade offices";
    Counsellors => "Tham tán", "Counsellors";
    Organizations => "Tổ chức", "Organisations";
    Contacts => "Người liên hệ", "People";
    Delegations => "Đoàn", "Delegations";
    Members => "Thành viên đoàn", "Delegation members";
    ItineraryItems => "Mục lịch trình", "Itinerary items";
    Interactions => "Tương tác", "Interactions";
    Leads => "Cơ hội theo dõi", "Leads";
    Opportunities => "Cơ hội đầu tư", "Opportunities";
    Briefs => "Bản tin", "Briefs";
});

impl EntityKind {
    /// One record of this kind named inside a sentence ("Không tìm thấy đoàn có mã 7").
    pub fn noun(self) -> Bilingual<&'static str> {
        let (vi, en) = match self {
            EntityKind::Offices => ("thương vụ", "trade office"),
            EntityKind::Counsellors => ("tham tán", "counsellor"),
            EntityKind::Organizations => ("tổ chức", "organization"),
            EntityKind::Contacts => ("người liên hệ", "contact"),
            EntityKind::Delegations => ("đoàn", "delegation"),
            EntityKind::Members => ("thành viên đoàn", "delegation member"),
            EntityKind::ItineraryItems => ("mục lịch trình", "itinerary item"),
            EntityKind::Interactions => ("tương tác", "interaction"),
            EntityKind::Leads => ("cơ hội theo dõi", "lead"),
            EntityKind::Opportunities => ("cơ hội đầu tư", "opportunity"),
            EntityKind::Briefs => ("bản tin", "brief"),
        };
        Bilingual { vi, en }
    }
}

labelled!(DelegationKind {
    Outbound => "Đoàn ra", "Outbound mission";
    Inbound => "Đoàn vào", "Inbound visit";
});

labelled!(DelegationStatus {
    Draft => "Dự thảo", "Draft";
    Proposed => "Đề xuất", "Proposed";
    Approved => "Đã phê duyệt", "Approved";
    Confirmed => "Đã xác nhận", "Confirmed";
    Completed => "Đã hoàn thành", "Completed";
    Reported => "Đã báo cáo", "Reported";
    Cancelled => "Đã huỷ", "Cancelled";
});

labelled!(MemberRole {
    Head => "Trưởng đoàn", "Head of delegation";
    Member => "Thành viên", "Member";
    Interpreter => "Phiên dịch", "Interpreter";
    Counsellor => "Tham tán", "Counsellor";
    Liaison => "Cán bộ liên lạc", "Liaison officer";
    Security => "An ninh", "Security";
});

labelled!(VisaStatus {
    NotRequired => "Không cần", "Not required";
    Pending => "Đang xử lý", "Pending";
    Issued => "Đã cấp", "Issued";
    Refused => "Bị từ chối", "Refused";
});

labelled!(ItineraryKind {
    Meeting => "Gặp gỡ", "Meeting";
    SiteVisit => "Khảo sát thực địa", "Site visit";
    Conference => "Hội nghị, hội thảo", "Conference";
    Travel => "Di chuyển", "Travel";
    Meal => "Ăn uống, chiêu đãi", "Meal";
    Free => "Thời gian tự do", "Free time";
});

labelled!(Severity {
    Hard => "Nghiêm trọng", "Hard";
    Soft => "Cần xem lại", "To review";
});

labelled!(ConflictKind {
    DoubleBooked => "Trùng lịch", "Double-booked";
    OutsideDates => "Ngoài thời gian của đoàn", "Outside the delegation's dates";
    EndBeforeStart => "Kết thúc trước khi bắt đầu", "Ends before it starts";
    TightTransfer => "Không đủ thời gian di chuyển", "Tight transfer";
    NightTime => "Vào ban đêm", "At night";
    NoCounsellor => "Chưa có tham tán", "No counsellor";
    NoAttendee => "Cả đoàn (chưa chọn ai)", "Whole delegation (no one chosen)";
});

labelled!(OrganizationKind {
    Investor => "Nhà đầu tư", "Investor";
    Government => "Cơ quan nhà nước", "Government body";
    Association => "Hiệp hội", "Association";
    Other => "Khác", "Other";
});

labelled!(OrganizationSize {
    Unknown => "Chưa rõ", "Unknown";
    Small => "Nhỏ", "Small";
    Medium => "Vừa", "Medium";
    Large => "Lớn", "Large";
    Multinational => "Đa quốc gia", "Multinational";
});

labelled!(ConsentBasis {
    Unknown => "Chưa rõ", "Unknown";
    Consent => "Sự đồng ý của chủ thể", "Consent of the person";
    Contract => "Thực hiện hợp đồng", "Performance of a contract";
    LegalObligation => "Nghĩa vụ pháp lý", "Legal obligation";
    PublicInterest => "Lợi ích công cộng", "Public interest";
});

labelled!(InteractionKind {
    Meeting => "Gặp mặt", "Meeting";
    Call => "Điện thoại", "Call";
    Email => "Email", "Email";
    SiteVisit => "Khảo sát thực địa", "Site visit";
    Event => "Sự kiện", "Event";
    Note => "Ghi chú", "Note";
});

labelled!(LeadStage {
    Lead => "Tiềm năng", "Lead";
    Contacted => "Đã liên hệ", "Contacted";
    Meeting => "Đã gặp", "Meeting held";
    SiteVisit => "Khảo sát thực địa", "Site visit";
    Mou => "Đã ký MoU", "MoU signed";
    Licensed => "Đã cấp IRC", "Licensed (IRC issued)";
    Aftercare => "Hậu đầu tư", "Aftercare";
    Lost => "Không thành công", "Lost";
});

labelled!(OpportunityKind {
    HitechZone => "Khu công nghệ cao", "Hi-tech park";
    IndustrialCluster => "Cụm công nghiệp", "Industrial cluster";
    IndustrialZone => "Khu công nghiệp", "Industrial zone";
    LogisticsCentre => "Trung tâm logistics", "Logistics centre";
    WholesaleMarket => "Chợ đầu mối", "Wholesale market";
    FdiProject => "Dự án kêu gọi đầu tư", "FDI project";
});

labelled!(OpportunityStatus {
    Open => "Đang kêu gọi đầu tư", "Open to investors";
    Preparing => "Đang chuẩn bị", "In preparation";
    Operating => "Đang hoạt động", "Operating";
    Closed => "Đã đóng", "Closed";
});

labelled!(BriefLanguage {
    Vi => "Tiếng Việt", "Vietnamese";
    En => "Tiếng Anh", "English";
    Bi => "Song ngữ Việt – Anh", "Bilingual (Vietnamese and English)";
});

labelled!(AudienceKind {
    Delegation => "Một đoàn", "A delegation";
    Organization => "Một tổ chức", "An organisation";
    Sector => "Một lĩnh vực", "A sector";
});

labelled!(BilingualLayout {
    SideBySide => "Hai cột song song (Việt | Anh)", "Side by side (Vietnamese | English)";
    Sequential => "Toàn bộ tiếng Việt, rồi tiếng Anh", "All in Vietnamese, then in English";
});

labelled!(Paper {
    A4 => "A4", "A4";
    Letter => "Letter (Mỹ)", "US Letter";
});

labelled!(BriefSection {
    Cover => "Trang bìa", "Cover page";
    Summary => "Tóm tắt", "Executive summary";
    AtAGlance => "Số liệu chính", "At a glance";
    OpportunityTable => "Bảng các cơ hội", "Opportunity table";
    OpportunityPages => "Trang riêng cho từng cơ hội", "A page per opportunity";
    Incentives => "Ưu đãi đầu tư", "Investment incentives";
    HowToInvest => "Các bước đầu tư", "How to invest";
    Contacts => "Liên hệ", "Contacts";
});

labelled!(ImportFormat {
    Csv => "CSV", "CSV";
    Google => "CSV của Google Contacts", "Google Contacts CSV";
    Outlook => "CSV của Outlook", "Outlook CSV";
    Vcard => "vCard (.vcf)", "vCard (.vcf)";
});

// The order the column-mapping menu lists them: each label column right after its value column.
labelled!(Target {
    FullName => "Họ tên", "Full name";
    GivenName => "Tên", "Given name";
    FamilyName => "Họ", "Family name";
    Title => "Chức danh", "Title";
    Organization => "Tổ chức (theo tên)", "Organisation (by name)";
    Email => "Email", "Email";
    EmailLabel => "Nhãn của email bên cạnh", "Label of the email beside it";
    Phone => "Điện thoại", "Phone";
    PhoneLabel => "Nhãn của số điện thoại bên cạnh", "Label of the phone beside it";
    Language => "Ngôn ngữ", "Language";
    Nationality => "Quốc tịch", "Nationality";
    Notes => "Ghi chú", "Notes";
    ConsentBasis => "Cơ sở pháp lý", "Lawful basis";
    ConsentDate => "Ngày đồng ý", "Consent date";
    ConsentSource => "Nguồn ghi nhận", "Consent source";
    Uuid => "Mã định danh (uuid)", "Identifier (uuid)";
    Ignore => "Bỏ qua cột này", "Ignore this column";
});
