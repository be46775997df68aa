//! `opplaering/kurs.yaml`: training events (fagdager, courses, network meetings).

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    /// `opplaering/kurs.yaml`: training events for the calendar.
    pub struct Events {
        /// The events, in any order.
        pub events: Vec<Event>,
    }
}

/// One training event.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The event's title.
    pub title: String,
    /// The day, YYYY-MM-DD.
    pub date: chrono::NaiveDate,
    /// Start time, HH:MM; without it the event lasts all day.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[0-2]?[0-9]:[0-5][0-9]$"))]
    pub start: Option<String>,
    /// End time, HH:MM (needs `start`).
    #[serde(default)]
    #[schemars(regex(pattern = r"^[0-2]?[0-9]:[0-5][0-9]$"))]
    pub end: Option<String>,
    /// Where it takes place.
    pub place: String,
    /// Who it is for.
    pub audience: String,
    /// Id of the training module it belongs to (file name in opplaering/).
    #[serde(default)]
    pub module: Option<String>,
    /// More about the event (Markdown).
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
                    return Some(crate::msg!("event-invalid-time", key = key, value = v));
                }
            }
        }
        match (self.start_time(), self.end_time()) {
            (None, Some(_)) => Some(crate::msg!("event-end-without-start")),
            (Some(s), Some(e)) if e <= s => Some(crate::msg!(
                "event-ends-before-start",
                end = e.format("%H:%M").to_string(),
                start = s.format("%H:%M").to_string()
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
