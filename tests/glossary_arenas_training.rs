//! Glossary, meeting arenas, resource persons and the training calendar.

mod common;
use common::*;

const GLOSSARY: &str = r#"terms:
  - term: "Stafettholder"
    forms: ["stafettholderen", "stafettholdere"]
    explanation: "Den som holder stafetten."
  - term: "Samtykke"
    forms: ["samtykket"]
    explanation: "Tillatelse fra foreldrene."
  - term: "Ørevarsel"
    explanation: "Et oppdiktet ord som skal sorteres sist."
  - term: "Ansvarsgruppe"
    explanation: "En gruppe rundt barnet. Se {{ term samtykke }}."
"#;

const ARENA: &str = r#"name: "Drøftingsteam"
mandate: "Gir råd i saker der du er usikker."
members: ["Helsesykepleier", "PP-rådgiver"]
frequency: "Annenhver uke"
levels: [2]
case_mode: anonymous
how_to_bring: "Meld saken til koordinatoren."
contact: { name: "Koordinator", phone: "10 00 00 09" }
"#;

const LEVEL_2: &str = r#"---
title: "Nivå 2: Samarbeid"
level: 2
summary: "To tjenester samarbeider."
purpose: "Innhent samtykke før dere samarbeider."
lead: "Stafettholderen"
decision: "Avslutt."
arenas: [drofteteam]
steps:
  - title: "Drøft saken"
    how: "Ta saken opp i {{ arena drofteteam }}. Samtykke trengs ikke når saken er anonym."
    who: "Stafettholderen"
    arenas: [drofteteam]
---
## Samtykke

Les om [samtykke](/ordliste/) og `samtykke` her. Samtykket gjelder i ett år.
"#;

const CONTACTS: &str = r#"units:
  - name: "Testvik skole"
    kind: skole
    contacts:
      - name: "Sara Skole"
        role: "Sosiallærer"
        phone: "10 00 00 21"
  - name: "Testvik barnehage"
    kind: barnehage
    contacts:
      - name: "Berit Barnehage"
        email: "berit@testvik.kommune.example"
"#;

const EVENTS: &str = r#"events:
  - title: "Fagdag i fjor"
    date: 2026-01-15
    place: "Rådhuset"
    audience: "Alle"
  - title: "Kurs i dag"
    date: 2026-11-22
    start: "12:00"
    end: "14:00"
    place: "Skolen"
    audience: "Alle"
  - title: "Fagdag; samtykke, taushetsplikt og mye mer som gir en lang tittel"
    date: 2026-12-03
    start: "09:00"
    end: "15:00"
    place: "Kulturhuset, sal 2"
    audience: "Ansatte i barnehage og skole"
    module: grunnkurs
    description: "Første linje.\nAndre linje med \\ skråstrek."
  - title: "Kurs forrige uke"
    date: 2026-11-15
    start: "09:00"
    place: "Rådhuset"
    audience: "Ledere"
"#;

const MODULE: &str = r#"---
title: "Grunnkurs"
audience: "Alle ansatte"
duration: "60 minutter"
goals: ["Kjenne veilederen"]
---
Om samtykke og stafettholderen.
"#;

fn fixture() -> Fixture {
    Fixture::kommune()
        .file("content/testvik/ordliste.yaml", GLOSSARY)
        .file("content/testvik/arenaer/drofteteam.yaml", ARENA)
        .file("content/testvik/veileder/niva-2.md", LEVEL_2)
        .file("content/testvik/kontakter.yaml", CONTACTS)
        .file("content/testvik/opplaering/kurs.yaml", EVENTS)
        .file("content/testvik/opplaering/grunnkurs.md", MODULE)
        .file(
            "content/testvik/sider/uten-lenker.md",
            "---\ntitle: \"Uten lenker\"\nglossary: false\n---\nSamtykke og stafettholder.\n\n{{ contacts skole }}\n",
        )
}

fn hrefs(html: &scraper::Html, css: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect()
}

#[test]
fn glossary_page_is_alphabetical_with_anchors() {
    let f = fixture();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let html = f.html("ordliste/index.html");
    assert_eq!(select(&html, "h1").len(), 1);
    let terms: Vec<String> = select(&html, "dl.glossary dt").iter().map(text).collect();
    assert_eq!(
        terms,
        ["Ansvarsgruppe", "Samtykke", "Stafettholder", "Ørevarsel"]
    );
    let ids: Vec<&str> = select(&html, "dl.glossary dt")
        .iter()
        .filter_map(|d| d.value().attr("id"))
        .collect();
    assert_eq!(
        ids,
        ["ansvarsgruppe", "samtykke", "stafettholder", "orevarsel"]
    );
    let letters: Vec<String> = select(&html, ".glossary-letter h2")
        .iter()
        .map(text)
        .collect();
    assert_eq!(letters, ["A", "S", "Ø"]);
    assert!(
        select(&html, "a.term").is_empty(),
        "no automatic links on the glossary page itself"
    );
    assert_eq!(
        hrefs(&html, "dd a"),
        ["/ordliste/#samtykke"],
        "the term shortcode in an explanation links to the entry"
    );
    // Every language has the page, falling back to the default language's glossary.
    let en = f.html("en/ordliste/index.html");
    assert_eq!(select(&en, "dl.glossary dt").len(), 4);
    assert_eq!(select(&en, ".fallback-note").len(), 1);
}

#[test]
fn first_occurrence_of_each_term_links_to_the_glossary() {
    let f = fixture();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let html = f.html("veileder/niva-2/index.html");
    let terms = hrefs(&html, "a.term");
    assert_eq!(
        terms,
        ["/ordliste/#stafettholder", "/ordliste/#samtykke"],
        "once per term, in the page's reading order (who leads, purpose, steps, body)"
    );
    let first = select(&html, "a.term")[0];
    assert_eq!(text(&first), "Stafettholderen");
    assert!(select(&html, "h2 a.term, h3 a.term, a a.term, code a.term").is_empty());
    assert!(
        select(&html, "a.term[title]").is_empty(),
        "plain links, no title tooltips"
    );

    let module = f.html("opplaering/grunnkurs/index.html");
    assert_eq!(
        hrefs(&module, "a.term"),
        ["/ordliste/#samtykke", "/ordliste/#stafettholder"],
        "inflected form `stafettholderen` links to its term"
    );

    let opted_out = f.html("uten-lenker/index.html");
    assert!(select(&opted_out, "a.term").is_empty(), "`glossary: false`");
    assert_eq!(
        select(&opted_out, ".resource-persons").len(),
        1,
        "{{ contacts skole }} shows the school's resource persons"
    );
    assert!(text(&select(&opted_out, ".resource-persons")[0]).contains("Sara Skole"));
}

#[test]
fn arena_pages_exist_and_levels_link_to_them() {
    let f = fixture();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let level = f.html("veileder/niva-2/index.html");
    let arena_links = hrefs(&level, "main a[href*='/arenaer/']");
    assert!(arena_links.len() >= 3, "{arena_links:?}");
    for href in &arena_links {
        assert_eq!(href, "/arenaer/drofteteam/");
    }
    let arena = f.html("arenaer/drofteteam/index.html");
    assert_eq!(text(&select(&arena, "h1")[0]), "Drøftingsteam");
    let body = text(&select(&arena, "main")[0]);
    for expected in [
        "Gir råd i saker",
        "Helsesykepleier",
        "PP-rådgiver",
        "Annenhver uke",
        "Saken drøftes anonymt",
        "Meld saken til koordinatoren",
        "Koordinator",
    ] {
        assert!(
            body.contains(expected),
            "arena page shows {expected}: {body}"
        );
    }
    assert_eq!(
        hrefs(&arena, ".page-content > dl.facts a"),
        ["/veileder/niva-2/"],
        "levels served"
    );
    assert_eq!(select(&arena, "a[href='tel:+4710000009']").len(), 1);
    assert!(hrefs(&arena, "main a").contains(&"/veileder/niva-2/#droft-saken".to_string()));

    let index = f.html("arenaer/index.html");
    assert_eq!(hrefs(&index, ".card-heading a"), ["/arenaer/drofteteam/"]);
    let en = f.html("en/arenaer/drofteteam/index.html");
    assert!(text(&select(&en, "main")[0]).contains("The case is discussed anonymously"));
}

#[test]
fn missing_arena_is_an_error() {
    let f = fixture().file(
        "content/testvik/veileder/niva-2.md",
        &LEVEL_2.replace(
            "arenas: [drofteteam]\nsteps",
            "arenas: [drofteteamet]\nsteps",
        ),
    );
    let err = assert_fails(&f.build(&["--kommune", "testvik"]));
    assert!(
        err.contains("there is no arena with the id `drofteteamet`"),
        "{err}"
    );
    assert!(err.contains("did you mean `drofteteam`?"), "{err}");
}

#[test]
fn invalid_event_time_is_an_error() {
    let f = fixture().file(
        "content/testvik/opplaering/kurs.yaml",
        &EVENTS.replace("start: \"12:00\"", "start: \"12.00\""),
    );
    let err = assert_fails(&f.build(&["--kommune", "testvik"]));
    assert!(err.contains("HH:MM"), "{err}");
    assert!(err.contains("kurs.yaml"), "{err}");
}

#[test]
fn resource_persons_grouped_by_unit_kind() {
    let f = fixture();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let html = f.html("kontakter/index.html");
    let kinds: Vec<String> = select(&html, "main section > h2")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        kinds,
        ["Barnehager", "Skoler"],
        "in the order of unit kinds"
    );
    let units: Vec<String> = select(&html, "main section h3").iter().map(text).collect();
    assert_eq!(units, ["Testvik barnehage", "Testvik skole"]);
    assert_eq!(select(&html, "a[href='tel:+4710000021']").len(), 1);
    assert_eq!(
        select(&html, "a[href='mailto:berit@testvik.kommune.example']").len(),
        1
    );
    // The secondary sections are linked from the footer and the guide's front page.
    for page in ["index.html", "veileder/index.html"] {
        let html = f.html(page);
        let links = hrefs(&html, "footer a");
        for path in ["/ordliste/", "/arenaer/", "/kontakter/"] {
            assert!(
                links.contains(&path.to_string()),
                "{page}: {path} in {links:?}"
            );
        }
    }
    let guide = f.html("veileder/index.html");
    // Glossary, arenas, contacts and the print products.
    let more = hrefs(&guide, ".more-links a");
    assert_eq!(more.len(), 4, "{more:?}");
    assert!(more.contains(&"/trykk/".to_string()), "{more:?}");
    let nav = select(&guide, ".main-nav a");
    assert_eq!(nav.len(), 4, "the main navigation keeps its four sections");
}

#[test]
fn training_page_splits_upcoming_and_past_events() {
    let f = fixture();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let html = f.html("opplaering/index.html");
    let upcoming: Vec<String> = select(&html, ".events-upcoming .event-title")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        upcoming,
        [
            "Kurs i dag",
            "Fagdag; samtykke, taushetsplikt og mye mer som gir en lang tittel"
        ],
        "today counts as upcoming, soonest first"
    );
    let past: Vec<String> = select(&html, ".events-past .event-title")
        .iter()
        .map(text)
        .collect();
    assert_eq!(past, ["Kurs forrige uke", "Fagdag i fjor"], "latest first");
    let times: Vec<&str> = select(&html, ".events-upcoming time")
        .iter()
        .filter_map(|t| t.value().attr("datetime"))
        .collect();
    assert_eq!(times, ["2026-11-22T12:00", "2026-12-03T09:00"]);
    assert_eq!(hrefs(&html, ".calendar-link a"), ["/opplaering/kurs.ics"]);
    assert_eq!(
        hrefs(&html, ".events-upcoming .event a"),
        ["/opplaering/grunnkurs/"]
    );
    let en = f.html("en/opplaering/index.html");
    assert_eq!(
        hrefs(&en, ".calendar-link a"),
        ["/opplaering/kurs.ics"],
        "one calendar per kommune"
    );
}

/// A minimal iCalendar reader: checks line endings and folding, unfolds, and returns
/// each VEVENT as (name with parameters, value) pairs.
fn parse_ics(raw: &str) -> (Vec<String>, Vec<Vec<(String, String)>>) {
    assert!(raw.ends_with("\r\n"), "ends with CRLF");
    for (i, line) in raw.split("\r\n").enumerate() {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "line {i}: bare line break"
        );
        assert!(
            line.len() <= 75,
            "line {i} is {} octets: {line}",
            line.len()
        );
    }
    let unfolded = raw.replace("\r\n ", "");
    let lines: Vec<String> = unfolded
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let mut events = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in &lines {
        let (name, value) = line.split_once(':').expect("NAME:VALUE");
        match (name, value) {
            ("BEGIN", "VEVENT") => current = Some(Vec::new()),
            ("END", "VEVENT") => events.push(current.take().expect("open event")),
            _ => {
                if let Some(ev) = current.as_mut() {
                    ev.push((name.to_string(), value.to_string()));
                }
            }
        }
    }
    (lines, events)
}

/// The value of property `name` (with any parameters).
fn prop<'a>(event: &'a [(String, String)], name: &str) -> Option<&'a str> {
    event
        .iter()
        .find(|(n, _)| n == name || n.starts_with(&format!("{name};")))
        .map(|(_, v)| v.as_str())
}

/// The whole content line of property `name`, parameters included.
fn full(event: &[(String, String)], name: &str) -> String {
    let (n, v) = event
        .iter()
        .find(|(n, _)| n == name || n.starts_with(&format!("{name};")))
        .unwrap_or_else(|| panic!("{name} missing"));
    format!("{n}:{v}")
}

#[test]
fn calendar_file_is_valid_icalendar() {
    let f = fixture();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let raw = f.read("opplaering/kurs.ics");
    let (lines, events) = parse_ics(&raw);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert!(lines.contains(&"VERSION:2.0".to_string()));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    assert!(
        lines.contains(&"TZID:Europe/Oslo".to_string()),
        "VTIMEZONE block"
    );
    assert_eq!(events.len(), 4);
    let mut uids: Vec<&str> = events.iter().filter_map(|e| prop(e, "UID")).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 4, "unique UIDs");
    for e in &events {
        assert!(prop(e, "DTSTAMP").is_some_and(|s| s.ends_with('Z')));
        assert!(prop(e, "SUMMARY").is_some() && prop(e, "LOCATION").is_some());
    }
    let find = |title_start: &str| {
        events
            .iter()
            .find(|e| prop(e, "SUMMARY").is_some_and(|s| s.starts_with(title_start)))
            .unwrap_or_else(|| panic!("{title_start}"))
    };
    let fagdag = find("Fagdag\\; samtykke");
    assert_eq!(
        full(fagdag, "DTSTART"),
        "DTSTART;TZID=Europe/Oslo:20261203T090000"
    );
    assert_eq!(
        full(fagdag, "DTEND"),
        "DTEND;TZID=Europe/Oslo:20261203T150000"
    );
    assert_eq!(prop(fagdag, "LOCATION"), Some("Kulturhuset\\, sal 2"));
    let description = prop(fagdag, "DESCRIPTION").unwrap();
    assert!(description.contains("\\\\ skråstrek"), "{description}");
    assert!(description.contains("\\n"), "{description}");
    assert!(description.contains("Grunnkurs"), "{description}");
    let all_day = find("Fagdag i fjor");
    assert_eq!(full(all_day, "DTSTART"), "DTSTART;VALUE=DATE:20260115");
    assert_eq!(full(all_day, "DTEND"), "DTEND;VALUE=DATE:20260116");
    // The same file in a regional build, under the kommune's folder.
    let f = fixture();
    assert_ok(&f.build(&[]));
    assert!(f
        .read("testvik/opplaering/kurs.ics")
        .contains("BEGIN:VEVENT"));
}

#[test]
fn new_pages_are_searchable() {
    let f = fixture();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let mut index = String::new();
    for entry in walkdir::WalkDir::new(f.out().join("sok")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            index.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    for expected in [
        "arenaer/drofteteam/",
        "ordliste/",
        "Stafettholder",
        "kontakter/",
    ] {
        assert!(index.contains(expected), "search index has {expected}");
    }
}
