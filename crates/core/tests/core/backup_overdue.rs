//! When the dashboard warns that backups are not running: the store changed since a backup
//! older than a day, or it holds records and was never backed up; not for an empty store, nor
//! for an old backup of a store that has not changed since.

use chrono::{Duration, Utc};
use planner_core::backup;
use planner_core::domain::Organization;

#[test]
fn a_backup_is_overdue_only_when_old_and_the_store_changed_since() {
    let (_dir, mut store) = crate::temp_store();
    assert!(!backup::status(&store).unwrap().overdue, "an empty store");
    let org = Organization {
        name_vi: "Công ty Đông Á".into(),
        country: "VN".into(),
        ..Organization::default()
    };
    store.create(&org).unwrap();
    assert!(
        backup::status(&store).unwrap().overdue,
        "records, no backup"
    );

    let old = Utc::now() - backup::OVERDUE_AFTER - Duration::minutes(5);
    backup::create(&mut store, old, false).unwrap();
    assert!(
        !backup::status(&store).unwrap().overdue,
        "old, but nothing changed since"
    );
    store.create(&org).unwrap();
    assert!(
        backup::status(&store).unwrap().overdue,
        "old, and changed since"
    );

    backup::create(&mut store, Utc::now() - Duration::hours(3), false).unwrap();
    store.create(&org).unwrap();
    assert!(
        !backup::status(&store).unwrap().overdue,
        "changed since a recent one"
    );
}
