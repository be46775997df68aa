//! The training calendar: upcoming and past events for the training page, split at build
//! time, and one iCalendar file per kommune (`opplaering/kurs.ics`, RFC 5545) so staff can
//! add the events to their own calendars.

use serde::Serialize;

use super::context::Link;
use super::KommuneRenderer;
use crate::content::events::Event;
use crate::route::Route;

/// Path of the calendar file, relative to the default language's root.

#[derive(Serialize)]
pub struct EventCtx {
    title: String,
    /// `2026-02-12` or `2026-02-12T09:00`, for `<time datetime>`.
    datetime: String,
    date: String,
    time: Option<String>,
    place: String,
    audience: String,
    module: Option<Link>,
    description: Option<String>,
}

/// Upcoming events (on or after `today`, soonest first) and past events (latest first).
pub fn split_events(events: &[Event], today: chrono::NaiveDate) -> (Vec<&Event>, Vec<&Event>) {
    let (mut upcoming, mut past): (Vec<&Event>, Vec<&Event>) =
        events.iter().partition(|e| e.date >= today);
    upcoming.sort_by_key(|e| (e.date, e.start_time()));
    past.sort_by_key(|e| std::cmp::Reverse((e.date, e.start_time())));
    (upcoming, past)
}

impl KommuneRenderer<'_> {
    /// `upcoming`, `past` and `ics_url` for the training page; None without `kurs.yaml`.
    pub(super) fn calendar_ctx(&self, lang: &str) -> Option<serde_json::Value> {
        let variants = self.kommune.events.as_ref()?;
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let (upcoming, past) = split_events(&doc.data.events, self.today);
        let ctx = |events: Vec<&Event>| -> Vec<EventCtx> {
            events
                .into_iter()
                .map(|e| self.event_ctx(lang, e))
                .collect()
        };
        Some(serde_json::json!({
            "upcoming": ctx(upcoming),
            "past": ctx(past),
            "ics_url": self.urls.href(self.kommune.default_lang(), &Route::Calendar),
        }))
    }

    fn event_ctx(&self, lang: &str, e: &Event) -> EventCtx {
        let (start, end) = (e.start_time(), e.end_time());
        let time = start.map(|s| match end {
            Some(end) => format!("{}–{}", s.format("%H:%M"), end.format("%H:%M")),
            None => s.format("%H:%M").to_string(),
        });
        EventCtx {
            title: e.title.clone(),
            datetime: match start {
                Some(s) => format!("{}T{}", e.date.format("%Y-%m-%d"), s.format("%H:%M")),
                None => e.date.format("%Y-%m-%d").to_string(),
            },
            date: e.date.format("%d.%m.%Y").to_string(),
            time,
            place: e.place.clone(),
            audience: e.audience.clone(),
            module: e
                .module
                .as_deref()
                .and_then(|id| self.module_link(lang, id)),
            description: e.description.as_deref().map(|d| self.md(lang, d).html),
        }
    }

    fn module_link(&self, lang: &str, id: &str) -> Option<Link> {
        let module = self.kommune.modules.get(id)?;
        let (doc, _) = module.pick(lang, self.kommune.default_lang());
        Some(Link {
            label: doc.data.title.clone(),
            url: self.urls.href(lang, &Route::Module(id.to_string())),
            ..Default::default()
        })
    }

    /// The kommune's calendar file: (output path, contents), in the default language.
    pub fn calendar_file(&self) -> Option<(String, String)> {
        let k = self.kommune;
        let lang = k.default_lang();
        let doc = k.events.as_ref()?.primary(lang);
        let host = self
            .urls
            .base
            .origin
            .split_once("://")
            .map_or(self.urls.base.origin.as_str(), |(_, h)| h)
            .split(':')
            .next()
            .unwrap_or("veiviser");
        let mut ics = Ics::default();
        ics.line("BEGIN:VCALENDAR");
        ics.line("VERSION:2.0");
        ics.line("PRODID:-//veiviser//BTI//NO");
        ics.line("CALSCALE:GREGORIAN");
        ics.line("METHOD:PUBLISH");
        ics.line(&format!(
            "X-WR-CALNAME:{}",
            escape_text(&format!(
                "{} – {}",
                self.t(lang, "calendar_name"),
                k.config.name
            ))
        ));
        ics.line("X-WR-TIMEZONE:Europe/Oslo");
        for line in VTIMEZONE_OSLO {
            ics.line(line);
        }
        let stamp = format!("{}T000000Z", self.today.format("%Y%m%d"));
        let training_url = self.urls.absolute(lang, &Route::TrainingIndex);
        let mut uids = std::collections::HashSet::new();
        let mut events: Vec<&Event> = doc.data.events.iter().collect();
        events.sort_by_key(|e| (e.date, e.start_time()));
        for e in events {
            let base = format!(
                "{}-{}-{}",
                k.slug,
                e.date.format("%Y%m%d"),
                crate::slug::slugify(&e.title)
            );
            let mut uid = base.clone();
            let mut n = 2;
            while !uids.insert(uid.clone()) {
                uid = format!("{base}-{n}");
                n += 1;
            }
            ics.line("BEGIN:VEVENT");
            ics.line(&format!("UID:{uid}@{host}"));
            ics.line(&format!("DTSTAMP:{stamp}"));
            let day = e.date.format("%Y%m%d");
            match (e.start_time(), e.end_time()) {
                (Some(s), end) => {
                    ics.line(&format!(
                        "DTSTART;TZID=Europe/Oslo:{day}T{}",
                        s.format("%H%M%S")
                    ));
                    if let Some(end) = end.filter(|end| *end > s) {
                        ics.line(&format!(
                            "DTEND;TZID=Europe/Oslo:{day}T{}",
                            end.format("%H%M%S")
                        ));
                    }
                }
                (None, _) => {
                    let next = e.date.succ_opt().unwrap_or(e.date);
                    ics.line(&format!("DTSTART;VALUE=DATE:{day}"));
                    ics.line(&format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
                }
            }
            ics.line(&format!("SUMMARY:{}", escape_text(&e.title)));
            ics.line(&format!("LOCATION:{}", escape_text(&e.place)));
            let mut description = Vec::new();
            if let Some(d) = &e.description {
                description.push(self.md(lang, d).text);
            }
            description.push(format!("{}: {}", self.t(lang, "audience"), e.audience));
            let module = e
                .module
                .as_deref()
                .and_then(|id| self.module_link(lang, id));
            if let Some(m) = &module {
                description.push(format!("{}: {}", self.t(lang, "event_module"), m.label));
            }
            ics.line(&format!(
                "DESCRIPTION:{}",
                escape_text(&description.join("\n\n"))
            ));
            let url = match e.module.as_deref().filter(|_| module.is_some()) {
                Some(id) => self.urls.absolute(lang, &Route::Module(id.to_string())),
                None => training_url.clone(),
            };
            ics.line(&format!("URL:{url}"));
            ics.line("END:VEVENT");
        }
        ics.line("END:VCALENDAR");
        Some((self.urls.out_path(lang, &Route::Calendar), ics.out))
    }
}

/// Europe/Oslo since 1996: CET in winter, CEST from the last Sunday of March to the last
/// Sunday of October.
const VTIMEZONE_OSLO: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Oslo",
    "X-LIC-LOCATION:Europe/Oslo",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// iCalendar content lines, folded and ended with CRLF.
#[derive(Default)]
struct Ics {
    out: String,
}

impl Ics {
    fn line(&mut self, line: &str) {
        self.out.push_str(&fold(line));
        self.out.push_str("\r\n");
    }
}

/// Escape a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line so no line exceeds 75 octets: continuation lines start with a
/// space, and a UTF-8 character is never split.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    if line.len() <= LIMIT {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn event(title: &str, date: &str) -> Event {
        Event {
            title: title.into(),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            start: None,
            end: None,
            place: "Rådhuset".into(),
            audience: "Alle".into(),
            module: None,
            description: None,
        }
    }

    #[test]
    fn splits_upcoming_and_past_at_today() {
        let events = vec![
            event("Gammel", "2026-01-10"),
            event("I dag", "2026-11-22"),
            event("Snart", "2026-12-01"),
            event("I går", "2026-11-21"),
            event("Neste år", "2027-03-01"),
        ];
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let (upcoming, past) = split_events(&events, today);
        let titles = |v: &[&Event]| v.iter().map(|e| e.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&upcoming), ["I dag", "Snart", "Neste år"]);
        assert_eq!(
            titles(&past),
            ["I går", "Gammel"],
            "latest past event first"
        );
    }

    #[test]
    fn same_day_events_sort_by_start_time() {
        let mut late = event("Ettermiddag", "2026-12-01");
        late.start = Some("13:00".into());
        let mut early = event("Morgen", "2026-12-01");
        early.start = Some("08:30".into());
        let events = vec![late, early];
        let (upcoming, _) = split_events(&events, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(upcoming[0].title, "Morgen");
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(
            escape_text("Kurs; del 1, med C:\\mappe\nog ny linje\r\nslutt"),
            "Kurs\\; del 1\\, med C:\\\\mappe\\nog ny linje\\nslutt"
        );
    }

    #[test]
    fn folds_long_lines_at_75_octets_without_splitting_characters() {
        let short = "SUMMARY:Kort";
        assert_eq!(fold(short), short);
        let long = format!("DESCRIPTION:{}", "æøå".repeat(40));
        let folded = fold(&long);
        for (i, part) in folded.split("\r\n").enumerate() {
            assert!(part.len() <= 75, "line {i} has {} octets", part.len());
            if i > 0 {
                assert!(part.starts_with(' '));
            }
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, long, "unfolding gives the original line");
        let ascii = "X".repeat(200);
        let lens: Vec<usize> = fold(&ascii).split("\r\n").map(str::len).collect();
        assert_eq!(
            lens,
            [75, 75, 52],
            "75 + space and 74 + space and 51 octets"
        );
    }
}
