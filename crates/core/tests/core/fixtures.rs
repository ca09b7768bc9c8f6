//! The answers of the UI tests' fake core (`ui/src/fixtures/core-answers.gen.json`): small fixed
//! stores, the real `pipeline_totals` and `search` over them, and the records the tests render
//! with those answers. The fake looks answers up instead of computing them, so it cannot drift
//! from the core. `UPDATE_BINDINGS=1 cargo test -p planner-core --test core bindings` rewrites
//! the file; a UI test asking for an answer not in it fails and names this module.

use super::bindings::assert_fresh;
use chrono::{DateTime, NaiveDate, Utc};
use planner_core::domain::*;
use planner_core::labels::SECTORS;
use planner_core::store::PipelineFilter;
use planner_core::Store;
use serde_json::{json, Value};

/// The generated file, from this crate's directory.
const ANSWERS: &str = "../../ui/src/fixtures/core-answers.gen.json";

/// Long past, and far beyond the project's lifetime: the core counts follow-ups at the real now,
/// so these keep the overdue and upcoming counts the same from run to run.
const PAST: &str = "2025-11-20T02:00:00Z";
const FAR: &str = "2099-01-15T02:00:00Z";

/// What the search palette's tests type (the palette asks for 5 hits per kind).
const QUERIES: &[&str] = &[
    "h",
    "ha",
    "han",
    "hanw",
    "hanwx",
    "hanwxy",
    "hanwha",
    "hanwha solu",
    "ha noi",
    "ha nam",
    "goi dien",
    "tay bac",
    "tokyo",
    "ban dan",
];
const PER_KIND: u32 = 5;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("an RFC 3339 instant")
}

fn text(s: &str) -> Option<String> {
    Some(s.into())
}

/// Record `id` of `kind` as `get_record` sends it, with the uuid and instants that change from
/// run to run replaced by those of the fake's `storedMeta(id)`.
fn record(store: &Store, kind: EntityKind, id: i64) -> Value {
    let mut v = store.get_json(kind, id).expect("record");
    v["uuid"] = json!(format!("00000000-0000-4000-8000-{id:012}"));
    v["created_at"] = json!("2026-01-05T02:00:00.000Z");
    v["updated_at"] = json!("2026-01-06T03:00:00.000Z");
    v
}

fn records(store: &Store, kind: EntityKind, ids: &[i64]) -> Vec<Value> {
    ids.iter().map(|id| record(store, kind, *id)).collect()
}

fn organization(
    store: &mut Store,
    name_vi: &str,
    name_en: Option<&str>,
    city: &str,
    country: &str,
) -> i64 {
    let org = Organization {
        name_vi: name_vi.into(),
        name_en: name_en.map(String::from),
        city: text(city),
        country: country.into(),
        ..Organization::default()
    };
    store.create(&org).expect("organisation").meta.id
}

/// A fixed store with its organisations and leads.
struct Leads {
    _guard: crate::StoreGuard,
    store: Store,
    organizations: Vec<i64>,
    leads: Vec<i64>,
}

impl Leads {
    fn create(&mut self, lead: Lead) {
        self.leads
            .push(self.store.create(&lead).expect("lead").meta.id);
    }

    /// The records, and the totals for each filter.
    fn answers(&self, name: &str, filters: &[PipelineFilter]) -> Value {
        let totals: Vec<Value> = filters
            .iter()
            .map(|f| json!({ "filter": f, "totals": self.store.pipeline_totals(f).expect("totals") }))
            .collect();
        json!({
            "name": name,
            "organizations": records(&self.store, EntityKind::Organizations, &self.organizations),
            "leads": records(&self.store, EntityKind::Leads, &self.leads),
            "totals": totals,
        })
    }
}

/// The five leads of `ui/src/pipeline/Pipeline.test.ts`: two owners, one overdue, one lost,
/// one in yen, one without a sector.
fn board(open: Open) -> Leads {
    let (_guard, mut store) = open();
    let seoul = organization(&mut store, "Công ty Bán dẫn Seoul", None, "Seoul", "KR");
    let xyz = organization(&mut store, "XYZ Logistics", None, "Seoul", "KR");
    let mut board = Leads {
        _guard,
        store,
        organizations: vec![seoul, xyz],
        leads: Vec::new(),
    };
    let usd = |dollars: i64| Some(dollars * 100);
    board.create(Lead {
        organization_id: seoul,
        title: "Nhà máy bán dẫn Hòa Lạc".into(),
        sectors: vec!["semiconductors".into(), "electronics".into()],
        expected_capital_minor: usd(150_000_000),
        jobs: Some(450),
        owner: text("Lê Hà"),
        next_action: text("Gửi hồ sơ khu đất"),
        due_at: Some(at(PAST)),
        ..Lead::default()
    });
    board.create(Lead {
        organization_id: xyz,
        title: "Trung tâm logistics Gia Lâm".into(),
        stage: LeadStage::Meeting,
        sectors: vec!["logistics".into()],
        expected_capital_minor: usd(40_000_000),
        jobs: Some(120),
        owner: text("Phạm Minh"),
        due_at: Some(at(FAR)),
        ..Lead::default()
    });
    board.create(Lead {
        organization_id: seoul,
        title: "Mở rộng nhà máy điện tử".into(),
        stage: LeadStage::Meeting,
        sectors: vec!["electronics".into()],
        expected_capital_minor: usd(60_000_000),
        owner: text("Lê Hà"),
        ..Lead::default()
    });
    board.create(Lead {
        organization_id: seoul,
        title: "Kho lạnh nông sản".into(),
        stage: LeadStage::Lost,
        lost_reason: text("Chọn địa điểm ở Thái Lan"),
        sectors: vec!["agrifood".into()],
        expected_capital_minor: usd(10_000_000),
        due_at: Some(at(PAST)),
        ..Lead::default()
    });
    board.create(Lead {
        organization_id: seoul,
        title: "Trung tâm phần mềm".into(),
        stage: LeadStage::Mou,
        expected_capital_minor: Some(500_000_000),
        expected_capital_currency: "JPY".into(),
        ..Lead::default()
    });
    board
}

/// One lead at every stage, the sector tags dealt among them so that every tag is used
/// (`ui/src/lib/labels.test.ts`).
fn every_stage(open: Open) -> Leads {
    let (_guard, mut store) = open();
    let org = organization(&mut store, "Công ty A", None, "Seoul", "KR");
    let mut leads = Leads {
        _guard,
        store,
        organizations: vec![org],
        leads: Vec::new(),
    };
    let count = LeadStage::ALL.len();
    for (i, stage) in LeadStage::ALL.into_iter().enumerate() {
        let sectors = SECTORS
            .iter()
            .enumerate()
            .filter(|(n, _)| n % count == i)
            .map(|(_, (tag, _))| tag.to_string())
            .collect();
        leads.create(Lead {
            organization_id: org,
            title: format!("Dự án {}", i + 1),
            stage,
            lost_reason: (stage == LeadStage::Lost).then(|| "Lý do".into()),
            sectors,
            ..Lead::default()
        });
    }
    leads
}

/// The board with one lead moved as the board's stage menu or drop asks the core to.
fn board_after(open: Open, id: i64, patch: Value) -> Leads {
    let mut board = board(open);
    board
        .store
        .update_json(EntityKind::Leads, id, patch)
        .expect("lead moved");
    board
}

/// The stores of the pipeline tests with the filters they ask totals for: the board, the board
/// after each move its tests make (the patches the board sends), and one lead at every stage.
fn pipelines(open: Open) -> Vec<Value> {
    let none = [PipelineFilter::default()];
    let board_filters = [
        PipelineFilter::default(),
        PipelineFilter {
            owner: text("Lê Hà"),
            sector: None,
        },
        PipelineFilter {
            owner: text("Lê Hà"),
            sector: text("electronics"),
        },
    ];
    let lost = json!({ "stage": "lost", "lost_reason": "Nhà đầu tư chọn Indonesia" });
    vec![
        board(open).answers("board", &board_filters),
        board_after(open, 2, json!({ "stage": "site_visit" }))
            .answers("board, lead 2 at site_visit", &none),
        board_after(open, 1, json!({ "stage": "contacted" }))
            .answers("board, lead 1 at contacted", &none),
        board_after(open, 3, lost).answers("board, lead 3 lost", &none),
        every_stage(open).answers("every stage", &none),
    ]
}

/// Records like those the search palette's tests find: every kind the palette groups, a lead
/// and an interaction shown on another record's page, an interaction tied to nothing.
fn search(open: Open) -> Value {
    let (_guard, mut store) = open();
    let s = &mut store;
    let semicon = organization(
        s,
        "Công ty TNHH Hà Nội Semicon",
        Some("Hanoi Semicon Ltd"),
        "Hà Nội",
        "VN",
    );
    let hanwha = organization(s, "Tập đoàn Hanwha", Some("Hanwha Group"), "Seoul", "KR");
    let seoul = organization(s, "Công ty Bán dẫn Seoul", None, "Seoul", "KR");
    let ha = s
        .create(&Contact {
            full_name: "Trần Thị Hà".into(),
            title: text("Giám đốc"),
            emails: vec![Labelled {
                label: "work".into(),
                value: "ha.tran@example.vn".into(),
            }],
            ..Contact::default()
        })
        .expect("contact")
        .meta
        .id;
    let start = NaiveDate::from_ymd_opt(2027, 3, 8);
    let korea = Delegation {
        title: "Đoàn xúc tiến đầu tư tại Hàn Quốc".into(),
        destination_country: "KR".into(),
        destination_city: text("Seoul"),
        time_zone: "Asia/Seoul".into(),
        start_date: start,
        end_date: NaiveDate::from_ymd_opt(2027, 3, 12),
        ..Delegation::default()
    };
    let korea = s.create(&korea).expect("delegation").meta.id;
    // Two items and two interactions, so that an item's id or an interaction's differs from
    // the id of the page it opens on.
    for (title, venue, starts) in [
        ("Ăn trưa làm việc", "Lotte Hotel", "2027-03-09T03:00:00Z"),
        ("Gặp Hanwha Solutions", "Hanwha HQ", "2027-03-09T01:00:00Z"),
    ] {
        s.create(&ItineraryItem {
            delegation_id: korea,
            title: title.into(),
            starts_at: at(starts),
            ends_at: at(starts) + chrono::Duration::hours(1),
            time_zone: "Asia/Seoul".into(),
            venue: text(venue),
            ..ItineraryItem::default()
        })
        .expect("item");
    }
    s.create(&Lead {
        organization_id: seoul,
        title: "Nhà máy pin tại Hà Nam".into(),
        stage: LeadStage::SiteVisit,
        owner: text("Lê Hà"),
        next_action: text("Gửi hồ sơ khu đất"),
        ..Lead::default()
    })
    .expect("lead");
    for (summary, kind, occurred, contacts) in [
        (
            "Ghi chú Tây Bắc",
            InteractionKind::Note,
            "2026-02-11T02:00:00Z",
            vec![],
        ),
        (
            "Gọi điện với Hanwha về khu đất",
            InteractionKind::Call,
            "2026-02-10T02:00:00Z",
            vec![ha],
        ),
    ] {
        s.create(&Interaction {
            occurred_at: at(occurred),
            kind,
            summary: summary.into(),
            contact_ids: contacts,
            ..Interaction::default()
        })
        .expect("interaction");
    }
    let answers: Vec<Value> = QUERIES
        .iter()
        .map(|q| json!({ "query": q, "perKind": PER_KIND, "results": store.search(q, PER_KIND).expect("search") }))
        .collect();
    json!({
        "organizations": records(&store, EntityKind::Organizations, &[semicon, hanwha, seoul]),
        "answers": answers,
    })
}

/// Opens a fresh store of one backend (kept alive by its guard).
type Open = fn() -> (crate::StoreGuard, Store);

/// The answers computed on stores `open` gives.
fn answers_on(open: Open) -> String {
    let all = json!({
        "about": "Generated by crates/core/tests/core/fixtures.rs: the real core's answers for the UI tests' fake core.",
        "pipelines": pipelines(open),
        "search": search(open),
    });
    serde_json::to_string_pretty(&all).expect("answers serialise") + "\n"
}

/// The answers on store files, as checked in.
fn answers() -> String {
    answers_on(crate::file_store)
}

/// The checked-in answers are what a team store gives too: the UI's fake core stands for
/// either backend (issue 17).
#[test]
fn fixture_answers_are_the_same_from_a_team_store() {
    if crate::team_store().is_none() {
        return;
    }
    let team: Open = || crate::team_store().expect("a team store");
    assert_eq!(answers_on(team), answers());
}

/// The checked-in answers must be those the core gives now, the same on every run.
#[test]
fn fixture_bindings_are_fresh() {
    let generated = answers();
    assert_eq!(generated, answers(), "the answers differ from run to run");
    assert_fresh(ANSWERS, &generated);
    for name in ["\"board\"", "\"every stage\"", "\"ha noi\""] {
        assert!(generated.contains(name), "missing {name}");
    }
}
