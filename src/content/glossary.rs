//! `ordliste.yaml`: the words the guide relies on, explained once.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    /// `ordliste.yaml`: the glossary.
    pub struct Glossary {
        /// The terms, in any order (the page sorts them).
        pub terms: Vec<Term>,
    }
}

/// One glossary term.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term, e.g. "Stafettholder"; its anchor is the term as a slug.
    pub term: String,
    /// Inflected forms and synonyms that link to the term too.
    #[serde(default)]
    pub forms: Vec<String>,
    /// The explanation (Markdown).
    pub explanation: String,
}

impl Term {
    pub fn anchor(&self) -> String {
        crate::slug::slugify(&self.term)
    }
}
