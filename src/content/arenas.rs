//! `arenaer/`: interdisciplinary meeting arenas (samhandlingsarenaer).

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    /// A meeting arena (samhandlingsarena, `arenaer/<id>.yaml`).
    pub struct Arena {
        /// The arena's name, e.g. "Drøftingsteam".
        pub name: String,
        /// What the team is for (Markdown).
        pub mandate: String,
        /// Members, by role.
        #[serde(default)]
        pub members: Vec<String>,
        /// How often it meets.
        #[serde(default)]
        pub frequency: Option<String>,
        /// Level numbers the arena serves.
        #[serde(default)]
        pub levels: Vec<u8>,
        /// How a case may be brought: anonymous, consent or both.
        pub case_mode: CaseMode,
        /// How to bring a case (Markdown).
        pub how_to_bring: String,
        /// Whom to contact.
        #[serde(default)]
        pub contact: Option<ArenaContact>,
    }
}

/// How a case may be brought to the arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
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

/// Whom to contact about a meeting arena.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArenaContact {
    /// Name or role.
    #[serde(default)]
    pub name: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
}
