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
