//! The core's error type and its serialisable form for the IPC boundary.

use crate::domain::EntityKind;
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The input broke one or more field rules; each error names its field.
    #[error("{}", summarize(.0))]
    Invalid(Vec<FieldError>),
    /// No record of this kind has this id.
    #[error("{} {id} not found", .kind.noun().en)]
    NotFound { kind: EntityKind, id: i64 },
    /// The record cannot be deleted while other records point at it.
    #[error("{} {id} is still used by other records (for example leads or counsellors); remove those first", .kind.noun().en)]
    InUse { kind: EntityKind, id: i64 },
    /// The record changed since the revision an update or delete was based on (another window
    /// or a `planner` process wrote it meanwhile); nothing was written.
    #[error("the {} {id} was changed elsewhere since it was read (fields: {}); nothing was saved: read it again and redo the change", .kind.noun().en, fields_or_none(&.changed.fields))]
    ChangedElsewhere {
        kind: EntityKind,
        id: i64,
        changed: Box<ChangedElsewhere>,
    },
    /// Demo data goes only into a store without user data.
    #[error("the store already holds data; use --reset to replace it with the demo")]
    NotEmpty,
    /// The file was written by a newer version of the app.
    #[error(
        "the database has schema version {found}, newer than this app's {known}; update the app"
    )]
    NewerSchema { found: u32, known: u32 },
    /// No store file at this path (only the commands that make a store create one).
    #[error("there is no store at {}: check the path, or make a new store with `planner init`", .0.display())]
    NoStore(std::path::PathBuf),
    /// The file is a SQLite database of some other program.
    #[error("this file is not a Delegation Planner database")]
    ForeignDatabase,
    /// The PDF engine could not render a document.
    #[error("rendering failed: {0}")]
    Render(String),
    /// A migration left the file inconsistent; nothing was committed.
    #[error("migration failed: {0}")]
    Migration(String),
    /// A bundle, office card or key refused by the exchange rules: the code is the exchange
    /// format's (`docs/exchange-format.md`).
    #[error("{}", .0.message_en())]
    Exchange(#[from] planner_exchange::BundleError),
    /// Another connection (the app, a `planner` command, a backup) held the store's write lock
    /// for longer than a write waits; nothing was written.
    #[error("the store is busy: another program (the app or a `planner` command) kept writing to it; nothing was saved, try again in a moment")]
    StoreBusy,
    /// The disk (or the file-size limit) had no room for the write; nothing was written.
    #[error("there is no room to write the store (the disk is full or a file-size limit was reached); nothing was saved: free some space and try again")]
    DiskFull,
    /// The store file or its folder cannot be written here; nothing was written.
    #[error(
        "the store is read-only here (the file or its folder cannot be written); nothing was saved"
    )]
    ReadOnlyStore,
    /// A read-only store written by an older version: upgrading it would write to it.
    #[error("the store is read-only here and has schema version {found}, older than this app's {known}: upgrading it would write to it; copy it to a folder you can write to (or make it writable) and open it again")]
    ReadOnlyOldSchema { found: u32, known: u32 },
    /// The team store's server could not be reached, or the connection to it broke (the
    /// server down, the network cut); a write in progress was rolled back by the server.
    #[error("the team store cannot be reached ({0}); nothing was saved: check the network or ask the agency's IT, and work on in a local copy meanwhile (the command planner team pull makes one)")]
    TeamStoreUnreachable(String),
    /// The team store's server did not answer within the statement time limit.
    #[error("the team store did not answer in time; nothing was saved: try again, and tell the agency's IT if it goes on")]
    TeamStoreTimeout,
    /// The officer's database role may not do this (a read-only role writing, an officer
    /// deleting what only a manager may).
    #[error("your role on the team store may not do this ({0}); nothing was saved: ask a manager")]
    NotPermitted(String),
    /// What only a store file on this computer has (backups of the file, the doctor's page
    /// checks), asked of a team store.
    #[error("a team store on a server has no {en} here: the agency's IT backs it up and checks it on the server")]
    NotOnTeamStore { vi: &'static str, en: &'static str },
    /// A team database of an older schema, opened by a role that may not upgrade it (only its
    /// owner may: the agency's IT, with `planner team init`); nothing was changed.
    #[error("the team database's schema is older than this app's (version {known}) and your role may not upgrade it: its owner (the agency's IT) must run `planner team init --url URL` once; nothing was changed")]
    TeamSchemaOutdated { known: u32 },
    /// `planner team push` into a team database that already holds data (the table named):
    /// a push copies a whole office into an empty one and never merges two.
    #[error("the team store already holds data (table {0}); nothing was copied: push a store only into a new, empty team database")]
    TeamStoreNotEmpty(String),
    /// `planner team push` or `pull` refused over a file kept beside a store file (the office's
    /// key, a received brief's PDF or picture), named in `file`; nothing was copied.
    #[error("{file}: {}; nothing was copied", .problem.message_en())]
    TeamCopyFile {
        file: String,
        problem: CopyFileProblem,
    },

    /// `planner team push --changes`: records the pulled copy changed that were changed or
    /// deleted on the team store too since the copy was pulled (or last pushed); nothing was
    /// pushed.
    #[error("{} record(s) changed in the copy were changed on the team store too since the copy was pulled: {}; nothing was pushed: compare them in the copy and on the team store, and settle them with whoever changed them there", .0.len(), conflicts_en(.0))]
    ChangedOnTeamStore(Vec<PushConflict>),
    /// Any other SQLite failure (built through `From`, which sorts out the ones above).
    #[error("database error: {0}")]
    Db(rusqlite::Error),
    #[error("{0}")]
    Io(std::io::Error),
}

/// What is wrong with a file kept beside a store file that a team copy carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyFileProblem {
    /// The office key file is too large or is not an office key (the reason).
    OfficeKeyInvalid(String),
    /// The office key file holds another key than the one the store records.
    OfficeKeyNotTheOffices,
    /// A received brief's file is not there.
    ReceivedFileMissing,
    /// A received brief's file is not the one received (its SHA-256 or size differs, or its
    /// name is not a hash).
    ReceivedFileChanged,
}

impl CopyFileProblem {
    /// The stable code (a received file's are those `planner doctor` reports).
    pub fn code(&self) -> &'static str {
        match self {
            CopyFileProblem::OfficeKeyInvalid(_) => "office_key_file_invalid",
            CopyFileProblem::OfficeKeyNotTheOffices => "office_key_file_mismatch",
            CopyFileProblem::ReceivedFileMissing => "received_file_missing",
            CopyFileProblem::ReceivedFileChanged => "received_file_changed",
        }
    }

    fn message_en(&self) -> String {
        match self {
            CopyFileProblem::OfficeKeyInvalid(why) => format!(
                "the office key file is not a readable office key ({why}): put back the key \
                 file this store made"
            ),
            CopyFileProblem::OfficeKeyNotTheOffices => "the office key file holds another key \
                than the one this store records: put back the key file this store made"
                .to_owned(),
            CopyFileProblem::ReceivedFileMissing => "a received brief's file is missing: import \
                its bundle again (or delete it from the Inbox), and try again"
                .to_owned(),
            CopyFileProblem::ReceivedFileChanged => "a received brief's file is not the one \
                received: import its bundle again (or delete it from the Inbox), and try again"
                .to_owned(),
        }
    }

    fn message_vi(&self) -> String {
        match self {
            CopyFileProblem::OfficeKeyInvalid(why) => format!(
                "tệp khoá của văn phòng không phải là một khoá đọc được ({why}): hãy đặt lại tệp \
                 khoá do kho dữ liệu này tạo"
            ),
            CopyFileProblem::OfficeKeyNotTheOffices => "tệp khoá của văn phòng chứa một khoá \
                khác với khoá kho dữ liệu ghi nhận: hãy đặt lại tệp khoá do kho dữ liệu này tạo"
                .to_owned(),
            CopyFileProblem::ReceivedFileMissing => "thiếu một tệp của bản tin nhận được: hãy \
                nhập lại gói tin (hoặc xoá nó khỏi mục Đã nhận) rồi thử lại"
                .to_owned(),
            CopyFileProblem::ReceivedFileChanged => "một tệp của bản tin nhận được không còn như \
                lúc nhận: hãy nhập lại gói tin (hoặc xoá nó khỏi mục Đã nhận) rồi thử lại"
                .to_owned(),
        }
    }
}

/// SQLite's failures that an officer can act on get their own code and words; the rest stay
/// `database`.
impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        #[cfg(feature = "postgres")]
        if let Some(gave_up) = crate::store::pg_gave_up(&e) {
            return gave_up;
        }
        #[cfg(feature = "postgres")]
        if let Some(pg) = crate::store::pg_failure(&e) {
            return from_postgres(pg).unwrap_or(CoreError::Db(e));
        }
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => CoreError::StoreBusy,
            Some(C::DiskFull) => CoreError::DiskFull,
            Some(C::ReadOnly) => CoreError::ReadOnlyStore,
            Some(C::SystemIoFailure) if out_of_room(&std::io::Error::last_os_error()) => {
                CoreError::DiskFull
            }
            _ => CoreError::Db(e),
        }
    }
}

/// PostgreSQL's failures an officer can act on (the SQLSTATEs of `errcodes.txt`); None for
/// the rest, which stay `database` with the server's own words.
#[cfg(feature = "postgres")]
fn from_postgres(e: &postgres::Error) -> Option<CoreError> {
    let Some(code) = e.code() else {
        // No SQLSTATE: the connection itself failed (refused, timed out, cut, closed).
        return Some(CoreError::TeamStoreUnreachable(e.to_string()));
    };
    Some(match code.code() {
        // query_canceled: statement_timeout (or a cancel from outside).
        "57014" => CoreError::TeamStoreTimeout,
        // lock_not_available (lock_timeout), serialization failure, deadlock: another
        // officer's write held what this one needed.
        "55P03" | "40001" | "40P01" => CoreError::StoreBusy,
        "42501" => CoreError::NotPermitted(
            e.as_db_error()
                .map(|d| d.message().to_owned())
                .unwrap_or_default(),
        ),
        "25006" => CoreError::ReadOnlyStore,
        "53100" => CoreError::DiskFull,
        // admin_shutdown, crash_shutdown, cannot_connect_now, connection failures.
        c if c.starts_with("08") || c.starts_with("57P") => {
            CoreError::TeamStoreUnreachable(e.to_string())
        }
        _ => return None,
    })
}

/// A file the disk (or a quota, or the file-size limit) has no room for: `ENOSPC`, `EDQUOT`,
/// `EFBIG`. SQLite reports only `ENOSPC` as `SQLITE_FULL`; a write refused with `EFBIG` or
/// `EDQUOT` comes back as an I/O error (`SQLITE_IOERR_WRITE`, `_TRUNCATE`, `_SHMSIZE`, see
/// os_unix.c), whose cause is only in `errno`. The conversion runs right after the failed call
/// on the same thread, and a successful system call leaves `errno` alone, so it still holds
/// SQLite's cause; any other I/O error stays `database`.
fn out_of_room(e: &std::io::Error) -> bool {
    use std::io::ErrorKind as K;
    matches!(
        e.kind(),
        K::StorageFull | K::FileTooLarge | K::QuotaExceeded
    )
}

/// Writing a file (a PDF, a calendar, a backup, a brief) where there is no room says
/// `disk_full` with words, as a store write does; other file errors stay `io`.
impl From<std::io::Error> for CoreError {
    fn from(e: std::io::Error) -> Self {
        if out_of_room(&e) {
            CoreError::DiskFull
        } else {
            CoreError::Io(e)
        }
    }
}

fn fields_or_none(fields: &[String]) -> String {
    if fields.is_empty() {
        "—".into()
    } else {
        fields.join(", ")
    }
}

/// One record of a `changed_on_team_store` refusal: as the team store has it now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PushConflict {
    pub kind: EntityKind,
    /// Its id on the team store (a pulled record has the same id in the copy).
    pub id: i64,
    /// Its display name (`Entity::TITLE_FIELD`), as the copy or the team store has it.
    pub name: String,
    /// Deleted on the team store (else changed there).
    pub deleted: bool,
    /// The fields changed on the team store since the copy's revision.
    pub fields: Vec<String>,
}

fn conflicts_en(conflicts: &[PushConflict]) -> String {
    let one = |c: &PushConflict| match c.deleted {
        true => format!("{} {} “{}” (deleted there)", c.kind.noun().en, c.id, c.name),
        false => format!(
            "{} {} “{}” (changed there: {})",
            c.kind.noun().en,
            c.id,
            c.name,
            fields_or_none(&c.fields)
        ),
    };
    conflicts.iter().map(one).collect::<Vec<_>>().join(", ")
}

fn conflicts_vi(conflicts: &[PushConflict]) -> String {
    let one = |c: &PushConflict| match c.deleted {
        true => format!(
            "{} {} “{}” (đã bị xoá ở đó)",
            c.kind.noun().vi,
            c.id,
            c.name
        ),
        false => format!(
            "{} {} “{}” (đã bị sửa ở đó: {})",
            c.kind.noun().vi,
            c.id,
            c.name,
            fields_or_none(&c.fields)
        ),
    };
    conflicts.iter().map(one).collect::<Vec<_>>().join(", ")
}

/// What a `changed_elsewhere` refusal carries: the record as it is now, and the fields changed
/// since the base revision that the refused change would have set to another value (all fields
/// changed since then, for a delete).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChangedElsewhere {
    /// The stored record now, with its current `revision`.
    pub current: serde_json::Value,
    pub fields: Vec<String>,
}

fn summarize(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Result with the core's error.
pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// A single invalid-field error.
pub fn invalid(field: &str, code: &str, vi: impl Into<String>, en: impl Into<String>) -> CoreError {
    CoreError::Invalid(vec![FieldError::new(field, code, vi, en)])
}

/// The form of an error that crosses the IPC boundary: a stable code, a message in each
/// language and, for invalid input, the errors of each field.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message_vi: String,
    pub message_en: String,
    pub fields: Vec<FieldError>,
    /// For `changed_elsewhere`: the record now and the fields that differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    // Boxed: the record it carries would make every command's error large.
    pub changed: Option<Box<ChangedElsewhere>>,
}

impl CoreError {
    /// A stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Invalid(_) => "invalid",
            CoreError::NotFound { .. } => "not_found",
            CoreError::InUse { .. } => "in_use",
            CoreError::ChangedElsewhere { .. } => "changed_elsewhere",
            CoreError::NotEmpty => "not_empty",
            CoreError::NewerSchema { .. } => "newer_schema",
            CoreError::NoStore(_) => "no_store",
            CoreError::ForeignDatabase => "foreign_database",
            CoreError::Render(_) => "render",
            CoreError::Migration(_) => "migration",
            CoreError::Exchange(e) => e.code(),
            CoreError::StoreBusy => "store_busy",
            CoreError::DiskFull => "disk_full",
            CoreError::ReadOnlyStore => "store_read_only",
            CoreError::ReadOnlyOldSchema { .. } => "store_read_only_old_schema",
            CoreError::TeamStoreUnreachable(_) => "team_store_unreachable",
            CoreError::TeamStoreTimeout => "team_store_timeout",
            CoreError::NotPermitted(_) => "not_permitted",
            CoreError::NotOnTeamStore { .. } => "not_on_team_store",
            CoreError::TeamSchemaOutdated { .. } => "team_schema_outdated",
            CoreError::TeamStoreNotEmpty(_) => "team_store_not_empty",
            CoreError::TeamCopyFile { problem, .. } => problem.code(),
            CoreError::ChangedOnTeamStore(_) => "changed_on_team_store",
            CoreError::Db(_) => "database",
            CoreError::Io(_) => "io",
        }
    }

    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        match self {
            CoreError::Invalid(errs) => errs
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message_vi))
                .collect::<Vec<_>>()
                .join("; "),
            CoreError::NotFound { kind, id } => format!("Không tìm thấy {} có mã {id}", kind.noun().vi),
            CoreError::InUse { kind, id } => format!(
                "Không thể xoá {} {id} vì còn bản ghi khác đang dùng (ví dụ cơ hội theo dõi, tham tán)",
                kind.noun().vi
            ),
            CoreError::ChangedElsewhere { kind, id, changed } => format!(
                "Đã có người sửa {} {id} ở nơi khác sau khi bạn mở (các trường: {}); chưa lưu gì: hãy đọc lại và sửa lại",
                kind.noun().vi,
                fields_or_none(&changed.fields)
            ),
            CoreError::NotEmpty => {
                "Kho dữ liệu đã có dữ liệu; dùng --reset để thay bằng dữ liệu mẫu".into()
            }
            CoreError::NewerSchema { found, known } => format!(
                "Cơ sở dữ liệu có phiên bản {found}, mới hơn phiên bản {known} của ứng dụng; hãy cập nhật ứng dụng"
            ),
            CoreError::NoStore(path) => format!(
                "Không có kho dữ liệu tại {}: hãy kiểm tra đường dẫn, hoặc tạo kho mới bằng `planner init`",
                path.display()
            ),
            CoreError::ForeignDatabase => "Tệp này không phải cơ sở dữ liệu của Delegation Planner".into(),
            CoreError::Render(e) => format!("Không tạo được tệp PDF: {e}"),
            CoreError::Migration(e) => format!("Nâng cấp cơ sở dữ liệu thất bại: {e}"),
            CoreError::Exchange(e) => e.message_vi(),
            CoreError::StoreBusy => "Kho dữ liệu đang bận: một chương trình khác (ứng dụng hoặc lệnh `planner`) đang ghi vào; chưa lưu gì, hãy thử lại sau giây lát".into(),
            CoreError::DiskFull => "Không còn chỗ để ghi kho dữ liệu (ổ đĩa đầy hoặc đã chạm giới hạn kích thước tệp); chưa lưu gì: hãy giải phóng dung lượng rồi thử lại".into(),
            CoreError::ReadOnlyStore => "Kho dữ liệu ở đây chỉ đọc được (không ghi được vào tệp hoặc thư mục của nó); chưa lưu gì".into(),
            CoreError::ReadOnlyOldSchema { found, known } => format!(
                "Kho dữ liệu ở đây chỉ đọc được và có phiên bản {found}, cũ hơn phiên bản {known} của ứng dụng: nâng cấp sẽ phải ghi vào nó; hãy chép nó sang thư mục ghi được (hoặc cho phép ghi) rồi mở lại"
            ),
            CoreError::TeamStoreUnreachable(e) => format!(
                "Không kết nối được kho dữ liệu chung ({e}); chưa lưu gì: hãy kiểm tra mạng hoặc hỏi bộ phận CNTT, trong lúc chờ hãy làm việc trên bản sao cục bộ (lệnh planner team pull tạo bản sao)"
            ),
            CoreError::TeamStoreTimeout => "Kho dữ liệu chung không trả lời kịp; chưa lưu gì: hãy thử lại, và báo bộ phận CNTT nếu vẫn còn".into(),
            CoreError::NotPermitted(e) => format!(
                "Vai trò của bạn trên kho dữ liệu chung không được làm việc này ({e}); chưa lưu gì: hãy nhờ cán bộ quản lý"
            ),
            CoreError::NotOnTeamStore { vi, .. } => format!(
                "Kho dữ liệu chung trên máy chủ không có {vi} ở đây: bộ phận CNTT sao lưu và kiểm tra nó trên máy chủ"
            ),
            CoreError::TeamSchemaOutdated { known } => format!(
                "Cấu trúc kho dữ liệu chung cũ hơn phiên bản {known} của ứng dụng, và vai trò của bạn không được nâng cấp nó: người sở hữu cơ sở dữ liệu (bộ phận CNTT) cần chạy `planner team init --url URL` một lần; chưa có gì thay đổi"
            ),
            CoreError::TeamStoreNotEmpty(table) => format!(
                "Kho dữ liệu chung đã có dữ liệu (bảng {table}); chưa chép gì: chỉ đẩy kho dữ liệu vào một cơ sở dữ liệu chung mới, còn trống"
            ),
            CoreError::TeamCopyFile { file, problem } => {
                format!("{file}: {}; chưa chép gì", problem.message_vi())
            }
            CoreError::ChangedOnTeamStore(conflicts) => format!(
                "{} bản ghi đã sửa trong bản sao cũng đã bị thay đổi trên kho dữ liệu chung kể từ khi sao về: {}; chưa đẩy gì lên: hãy so sánh chúng trong bản sao và trên kho dữ liệu chung, rồi thống nhất với người đã sửa ở đó",
                conflicts.len(),
                conflicts_vi(conflicts)
            ),
            CoreError::Db(e) => format!("Lỗi cơ sở dữ liệu: {e}"),
            CoreError::Io(e) => format!("Lỗi đọc/ghi tệp: {e}"),
        }
    }

    /// The serialisable form for the IPC boundary.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().into(),
            message_vi: self.message_vi(),
            message_en: self.to_string(),
            fields: match self {
                CoreError::Invalid(errs) => errs.clone(),
                _ => Vec::new(),
            },
            changed: match self {
                CoreError::ChangedElsewhere { changed, .. } => Some(changed.clone()),
                _ => None,
            },
        }
    }
}
