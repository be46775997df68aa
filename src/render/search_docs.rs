//! What the search index gets from the rendered pages: one document per page that has a
//! [`SearchEntry`], and one per step of every level, linking to the step's anchor
//! (`veileder/niva-0/#undringssamtale`), so a search lands on the step itself. The glossary
//! is one document per term, linking to the term (`ordliste/#samtykke`).

use std::collections::BTreeMap;

use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::route::Route;
use crate::search::SearchDocument;

/// A search document; its URL is relative to the language root, where the index lives.
fn document(entry: &SearchEntry) -> SearchDocument {
    let mut url = entry.route.path();
    if let Some(anchor) = &entry.anchor {
        url = format!("{url}#{anchor}");
    }
    SearchDocument {
        url,
        title: entry.title.clone(),
        kind: entry.kind.clone(),
        keywords: entry.keywords.clone(),
        text: entry.text.clone(),
    }
}

impl KommuneRenderer<'_> {
    /// The search documents per language, in build order; each level is followed by its
    /// steps.
    pub fn search_documents(&self, pages: &[OutPage]) -> BTreeMap<String, Vec<SearchDocument>> {
        let mut by_lang: BTreeMap<String, Vec<SearchDocument>> = BTreeMap::new();
        for page in pages {
            let Some(entry) = &page.search else { continue };
            let docs = by_lang.entry(page.lang.clone()).or_default();
            if entry.route == Route::Glossary {
                docs.extend(self.term_entries(&page.lang).iter().map(document));
                continue;
            }
            docs.push(document(entry));
            let level = match &entry.route {
                Route::Level(id) => self.kommune.levels.iter().position(|v| &v.id == id),
                _ => None,
            };
            if let Some(i) = level {
                docs.extend(self.step_entries(&page.lang, i).iter().map(document));
            }
        }
        by_lang
    }

    /// One search entry per glossary term: the term, its other forms, its explanation.
    fn term_entries(&self, lang: &str) -> Vec<SearchEntry> {
        let Some(variants) = &self.kommune.glossary else {
            return Vec::new();
        };
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let kind = self.t(lang, "kind_term");
        doc.data
            .terms
            .iter()
            .map(|term| SearchEntry {
                route: Route::Glossary,
                anchor: Some(term.anchor()),
                title: term.term.clone(),
                kind: kind.clone(),
                keywords: term.forms.clone(),
                text: self.md(lang, &term.explanation).text,
            })
            .collect()
    }

    /// One search entry per step of level `index`: title, then how, who, tools, deadline.
    fn step_entries(&self, lang: &str, index: usize) -> Vec<SearchEntry> {
        let variants = &self.kommune.levels[index];
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let level = &doc.data;
        let prefix = format!("{} {}", self.t(lang, "level"), level.level);
        let step = self.t(lang, "step");
        level
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut text: Vec<String> =
                    s.summary.iter().map(|t| self.md(lang, t).text).collect();
                text.extend([self.md(lang, &s.how).text, self.md(lang, &s.who).text]);
                text.extend(s.tools.iter().map(|t| self.md(lang, t).text));
                text.extend(s.deadline.iter().cloned());
                SearchEntry {
                    route: Route::Level(variants.id.clone()),
                    anchor: Some(s.anchor()),
                    title: s.title.clone(),
                    kind: format!("{prefix} · {step} {}", i + 1),
                    keywords: Vec::new(),
                    text: text.join(" "),
                }
            })
            .collect()
    }
}
