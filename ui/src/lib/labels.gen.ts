// Generated from Rust by planner-core (src/labels/). Do not edit by hand: run
// `UPDATE_BINDINGS=1 cargo test -p planner-core --test core bindings` after changing a label.
// Each map lists its values in display order; `Record<Enum, ...>` makes the compiler check
// that every value has its labels.

import type { AudienceKind, Bilingual, BilingualLayout, BriefLanguage, BriefSection, ConflictKind, ConsentBasis, DelegationKind, DelegationStatus, EntityKind, ImportFormat, InteractionKind, ItineraryKind, LeadStage, MemberRole, OpportunityKind, OpportunityStatus, OrganizationKind, OrganizationSize, Paper, Severity, Target, VisaStatus } from './bindings.gen';

export const ENTITY_KIND: Readonly<Record<EntityKind, Bilingual>> = {
  "offices": { vi: "Thương vụ", en: "Trade offices" },
  "counsellors": { vi: "Tham tán", en: "Counsellors" },
  "organizations": { vi: "Tổ chức", en: "Organisations" },
  "contacts": { vi: "Người liên hệ", en: "People" },
  "delegations": { vi: "Đoàn", en: "Delegations" },
  "members": { vi: "Thành viên đoàn", en: "Delegation members" },
  "itinerary-items": { vi: "Mục lịch trình", en: "Itinerary items" },
  "interactions": { vi: "Tương tác", en: "Interactions" },
  "leads": { vi: "Cơ hội theo dõi", en: "Leads" },
  "opportunities": { vi: "Cơ hội đầu tư", en: "Opportunities" },
  "briefs": { vi: "Bản tin", en: "Briefs" },
};

export const DELEGATION_KIND: Readonly<Record<DelegationKind, Bilingual>> = {
  "outbound": { vi: "Đoàn ra", en: "Outbound mission" },
  "inbound": { vi: "Đoàn vào", en: "Inbound visit" },
};

export const DELEGATION_STATUS: Readonly<Record<DelegationStatus, Bilingual>> = {
  "draft": { vi: "Dự thảo", en: "Draft" },
  "proposed": { vi: "Đề xuất", en: "Proposed" },
  "approved": { vi: "Đã phê duyệt", en: "Approved" },
  "confirmed": { vi: "Đã xác nhận", en: "Confirmed" },
  "completed": { vi: "Đã hoàn thành", en: "Completed" },
  "reported": { vi: "Đã báo cáo", en: "Reported" },
  "cancelled": { vi: "Đã huỷ", en: "Cancelled" },
};

export const MEMBER_ROLE: Readonly<Record<MemberRole, Bilingual>> = {
  "head": { vi: "Trưởng đoàn", en: "Head of delegation" },
  "member": { vi: "Thành viên", en: "Member" },
  "interpreter": { vi: "Phiên dịch", en: "Interpreter" },
  "counsellor": { vi: "Tham tán", en: "Counsellor" },
  "liaison": { vi: "Cán bộ liên lạc", en: "Liaison officer" },
  "security": { vi: "An ninh", en: "Security" },
};

export const VISA_STATUS: Readonly<Record<VisaStatus, Bilingual>> = {
  "not_required": { vi: "Không cần", en: "Not required" },
  "pending": { vi: "Đang xử lý", en: "Pending" },
  "issued": { vi: "Đã cấp", en: "Issued" },
  "refused": { vi: "Bị từ chối", en: "Refused" },
};

export const ITINERARY_KIND: Readonly<Record<ItineraryKind, Bilingual>> = {
  "meeting": { vi: "Gặp gỡ", en: "Meeting" },
  "site_visit": { vi: "Khảo sát thực địa", en: "Site visit" },
  "conference": { vi: "Hội nghị, hội thảo", en: "Conference" },
  "travel": { vi: "Di chuyển", en: "Travel" },
  "meal": { vi: "Ăn uống, chiêu đãi", en: "Meal" },
  "free": { vi: "Thời gian tự do", en: "Free time" },
};

export const SEVERITY: Readonly<Record<Severity, Bilingual>> = {
  "hard": { vi: "Nghiêm trọng", en: "Hard" },
  "soft": { vi: "Cần xem lại", en: "To review" },
};

export const CONFLICT_KIND: Readonly<Record<ConflictKind, Bilingual>> = {
  "double_booked": { vi: "Trùng lịch", en: "Double-booked" },
  "outside_dates": { vi: "Ngoài thời gian của đoàn", en: "Outside the delegation's dates" },
  "end_before_start": { vi: "Kết thúc trước khi bắt đầu", en: "Ends before it starts" },
  "tight_transfer": { vi: "Không đủ thời gian di chuyển", en: "Tight transfer" },
  "night_time": { vi: "Vào ban đêm", en: "At night" },
  "no_counsellor": { vi: "Chưa có tham tán", en: "No counsellor" },
  "no_attendee": { vi: "Cả đoàn (chưa chọn ai)", en: "Whole delegation (no one chosen)" },
};

export const ORGANIZATION_KIND: Readonly<Record<OrganizationKind, Bilingual>> = {
  "investor": { vi: "Nhà đầu tư", en: "Investor" },
  "government": { vi: "Cơ quan nhà nước", en: "Government body" },
  "association": { vi: "Hiệp hội", en: "Association" },
  "other": { vi: "Khác", en: "Other" },
};

export const ORGANIZATION_SIZE: Readonly<Record<OrganizationSize, Bilingual>> = {
  "unknown": { vi: "Chưa rõ", en: "Unknown" },
  "small": { vi: "Nhỏ", en: "Small" },
  "medium": { vi: "Vừa", en: "Medium" },
  "large": { vi: "Lớn", en: "Large" },
  "multinational": { vi: "Đa quốc gia", en: "Multinational" },
};

export const CONSENT_BASIS: Readonly<Record<ConsentBasis, Bilingual>> = {
  "unknown": { vi: "Chưa rõ", en: "Unknown" },
  "consent": { vi: "Sự đồng ý của chủ thể", en: "Consent of the person" },
  "contract": { vi: "Thực hiện hợp đồng", en: "Performance of a contract" },
  "legal_obligation": { vi: "Nghĩa vụ pháp lý", en: "Legal obligation" },
  "public_interest": { vi: "Lợi ích công cộng", en: "Public interest" },
};

export const INTERACTION_KIND: Readonly<Record<InteractionKind, Bilingual>> = {
  "meeting": { vi: "Gặp mặt", en: "Meeting" },
  "call": { vi: "Điện thoại", en: "Call" },
  "email": { vi: "Email", en: "Email" },
  "site_visit": { vi: "Khảo sát thực địa", en: "Site visit" },
  "event": { vi: "Sự kiện", en: "Event" },
  "note": { vi: "Ghi chú", en: "Note" },
};

export const LEAD_STAGE: Readonly<Record<LeadStage, Bilingual>> = {
  "lead": { vi: "Tiềm năng", en: "Lead" },
  "contacted": { vi: "Đã liên hệ", en: "Contacted" },
  "meeting": { vi: "Đã gặp", en: "Meeting held" },
  "site_visit": { vi: "Khảo sát thực địa", en: "Site visit" },
  "mou": { vi: "Đã ký MoU", en: "MoU signed" },
  "licensed": { vi: "Đã cấp IRC", en: "Licensed (IRC issued)" },
  "aftercare": { vi: "Hậu đầu tư", en: "Aftercare" },
  "lost": { vi: "Không thành công", en: "Lost" },
};

export const OPPORTUNITY_KIND: Readonly<Record<OpportunityKind, Bilingual>> = {
  "hitech_zone": { vi: "Khu công nghệ cao", en: "Hi-tech park" },
  "industrial_cluster": { vi: "Cụm công nghiệp", en: "Industrial cluster" },
  "industrial_zone": { vi: "Khu công nghiệp", en: "Industrial zone" },
  "logistics_centre": { vi: "Trung tâm logistics", en: "Logistics centre" },
  "wholesale_market": { vi: "Chợ đầu mối", en: "Wholesale market" },
  "fdi_project": { vi: "Dự án kêu gọi đầu tư", en: "FDI project" },
};

export const OPPORTUNITY_STATUS: Readonly<Record<OpportunityStatus, Bilingual>> = {
  "open": { vi: "Đang kêu gọi đầu tư", en: "Open to investors" },
  "preparing": { vi: "Đang chuẩn bị", en: "In preparation" },
  "operating": { vi: "Đang hoạt động", en: "Operating" },
  "closed": { vi: "Đã đóng", en: "Closed" },
};

export const BRIEF_LANGUAGE: Readonly<Record<BriefLanguage, Bilingual>> = {
  "vi": { vi: "Tiếng Việt", en: "Vietnamese" },
  "en": { vi: "Tiếng Anh", en: "English" },
  "bi": { vi: "Song ngữ Việt – Anh", en: "Bilingual (Vietnamese and English)" },
};

export const AUDIENCE_KIND: Readonly<Record<AudienceKind, Bilingual>> = {
  "delegation": { vi: "Một đoàn", en: "A delegation" },
  "organization": { vi: "Một tổ chức", en: "An organisation" },
  "sector": { vi: "Một lĩnh vực", en: "A sector" },
};

export const BILINGUAL_LAYOUT: Readonly<Record<BilingualLayout, Bilingual>> = {
  "side_by_side": { vi: "Hai cột song song (Việt | Anh)", en: "Side by side (Vietnamese | English)" },
  "sequential": { vi: "Toàn bộ tiếng Việt, rồi tiếng Anh", en: "All in Vietnamese, then in English" },
};

export const PAPER: Readonly<Record<Paper, Bilingual>> = {
  "a4": { vi: "A4", en: "A4" },
  "letter": { vi: "Letter (Mỹ)", en: "US Letter" },
};

export const BRIEF_SECTION: Readonly<Record<BriefSection, Bilingual>> = {
  "cover": { vi: "Trang bìa", en: "Cover page" },
  "summary": { vi: "Tóm tắt", en: "Executive summary" },
  "at_a_glance": { vi: "Số liệu chính", en: "At a glance" },
  "opportunity_table": { vi: "Bảng các cơ hội", en: "Opportunity table" },
  "opportunity_pages": { vi: "Trang riêng cho từng cơ hội", en: "A page per opportunity" },
  "incentives": { vi: "Ưu đãi đầu tư", en: "Investment incentives" },
  "how_to_invest": { vi: "Các bước đầu tư", en: "How to invest" },
  "contacts": { vi: "Liên hệ", en: "Contacts" },
};

export const IMPORT_FORMAT: Readonly<Record<ImportFormat, Bilingual>> = {
  "csv": { vi: "CSV", en: "CSV" },
  "google": { vi: "CSV của Google Contacts", en: "Google Contacts CSV" },
  "outlook": { vi: "CSV của Outlook", en: "Outlook CSV" },
  "vcard": { vi: "vCard (.vcf)", en: "vCard (.vcf)" },
};

export const IMPORT_TARGET: Readonly<Record<Target, Bilingual>> = {
  "full_name": { vi: "Họ tên", en: "Full name" },
  "given_name": { vi: "Tên", en: "Given name" },
  "family_name": { vi: "Họ", en: "Family name" },
  "title": { vi: "Chức danh", en: "Title" },
  "organization": { vi: "Tổ chức (theo tên)", en: "Organisation (by name)" },
  "email": { vi: "Email", en: "Email" },
  "email_label": { vi: "Nhãn của email bên cạnh", en: "Label of the email beside it" },
  "phone": { vi: "Điện thoại", en: "Phone" },
  "phone_label": { vi: "Nhãn của số điện thoại bên cạnh", en: "Label of the phone beside it" },
  "language": { vi: "Ngôn ngữ", en: "Language" },
  "nationality": { vi: "Quốc tịch", en: "Nationality" },
  "notes": { vi: "Ghi chú", en: "Notes" },
  "consent_basis": { vi: "Cơ sở pháp lý", en: "Lawful basis" },
  "consent_date": { vi: "Ngày đồng ý", en: "Consent date" },
  "consent_source": { vi: "Nguồn ghi nhận", en: "Consent source" },
  "uuid": { vi: "Mã định danh (uuid)", en: "Identifier (uuid)" },
  "ignore": { vi: "Bỏ qua cột này", en: "Ignore this column" },
};

/** A sector tag the app names (records may hold others, typed by a user). */
export type SectorTag = "semiconductors" | "electronics" | "software" | "automation" | "new_materials" | "biotech" | "logistics" | "e_commerce" | "agrifood" | "retail" | "education" | "rd" | "renewable_energy" | "automotive" | "precision_mechanics" | "textiles" | "pharma" | "real_estate" | "data_centres";

export const SECTORS: Readonly<Record<SectorTag, Bilingual>> = {
  "semiconductors": { vi: "Bán dẫn", en: "Semiconductors" },
  "electronics": { vi: "Điện tử", en: "Electronics" },
  "software": { vi: "Phần mềm", en: "Software" },
  "automation": { vi: "Tự động hoá", en: "Automation" },
  "new_materials": { vi: "Vật liệu mới", en: "New materials" },
  "biotech": { vi: "Công nghệ sinh học", en: "Biotechnology" },
  "logistics": { vi: "Logistics", en: "Logistics" },
  "e_commerce": { vi: "Thương mại điện tử", en: "E-commerce" },
  "agrifood": { vi: "Nông sản, thực phẩm", en: "Agri-food" },
  "retail": { vi: "Bán lẻ", en: "Retail" },
  "education": { vi: "Giáo dục", en: "Education" },
  "rd": { vi: "Nghiên cứu và phát triển", en: "Research and development" },
  "renewable_energy": { vi: "Năng lượng tái tạo", en: "Renewable energy" },
  "automotive": { vi: "Ô tô", en: "Automotive" },
  "precision_mechanics": { vi: "Cơ khí chính xác", en: "Precision mechanics" },
  "textiles": { vi: "Dệt may", en: "Textiles" },
  "pharma": { vi: "Dược phẩm", en: "Pharmaceuticals" },
  "real_estate": { vi: "Bất động sản", en: "Real estate" },
  "data_centres": { vi: "Trung tâm dữ liệu", en: "Data centres" },
};

/** Other spellings of known tags. */
export const SECTOR_ALIASES: Readonly<Record<string, SectorTag>> = {
  "data_centers": "data_centres",
};

/** Each kind's required fields (an empty value is refused by the core): forms mark them. */
export const REQUIRED_FIELDS: Readonly<Record<EntityKind, readonly string[]>> = {
  "offices": ["name_vi", "country", "city", "time_zone"],
  "counsellors": ["office_id", "full_name"],
  "organizations": ["name_vi", "country"],
  "contacts": ["full_name"],
  "delegations": ["title", "destination_country", "time_zone"],
  "members": ["delegation_id", "contact_id"],
  "itinerary-items": ["delegation_id", "title", "starts_at", "ends_at", "time_zone"],
  "interactions": ["occurred_at", "summary"],
  "leads": ["organization_id", "title"],
  "opportunities": ["name_vi", "location", "source"],
  "briefs": ["title", "delegation_id"],
};
/** Who attends an itinerary item without chosen attendees, and the rule said where they are chosen. */
export const WHOLE_DELEGATION: Bilingual = { vi: "Cả đoàn", en: "Whole delegation" };
export const NO_ONE_CHOSEN: Bilingual = { vi: "Không chọn ai: cả đoàn tham dự", en: "No one chosen: the whole delegation attends" };
