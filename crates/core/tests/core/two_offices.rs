//! Two offices for the exchange tests, each a store of its own on the backend the test runs on
//! (a real file, or a team database) with a folder for the files it writes: the Hanoi centre
//! with the demo data (the sender) and empty receivers; briefs, bundles exported under a mail
//! client's name, and the rows and files a refusal must leave as they were.

use crate::StoreGuard;
use chrono::NaiveDate;
use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest};
use planner_core::domain::*;
use planner_core::exchange::views::OfficeProfile;
use planner_core::exchange::{self, export, import, office};
use planner_core::store::{Backend, Filter, ListQuery};
use planner_core::{CoreError, Store};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// One office: its store (dropped before what keeps it) and a folder of its own.
pub struct Office {
    pub store: Store,
    pub guard: StoreGuard,
    pub dir: TempDir,
}

impl Office {
    /// An office with a fresh store on the backend `like` runs on.
    fn like(like: &Store) -> Office {
        let (guard, store) = crate::store_like(like);
        Office {
            store,
            guard,
            dir: tempfile::tempdir().unwrap(),
        }
    }
}

/// The profile of an office with this code.
pub fn profile(code: &str, vi: &str, en: &str) -> OfficeProfile {
    OfficeProfile {
        name_vi: vi.into(),
        name_en: en.into(),
        code: code.into(),
        city: Some("Hà Nội".into()),
        country: Some("VN".into()),
        email: Some("xuctien@example.vn".into()),
    }
}

/// Hanoi's promotion centre with the demo data (the sender), on the backend `like` runs on.
pub fn hanoi(like: &Store) -> Office {
    let mut o = Office::like(like);
    planner_core::demo::seed_demo(&mut o.store, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        .unwrap();
    office::save(
        &mut o.store,
        profile(
            "ITPC-HN",
            "Trung tâm Xúc tiến Hà Nội",
            "Hanoi Promotion Centre",
        ),
    )
    .unwrap();
    o
}

/// An office with an empty store (the receiver), on the backend `like` runs on.
pub fn receiver(like: &Store, code: &str) -> Office {
    let mut o = Office::like(like);
    office::save(&mut o.store, profile(code, "Thương vụ", "Trade office")).unwrap();
    o
}

/// The Japanese delegation of the demo.
pub fn japan(store: &Store) -> i64 {
    let q = ListQuery {
        filters: vec![Filter::parse("destination_country=JP").unwrap()],
        ..Default::default()
    };
    store.list::<Delegation>(&q).unwrap().items[0].meta.id
}

/// Generates the next version of the bilingual brief for the Japanese delegation.
pub fn brief(o: &mut Office) -> i64 {
    let req = BriefRequest::new(
        Audience::Delegation {
            id: japan(&o.store),
        },
        BriefLanguage::Bi,
    );
    briefs::generate_to(&mut o.store, &req, BriefFormat::Pdf, None)
        .unwrap()
        .brief_id
}

/// Exports brief `id` to a file named as a mail client might rename it.
pub fn export_to(o: &mut Office, id: i64, personal: bool, name: &str) -> PathBuf {
    let path = o.dir.path().join(format!("{name}.dpbundle"));
    export::export_brief(
        &mut o.store,
        id,
        personal,
        Some("Tokyo".into()),
        Some(path.clone()),
    )
    .unwrap();
    // Mail clients rename attachments: the content decides, never the name.
    let renamed = o.dir.path().join(format!("{name} (1).zip"));
    std::fs::rename(&path, &renamed).unwrap();
    renamed
}

/// Rows of every exchange table and of the catalogue, and files received (in the folder beside
/// a store file, or the rows of a team store's `received_files`).
pub fn written(o: &Office) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = [
        "office",
        "trusted_keys",
        "received_bundles",
        "sent_bundles",
        "adopted_opportunities",
        "opportunities",
        "opportunity_images",
        "sectors",
        "audit_log",
    ]
    .iter()
    .map(|t| {
        (
            t.to_string(),
            count(o, &format!("SELECT count(*) FROM {t}")),
        )
    })
    .collect();
    let files = match o.store.backend() {
        Backend::Sqlite => std::fs::read_dir(exchange::received_dir(&o.store))
            .map(|d| d.count() as i64)
            .unwrap_or(0),
        Backend::Postgres => count(o, "SELECT count(*) FROM received_files"),
    };
    out.push(("received files".into(), files));
    out
}

/// What `sql` counts in the office's database, read behind its store's back.
pub fn count(o: &Office, sql: &str) -> i64 {
    crate::raw_count(&o.guard, &o.store, sql)
}

/// The exchange code of an error.
pub fn code(e: CoreError) -> String {
    e.payload().code
}

/// Imports and expects a refusal with `expected`, after which nothing was written.
pub fn refused(o: &mut Office, file: &Path, trust: bool, expected: &str) {
    let before = written(o);
    let e = import::import_file(&mut o.store, file, trust, "cli").unwrap_err();
    let payload = e.payload();
    assert_eq!(payload.code, expected, "{}", payload.message_en);
    assert!(!payload.message_vi.is_empty() && payload.message_vi != payload.message_en);
    assert_eq!(written(o), before, "a refusal ({expected}) writes nothing");
}
