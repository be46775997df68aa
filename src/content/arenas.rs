//! `arenaer/`: interdisciplinary meeting arenas (samhandlingsarenaer).

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    pub struct Arena {
        pub name: String,
        pub mandate: String,
        #[serde(default)]
        pub members: Vec<String>,
        #[serde(default)]
        pub frequency: Option<String>,
        #[serde(default)]
        pub levels: Vec<u8>,
        pub case_mode: CaseMode,
        pub how_to_bring: String,
        #[serde(default)]
        pub contact: Option<ArenaContact>,
    }
}

/// How a case may be brought to the arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    Anonymous,
    Consent,
    Both,
}

impl CaseMode {
    pub fn ui_key(self) -> &'static str {
        match self {
            CaseMode::Anonymous => "case_mode_anonymous",
            CaseMode::Consent => "case_mode_consent",
            CaseMode::Both => "case_mode_both",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArenaContact {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}
