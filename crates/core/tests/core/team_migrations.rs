//! The team schema's migrations from every earlier version (issue 17): for each version n of
//! `PG_MIGRATIONS`, a database migrated only to n gets the rows a team store writes (an
//! organisation, a contact, a delegation with a member and an item, their audit and search
//! entries, settings), then is opened as the app opens it (migrating to the newest). Every row is
//! still there and reads the same through the store, new records can be written, and the schema
//! (tables, columns, constraints, indexes, triggers, policies, grants) is the one a database made
//! at the newest version has. A migration that only works on an empty database fails here.

use crate::{pg_database, PgDatabase, StoreGuard};
use planner_core::domain::{
    Contact, Delegation, EntityKind, ItineraryItem, Member, MemberRole, Organization,
};
use planner_core::store::pg_schema::{migrate, migrate_to, PG_LATEST_VERSION, PG_MIGRATIONS};
use planner_core::Store;
use postgres::Client;
use std::collections::BTreeSet;

/// The tables copied, in the order their references need.
const TABLES: &[&str] = &[
    "settings",
    "organizations",
    "contacts",
    "delegations",
    "delegation_members",
    "itinerary_items",
    "audit_log",
    "search_index",
];

/// What a team store writes for one organisation, contact, delegation (with a member and an
/// item) and setting, made through the store on a database at the newest version.
struct Written {
    org: i64,
    contact: i64,
    delegation: i64,
    item: i64,
}

fn write_records(store: &mut Store) -> Written {
    let org = store
        .create(&Organization {
            name_vi: "Tập đoàn Điện lực Việt Nam".into(),
            country: "VN".into(),
            sectors: vec!["logistics".into()],
            ..Default::default()
        })
        .unwrap()
        .meta
        .id;
    let contact = store
        .create(&Contact {
            full_name: "Nguyễn Thị Hồng Nhung".into(),
            organization_id: Some(org),
            emails: vec![planner_core::domain::Labelled {
                label: "work".into(),
                value: "nhung@evn.example".into(),
            }],
            languages: vec!["vi".into(), "en".into()],
            ..Default::default()
        })
        .unwrap()
        .meta
        .id;
    let delegation = store
        .create(&Delegation {
            title: "Đoàn xúc tiến đầu tư Nhật Bản".into(),
            destination_country: "JP".into(),
            time_zone: "Asia/Tokyo".into(),
            ..Default::default()
        })
        .unwrap()
        .meta
        .id;
    store
        .create(&Member {
            delegation_id: delegation,
            contact_id: Some(contact),
            role: MemberRole::Head,
            ..Default::default()
        })
        .unwrap();
    let starts_at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 3, 9, 1, 0, 0).unwrap();
    let item = store
        .create(&ItineraryItem {
            delegation_id: delegation,
            title: "Làm việc với JETRO".into(),
            starts_at,
            ends_at: starts_at + chrono::Duration::minutes(90),
            time_zone: "Asia/Tokyo".into(),
            organization_id: Some(org),
            ..Default::default()
        })
        .unwrap()
        .meta
        .id;
    store
        .update_json(
            EntityKind::Contacts,
            contact,
            serde_json::json!({"title": "Trưởng ban"}),
        )
        .unwrap();
    store
        .set_setting("office_name_vi", "Trung tâm Xúc tiến")
        .unwrap();
    Written {
        org,
        contact,
        delegation,
        item,
    }
}

/// Every row of `table`, as JSON text, in a stable order.
fn rows(client: &mut Client, table: &str) -> Vec<String> {
    let mut out: Vec<String> = client
        .query(&format!("SELECT row_to_json(t)::text FROM {table} t"), &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    out.sort();
    out
}

/// Puts `table`'s rows (JSON text from a newer schema) into the same table at an older version:
/// the columns it has, as a store of that version would have written them. The identities move
/// past the ids given, as the store's own inserts would have moved them.
fn put_rows(client: &mut Client, table: &str, rows: &[String]) {
    for row in rows {
        client
            .execute(
                &format!(
                    "INSERT INTO {table} SELECT * FROM json_populate_record(NULL::{table}, $1::text::json)"
                ),
                &[row],
            )
            .unwrap_or_else(|e| panic!("{table} row {row}: {e}"));
    }
    let identity: bool = client
        .query_one(
            "SELECT count(*) > 0 FROM information_schema.columns
             WHERE table_name = $1 AND column_name = 'id' AND is_identity = 'YES'",
            &[&table],
        )
        .unwrap()
        .get(0);
    if identity {
        client
            .batch_execute(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
            ))
            .unwrap();
    }
}

/// The team's group roles (not the login roles other tests make in the same cluster, whose
/// names also start with `planner_`).
const TEAM_ROLES: &str = "('planner_readonly', 'planner_officer', 'planner_manager')";

/// The schema as the catalogs give it, one line a fact: tables' columns (type, collation, null,
/// default), constraints, indexes, triggers, row-level policies, functions, and the privileges of
/// the planner_* roles on tables, columns, sequences, functions and the schema.
fn schema(client: &mut Client) -> BTreeSet<String> {
    let queries = [
        "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' ||
                coalesce(collation_name, '-') || ' ' || is_nullable || ' ' ||
                coalesce(column_default, '-') || ' ' || is_identity
         FROM information_schema.columns WHERE table_schema = current_schema()",
        "SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' ||
                pg_get_constraintdef(oid)
         FROM pg_constraint WHERE connamespace = current_schema()::regnamespace",
        "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()",
        "SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal",
        "SELECT 'policy ' || tablename || ' ' || policyname || ' ' || cmd || ' ' ||
                array_to_string(roles, ',') || ' ' || coalesce(qual, '-') || ' ' ||
                coalesce(with_check, '-')
         FROM pg_policies WHERE schemaname = current_schema()",
        "SELECT 'rls ' || relname || ' ' || relrowsecurity::text FROM pg_class
         WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'",
        "SELECT 'function ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc)
         FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace",
        "SELECT 'grant ' || grantee || ' ' || privilege_type || ' ' || table_name
         FROM information_schema.role_table_grants
         WHERE table_schema = current_schema() AND grantee IN TEAM_ROLES",
        "SELECT 'grant ' || grantee || ' ' || privilege_type || ' ' || table_name || '.' ||
                column_name
         FROM information_schema.column_privileges
         WHERE table_schema = current_schema() AND grantee IN TEAM_ROLES",
        "SELECT 'grant ' || r.rolname || ' ' || p || ' ' || c.relname
         FROM pg_class c CROSS JOIN pg_roles r
         CROSS JOIN unnest(ARRAY['USAGE', 'SELECT', 'UPDATE']) p
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'
           AND r.rolname IN TEAM_ROLES AND has_sequence_privilege(r.oid, c.oid, p)",
        "SELECT 'grant ' || r.rolname || ' EXECUTE ' || p.oid::regprocedure::text
         FROM pg_proc p CROSS JOIN pg_roles r
         WHERE p.pronamespace = current_schema()::regnamespace
           AND r.rolname IN TEAM_ROLES AND has_function_privilege(r.oid, p.oid, 'EXECUTE')",
        "SELECT 'grant ' || r.rolname || ' ' || p || ' schema' FROM pg_roles r
         CROSS JOIN unnest(ARRAY['USAGE', 'CREATE']) p
         WHERE r.rolname IN TEAM_ROLES AND has_schema_privilege(r.oid, current_schema(), p)",
        "SELECT 'extension ' || extname FROM pg_extension",
    ];
    let mut out = BTreeSet::new();
    for sql in queries {
        let sql = sql.replace("TEAM_ROLES", TEAM_ROLES);
        for row in client.query(&sql, &[]).unwrap() {
            out.insert(row.get::<_, String>(0));
        }
    }
    out
}

#[test]
fn a_team_database_of_every_earlier_version_migrates_with_its_rows_to_the_newest_schema() {
    let Some((guard, mut source)) = crate::team_store() else {
        return;
    };
    let StoreGuard::Team(source_db) = &guard else {
        unreachable!("a team store's guard")
    };
    let w = write_records(&mut source);
    let mut source_client = source_db.client();
    let written: Vec<(&str, Vec<String>)> = TABLES
        .iter()
        .map(|t| (*t, rows(&mut source_client, t)))
        .collect();
    for (table, rows) in &written {
        assert!(!rows.is_empty(), "the store wrote no {table} row");
    }

    let fresh: PgDatabase = pg_database().expect("a test cluster, as for the team store");
    migrate(&mut fresh.client()).unwrap();
    let newest = schema(&mut fresh.client());
    assert_eq!(PG_MIGRATIONS.last().unwrap().0, PG_LATEST_VERSION);

    for (n, _) in PG_MIGRATIONS {
        let old = pg_database().unwrap();
        let mut client = old.client();
        assert_eq!(migrate_to(&mut client, *n).unwrap(), *n);
        for (table, rows) in &written {
            put_rows(&mut client, table, rows);
        }
        drop(client);

        let mut store = Store::open_url(&old.url)
            .unwrap_or_else(|e| panic!("a team database at version {n} opens: {e}"));
        let mut client = old.client();
        for (table, rows) in &written {
            assert_eq!(
                &self::rows(&mut client, table),
                rows,
                "{table} from version {n}"
            );
        }
        let migrated = schema(&mut client);
        let missing: Vec<_> = newest.difference(&migrated).collect();
        let extra: Vec<_> = migrated.difference(&newest).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "the schema migrated from version {n} is not a new database's: it lacks \
             {missing:#?}\nand has {extra:#?}"
        );

        // The same answers through the store as from the store that wrote them.
        let same = |what: &str, a: serde_json::Value, b: serde_json::Value| {
            assert_eq!(a, b, "{what} from version {n}");
        };
        same(
            "organisation",
            json(source.get::<Organization>(w.org).unwrap()),
            json(store.get::<Organization>(w.org).unwrap()),
        );
        same(
            "contact",
            json(source.get::<Contact>(w.contact).unwrap()),
            json(store.get::<Contact>(w.contact).unwrap()),
        );
        same(
            "item",
            json(source.get::<ItineraryItem>(w.item).unwrap()),
            json(store.get::<ItineraryItem>(w.item).unwrap()),
        );
        same(
            "plan",
            json(source.plan(w.delegation).unwrap()),
            json(store.plan(w.delegation).unwrap()),
        );
        same(
            "audit",
            json(source.audit_of(EntityKind::Contacts, w.contact).unwrap()),
            json(store.audit_of(EntityKind::Contacts, w.contact).unwrap()),
        );
        same(
            "search",
            json(source.search("hong nhung", 10).unwrap()),
            json(store.search("hong nhung", 10).unwrap()),
        );
        assert_eq!(
            store.setting("office_name_vi").unwrap().as_deref(),
            Some("Trung tâm Xúc tiến")
        );
        // And it takes new records and edits, under the ids and revisions it had.
        let added = store
            .create(&Contact {
                full_name: "Trần Văn Đức".into(),
                ..Default::default()
            })
            .unwrap();
        assert!(added.meta.id > w.contact, "from version {n}");
        store
            .update_json(
                EntityKind::Contacts,
                w.contact,
                serde_json::json!({"title": "Phó ban"}),
            )
            .unwrap();
        assert_eq!(
            store.get::<Contact>(w.contact).unwrap().meta.revision,
            source.get::<Contact>(w.contact).unwrap().meta.revision + 1
        );
    }
}

/// Anything the store answers, as JSON, to compare two stores' answers.
fn json(answer: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(answer).unwrap()
}
