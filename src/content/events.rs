//! `opplaering/kurs.yaml`: training events (fagdager, courses, network meetings).

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    pub struct Events {
        pub events: Vec<Event>,
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub title: String,
    pub date: chrono::NaiveDate,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    pub place: String,
    pub audience: String,
    #[serde(default)]
    pub module: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

impl Event {
    /// Start time, when given and valid (`HH:MM`).
    pub fn start_time(&self) -> Option<chrono::NaiveTime> {
        self.start.as_deref().and_then(parse_time)
    }

    /// End time, when given and valid (`HH:MM`).
    pub fn end_time(&self) -> Option<chrono::NaiveTime> {
        self.end.as_deref().and_then(parse_time)
    }

    /// What is wrong with the times, in words, for the check.
    pub fn time_problem(&self) -> Option<String> {
        for (key, value) in [("start", &self.start), ("end", &self.end)] {
            if let Some(v) = value {
                if parse_time(v).is_none() {
                    return Some(format!(
                        "`{key}: {v}` is not a time; write it as HH:MM, for example \"09:00\""
                    ));
                }
            }
        }
        match (self.start_time(), self.end_time()) {
            (None, Some(_)) => Some("`end:` is set but `start:` is missing".into()),
            (Some(s), Some(e)) if e <= s => Some(format!(
                "the event ends ({}) before it starts ({})",
                e.format("%H:%M"),
                s.format("%H:%M")
            )),
            _ => None,
        }
    }
}

fn parse_time(s: &str) -> Option<chrono::NaiveTime> {
    chrono::NaiveTime::parse_from_str(s.trim(), "%H:%M").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(start: Option<&str>, end: Option<&str>) -> Event {
        Event {
            title: "Kurs".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 2, 12).unwrap(),
            start: start.map(String::from),
            end: end.map(String::from),
            place: "Her".into(),
            audience: "Alle".into(),
            module: None,
            description: None,
        }
    }

    #[test]
    fn times_are_checked() {
        assert_eq!(event(Some("09:00"), Some("15:00")).time_problem(), None);
        assert_eq!(event(None, None).time_problem(), None);
        assert!(event(Some("9.00"), None)
            .time_problem()
            .unwrap()
            .contains("HH:MM"));
        assert!(event(None, Some("10:00")).time_problem().is_some());
        assert!(event(Some("15:00"), Some("09:00")).time_problem().is_some());
    }
}
