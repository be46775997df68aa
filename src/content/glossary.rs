//! `ordliste.yaml`: the words the guide relies on, explained once.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    pub struct Glossary {
        pub terms: Vec<Term>,
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    #[serde(default)]
    pub forms: Vec<String>,
    pub explanation: String,
}

impl Term {
    pub fn anchor(&self) -> String {
        crate::slug::slugify(&self.term)
    }
}
