//! `planner team push --changes` (`store/team_copy/changes.rs`): what a pulled copy created,
//! changed and deleted goes back to the team store it came from, in one transaction, each
//! update and delete based on the revision the copy pulled, new records under the team store's
//! ids with their references rewritten; a record changed on both sides refuses the whole push.

use super::team_copy::demo_file;
use crate::{pg_database, PgDatabase};
use planner_core::domain::*;
use planner_core::store::team_copy::{self, ChangeAction, ChangesReport};
use planner_core::{CoreError, Store};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A team store holding the demo, a manager's login and URL on it, and a copy pulled by them.
struct Mission {
    db: PgDatabase,
    manager: String,
    url: String,
    _dir: tempfile::TempDir,
    copy: PathBuf,
}

fn mission() -> Option<Mission> {
    let db = pg_database()?;
    let (_demo_dir, demo) = demo_file();
    team_copy::push(&demo, &db.url).unwrap();
    let manager = db.login_role("planner_manager");
    let url = db.url_as(&manager);
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("mission.db");
    team_copy::pull(&url, &copy).unwrap();
    Some(Mission {
        db,
        manager,
        url,
        _dir: dir,
        copy,
    })
}

/// The first value `sql` gives on the team database, as the superuser reads it.
fn team_i64(db: &PgDatabase, sql: &str) -> i64 {
    db.client().query_one(sql, &[]).unwrap().get(0)
}

fn copy_i64(copy: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(copy)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn team_id_of(report: &ChangesReport, uuid: &str) -> i64 {
    report
        .changes
        .iter()
        .find(|c| c.uuid == uuid)
        .unwrap_or_else(|| panic!("{uuid} pushed: {report:?}"))
        .team_id
}

fn counted(report: &ChangesReport, action: ChangeAction) -> usize {
    report.changes.iter().filter(|c| c.action == action).count()
}

/// A new itinerary item of delegation `delegation` in the copy, like its first one.
fn new_item(copy: &mut Store, delegation: i64, contact: i64) -> Value {
    let path = copy.path().unwrap().to_owned();
    let first = copy_i64(
        &path,
        &format!("SELECT min(id) FROM itinerary_items WHERE delegation_id = {delegation}"),
    );
    let mut item = copy.get_json(EntityKind::ItineraryItems, first).unwrap();
    let fields = item.as_object_mut().unwrap();
    for meta in ["id", "uuid", "created_at", "updated_at", "revision"] {
        fields.remove(meta);
    }
    fields.insert("title".into(), json!("Gặp đối tác mới"));
    fields.insert("contact_ids".into(), json!([contact]));
    fields.insert("attendee_ids".into(), json!([]));
    copy.create_json(EntityKind::ItineraryItems, item).unwrap()
}

#[test]
fn a_copys_creates_updates_and_deletes_go_back_with_the_team_stores_ids() {
    let Some(m) = mission() else {
        return;
    };
    let mut copy = Store::open_existing(&m.copy).unwrap();
    // Made in the copy: an organisation, a contact of it, a meeting with them on a pulled
    // delegation, and an interaction with the contact.
    let org = copy
        .create(&Organization {
            name_vi: "Công ty Sao Biển".into(),
            country: "JP".into(),
            ..Default::default()
        })
        .unwrap();
    let contact = copy
        .create(&Contact {
            full_name: "Tanaka Hiroshi".into(),
            organization_id: Some(org.meta.id),
            ..Default::default()
        })
        .unwrap();
    let delegation = copy_i64(&m.copy, "SELECT min(delegation_id) FROM itinerary_items");
    let item = new_item(&mut copy, delegation, contact.meta.id);
    let interaction = copy
        .create_json(
            EntityKind::Interactions,
            json!({"occurred_at": "2026-12-01T02:00:00Z", "kind": "meeting",
                   "summary": "Bàn về nhà máy", "contact_ids": [contact.meta.id]}),
        )
        .unwrap();
    // Changed and deleted in the copy: two pulled records.
    let changed = copy_i64(&m.copy, "SELECT min(id) FROM organizations");
    copy.update_json(
        EntityKind::Organizations,
        changed,
        json!({"notes": "Gặp ở Osaka"}),
    )
    .unwrap();
    let gone = copy_i64(&m.copy, "SELECT min(id) FROM interactions");
    copy.delete(EntityKind::Interactions, gone).unwrap();

    // Meanwhile an officer on the team store changes another record and makes an
    // organisation, which takes the id the copy's new one has.
    let officer = m.db.login_role("planner_officer");
    let mut other = Store::open_url(&m.db.url_as(&officer)).unwrap();
    let theirs = copy_i64(
        &m.copy,
        "SELECT max(id) FROM organizations WHERE id < (SELECT max(id) FROM organizations)",
    );
    other
        .update_json(EntityKind::Organizations, theirs, json!({"city": "Nagoya"}))
        .unwrap();
    let taken = other
        .create(&Organization {
            name_vi: "Công ty Của Văn Phòng".into(),
            country: "VN".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        taken.meta.id, org.meta.id,
        "the ids collide, so they must be rewritten"
    );

    // A dry run lists the same changes and writes nothing, on either side.
    let before = m.db.row_counts();
    let dry = team_copy::push_changes(&copy, &m.url, true).unwrap();
    assert!(dry.dry_run);
    assert_eq!(m.db.row_counts(), before);
    assert_eq!(
        copy_i64(
            &m.copy,
            "SELECT count(*) FROM settings WHERE key LIKE 'team_pushed%'"
        ),
        0
    );

    let report = team_copy::push_changes(&copy, &m.url, false).unwrap();
    assert_eq!(
        (
            counted(&report, ChangeAction::Created),
            counted(&report, ChangeAction::Updated),
            counted(&report, ChangeAction::Deleted)
        ),
        (4, 1, 1),
        "{report:#?}"
    );
    let dry_actions: Vec<_> = dry.changes.iter().map(|c| (c.kind, c.action)).collect();
    let actions: Vec<_> = report.changes.iter().map(|c| (c.kind, c.action)).collect();
    assert_eq!(dry_actions, actions);
    assert!(dry
        .changes
        .iter()
        .all(|c| (c.action == ChangeAction::Created) == (c.team_id == 0)));

    let team = Store::open_url(&m.db.url).unwrap();
    let team_org = team_id_of(&report, &org.meta.uuid);
    assert_ne!(team_org, taken.meta.id);
    assert_eq!(
        team.get::<Organization>(team_org).unwrap().data.name_vi,
        "Công ty Sao Biển"
    );
    let team_contact = team_id_of(&report, &contact.meta.uuid);
    let pushed_contact = team.get::<Contact>(team_contact).unwrap();
    assert_eq!(pushed_contact.meta.uuid, contact.meta.uuid);
    assert_eq!(pushed_contact.data.organization_id, Some(team_org));
    let team_item = team_id_of(&report, item["uuid"].as_str().unwrap());
    let pushed_item = team.get::<ItineraryItem>(team_item).unwrap();
    assert_eq!(
        pushed_item.data.delegation_id, delegation,
        "a pulled delegation"
    );
    assert_eq!(pushed_item.data.contact_ids, [team_contact]);
    let team_interaction = team_id_of(&report, interaction["uuid"].as_str().unwrap());
    assert_eq!(
        team.get::<Interaction>(team_interaction)
            .unwrap()
            .data
            .contact_ids,
        [team_contact]
    );
    assert_eq!(
        team.get::<Organization>(changed)
            .unwrap()
            .data
            .notes
            .as_deref(),
        Some("Gặp ở Osaka")
    );
    assert!(matches!(
        team.get_json(EntityKind::Interactions, gone),
        Err(CoreError::NotFound { .. })
    ));
    // The officer's change stays.
    assert_eq!(
        team.get::<Organization>(theirs)
            .unwrap()
            .data
            .city
            .as_deref(),
        Some("Nagoya")
    );
    // Every audit row the push wrote names the manager who pushed.
    let pushed_rows = team_i64(
        &m.db,
        &format!(
            "SELECT count(*) FROM audit_log WHERE officer = '{}' AND action IN ('create', 'update', 'delete')",
            m.manager
        ),
    );
    assert!(pushed_rows >= 6, "{pushed_rows}");
    assert_eq!(
        team_i64(
            &m.db,
            &format!(
                "SELECT count(*) FROM audit_log WHERE entity = 'contacts' AND entity_id = {team_contact}
                   AND action = 'create' AND officer = '{}'",
                m.manager
            )
        ),
        1
    );

    // Pushed again, nothing is applied twice.
    let after = m.db.row_counts();
    let again = team_copy::push_changes(&copy, &m.url, false).unwrap();
    assert!(again.changes.is_empty(), "{again:#?}");
    assert_eq!(m.db.row_counts(), after);

    // A later change of a record the push made is based on the revision it left there.
    copy.update_json(
        EntityKind::Contacts,
        contact.meta.id,
        json!({"title": "Giám đốc"}),
    )
    .unwrap();
    let later = team_copy::push_changes(&copy, &m.url, false).unwrap();
    assert_eq!(counted(&later, ChangeAction::Updated), 1, "{later:#?}");
    let now = team.get::<Contact>(team_contact).unwrap();
    assert_eq!(now.data.title.as_deref(), Some("Giám đốc"));
    assert_eq!(now.meta.revision, 2);
}

#[test]
fn a_record_changed_on_both_sides_refuses_the_whole_push() {
    let Some(m) = mission() else {
        return;
    };
    let mut copy = Store::open_existing(&m.copy).unwrap();
    let org = copy_i64(&m.copy, "SELECT min(id) FROM organizations");
    let person = copy_i64(&m.copy, "SELECT min(id) FROM contacts");
    let gone = copy_i64(&m.copy, "SELECT min(id) FROM interactions");
    copy.update_json(
        EntityKind::Organizations,
        org,
        json!({"notes": "ở bản sao"}),
    )
    .unwrap();
    copy.update_json(
        EntityKind::Contacts,
        person,
        json!({"title": "Trưởng phòng"}),
    )
    .unwrap();
    copy.delete(EntityKind::Interactions, gone).unwrap();
    copy.create(&Organization {
        name_vi: "Công ty Chưa Đẩy".into(),
        country: "JP".into(),
        ..Default::default()
    })
    .unwrap();
    // On the team store: the same organisation changed, the contact deleted, and the
    // interaction changed.
    let mut team = Store::open_url(&m.db.url).unwrap();
    team.update_json(
        EntityKind::Organizations,
        org,
        json!({"name_en": "Changed at the office"}),
    )
    .unwrap();
    let person_name = team.get::<Contact>(person).unwrap().data.full_name;
    team.delete(EntityKind::Contacts, person).unwrap();
    team.update_json(
        EntityKind::Interactions,
        gone,
        json!({"summary": "Sửa ở văn phòng"}),
    )
    .unwrap();

    let before = m.db.row_counts();
    let e = team_copy::push_changes(&copy, &m.url, false).unwrap_err();
    let CoreError::ChangedOnTeamStore(conflicts) = &e else {
        panic!("{e:?}");
    };
    let listed: Vec<_> = conflicts
        .iter()
        .map(|c| (c.kind, c.id, c.deleted))
        .collect();
    assert_eq!(
        listed,
        [
            (EntityKind::Organizations, org, false),
            (EntityKind::Contacts, person, true),
            (EntityKind::Interactions, gone, false),
        ]
    );
    assert_eq!(conflicts[0].fields, ["name_en"]);
    assert_eq!(conflicts[1].name, person_name);
    let payload = e.payload();
    assert_eq!(payload.code, "changed_on_team_store");
    assert!(
        payload.message_en.contains(&person_name),
        "{}",
        payload.message_en
    );
    assert!(payload.message_en.contains("nothing was pushed"));
    assert!(payload.message_vi.contains("chưa đẩy gì lên"));
    assert!(payload.message_vi.contains("đã bị xoá ở đó"));
    assert_eq!(m.db.row_counts(), before, "nothing was written");
    assert_eq!(
        copy_i64(
            &m.copy,
            "SELECT count(*) FROM settings WHERE key LIKE 'team_pushed%'"
        ),
        0
    );
}

#[test]
fn only_a_copy_pulled_from_this_team_store_is_pushed_back() {
    let Some(m) = mission() else {
        return;
    };
    // The store file the office started from is no pulled copy.
    let (_dir, office) = demo_file();
    let e = team_copy::push_changes(&office, &m.url, false).unwrap_err();
    assert_eq!(
        crate::field_codes(e),
        [("from".into(), "not_a_pulled_copy".into())]
    );
    // Another team database with the same office in it is not the one the copy came from.
    let elsewhere = pg_database().unwrap();
    team_copy::push(&office, &elsewhere.url).unwrap();
    let copy = Store::open_existing(&m.copy).unwrap();
    let before = elsewhere.row_counts();
    let e = team_copy::push_changes(&copy, &elsewhere.url, false).unwrap_err();
    assert_eq!(
        crate::field_codes(e),
        [("url".into(), "pulled_from_another_team_store".into())]
    );
    assert_eq!(elsewhere.row_counts(), before);
}

/// People an import brought into the copy have no audit row of their own (`import_records`
/// lists them): they go back too.
#[test]
fn people_imported_into_the_copy_go_back() {
    let Some(m) = mission() else {
        return;
    };
    let mut copy = Store::open_existing(&m.copy).unwrap();
    let csv = "full_name,emails\nMori Aiko,mori@kobe.example\n";
    let imported = planner_core::contacts_io::import::import(
        &mut copy,
        csv.as_bytes(),
        "met.csv",
        None,
        None,
        false,
        None,
    )
    .unwrap();
    assert_eq!(imported.contacts_created, 1, "{:?}", imported.errors);
    let report = team_copy::push_changes(&copy, &m.url, false).unwrap();
    let names: Vec<_> = report
        .changes
        .iter()
        .map(|c| (c.kind, c.action, c.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [(EntityKind::Contacts, ChangeAction::Created, "Mori Aiko")]
    );
    assert_eq!(
        team_i64(
            &m.db,
            "SELECT count(*) FROM contacts WHERE full_name = 'Mori Aiko'"
        ),
        1
    );
    assert!(team_copy::push_changes(&copy, &m.url, false)
        .unwrap()
        .changes
        .is_empty());
}
