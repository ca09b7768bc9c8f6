//! Two offices for the exchange tests, each a store on a real file in its own folder: the
//! Hanoi centre with the demo data (the sender) and empty receivers; briefs, bundles exported
//! under a mail client's name, and the rows and files a refusal must leave as they were.

use chrono::NaiveDate;
use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest};
use planner_core::domain::*;
use planner_core::exchange::views::OfficeProfile;
use planner_core::exchange::{self, export, import, office};
use planner_core::store::{Filter, ListQuery};
use planner_core::{CoreError, Store};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// One office: its store on a real file, in its own folder.
pub struct Office {
    pub dir: TempDir,
    pub store: Store,
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

/// Hanoi's promotion centre with the demo data (the sender).
pub fn hanoi() -> Office {
    let (dir, mut store) = crate::temp_store();
    planner_core::demo::seed_demo(&mut store, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        .unwrap();
    office::save(
        &mut store,
        profile(
            "ITPC-HN",
            "Trung tâm Xúc tiến Hà Nội",
            "Hanoi Promotion Centre",
        ),
    )
    .unwrap();
    Office { dir, store }
}

/// An office with an empty store (the receiver).
pub fn receiver(code: &str) -> Office {
    let (dir, mut store) = crate::temp_store();
    office::save(&mut store, profile(code, "Thương vụ", "Trade office")).unwrap();
    Office { dir, store }
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

/// Rows of every exchange table and of the catalogue, and files received.
pub fn written(o: &Office) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(o.store.path().unwrap()).unwrap();
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
        let n = conn
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap();
        (t.to_string(), n)
    })
    .collect();
    let files = std::fs::read_dir(exchange::received_dir(&o.store))
        .map(|d| d.count() as i64)
        .unwrap_or(0);
    out.push(("received files".into(), files));
    out
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
