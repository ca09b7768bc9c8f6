//! Every refusal has one `Code`: a stable snake_case string that crosses the IPC and the CLI, and a
//! message in each language. The table below is the one source; docs/exchange-format.md lists the
//! same codes and a test keeps the two in step.

use std::fmt;

macro_rules! codes {
    ($($variant:ident => $code:literal, $vi:literal, $en:literal;)*) => {
        /// Why a bundle, a card or a key was refused.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, in the order of the table (the documentation test walks it).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable snake_case code.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// What is wrong, in Vietnamese.
            pub fn message_vi(self) -> &'static str {
                match self { $(Code::$variant => $vi,)* }
            }

            /// What is wrong, in English.
            pub fn message_en(self) -> &'static str {
                match self { $(Code::$variant => $en,)* }
            }
        }
    };
}

codes! {
    // The file and its ZIP structure.
    BundleTooLarge => "bundle_too_large",
        "Tệp quá lớn để là một gói hồ sơ.",
        "The file is too large to be a bundle.";
    NotABundle => "not_a_bundle",
        "Tệp này không phải là một gói hồ sơ (không đọc được cấu trúc ZIP).",
        "This file is not a bundle (its ZIP structure cannot be read).";
    TruncatedBundle => "truncated_bundle",
        "Tệp bị cắt cụt: thiếu phần cuối của gói.",
        "The file is truncated: the end of the bundle is missing.";
    UnexpectedData => "unexpected_data",
        "Tệp chứa dữ liệu lạ nằm ngoài các thành phần của gói (phía trước, xen giữa hoặc phía sau).",
        "The file holds data outside the bundle's members (before, between or after them).";
    OverlappingMembers => "overlapping_members",
        "Các thành phần trong tệp chồng lên nhau.",
        "Members of the file overlap each other.";
    TooManyMembers => "too_many_members",
        "Gói có quá nhiều thành phần.",
        "The bundle has too many members.";
    UnsafeMemberName => "unsafe_member_name",
        "Gói chứa một tên thành phần không an toàn.",
        "The bundle contains an unsafe member name.";
    DuplicateMember => "duplicate_member",
        "Gói chứa hai thành phần trùng tên.",
        "The bundle contains two members with the same name.";
    UnexpectedMember => "unexpected_member",
        "Gói chứa một thành phần không được phép.",
        "The bundle contains a member that is not allowed.";
    SymlinkMember => "symlink_member",
        "Gói chứa một liên kết tượng trưng (symlink).",
        "The bundle contains a symbolic link.";
    DirectoryMember => "directory_member",
        "Gói chứa một thư mục.",
        "The bundle contains a directory entry.";
    EncryptedMember => "encrypted_member",
        "Gói chứa một thành phần được mã hóa.",
        "The bundle contains an encrypted member.";
    UnsupportedCompression => "unsupported_compression",
        "Gói dùng một kiểu nén không được hỗ trợ.",
        "The bundle uses an unsupported compression method.";
    UnsupportedZipFeature => "unsupported_zip_feature",
        "Gói dùng một tính năng ZIP không được hỗ trợ.",
        "The bundle uses a ZIP feature that is not supported.";
    // The signature and the manifest.
    MissingSignature => "missing_signature",
        "Gói không có chữ ký (manifest.sig).",
        "The bundle has no signature (manifest.sig).";
    MissingManifest => "missing_manifest",
        "Gói không có bản kê (manifest.json).",
        "The bundle has no manifest (manifest.json).";
    ManifestTooLarge => "manifest_too_large",
        "Bản kê hoặc chữ ký của gói quá lớn.",
        "The bundle's manifest or signature is too large.";
    WrongPayloadType => "wrong_payload_type",
        "Chữ ký không dành cho loại nội dung này.",
        "The signature is not for this kind of content.";
    BadSignature => "bad_signature",
        "Chữ ký không hợp lệ: nội dung đã bị thay đổi sau khi ký.",
        "The signature is invalid: the content was changed after it was signed.";
    MalformedManifest => "malformed_manifest",
        "Bản kê của gói không đúng định dạng.",
        "The bundle's manifest is malformed.";
    NewerFormat => "newer_format",
        "Tệp được tạo bởi một phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng để mở.",
        "The file was made by a newer version of the app; update the app to open it.";
    WrongKind => "wrong_kind",
        "Gói chứa một loại hồ sơ mà ứng dụng này không nhận.",
        "The bundle holds a kind of content this app does not accept.";
    SignerMismatch => "signer_mismatch",
        "Khoá đã ký không khớp với khoá của văn phòng gửi ghi trong tệp.",
        "The signing key does not match the sending office's key written in the file.";
    // The members.
    MissingMember => "missing_member",
        "Thiếu một thành phần được liệt kê trong bản kê.",
        "A member listed in the manifest is missing.";
    UnlistedMember => "unlisted_member",
        "Gói chứa một thành phần không có trong bản kê.",
        "The bundle contains a member that the manifest does not list.";
    MemberSizeMismatch => "member_size_mismatch",
        "Kích thước của một thành phần không khớp với bản kê.",
        "A member's size does not match the manifest.";
    MemberTooLong => "member_too_long",
        "Một thành phần dài hơn kích thước đã khai báo.",
        "A member is longer than its declared size.";
    MemberTooShort => "member_too_short",
        "Một thành phần ngắn hơn kích thước đã khai báo.",
        "A member is shorter than its declared size.";
    HashMismatch => "hash_mismatch",
        "Nội dung của một thành phần không khớp với mã băm đã ký.",
        "A member's content does not match its signed hash.";
    SuspiciousCompression => "suspicious_compression",
        "Một thành phần có tỉ lệ nén bất thường (nghi là bom giải nén).",
        "A member has a suspicious compression ratio (a possible decompression bomb).";
    ContentTooLarge => "content_too_large",
        "Nội dung của gói vượt quá giới hạn cho phép.",
        "The bundle's content exceeds the allowed size.";
    MalformedContent => "malformed_content",
        "Dữ liệu trong gói không đúng định dạng.",
        "Data in the bundle is malformed.";
    // Trust and store: raised by planner-core, listed here so that every code has one home.
    UntrustedSigner => "untrusted_signer",
        "Tệp được ký bởi một văn phòng chưa được tin cậy. Hãy đối chiếu dấu vân tay của khoá trước khi tin cậy.",
        "The file is signed by an office that is not trusted yet. Compare the key fingerprint before trusting it.";
    KeyChanged => "key_changed",
        "Văn phòng này đã ký bằng một khoá khác với khoá đang được tin cậy. Tệp bị từ chối.",
        "This office signed with a different key from the one you trust. The file is refused.";
    RevokedKey => "revoked_key",
        "Khoá đã ký tệp này đã bị thu hồi.",
        "The key that signed this file has been revoked.";
    Rollback => "rollback",
        "Gói này là một phiên bản cũ hơn phiên bản đã nhận.",
        "This bundle is an older version than the one already received.";
    VersionConflict => "version_conflict",
        "Đã nhận một gói cùng phiên bản nhưng có nội dung khác.",
        "A bundle of the same version with different content was already received.";
    InvalidContent => "invalid_content",
        "Một bản ghi trong gói không hợp lệ.",
        "A record in the bundle is not valid.";
    OfficeKeyMissing => "office_key_missing",
        "Không tìm thấy khoá của văn phòng, hoặc tệp khoá chứa một khoá khác.",
        "The office key is missing, or its file holds a different key.";
    MalformedCard => "malformed_card",
        "Thẻ văn phòng không đúng định dạng.",
        "The office card is malformed.";
    BadFingerprint => "bad_fingerprint",
        "Dấu vân tay của khoá không đúng định dạng (32 ký tự thập lục phân).",
        "The key fingerprint is malformed (32 hexadecimal characters).";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A refusal: its code and a detail naming the member, field or fingerprint concerned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {detail}")]
pub struct BundleError {
    /// What kind of refusal.
    pub code: Code,
    /// Which member, field or fingerprint, in plain words (not translated: names and numbers).
    pub detail: String,
}

impl BundleError {
    /// A refusal with its detail.
    pub fn new(code: Code, detail: impl Into<String>) -> BundleError {
        BundleError {
            code,
            detail: detail.into(),
        }
    }

    /// The stable snake_case code.
    pub fn code(&self) -> &'static str {
        self.code.as_str()
    }

    /// The Vietnamese message followed by the detail.
    pub fn message_vi(&self) -> String {
        with_detail(self.code.message_vi(), &self.detail)
    }

    /// The English message followed by the detail.
    pub fn message_en(&self) -> String {
        with_detail(self.code.message_en(), &self.detail)
    }
}

fn with_detail(message: &str, detail: &str) -> String {
    if detail.is_empty() {
        message.to_string()
    } else {
        format!("{message} ({detail})")
    }
}

/// Shorthand for a refusal inside the crate.
pub(crate) fn refuse<T>(code: Code, detail: impl Into<String>) -> Result<T, BundleError> {
    Err(BundleError::new(code, detail))
}
