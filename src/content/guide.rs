//! `veileder/`: the action guide, its intro page and its levels.

use crate::content_struct;

content_struct! {
    /// `veileder/index.md`.
    pub struct GuideIntro {
        pub title: String,
        #[serde(default)]
        pub intro: Option<String>,
    }
}

content_struct! {
    /// One level of the guide (`veileder/niva-N.md`).
    pub struct Level {
        pub title: String,
        pub level: u8,
        #[serde(default)]
        pub short_title: Option<String>,
        pub summary: String,
        pub purpose: String,
        pub lead: String,
        #[serde(default)]
        pub deadline: Option<String>,
        pub decision: String,
        #[serde(default)]
        pub forms: Vec<String>,
        #[serde(default)]
        pub services: Vec<String>,
        #[serde(default)]
        pub arenas: Vec<String>,
        pub steps: Vec<Step>,
    }
}

/// One step of a level: each answers how, who and with which tools.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    #[serde(default)]
    pub id: Option<String>,
    pub how: String,
    pub who: String,
    #[serde(default)]
    pub tools: Option<String>,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub arenas: Vec<String>,
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
        let step: Step = serde_yaml::from_str("title: Snakk med barnet\nhow: x\nwho: y\n").unwrap();
        assert_eq!(step.anchor(), "snakk-med-barnet");
    }

    #[test]
    fn level_rejects_unknown_keys() {
        let err = serde_yaml::from_str::<Level>(
            "title: A\nlevel: 1\nsummary: s\npurpose: p\nlead: l\ndecision: d\nsteps: []\nleder: x\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown field `leder`"));
    }
}
