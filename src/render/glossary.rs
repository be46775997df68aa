//! The glossary page (`ordliste/`), in Norwegian alphabetical order (… X Y Z Æ Ø Å), the
//! per-page glossary links, and the links to the secondary sections.

use std::cmp::Ordering;

use serde::Serialize;

use super::context::Link;
use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::content::glossary::Term;
use crate::content::Common;
use crate::diagnostics::Diagnostic;
use crate::route::Route;
use crate::terms::{TermLinks, TermMatcher};

#[derive(Serialize)]
struct TermCtx {
    term: String,
    anchor: String,
    forms: Vec<String>,
    explanation: String,
}

#[derive(Serialize)]
struct LetterCtx {
    letter: String,
    id: String,
    terms: Vec<TermCtx>,
}

impl KommuneRenderer<'_> {
    /// The glossary in `lang`, prepared once for matching on every page.
    pub(super) fn term_matcher(&self, lang: &str) -> TermMatcher {
        match &self.kommune.glossary {
            Some(g) => {
                let (doc, _) = g.pick(lang, self.kommune.default_lang());
                TermMatcher::new(&doc.data.terms, &self.urls.href(lang, &Route::Glossary))
            }
            None => TermMatcher::default(),
        }
    }

    /// A page's glossary links, or None when the page has `glossary: false` or there is
    /// no glossary. Pass it to every Markdown text of the page, in reading order.
    pub fn term_links<T: Common>(&self, lang: &str, data: &T) -> Option<TermLinks<'_>> {
        let matcher = self.terms.get(lang)?;
        (data.link_glossary() && !matcher.is_empty()).then(|| matcher.page())
    }

    /// Links to the sections outside the main navigation that this kommune has.
    pub(super) fn section_links(&self, lang: &str) -> Vec<Link> {
        let k = self.kommune;
        [
            (Route::Glossary, "nav_glossary", k.glossary.is_some()),
            (Route::ArenasIndex, "nav_arenas", !k.arenas.is_empty()),
            (Route::Contacts, "nav_contacts", k.contacts.is_some()),
            (
                Route::Prints,
                "prints_title",
                !super::prints::print_files(k).is_empty(),
            ),
        ]
        .into_iter()
        .filter(|(_, _, exists)| *exists)
        .map(|(route, key, _)| Link {
            label: self.t(lang, key),
            url: self.urls.href(lang, &route),
            ..Default::default()
        })
        .collect()
    }

    pub(super) fn glossary_page(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let variants = self
            .kommune
            .glossary
            .as_ref()
            .expect("job only with a glossary");
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let glossary = &doc.data;
        let mut terms: Vec<&Term> = glossary.terms.iter().collect();
        terms.sort_by(|a, b| norwegian_cmp(&a.term, &b.term));
        let mut letters: Vec<LetterCtx> = Vec::new();
        let mut keywords = glossary.keywords.clone();
        let mut text = Vec::new();
        for term in terms {
            let letter = initial(&term.term);
            if letters.last().is_none_or(|l| l.letter != letter) {
                let id = format!("bokstav-{}", letter_id(&letter, letters.len()));
                letters.push(LetterCtx {
                    letter: letter.clone(),
                    id,
                    terms: Vec::new(),
                });
            }
            let explanation = self.md(lang, &term.explanation);
            keywords.push(term.term.clone());
            text.push(format!("{} {}", term.term, explanation.text));
            letters.last_mut().expect("pushed").terms.push(TermCtx {
                term: term.term.clone(),
                anchor: term.anchor(),
                forms: term.forms.clone(),
                explanation: explanation.html,
            });
        }
        let title = self.t(lang, "nav_glossary");
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &Route::Glossary, &title, &available);
        let page = self.with_doc(page, lang, &doc.lang, glossary);
        let html = self.render_page(
            "glossary.html",
            lang,
            &page,
            &serde_json::json!({ "letters": letters }),
        )?;
        let search = SearchEntry {
            route: Route::Glossary,
            anchor: None,
            title: title.clone(),
            kind: self.t(lang, "kind_term"),
            keywords,
            text: text.join(" "),
        };
        Ok(self.out(lang, &Route::Glossary, html, Some(search)))
    }
}

/// Position of a character in the Norwegian alphabet order: digits, a–z, then æ ø å.
/// Letters with accents sort with their base letter; other scripts by code point after.
fn collation_key(c: char) -> (u32, u32) {
    let c = c.to_lowercase().next().unwrap_or(c);
    let base = match c {
        'æ' | 'ä' => return (2, 26),
        'ø' | 'ö' => return (2, 27),
        'å' => return (2, 28),
        'à' | 'á' | 'â' | 'ã' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    };
    match base {
        'a'..='z' => (2, base as u32 - 'a' as u32),
        '0'..='9' => (1, base as u32),
        c if c.is_alphanumeric() => (3, c as u32),
        c => (0, c as u32),
    }
}

/// Compare two words in Norwegian dictionary order (case-insensitive, then by case).
pub fn norwegian_cmp(a: &str, b: &str) -> Ordering {
    let key = |s: &str| s.chars().map(collation_key).collect::<Vec<_>>();
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// The letter a term is listed under: `Æ`, `Ø`, `Å`, or the first letter without accent.
fn initial(term: &str) -> String {
    let Some(c) = term.chars().find(|c| c.is_alphanumeric()) else {
        return "#".into();
    };
    match collation_key(c) {
        (1, _) => "0–9".into(),
        (2, 26) => "Æ".into(),
        (2, 27) => "Ø".into(),
        (2, 28) => "Å".into(),
        (2, n) => char::from_u32('A' as u32 + n).map_or("#".into(), String::from),
        _ => c.to_uppercase().collect(),
    }
}

/// An id for a letter's section: `a`, `ae`, `oe`, `aa`, or its position.
fn letter_id(letter: &str, index: usize) -> String {
    match letter {
        "Æ" => "ae".into(),
        "Ø" => "oe".into(),
        "Å" => "aa".into(),
        l if l.len() == 1 && l.is_ascii() => l.to_ascii_lowercase(),
        _ => (index + 1).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_in_norwegian_order() {
        let mut words = vec![
            "Åpenhet",
            "Ønske",
            "Ærlig",
            "Zebra",
            "avvergingsplikt",
            "Barnevern",
            "Øvelse",
            "Ansvarsgruppe",
            "Étage",
            "Tidlig innsats",
            "Tidligere",
        ];
        words.sort_by(|a, b| norwegian_cmp(a, b));
        assert_eq!(
            words,
            [
                "Ansvarsgruppe",
                "avvergingsplikt",
                "Barnevern",
                "Étage",
                "Tidlig innsats",
                "Tidligere",
                "Zebra",
                "Ærlig",
                "Ønske",
                "Øvelse",
                "Åpenhet",
            ]
        );
    }

    #[test]
    fn initials_group_norwegian_letters() {
        assert_eq!(initial("Ønske"), "Ø");
        assert_eq!(initial("åpenhet"), "Å");
        assert_eq!(initial("Étage"), "E");
        assert_eq!(initial("bti"), "B");
        assert_eq!(initial("Опіка"), "О");
        assert_eq!(letter_id("Ø", 3), "oe");
        assert_eq!(letter_id("О", 3), "4");
    }
}
