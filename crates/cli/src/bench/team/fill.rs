//! The bench's data: organisations and contacts with Vietnamese names, written into an empty
//! store the way an office's book arrives (an import), the same on either backend.

use anyhow::Result;
use planner_core::contacts_io::import;
use planner_core::domain::Organization;
use planner_core::Store;

pub(super) const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
pub(super) const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Minh", "Thu", "Quốc", "Hồng", "Ngọc", "Thanh", "Hữu", "Xuân", "Kim",
];
pub(super) const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hương", "Khoa", "Lan", "Linh",
    "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến",
];
const ORG_STEMS: &[&str] = &[
    "Đầu tư",
    "Thương mại",
    "Công nghệ",
    "Phát triển",
    "Cơ khí",
    "Sản xuất",
    "Năng lượng",
    "Vận tải",
];
pub(super) const ORG_TAILS: &[&str] = &[
    "Đông Á",
    "Sài Gòn",
    "Hà Nội",
    "Hòa Lạc",
    "Việt Nhật",
    "Mê Kông",
];

/// Organisation number `n`'s name (unique: it carries the number).
fn organization_name(n: usize) -> String {
    let stem = ORG_STEMS[n % ORG_STEMS.len()];
    let tail = ORG_TAILS[(n / ORG_STEMS.len()) % ORG_TAILS.len()];
    format!("Công ty Cổ phần {stem} {tail} {}", n + 1)
}

/// Contact number `i`'s name: three Vietnamese words, as many people share.
pub(super) fn contact_name(i: usize) -> String {
    format!(
        "{} {} {}",
        FAMILY[i % FAMILY.len()],
        MIDDLE[(i / 5) % MIDDLE.len()],
        GIVEN[(i / 11) % GIVEN.len()]
    )
}

/// A CSV of contacts `range`, contact `i` working at organisation `i % organizations` (named
/// there, so the import creates each organisation once), with its own email and phone.
fn contacts_csv(range: std::ops::Range<usize>, organizations: usize) -> String {
    let mut text = String::from("Họ và tên,Email,Điện thoại,Công ty,Chức vụ\r\n");
    for i in range {
        text.push_str(&format!(
            "{},p{i}@congty{}.vn,024 {:04} {:04},{},Giám đốc\r\n",
            contact_name(i),
            i % organizations,
            3000 + i / 10_000,
            i % 10_000,
            organization_name(i % organizations)
        ));
    }
    text
}

/// Fills an empty store with `organizations` and `contacts` through the import (its bulk path:
/// one transaction, then the search index in steps), and the organisations no contact named
/// with ordinary creates in one transaction.
pub(super) fn fill(store: &mut Store, organizations: usize, contacts: usize) -> Result<()> {
    let organizations = organizations.max(1);
    if contacts > 0 {
        let csv = contacts_csv(0..contacts, organizations);
        let report = import::import(store, csv.as_bytes(), "bench.csv", None, None, false, None)?;
        anyhow::ensure!(
            report.errors.is_empty() && report.duplicates.is_empty(),
            "the generated contacts were not all imported: {} rejected, {} duplicates",
            report.errors.len(),
            report.duplicates.len()
        );
        while store.index_step()? {}
    }
    store.transaction(|tx| {
        for n in contacts.min(organizations)..organizations {
            tx.create(&Organization {
                name_vi: organization_name(n),
                country: "VN".into(),
                ..Default::default()
            })?;
        }
        Ok(())
    })?;
    Ok(())
}
