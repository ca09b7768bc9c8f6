//! The fuzz targets' seed files are real bundles and cards written by an earlier build: they must
//! keep reading (a check that the format stays readable), and `UPDATE_FUZZ_SEEDS=1` rewrites them.

use planner_exchange::read_card;

use crate::support::{bundle, hanoi_office, read, sender_key};

const BUNDLE_SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fuzz/seeds/open_bundle/honest.dpbundle"
);
const CARD_SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fuzz/seeds/read_card/hanoi.dpoffice"
);

#[test]
fn the_fuzz_seeds_still_read() {
    if std::env::var_os("UPDATE_FUZZ_SEEDS").is_some() {
        let card =
            planner_exchange::write_card(&sender_key(), &hanoi_office(), "2025-03-14T09:30:00Z");
        for (path, bytes) in [(BUNDLE_SEED, bundle()), (CARD_SEED, card)] {
            std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
    }
    let seed = std::fs::read(BUNDLE_SEED).expect("seed bundle (UPDATE_FUZZ_SEEDS=1 writes it)");
    let verified = read(&seed).expect("a bundle written by an earlier build reads");
    assert_eq!(verified.signer, sender_key().public());
    let card =
        read_card(&std::fs::read(CARD_SEED).expect("seed card")).expect("the seed card reads");
    assert_eq!(card.office, hanoi_office());
}
