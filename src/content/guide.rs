//! `veileder/`: the action guide, its intro page and its levels.

use crate::content_struct;

content_struct! {
    /// Front matter of `veileder/index.md`, the guide's intro page.
    pub struct GuideIntro {
        /// The page title (the h1).
        pub title: String,
        /// Short lead text under the title.
        #[serde(default)]
        pub intro: Option<String>,
    }
}

content_struct! {
    /// Front matter of one level of the guide (`veileder/niva-N.md`).
    pub struct Level {
        /// The page title, e.g. "Nivå 1: Tiltak i egen tjeneste".
        pub title: String,
        /// The level's number, 0–9, unique; levels are ordered by it.
        #[schemars(range(max = 9))]
        pub level: u8,
        /// Shorter title for the overview diagram.
        #[serde(default)]
        pub short_title: Option<String>,
        /// One sentence for the overview.
        pub summary: String,
        /// Why this level exists (Markdown).
        pub purpose: String,
        /// Who leads the work at this level (Markdown).
        pub lead: String,
        /// Time limit for the level, e.g. "Innen 14 dager".
        #[serde(default)]
        pub deadline: Option<String>,
        /// The decision that ends this level (Markdown).
        pub decision: String,
        /// Ids of the forms used on this level (file names in skjema/).
        #[serde(default)]
        pub forms: Vec<String>,
        /// Ids of the services relevant on this level (file names in tjenester/).
        #[serde(default)]
        pub services: Vec<String>,
        /// Ids of the meeting arenas used on this level (file names in arenaer/).
        #[serde(default)]
        pub arenas: Vec<String>,
        /// The steps, in order: each answers how, who and with which tools.
        #[schemars(length(min = 1))]
        pub steps: Vec<Step>,
    }
}

/// One step of a level: each answers how, who and with which tools.
#[derive(Debug, Clone, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The step's title.
    pub title: String,
    /// Anchor for links to the step (`/veileder/niva-1/#id`); default: the title as a slug.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Option<String>,
    /// What to do now, in one or two lines (Markdown), shown above the details on the level
    /// page; default: the first paragraph of `how`.
    #[serde(default)]
    pub summary: Option<String>,
    /// What to do ("Hvordan?", Markdown).
    pub how: String,
    /// Who does it ("Hvem?", Markdown).
    pub who: String,
    /// Tools ("Verktøy", Markdown).
    #[serde(default)]
    pub tools: Option<String>,
    /// Ids of forms used in this step.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Ids of services involved in this step.
    #[serde(default)]
    pub services: Vec<String>,
    /// Ids of meeting arenas used in this step.
    #[serde(default)]
    pub arenas: Vec<String>,
    /// Time limit for the step.
    #[serde(default)]
    pub deadline: Option<String>,
}

impl Step {
    /// The step's anchor: its explicit id, or a slug of its title.
    pub fn anchor(&self) -> String {
        self.id
            .clone()
            .unwrap_or_else(|| crate::slug::slugify(&self.title))
    }
}

impl Level {
    pub fn short(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_anchor_defaults_to_slug() {
        let step: Step =
            crate::yaml::from_str("title: Snakk med barnet\nhow: x\nwho: y\n").unwrap();
        assert_eq!(step.anchor(), "snakk-med-barnet");
    }

    #[test]
    fn level_rejects_unknown_keys() {
        let err = crate::yaml::from_str::<Level>(
            "title: A\nlevel: 1\nsummary: s\npurpose: p\nlead: l\ndecision: d\nsteps: []\nleder: x\n",
        )
        .unwrap_err();
        assert!(err.contains("unknown key `leder`"), "{err}");
    }
}
