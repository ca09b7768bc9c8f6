//! Pipeline totals and the dashboard's follow-up counts, on a real file, against sums computed
//! here from the leads as inserted.

use chrono::{DateTime, Duration, Utc};
use planner_core::domain::*;
use planner_core::store::{LeadTotal, PipelineFilter, PipelineTotals, FOLLOW_UP_DAYS};
use planner_core::Store;
use std::collections::BTreeMap;

fn organization(store: &mut Store) -> i64 {
    store
        .create(&Organization {
            name_vi: "Công ty Bán dẫn Seoul".into(),
            country: "KR".into(),
            ..Default::default()
        })
        .unwrap()
        .meta
        .id
}

/// Leads at every stage, in several sectors (one without any, one naming a sector twice), for
/// two owners and none, in USD, in JPY and without capital, due in the past, soon, later, never.
fn varied_leads(organization_id: i64, now: DateTime<Utc>) -> Vec<Lead> {
    let sectors: [&[&str]; 5] = [
        &["semiconductors", "electronics"],
        &["logistics"],
        &[],
        &["electronics"],
        &["agrifood", "agrifood"],
    ];
    let owners = [Some("Lê Hà"), Some("Phạm Minh"), None];
    let due = [Some(-3), Some(5), Some(13), Some(40), None];
    let mut leads = Vec::new();
    for i in 0..40usize {
        let stage = LeadStage::ALL[i % LeadStage::ALL.len()];
        leads.push(Lead {
            organization_id,
            title: format!("Cơ hội {i}"),
            stage,
            lost_reason: (stage == LeadStage::Lost).then(|| "Chọn địa điểm khác".into()),
            sectors: sectors[i % sectors.len()]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            expected_capital_minor: (i % 6 != 5).then_some((i as i64 + 1) * 100_000_000),
            expected_capital_currency: if i % 7 == 3 { "JPY" } else { "USD" }.into(),
            jobs: (i % 4 != 0).then_some(i as i64 * 10),
            owner: owners[i % owners.len()].map(String::from),
            due_at: due[i % due.len()].map(|d| now + Duration::days(d)),
            ..Default::default()
        });
    }
    leads
}

fn add(total: &mut LeadTotal, lead: &Lead) {
    total.count += 1;
    match (
        lead.expected_capital_minor,
        lead.expected_capital_currency.as_str(),
    ) {
        (Some(c), "USD") => total.expected_capital_usd_minor += c,
        (Some(_), _) => total.other_currency += 1,
        (None, _) => {}
    }
    total.jobs += lead.jobs.unwrap_or(0);
}

/// What the totals must be, computed plainly from the leads.
fn expected(leads: &[Lead], owner: Option<&str>, sector: Option<&str>) -> PipelineTotals {
    let now = Utc::now();
    let matching: Vec<&Lead> = leads
        .iter()
        .filter(|l| owner.is_none() || l.owner.as_deref() == owner)
        .filter(|l| sector.is_none_or(|s| l.sectors.iter().any(|x| x == s)))
        .collect();
    let mut stages = BTreeMap::new();
    let (mut all, mut active) = (LeadTotal::default(), LeadTotal::default());
    let mut sectors: BTreeMap<String, (LeadTotal, LeadTotal)> = BTreeMap::new();
    let (mut overdue, mut upcoming) = (0, 0);
    for l in &matching {
        let lost = l.stage == LeadStage::Lost;
        add(
            stages
                .entry(LeadStage::ALL.iter().position(|s| *s == l.stage))
                .or_default(),
            l,
        );
        add(&mut all, l);
        if !lost {
            add(&mut active, l);
        }
        let mut own: Vec<String> = l.sectors.clone();
        own.sort();
        own.dedup();
        if own.is_empty() {
            own.push(String::new());
        }
        for s in own {
            let entry = sectors.entry(s).or_default();
            add(&mut entry.0, l);
            if !lost {
                add(&mut entry.1, l);
            }
        }
        if let (Some(due), false) = (l.due_at, lost) {
            if due < now {
                overdue += 1;
            } else if due <= now + Duration::days(FOLLOW_UP_DAYS) {
                upcoming += 1;
            }
        }
    }
    PipelineTotals {
        stages: LeadStage::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| planner_core::store::PipelineStage {
                stage: *s,
                total: stages.get(&Some(i)).copied().unwrap_or_default(),
            })
            .collect(),
        sectors: sectors
            .into_iter()
            .map(
                |(sector, (all, active))| planner_core::store::PipelineSector {
                    sector,
                    all,
                    active,
                },
            )
            .collect(),
        all,
        active,
        overdue_follow_ups: overdue,
        upcoming_follow_ups: upcoming,
    }
}

/// The store's answer with its sectors in tag order (the order is checked on its own).
fn by_tag(mut totals: PipelineTotals) -> PipelineTotals {
    totals.sectors.sort_by(|a, b| a.sector.cmp(&b.sector));
    totals
}

fn filter(owner: Option<&str>, sector: Option<&str>) -> PipelineFilter {
    PipelineFilter {
        owner: owner.map(String::from),
        sector: sector.map(String::from),
    }
}

on_both! {
    fn totals_by_stage_and_sector_match_the_leads_for_every_filter(store) {
        let org = organization(&mut store);
        let leads = varied_leads(org, Utc::now());
        for l in &leads {
            store.create(l).unwrap();
        }

        for (owner, sector) in [
            (None, None),
            (Some("Lê Hà"), None),
            (None, Some("electronics")),
            (None, Some("agrifood")),
            (Some("Phạm Minh"), Some("logistics")),
            (Some("Nobody"), None),
        ] {
            let got = store.pipeline_totals(&filter(owner, sector)).unwrap();
            assert_eq!(
                got.stages.iter().map(|s| s.stage).collect::<Vec<_>>(),
                LeadStage::ALL,
                "every stage, in order, empty ones too"
            );
            // Largest active capital first, leads without a sector last among equals.
            for pair in got.sectors.windows(2) {
                let (a, b) = (&pair[0].active, &pair[1].active);
                assert!(
                    (a.expected_capital_usd_minor, a.count) >= (b.expected_capital_usd_minor, b.count),
                    "{owner:?} {sector:?}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            assert_eq!(
                by_tag(got),
                expected(&leads, owner, sector),
                "owner {owner:?}, sector {sector:?}"
            );
        }

        // A few figures by hand, so that the reference above is not the only witness.
        let all = store.pipeline_totals(&PipelineFilter::default()).unwrap();
        assert_eq!(all.all.count, 40);
        assert_eq!(all.active.count, 35, "5 of the 40 are lost");
        // i % 7 == 3 is in JPY; of those, i % 6 == 5 have no capital: 3, 10, 24, 31, 38 counted apart.
        assert_eq!(all.all.other_currency, 5);
        // Leads 4, 9, … 39 name 'agrifood' twice: each counts once; leads 2, 7, … 37 have no sector.
        let agrifood = all.sectors.iter().find(|s| s.sector == "agrifood").unwrap();
        assert_eq!(agrifood.all.count, 8);
        let none = all.sectors.iter().find(|s| s.sector.is_empty()).unwrap();
        assert_eq!(none.all.count, 8);
        // Blank filter values do not filter.
        assert_eq!(
            store.pipeline_totals(&filter(Some(" "), Some(""))).unwrap(),
            all
        );
        // An owner with no lead: every stage still listed, all zero.
        let nobody = store
            .pipeline_totals(&filter(Some("Nobody"), None))
            .unwrap();
        assert_eq!(nobody.stages.len(), 8);
        assert!(nobody
            .stages
            .iter()
            .all(|s| s.total == LeadTotal::default()));
        assert!(nobody.sectors.is_empty());
    }
}

on_both! {
    fn dashboard_counts_every_follow_up_and_agrees_with_the_pipeline(store) {
        let org = organization(&mut store);
        let now = Utc::now();
        // Due 1 to 17 days ago, then in 1 to 13 days; every tenth is lost (never a follow-up).
        let mut leads = Vec::new();
        for i in 0..30i64 {
            leads.push(Lead {
                organization_id: org,
                title: format!("Việc {i}"),
                stage: if i % 10 == 9 {
                    LeadStage::Lost
                } else {
                    LeadStage::ALL[(i % 7) as usize]
                },
                lost_reason: Some("Không tiếp tục".into()),
                expected_capital_minor: Some(100_000 * (i + 1)),
                due_at: Some(now + Duration::days(if i < 17 { -1 - i } else { i - 16 })),
                ..Default::default()
            });
        }
        for l in &leads {
            store.create(l).unwrap();
        }
        let want = expected(&leads, None, None);
        // More than the dashboard lists (12).
        assert_eq!(want.overdue_follow_ups, 16);
        assert_eq!(want.upcoming_follow_ups, 11);
        let dashboard = store.dashboard().unwrap();
        assert_eq!(dashboard.follow_ups.len(), 12);
        assert!(dashboard.follow_ups.iter().all(|f| f.overdue));
        assert_eq!(dashboard.overdue_follow_ups, 16);
        assert_eq!(dashboard.upcoming_follow_ups, 11);
        let totals = store.pipeline_totals(&PipelineFilter::default()).unwrap();
        assert_eq!(totals.overdue_follow_ups, 16);
        assert_eq!(totals.upcoming_follow_ups, 11);
        // The dashboard's value by stage is the pipeline's.
        for (d, p) in dashboard.pipeline.iter().zip(&totals.stages) {
            assert_eq!(d.stage, p.stage);
            assert_eq!(d.count, p.total.count);
            assert_eq!(
                d.expected_capital_usd_minor,
                p.total.expected_capital_usd_minor
            );
        }
        assert_eq!(dashboard.pipeline.len(), 8);
    }
}

on_both! {
    fn more_than_three_thousand_leads_are_all_summed(store) {
        let org = organization(&mut store);
        let now = Utc::now();
        let leads: Vec<Lead> = (0..3_500i64)
            .map(|i| Lead {
                organization_id: org,
                title: format!("Dự án {i}"),
                stage: LeadStage::ALL[(i % 8) as usize],
                lost_reason: Some("Không tiếp tục".into()),
                sectors: vec![["software", "logistics", "rd"][(i % 3) as usize].into()],
                expected_capital_minor: Some(123_456_789 + i * 1_000),
                jobs: Some(i % 250),
                owner: Some(if i % 2 == 0 { "Lê Hà" } else { "Phạm Minh" }.into()),
                // Never exactly now or at the window's end: those depend on the clock's next tick.
                due_at: Some(
                    now + Duration::days([-10, -3, -1, 1, 5, 13, 15, 30, -200][(i % 9) as usize]),
                ),
                ..Default::default()
            })
            .collect();
        store
            .transaction(|tx| {
                for l in &leads {
                    tx.create(l)?;
                }
                Ok(())
            })
            .unwrap();

        let all = store.pipeline_totals(&PipelineFilter::default()).unwrap();
        assert_eq!(all.all.count, 3_500);
        let capital: i64 = (0..3_500i64).map(|i| 123_456_789 + i * 1_000).sum();
        assert_eq!(all.all.expected_capital_usd_minor, capital);
        assert_eq!(all.all.jobs, (0..3_500i64).map(|i| i % 250).sum::<i64>());
        assert_eq!(by_tag(all), expected(&leads, None, None));
        let mine = store
            .pipeline_totals(&filter(Some("Lê Hà"), Some("rd")))
            .unwrap();
        assert_eq!(by_tag(mine), expected(&leads, Some("Lê Hà"), Some("rd")));
    }
}
