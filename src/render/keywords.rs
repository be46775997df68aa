//! The A–Å keyword index (`a-a/`): every `keywords:` entry and the title of every level, form,
//! service, training module and free page, in Norwegian alphabetical order, grouped by first
//! letter, each linking to the pages it belongs to. Plain HTML: it is the way to find things
//! without JavaScript, and the search page points to it.
//!
//! Order ([`collation_key`]): Norwegian, as in a dictionary: letters case-insensitively
//! A–Z, then Æ, Ø, Å; accents only break ties (`e` = `é`), `ä` goes with `æ`, `ö` with `ø`,
//! `ü` with `y`, the Sami letters with their base letter (`č` = `c`, `đ` = `d`, `ŋ` = `n`,
//! `š` = `s`, `ŧ` = `t`, `ž` = `z`). Spaces and punctuation sort before letters (`anonym
//! drøfting` before `anonymitet`); numbers come first. Other scripts (Cyrillic, Arabic,
//! Ethiopic …) come after Å, each letter its own group, in Unicode order.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{KommuneRenderer, OutPage};
use crate::content::Common;
use crate::diagnostics::Diagnostic;
use crate::route::Route;
use crate::site::Variants;

/// The letters shown in the navigation even when they have no entries.
const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ";
/// Group of entries that start with a digit.
const DIGITS_GROUP: &str = "0–9";

/// Primary weights: separators < digits < Latin letters < other scripts.
const SEPARATOR: u32 = 1;
const DIGIT_BASE: u32 = 10;
const LATIN_BASE: u32 = 100;
const OTHER_BASE: u32 = 0x1_0000;

/// (primary weight, accent weight) of a lowercase character in Norwegian order.
/// The accent weight is 0 for the plain letter.
fn weights(c: char) -> (u32, u32) {
    let latin = |base: char, accent: u32| -> (u32, u32) {
        let index = match base {
            'a'..='z' => base as u32 - 'a' as u32,
            'æ' => 26,
            'ø' => 27,
            'å' => 28,
            _ => unreachable!(),
        };
        (LATIN_BASE + index, accent)
    };
    match c {
        'a'..='z' | 'æ' | 'ø' | 'å' => latin(c, 0),
        'à' | 'á' | 'â' | 'ã' => {
            latin('a', 1 + "àáâã".chars().position(|x| x == c).unwrap() as u32)
        }
        'ä' => latin('æ', 1),
        'ö' | 'ő' => latin('ø', 1),
        'ç' | 'č' => latin('c', 1),
        'đ' | 'ð' => latin('d', 1),
        'è' | 'é' | 'ê' | 'ë' => {
            latin('e', 1 + "èéêë".chars().position(|x| x == c).unwrap() as u32)
        }
        'ì' | 'í' | 'î' | 'ï' => {
            latin('i', 1 + "ìíîï".chars().position(|x| x == c).unwrap() as u32)
        }
        'ñ' | 'ŋ' => latin('n', 1),
        'ò' | 'ó' | 'ô' | 'õ' => {
            latin('o', 1 + "òóôõ".chars().position(|x| x == c).unwrap() as u32)
        }
        'š' | 'ß' => latin('s', 1),
        'ŧ' | 'þ' => latin('t', 1),
        'ù' | 'ú' | 'û' => latin('u', 1 + "ùúû".chars().position(|x| x == c).unwrap() as u32),
        'ü' | 'ý' | 'ÿ' => latin('y', 1),
        'ž' => latin('z', 1),
        _ if c.is_ascii_digit() => (DIGIT_BASE + c as u32 - '0' as u32, 0),
        _ if c.is_alphanumeric() => (OTHER_BASE + c as u32, 0),
        _ => (SEPARATOR, 0),
    }
}

/// Lowercase characters of `s`, with `a` + combining ring composed to `å` and other
/// combining marks (U+0300–U+036F) dropped, as the search tokenizer does; each with whether
/// it was uppercase. Most labels are ASCII, which needs no Unicode tables.
fn letters(s: &str) -> Vec<(char, bool)> {
    let mut out: Vec<(char, bool)> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push((c.to_ascii_lowercase(), c.is_ascii_uppercase()));
            continue;
        }
        if c == '\u{030A}' {
            if let Some(last) = out.last_mut() {
                if last.0 == 'a' {
                    last.0 = 'å';
                    continue;
                }
            }
        }
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        let upper = c.is_uppercase();
        out.extend(c.to_lowercase().map(|l| (l, upper)));
    }
    out
}

/// A sort key for Norwegian alphabetical order (see the module documentation): primary
/// weights (runs of separators count once, leading ones not at all), then accents, then case
/// (lowercase first).
pub fn collation_key(s: &str) -> Vec<u32> {
    let letters = letters(s);
    // One vector: the primary weights first, accents and case after them, moved into place.
    let mut key = Vec::with_capacity(3 * letters.len() + 2);
    let mut rest = Vec::with_capacity(2 * letters.len());
    for (c, upper) in letters {
        let (p, a) = weights(c);
        if p == SEPARATOR && key.last().is_none_or(|&last| last == SEPARATOR) {
            continue;
        }
        key.push(p);
        rest.push((a, u32::from(upper)));
    }
    if key.last() == Some(&SEPARATOR) {
        key.pop();
        rest.pop();
    }
    key.push(0);
    key.extend(rest.iter().map(|&(accent, _)| accent));
    key.push(0);
    key.extend(rest.iter().map(|&(_, case)| case));
    key
}

/// The primary part of a [`collation_key`]: what makes two labels the same entry.
fn primary(key: &[u32]) -> &[u32] {
    &key[..key.iter().position(|&w| w == 0).unwrap_or(key.len())]
}

/// The group (letter heading) of an entry: `A`–`Å`, `0–9`, or the first letter of another
/// script (uppercase where the script has case; Arabic alef forms as bare alef; Ethiopic
/// syllables under the first syllable of their consonant).
pub fn group_of(s: &str) -> String {
    for (c, _) in letters(s) {
        let (p, _) = weights(c);
        if p == SEPARATOR {
            continue;
        }
        if p < LATIN_BASE {
            return DIGITS_GROUP.into();
        }
        if p < OTHER_BASE {
            return ALPHABET
                .chars()
                .nth((p - LATIN_BASE) as usize)
                .map(String::from)
                .unwrap_or_default();
        }
        let c = match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
            '\u{1200}'..='\u{135A}' => {
                char::from_u32(c as u32 - (c as u32 - 0x1200) % 8).unwrap_or(c)
            }
            _ => c,
        };
        return c.to_uppercase().collect();
    }
    DIGITS_GROUP.into()
}

#[derive(Serialize, Clone)]
struct Target {
    title: String,
    url: String,
    kind: String,
    /// Language of the title when it differs from the page's (a fallback).
    lang: Option<String>,
    /// The title's [`collation_key`], made once: a page is a target of each of its words.
    #[serde(skip)]
    key: std::rc::Rc<[u32]>,
}

#[derive(Serialize)]
struct Entry {
    label: String,
    lang: Option<String>,
    /// The label is the title of its only page: the label itself is the link.
    direct: bool,
    targets: Vec<Target>,
}

#[derive(Serialize)]
struct Group {
    id: String,
    letter: String,
    entries: Vec<Entry>,
}

#[derive(Serialize)]
struct Letter {
    letter: String,
    /// Anchor of the group, when the letter has entries.
    id: Option<String>,
}

/// An entry being collected: its label, the label's language, its pages, and the label's
/// full collation key.
type Collected = (String, Option<String>, Vec<Target>, Vec<u32>);

/// Collects entries; the same word (ignoring case and accents) from several pages is one
/// entry with several targets.
#[derive(Default)]
struct Collector {
    /// Primary collation key → the entry.
    entries: BTreeMap<Vec<u32>, Collected>,
}

impl Collector {
    fn add(&mut self, label: &str, lang: Option<&str>, target: &Target) {
        let label = label.trim();
        if label.is_empty() {
            return;
        }
        self.add_keyed(label, collation_key(label), lang, target);
    }

    /// [`Collector::add`] of a trimmed, non-empty `label` whose collation key is `key`.
    fn add_keyed(&mut self, label: &str, key: Vec<u32>, lang: Option<&str>, target: &Target) {
        let entry = match self.entries.get_mut(primary(&key)) {
            Some(entry) => entry,
            None => self
                .entries
                .entry(primary(&key).to_vec())
                .or_insert_with(|| {
                    (
                        label.to_string(),
                        lang.map(String::from),
                        Vec::new(),
                        key.clone(),
                    )
                }),
        };
        // "Barnevern" (a title or category) reads better than "barnevern" (a keyword).
        if !entry.0.starts_with(char::is_uppercase) && label.starts_with(char::is_uppercase) {
            entry.0 = label.to_string();
            entry.3 = key;
        }
        if !entry.2.iter().any(|t| t.url == target.url) {
            entry.2.push(target.clone());
        }
    }
}

impl KommuneRenderer<'_> {
    /// Adds the title and keywords of one item (in `lang`, or its fallback). Returns the
    /// item's data, its link and the language of its text when that is a fallback.
    fn collect<'v, T: Common>(
        &self,
        out: &mut Collector,
        lang: &str,
        variants: &'v Variants<T>,
        route: &Route,
        kind: &str,
        title: impl Fn(&T) -> &str,
    ) -> (&'v T, Target, Option<&'v str>) {
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let doc_lang = (doc.lang != lang).then_some(doc.lang.as_str());
        // The trimmed title's key is the title's: separators at the ends weigh nothing.
        let label = title(&doc.data).trim();
        let key = collation_key(label);
        let target = Target {
            title: title(&doc.data).to_string(),
            url: self.urls.href(lang, route),
            kind: self.t(lang, kind),
            lang: doc_lang.map(String::from),
            key: key.as_slice().into(),
        };
        if !label.is_empty() {
            out.add_keyed(label, key, doc_lang, &target);
        }
        for word in doc.data.keywords() {
            out.add(word, doc_lang, &target);
        }
        (&doc.data, target, doc_lang)
    }

    pub(super) fn keywords_page(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let k = self.kommune;
        let mut c = Collector::default();
        if let Some(front) = &k.front {
            self.collect(&mut c, lang, front, &Route::Front, "kind_page", |p| {
                &p.title
            });
        }
        if let Some(guide) = &k.guide_intro {
            self.collect(&mut c, lang, guide, &Route::GuideIndex, "kind_guide", |g| {
                &g.title
            });
        }
        for v in &k.levels {
            let route = Route::Level(v.id.clone());
            self.collect(&mut c, lang, v, &route, "kind_level", |l| &l.title);
        }
        for (id, v) in &k.forms {
            let route = Route::Form(id.clone());
            self.collect(&mut c, lang, v, &route, "kind_form", |f| &f.title);
        }
        for (id, v) in &k.services {
            let route = Route::Service(id.clone());
            // The category ("Barnevern", "Helse") lists every service in it.
            let (service, target, doc_lang) =
                self.collect(&mut c, lang, v, &route, "kind_service", |s| &s.name);
            c.add(&service.category, doc_lang, &target);
        }
        for (id, v) in &k.modules {
            let route = Route::Module(id.clone());
            self.collect(&mut c, lang, v, &route, "kind_training", |m| &m.title);
        }
        for (id, v) in &k.pages {
            let route = Route::Page(id.clone());
            self.collect(&mut c, lang, v, &route, "kind_page", |p| &p.title);
        }

        let mut groups: Vec<Group> = Vec::new();
        let mut entries: Vec<(Vec<u32>, Entry)> = c
            .entries
            .into_values()
            .map(|(label, label_lang, mut targets, key)| {
                targets.sort_by(|a, b| a.key.cmp(&b.key));
                let direct =
                    targets.len() == 1 && targets[0].title.to_lowercase() == label.to_lowercase();
                let entry = Entry {
                    lang: label_lang.filter(|l| l != lang),
                    label,
                    direct,
                    targets,
                };
                (key, entry)
            })
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, entry) in entries {
            let letter = group_of(&entry.label);
            match groups.last_mut() {
                Some(g) if g.letter == letter => g.entries.push(entry),
                _ => groups.push(Group {
                    id: format!(
                        "az-{}",
                        if letter == DIGITS_GROUP {
                            "0-9".into()
                        } else {
                            letter.to_lowercase()
                        }
                    ),
                    letter,
                    entries: vec![entry],
                }),
            }
        }
        let id_of = |l: &str| groups.iter().find(|g| g.letter == l).map(|g| g.id.clone());
        let mut letters: Vec<Letter> = Vec::new();
        if let Some(id) = id_of(DIGITS_GROUP) {
            letters.push(Letter {
                letter: DIGITS_GROUP.into(),
                id: Some(id),
            });
        }
        letters.extend(ALPHABET.chars().map(|ch| {
            let l = ch.to_string();
            Letter {
                id: id_of(&l),
                letter: l,
            }
        }));
        letters.extend(
            groups
                .iter()
                .filter(|g| g.letter != DIGITS_GROUP && !ALPHABET.contains(g.letter.as_str()))
                .map(|g| Letter {
                    letter: g.letter.clone(),
                    id: Some(g.id.clone()),
                }),
        );

        let title = self.t(lang, "az_title");
        let mut page = self.page_ctx(lang, &Route::Keywords, &title, &self.all_langs());
        page.breadcrumbs.truncate(1);
        // Straight into the template's values: through `serde_json::Value` first, the
        // index's many entries were converted twice.
        #[derive(Serialize)]
        struct Data {
            letters: Vec<Letter>,
            groups: Vec<Group>,
            search_url: String,
        }
        let data = Data {
            letters,
            groups,
            search_url: self.urls.href(lang, &Route::Search),
        };
        let html = self.render_page("az.html", lang, &page, &data)?;
        Ok(self.out(lang, &Route::Keywords, html, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v.sort_by_key(|w| collation_key(w));
        v
    }

    #[test]
    fn norwegian_order() {
        assert_eq!(
            sorted(&[
                "Åpen",
                "øye",
                "Ærlig",
                "zebra",
                "barn",
                "Barnevern",
                "abc",
                "ås"
            ]),
            [
                "abc",
                "barn",
                "Barnevern",
                "zebra",
                "Ærlig",
                "øye",
                "Åpen",
                "ås"
            ]
        );
        // Case only breaks ties, lowercase first; accents only break ties.
        assert_eq!(sorted(&["Barn", "barn", "bårn"]), ["barn", "Barn", "bårn"]);
        assert_eq!(sorted(&["idé", "ide", "idea"]), ["ide", "idé", "idea"]);
        // ä with æ, ö with ø, ü with y.
        assert_eq!(sorted(&["ø", "ä", "z", "ö"]), ["z", "ä", "ø", "ö"]);
        assert_eq!(sorted(&["Müller", "Myr", "Mus"]), ["Mus", "Müller", "Myr"]);
        // Spaces before letters; numbers first; other scripts last.
        assert_eq!(
            sorted(&[
                "anonymitet",
                "anonym drøfting",
                "14 dager",
                "дитина",
                "ሕፃን",
                "الطفل",
                "Åsen"
            ]),
            [
                "14 dager",
                "anonym drøfting",
                "anonymitet",
                "Åsen",
                "дитина",
                "الطفل",
                "ሕፃን"
            ]
        );
        // Decomposed å (macOS file names) is å.
        assert_eq!(collation_key("pa\u{030A}"), collation_key("på"));
        // Spaces and punctuation at the ends weigh nothing (a title's key is its trimmed
        // label's).
        for padded in [" Barn ", "\u{a0}Barn\t", "«Barn» ", "  Barn  ."] {
            let bare = if padded.contains('«') {
                "«Barn»"
            } else {
                "Barn"
            };
            assert_eq!(collation_key(padded), collation_key(bare), "{padded:?}");
        }
        // Sami letters next to their base letter.
        assert_eq!(
            sorted(&["čálli", "dávgi", "cealkka"]),
            ["čálli", "cealkka", "dávgi"]
        );
        assert_eq!(sorted(&["čeahci", "ceahci"]), ["ceahci", "čeahci"]);
    }

    #[test]
    fn groups() {
        assert_eq!(group_of("barnevern"), "B");
        assert_eq!(group_of("Ærlig"), "Æ");
        assert_eq!(group_of("ärlig"), "Æ");
        assert_eq!(group_of("øye"), "Ø");
        assert_eq!(group_of("åpen"), "Å");
        assert_eq!(group_of("Élan"), "E");
        assert_eq!(group_of("«Sitat»"), "S");
        assert_eq!(group_of("14 dager"), DIGITS_GROUP);
        assert_eq!(group_of("дитина"), "Д");
        assert_eq!(group_of("أسرة"), "ا");
        assert_eq!(group_of("ሕፃን"), "ሐ");
        assert_eq!(group_of("čálli"), "C");
    }
}
