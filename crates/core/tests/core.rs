//! Integration tests of planner-core on real SQLite files (one test binary, one module per area).

/// The contract suite: `on_both! { fn name(store) { … } }` is one test body run twice, as
/// `name::sqlite` on a fresh store file and as `name::postgres` on a fresh team database, so
/// that both backends are held to the same answers (issue 17).
#[macro_export]
macro_rules! on_both {
    ($(#[$meta:meta])* fn $name:ident($store:ident) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[test]
            fn sqlite() {
                let (dir, store) = $crate::temp_store();
                let _guard = $crate::StoreGuard::Dir(dir);
                #[allow(unused_mut)]
                let mut $store = store;
                $body
            }

            #[test]
            fn postgres() {
                let Some((_guard, store)) = $crate::team_store() else {
                    return;
                };
                #[allow(unused_mut)]
                let mut $store = store;
                $body
            }
        }
    };
}

mod core {
    pub mod about;
    pub mod backup;
    pub mod backup_after_erase;
    pub mod backup_free_pages;
    pub mod backup_overdue;
    pub mod backup_session;
    pub mod bindings;
    pub mod briefs;
    pub mod clock_changes;
    pub mod commands;
    pub mod concurrency;
    pub mod contacts_io;
    pub mod contract;
    pub mod crud;
    pub mod dashboard;
    pub mod demo;
    pub mod doctor;
    pub mod erased_bytes;
    pub mod exchange;
    pub mod exchange_adopt;
    #[cfg(feature = "postgres")]
    pub mod exchange_team;
    pub mod first_run;
    pub mod fixtures;
    pub mod hostile;
    pub mod ics;
    pub mod images;
    pub mod import;
    pub mod import_report;
    pub mod itinerary;
    pub mod itinerary_pdf;
    pub mod labels;
    pub mod licences;
    pub mod linked;
    #[cfg(feature = "postgres")]
    pub mod live_changes;
    pub mod migrations;
    pub mod people;
    pub mod read_only;
    pub mod revisions;
    pub mod search;
    pub mod sectors;
    pub mod sort_keys;
    pub mod store_exports;
    pub mod store_health;
    #[cfg(feature = "postgres")]
    pub mod team_app;
    #[cfg(feature = "postgres")]
    pub mod team_changes;
    #[cfg(feature = "postgres")]
    pub mod team_copy;
    #[cfg(feature = "postgres")]
    pub mod team_copy_files;
    #[cfg(feature = "postgres")]
    pub mod team_counts;
    #[cfg(feature = "postgres")]
    pub mod team_failures;
    #[cfg(feature = "postgres")]
    pub mod team_migrations;
    #[cfg(feature = "postgres")]
    pub mod team_officers;
    #[cfg(feature = "postgres")]
    pub mod team_pull;
    #[cfg(feature = "postgres")]
    pub mod team_roles;
    #[cfg(feature = "postgres")]
    pub mod team_schema;
    #[cfg(feature = "postgres")]
    pub mod team_tls;
    pub mod two_offices;
    pub mod validation;
    pub mod words;
}

use planner_core::Store;
use tempfile::TempDir;

/// A fresh store in a real file under a temporary directory (kept alive by the returned guard).
pub fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("planner.db")).expect("open store");
    (dir, store)
}

/// A fresh store file, with the guard that keeps it (`temp_store` as a `StoreGuard`).
pub fn file_store() -> (StoreGuard, Store) {
    let (dir, store) = temp_store();
    (StoreGuard::Dir(dir), store)
}

/// Whatever keeps a test's store alive: its temporary folder, or its team database.
pub enum StoreGuard {
    Dir(#[allow(dead_code)] TempDir),
    #[cfg(feature = "postgres")]
    Team(#[allow(dead_code)] PgDatabase),
}

/// A fresh team store on the test cluster (a new database, dropped with the guard); None when
/// no cluster is given and none is required (`pg_database`).
#[cfg(feature = "postgres")]
pub fn team_store() -> Option<(StoreGuard, Store)> {
    let db = pg_database()?;
    let store = Store::open_url(&db.url).expect("open the team store");
    TEAM_URL.with(|u| *u.borrow_mut() = Some(db.url.clone()));
    Some((StoreGuard::Team(db), store))
}

#[cfg(feature = "postgres")]
thread_local! {
    /// The team database this test's thread opened last: `raw_texts` reads it back behind the
    /// store's back, as a test of a file store opens the file.
    static TEAM_URL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The first column, as text, of each row `sql` gives, read straight from the store's database
/// (its file, or the team database this test opened) rather than through the store: for tests
/// that check what is really kept (an erased name must be nowhere, not merely unshown).
pub fn raw_texts(store: &Store, sql: &str) -> Vec<String> {
    match store.backend() {
        planner_core::store::Backend::Sqlite => {
            let conn = rusqlite::Connection::open(store.path().expect("a store file")).unwrap();
            let mut stmt = conn.prepare(sql).unwrap();
            let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
            rows.map(Result::unwrap).collect()
        }
        #[cfg(feature = "postgres")]
        planner_core::store::Backend::Postgres => {
            let url = TEAM_URL
                .with(|u| u.borrow().clone())
                .expect("a team store opened");
            let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            let rows = client.query(sql, &[]).unwrap();
            rows.iter().map(|r| r.get::<_, String>(0)).collect()
        }
        #[allow(unreachable_patterns)]
        other => panic!("no raw reading of a {other:?} store in this build"),
    }
}

#[cfg(not(feature = "postgres"))]
pub fn team_store() -> Option<(StoreGuard, Store)> {
    None
}

/// A fresh store on the backend `like` runs on (a fresh file, or a fresh team database): a
/// second office in a test that runs on both.
pub fn store_like(like: &Store) -> (StoreGuard, Store) {
    match like.backend() {
        planner_core::store::Backend::Sqlite => file_store(),
        #[cfg(feature = "postgres")]
        planner_core::store::Backend::Postgres => {
            team_store().expect("a test cluster, as for the first store")
        }
        #[allow(unreachable_patterns)]
        other => panic!("no {other:?} store in this build"),
    }
}

/// What `sql` (one row, one integer column) answers, read straight from the database `guard`
/// keeps for `store` (its file, or its team database), behind the store's back.
pub fn raw_count(guard: &StoreGuard, store: &Store, sql: &str) -> i64 {
    match guard {
        StoreGuard::Dir(_) => rusqlite::Connection::open(store.path().expect("a store file"))
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap(),
        #[cfg(feature = "postgres")]
        StoreGuard::Team(db) => db.client().query_one(sql, &[]).unwrap().get(0),
    }
}

/// Runs `sql` straight on the database `guard` keeps for `store`, behind the store's back.
pub fn raw_execute(guard: &StoreGuard, store: &Store, sql: &str) {
    match guard {
        StoreGuard::Dir(_) => rusqlite::Connection::open(store.path().expect("a store file"))
            .unwrap()
            .execute_batch(sql)
            .unwrap(),
        #[cfg(feature = "postgres")]
        StoreGuard::Team(db) => db.client().batch_execute(sql).unwrap(),
    }
}

/// The (field, code) of each field error of an `Invalid` error.
pub fn field_codes(e: planner_core::CoreError) -> Vec<(String, String)> {
    match e {
        planner_core::CoreError::Invalid(errs) => {
            errs.into_iter().map(|e| (e.field, e.code)).collect()
        }
        other => panic!("expected invalid input, got {other}"),
    }
}

/// A small opaque PNG picture.
pub fn images_png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// A fresh database on the test cluster (`PLANNER_TEST_PG`, see `tests/pg-cluster`), dropped
/// with the login roles made for it when the guard drops. None when no cluster is given, unless
/// `PLANNER_REQUIRE_PG=1` (as in `./dev test`): then a missing cluster fails the test.
#[cfg(feature = "postgres")]
pub fn pg_database() -> Option<PgDatabase> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let Ok(admin_url) = std::env::var("PLANNER_TEST_PG") else {
        assert!(
            std::env::var("PLANNER_REQUIRE_PG").as_deref() != Ok("1"),
            "PLANNER_REQUIRE_PG=1 but PLANNER_TEST_PG is not set: start a test cluster with \
             `eval \"$(tests/pg-cluster start DIR)\"` (./dev test does it)"
        );
        return None;
    };
    let name = format!(
        "planner_t_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = postgres::Client::connect(&admin_url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot reach the test cluster at {admin_url}: {e}"));
    // template0: nothing another test left in template1 (or the extensions it holds) comes along.
    // (One statement a call: several would run as one transaction, where neither may.)
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .expect("drop a database a killed test left");
    admin
        .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0"))
        .expect("create the test database");
    Some(PgDatabase {
        url: with_database(&admin_url, &name),
        admin_url,
        name,
        roles: std::sync::Mutex::new(Vec::new()),
    })
}

/// A test database on the test cluster, dropped (connections and all) when this drops.
#[cfg(feature = "postgres")]
pub struct PgDatabase {
    /// Its URL, as the cluster's but naming this database.
    pub url: String,
    admin_url: String,
    name: String,
    roles: std::sync::Mutex<Vec<String>>,
}

#[cfg(feature = "postgres")]
impl PgDatabase {
    /// A new connection as the cluster's superuser.
    pub fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url, postgres::NoTls).expect("connect to the test database")
    }

    /// A new connection as `role` (made by `login_role`; the cluster trusts local connections).
    pub fn client_as(&self, role: &str) -> postgres::Client {
        let mut config: postgres::Config = self.url.parse().expect("test database URL");
        config.user(role);
        config
            .connect(postgres::NoTls)
            .expect("connect as a login role")
    }

    /// Its URL as login role `role` (made by `login_role`): what that officer's app opens.
    pub fn url_as(&self, role: &str) -> String {
        let (scheme, rest) = self.url.split_once("://").expect("a postgres:// URL");
        let host = rest.split_once('@').map_or(rest, |(_, host)| host);
        format!("{scheme}://{role}@{host}")
    }

    /// Every table's row count, by name: two of them equal when nothing was written between.
    pub fn row_counts(&self) -> Vec<(String, i64)> {
        let mut client = self.client();
        let tables: Vec<String> = client
            .query(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()
                 ORDER BY tablename",
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        tables
            .into_iter()
            .map(|t| {
                let n: i64 = client
                    .query_one(&format!("SELECT count(*) FROM {t}"), &[])
                    .unwrap()
                    .get(0);
                (t, n)
            })
            .collect()
    }

    /// A new login role in `group` (e.g. `planner_officer`), an officer's own: roles are the
    /// cluster's, so its name is this database's and it is dropped with it.
    pub fn login_role(&self, group: &str) -> String {
        let mut roles = self.roles.lock().unwrap();
        let role = format!("{}_r{}", self.name, roles.len());
        self.client()
            .batch_execute(&format!("CREATE ROLE {role} LOGIN IN ROLE {group}"))
            .expect("create a login role");
        roles.push(role.clone());
        role
    }
}

#[cfg(feature = "postgres")]
impl Drop for PgDatabase {
    fn drop(&mut self) {
        // A test that failed still drops its database; a drop that fails only leaves it behind in
        // a throwaway cluster, so it does not hide the test's own failure with a second panic.
        let Ok(mut admin) = postgres::Client::connect(&self.admin_url, postgres::NoTls) else {
            return;
        };
        let _ = admin.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
        for role in self
            .roles
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
        }
    }
}

/// `url` naming database `name` instead (`postgres://user@host:port/db?params`).
#[cfg(feature = "postgres")]
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url
        .split_once("://")
        .unwrap_or_else(|| panic!("PLANNER_TEST_PG must be a postgres:// URL, not {url}"));
    let (authority, after) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    let query = after.find('?').map_or("", |i| &after[i..]);
    format!("{scheme}://{authority}/{name}{query}")
}
