//! The hostile corpus (`tests/fixtures/hostile-text.json`) through every exporter, each output
//! read back by an independent reader: CSV by Python's `csv` (formula cells start with `'`),
//! vCard and `.ics` by Python (exactly the properties we wrote, the text exact after
//! unescaping), HTML by Python's `html.parser` (no element from the text, the text exact),
//! PDFs by poppler (`pdftotext`; `qpdf --check`), and the default file names.

use chrono::{TimeZone, Utc};
use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest};
use planner_core::contacts_io::import::{export, ExportFormat};
use planner_core::domain::*;
use planner_core::itinerary::{self, to_pdf::PrintOptions};
use planner_core::Store;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

/// One corpus entry: the text as stored (NFC), and whether single-line and free-text fields
/// take it.
pub struct Hostile {
    pub id: String,
    /// The text as written in the corpus (before NFC).
    pub value: String,
    /// A website holding it is a link.
    pub link: bool,
    pub stored: String,
    pub line: bool,
    pub free: bool,
}

/// The shared corpus, with repeats expanded.
pub fn corpus() -> Vec<Hostile> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/hostile-text.json"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let value = e["value"].as_str().unwrap();
            let value = value.repeat(e["repeat"].as_u64().unwrap_or(1) as usize);
            Hostile {
                id: e["id"].as_str().unwrap().to_owned(),
                link: e["link"] == true,
                stored: e["stored"].as_str().map_or(value.clone(), str::to_owned),
                value,
                line: e["line"] == "accepted",
                free: e["free"] == "accepted",
            }
        })
        .collect()
}

/// The core's link rule, where opening is enforced, agrees entry by entry with the window's
/// (`ui/src/lib/links.test.ts` holds that one to the same `link` flags).
#[test]
fn links_open_only_what_the_corpus_allows() {
    use planner_core::links::{link_target, LinkKind};
    for h in corpus() {
        let target = link_target(LinkKind::Website, &h.value);
        assert_eq!(target.is_some(), h.link, "{}", h.id);
        if let Some(t) = target {
            assert!(
                t.starts_with("http://") || t.starts_with("https://"),
                "{}",
                h.id
            );
        }
        assert_eq!(link_target(LinkKind::Email, &h.value), None, "{}", h.id);
        assert_eq!(link_target(LinkKind::Phone, &h.value), None, "{}", h.id);
    }
}

/// Reads the CSV, vCard, calendar and HTML files named in argv[1] and prints what each holds.
const READER: &str = r#"
import csv, json, sys
from html.parser import HTMLParser
from icalendar import Calendar

args = json.loads(sys.argv[1])
out = {}
with open(args['csv'], encoding='utf-8-sig', newline='') as f:
    out['csv'] = list(csv.reader(f))

def unescape(v):
    res, i = '', 0
    while i < len(v):
        if v[i] == '\\' and i + 1 < len(v):
            res += '\n' if v[i + 1] in 'nN' else v[i + 1]
            i += 2
        else:
            res += v[i]
            i += 1
    return res

with open(args['vcf'], encoding='utf-8', newline='') as f:
    raw = f.read()
assert '\r\n' in raw and '\n' not in raw.replace('\r\n', '')
cards, card = [], None
for line in raw.replace('\r\n ', '').split('\r\n'):
    if not line:
        continue
    name, value = line.split(':', 1)
    prop = name.split(';')[0].split('.')[-1].upper()
    if prop == 'BEGIN':
        card = []
    elif prop == 'END':
        cards.append(card)
    else:
        card.append([prop, unescape(value)])
out['vcf'] = cards

# The structure through icalendar; the text by RFC 5545's unescaping (icalendar's own turns
# `\\\\` into one backslash).
with open(args['ics'], 'rb') as f:
    cal = Calendar.from_ical(f.read())
out['ics_components'] = sorted({c.name for c in cal.walk()})
with open(args['ics'], encoding='utf-8', newline='') as f:
    raw = f.read()
events, event = [], None
for line in raw.replace('\r\n ', '').split('\r\n'):
    if not line:
        continue
    name, value = line.split(':', 1)
    prop = name.split(';')[0].upper()
    if line == 'BEGIN:VEVENT':
        event = {}
    elif line == 'END:VEVENT':
        events.append(event)
        event = None
    elif event is not None:
        event.setdefault(prop, []).append(unescape(value))
assert len(events) == len(cal.walk('VEVENT'))
out['ics'] = events

class Html(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append([tag, dict(attrs)])
    def handle_data(self, data):
        self.text.append(data)
h = Html()
with open(args['html'], encoding='utf-8') as f:
    h.feed(f.read())
out['html_tags'] = h.tags
out['html_text'] = ''.join(h.text)
print(json.dumps(out))
"#;

fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} must be installed: {e}"));
    assert!(
        out.status.success(),
        "{cmd}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A store holding the corpus: an organisation, a contact and an itinerary item per entry a
/// single-line field takes, free text wherever a free-text field takes it.
fn hostile_store(store: &mut Store) -> (i64, i64) {
    let free = |h: &Hostile| h.free.then(|| h.stored.clone());
    let d = store
        .create(&Delegation {
            title: "<img src=x onerror=alert(1)> ../../etc/passwd".into(),
            destination_country: "JP".into(),
            time_zone: "Asia/Tokyo".into(),
            notes: Some("'); DROP TABLE contacts;--".into()),
            ..Default::default()
        })
        .unwrap()
        .meta
        .id;
    let mut org = 0;
    for (n, h) in corpus().iter().enumerate().filter(|(_, h)| h.line) {
        let o = store
            .create(&Organization {
                name_vi: h.stored.clone(),
                country: "VN".into(),
                website: Some(h.stored.clone()),
                notes: free(h),
                ..Default::default()
            })
            .unwrap();
        org = if org == 0 { o.meta.id } else { org };
        let c = store
            .create(&Contact {
                full_name: h.stored.clone(),
                title: Some(h.stored.clone()),
                organization_id: Some(o.meta.id),
                notes: free(h),
                consent_source: Some(h.stored.clone()),
                ..Default::default()
            })
            .unwrap();
        let start =
            Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap() + chrono::Duration::hours(n as i64);
        store
            .create(&ItineraryItem {
                delegation_id: d,
                title: h.stored.clone(),
                starts_at: start,
                ends_at: start + chrono::Duration::minutes(30),
                time_zone: "Asia/Tokyo".into(),
                venue: Some(h.stored.clone()),
                contact_ids: vec![c.meta.id],
                notes: free(h),
                ..Default::default()
            })
            .unwrap();
    }
    (d, org)
}

on_both! {
    /// Every corpus text a field takes comes back byte for byte from either backend, and every
    /// one it refuses (a NUL, which PostgreSQL's text could not hold, among them) is refused by
    /// the validator with the corpus's code before any SQL runs.
    fn the_corpus_round_trips_exactly_or_is_refused_alike(store) {
        hostile_store(&mut store);
        let items = store
            .list::<ItineraryItem>(&Default::default())
            .unwrap()
            .items;
        for h in corpus() {
            let org = store.create_json(
                EntityKind::Organizations,
                json!({"name_vi": h.value, "country": "VN", "notes": h.value}),
            );
            match (h.line, h.free, org) {
                (true, true, Ok(o)) => {
                    let back = store.get::<Organization>(o["id"].as_i64().unwrap()).unwrap();
                    assert_eq!(back.data.name_vi, h.stored, "{}", h.id);
                    assert_eq!(back.data.notes.as_deref(), Some(h.stored.as_str()), "{}", h.id);
                }
                (line, free, Err(e)) if !(line && free) => {
                    let codes = crate::field_codes(e);
                    assert!(!codes.is_empty(), "{}", h.id);
                }
                (line, free, got) => panic!("{}: line {line}, free {free}: {got:?}", h.id),
            }
            if h.line {
                assert!(
                    items.iter().any(|i| i.data.title == h.stored),
                    "{}: the item titled with it",
                    h.id
                );
            }
        }
    }
}

#[test]
fn every_exporter_keeps_hostile_text_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("planner.db")).unwrap();
    let (delegation, org) = hostile_store(&mut store);
    let corpus = corpus();
    let named: Vec<&Hostile> = corpus.iter().filter(|h| h.line).collect();
    let at = Utc.with_ymd_and_hms(2027, 2, 1, 0, 0, 0).unwrap();
    let csv = dir.path().join("book.csv");
    std::fs::write(&csv, export(&store, ExportFormat::Csv).unwrap()).unwrap();
    let vcf = dir.path().join("book.vcf");
    std::fs::write(&vcf, export(&store, ExportFormat::Vcard).unwrap()).unwrap();
    let ics = itinerary::export_ics_to(&store, delegation, None, None, at).unwrap();
    let brief = |store: &mut Store, format| {
        let req = BriefRequest::new(Audience::Organization { id: org }, BriefLanguage::Bi);
        briefs::generate_to(store, &req, format, None).unwrap().path
    };
    let html = brief(&mut store, BriefFormat::Html);
    let brief_pdf = brief(&mut store, BriefFormat::Pdf);
    let options = PrintOptions {
        member_id: None,
        language: BriefLanguage::Vi,
    };
    let itinerary_pdf = itinerary::export_pdf_to(&store, delegation, &options, None, at).unwrap();

    // File names made from the delegation's title: ASCII words only, in the store's folders.
    for path in [&ics.path, &itinerary_pdf.path, &html, &brief_pdf] {
        let path = Path::new(path);
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-.".contains(c))
                && name.matches('.').count() == 1,
            "{name}"
        );
        assert!(path.starts_with(dir.path()), "{}", path.display());
    }
    assert!(
        ics.path
            .ends_with("lich-img-src-x-onerror-alert-1-etc-passwd.ics"),
        "{}",
        ics.path
    );

    let args = json!({"csv": csv, "vcf": vcf, "ics": ics.path, "html": html});
    let read: Value = serde_json::from_str(&tool(
        "/usr/bin/python3",
        &["-c", READER, &args.to_string()],
    ))
    .unwrap();

    // CSV: one row per contact; a cell a spreadsheet would run starts with a quote.
    let rows = read["csv"].as_array().unwrap();
    let header: Vec<&str> = rows[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    assert_eq!(rows.len(), named.len() + 1, "one row per contact");
    let in_csv = |h: &Hostile| {
        let formula = h.stored.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if formula {
            format!("'{}", h.stored)
        } else {
            h.stored.clone()
        }
    };
    let mut seen = Vec::new();
    for row in &rows[1..] {
        let cell = |name: &str| row[col(name)].as_str().unwrap().to_owned();
        let name = cell("full_name");
        let h = named
            .iter()
            .find(|h| in_csv(h) == name)
            .unwrap_or_else(|| panic!("csv full_name {name:?} is not a corpus text as written"));
        assert_eq!(
            cell("consent_source"),
            name,
            "csv consent_source ← {}",
            h.id
        );
        assert_eq!(cell("organization"), name, "csv organization ← {}", h.id);
        seen.push(h.id.clone());
    }
    seen.sort();
    let mut all: Vec<String> = named.iter().map(|h| h.id.clone()).collect();
    all.sort();
    assert_eq!(seen, all, "every contact, once");

    // vCard: exactly one card per contact, each with the properties written once.
    let cards = read["vcf"].as_array().unwrap();
    assert_eq!(cards.len(), named.len());
    for card in cards {
        let props: Vec<&str> = card
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p[0].as_str().unwrap())
            .collect();
        for once in ["VERSION", "FN", "N", "TITLE", "ORG", "UID"] {
            assert_eq!(
                props.iter().filter(|p| **p == once).count(),
                1,
                "{once} in {props:?}"
            );
        }
        let fn_ = card
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p[0] == "FN")
            .unwrap()[1]
            .as_str()
            .unwrap();
        assert!(
            named.iter().any(|h| h.stored == fn_),
            "FN {fn_:?} is not a corpus text"
        );
    }

    // Calendar: one event per item, no property or component the text tried to add.
    let events = read["ics"].as_array().unwrap();
    assert_eq!(events.len(), named.len());
    for c in read["ics_components"].as_array().unwrap() {
        let known = ["VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT"];
        assert!(
            known.contains(&c.as_str().unwrap()),
            "component {c} came from the text"
        );
    }
    for ev in events {
        let props = ev.as_object().unwrap();
        for (name, values) in props {
            assert_eq!(values.as_array().unwrap().len(), 1, "{name} twice: {ev}");
        }
        assert!(!props.contains_key("ATTENDEE"), "{ev}");
        let summary = ev["SUMMARY"][0].as_str().unwrap();
        assert!(
            named.iter().any(|h| h.stored.trim() == summary),
            "SUMMARY {summary:?} is not a corpus text"
        );
        assert_eq!(
            ev["LOCATION"][0],
            json!(summary),
            "LOCATION is the venue, the same text"
        );
    }

    // HTML: every element is the template's own; the text is there, exact.
    let tags: Vec<(String, Value)> = read["html_tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t[0].as_str().unwrap().to_owned(), t[1].clone()))
        .collect();
    for (tag, attrs) in &tags {
        assert!(
            !["script", "svg", "iframe", "object"].contains(&tag.as_str()),
            "<{tag}> in the HTML"
        );
        assert!(
            attrs.get("src") != Some(&json!("x")) && attrs.get("onerror").is_none(),
            "<{tag} {attrs}>"
        );
        assert!(
            attrs
                .as_object()
                .unwrap()
                .keys()
                .all(|k| !k.starts_with("on")),
            "<{tag} {attrs}>"
        );
    }
    let html_text = read["html_text"].as_str().unwrap();
    let first = named.first().unwrap();
    assert!(
        html_text.contains(&first.stored),
        "the organisation's name is text in the HTML"
    );

    // PDFs: valid files whose text holds the corpus literally (a string never leaves its text
    // object, so nothing after a `)` is drawn as an operator).
    for pdf in [brief_pdf.as_str(), itinerary_pdf.path.as_str()] {
        tool("qpdf", &["--check", pdf]);
        // Without white space: a table cell may wrap a text over lines, within a word too.
        let words = |s: &str| s.split_whitespace().collect::<String>();
        let text = words(&tool("pdftotext", &["-raw", pdf, "-"]));
        // Every printable ASCII text of the corpus, exact (other scripts depend on the
        // fonts' coverage and poppler's reading order: exact Vietnamese is the PDF tests' job).
        let printable = |h: &&&Hostile| h.stored.chars().all(|c| c == ' ' || c.is_ascii_graphic());
        for h in named.iter().filter(printable) {
            if pdf == brief_pdf && h.stored != named[0].stored {
                continue; // a brief names its organisation, not every record
            }
            assert!(
                text.contains(&words(&h.stored)),
                "{pdf} lacks «{}»: {text}",
                h.stored
            );
        }
    }
}

fn repo_file(path: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(path),
    )
    .unwrap()
}

/// The webview can load and fetch only the app's own files and its IPC, and run only the app's
/// own scripts: a text that became markup still could not reach the network or run code.
/// (The capability file grants only the commands: `capability_bindings_are_fresh_…`.)
#[test]
fn the_webview_fetches_nothing_remote_and_runs_no_inline_script() {
    let conf: Value = serde_json::from_str(&repo_file("src-tauri/tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP object");
    let sources = |d: &str| -> Vec<&str> {
        csp.get(d)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("CSP lacks {d}"))
            .split_whitespace()
            .collect()
    };
    assert_eq!(sources("default-src"), ["'self'"]);
    assert_eq!(sources("script-src"), ["'self'"]);
    assert_eq!(sources("object-src"), ["'none'"]);
    assert_eq!(sources("base-uri"), ["'none'"]);
    assert_eq!(sources("connect-src"), ["ipc:", "http://ipc.localhost"]);
    for (directive, value) in csp {
        for source in value.as_str().unwrap().split_whitespace() {
            let allowed = [
                "'self'",
                "'none'",
                "data:",
                "ipc:",
                "http://ipc.localhost",
                "asset:",
                "http://asset.localhost",
            ];
            assert!(allowed.contains(&source), "{directive} allows {source}");
            assert!(
                source != "http://ipc.localhost" || directive == "connect-src",
                "{directive}"
            );
        }
    }
    assert_ne!(
        conf["app"]["security"]["dangerousDisableAssetCspModification"],
        json!(true)
    );
    let manifest = repo_file("src-tauri/Cargo.toml");
    for plugin in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-opener",
    ] {
        assert!(!manifest.contains(plugin), "the shell depends on {plugin}");
    }
}
