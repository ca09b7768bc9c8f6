//! What an import's report says of a file: every data row is counted once (created, duplicate
//! or rejected) and the preview's sample holds only rows that would be created.

use planner_core::contacts_io::import;

/// Six data rows: a new person, a row with a missing field, the same person again, a bad email,
/// another new person and a row without a name.
const MIXED: &str = "Full name,Email,Company\n\
    Alice Able,alice@example.vn,Able Co\n\
    Broken Row,broken@example.vn\n\
    Alice Again,alice@example.vn,Able Co\n\
    Bad Mail,bad@@mail,\n\
    Bob Best,bob@example.vn,Best Co\n\
    ,nobody@example.vn,\n";

on_both! {
    fn every_data_row_read_is_counted_and_the_sample_holds_only_rows_created(store) {
        for dry_run in [true, false] {
            let (_dir, mut fresh) = crate::temp_store();
            let store = if dry_run { &mut fresh } else { &mut store };
            let r = import::import(
                store,
                MIXED.as_bytes(),
                "mixed.csv",
                None,
                None,
                dry_run,
                None,
            )
            .unwrap();
            assert_eq!(r.rows, 6, "every data row is read: {r:#?}");
            assert_eq!(r.contacts_created, 2);
            assert_eq!(r.duplicates.len(), 1);
            assert_eq!(r.rows_rejected, 3, "{:#?}", r.errors);
            assert_eq!(
                r.rows,
                r.contacts_created + r.duplicates.len() as i64 + r.rows_rejected,
                "each row is one of created, duplicate or rejected"
            );
            let sample: Vec<&str> = r
                .sample
                .iter()
                .map(|c| c.contact.full_name.as_str())
                .collect();
            assert_eq!(sample, ["Alice Able", "Bob Best"], "dry run: {dry_run}");
        }

        // The preview (what the window shows before importing) says the same.
        let (_dir, mut fresh) = crate::temp_store();
        let p = import::preview(&mut fresh, MIXED.as_bytes(), "mixed.csv", None, None).unwrap();
        assert_eq!((p.rows, p.sample.len()), (6, 2));
    }
}

on_both! {
    fn a_vcard_counts_its_rejected_cards_as_rows_read(store) {
        let vcf = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Card One\r\nEMAIL:one@example.vn\r\nEND:VCARD\r\n\
                   BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:nameless@example.vn\r\nEND:VCARD\r\n\
                   BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Card Three\r\nEND:VCARD\r\n";
        let p = import::preview(&mut store, vcf.as_bytes(), "cards.vcf", None, None).unwrap();
        assert_eq!(
            (p.rows, p.contacts_created, p.rows_rejected),
            (3, 2, 1),
            "{:#?}",
            p.errors
        );
        assert_eq!(p.sample.len(), 2);
    }
}
