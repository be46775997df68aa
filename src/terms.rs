//! Automatic glossary links: in a page's text, the first occurrence of each glossary term
//! (or one of its forms) links to its explanation on the glossary page.
//!
//! Works on the pulldown-cmark event stream, after links are rebased and raw HTML is
//! turned into text, so it never touches headings, links, images or code. Matching is
//! case-insensitive and on whole words; a space in a form matches any run of whitespace
//! (including a line break). The lowercased forms are prepared once per kommune and
//! language ([`TermMatcher`]); each page keeps its own record of what it has linked
//! ([`TermLinks`]).

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::content::glossary::Term;

/// The glossary of one kommune in one language, ready for matching.
#[derive(Debug, Default)]
pub struct TermMatcher {
    /// Href of the glossary page, escaped for an HTML attribute (`/bti/ordliste/`).
    page_href: String,
    /// Anchor of each term, by term index.
    anchors: Vec<String>,
    /// Lowercased forms by their first character, longest first: (chars, term index).
    /// Looked up at every word of every text: a fast hash.
    by_first: FxHashMap<char, Vec<(Vec<char>, usize)>>,
}

impl TermMatcher {
    pub fn new(terms: &[Term], page_href: &str) -> TermMatcher {
        let mut by_first: FxHashMap<char, Vec<(Vec<char>, usize)>> = FxHashMap::default();
        for (i, term) in terms.iter().enumerate() {
            let mut forms: Vec<Vec<char>> = std::iter::once(&term.term)
                .chain(&term.forms)
                .map(|f| normalise(f))
                .filter(|f| !f.is_empty())
                .collect();
            forms.sort();
            forms.dedup();
            for form in forms {
                by_first.entry(form[0]).or_default().push((form, i));
            }
        }
        for forms in by_first.values_mut() {
            forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        TermMatcher {
            page_href: escape_attr(page_href),
            anchors: terms.iter().map(Term::anchor).collect(),
            by_first,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }

    /// A fresh record for one page.
    pub fn page(&self) -> TermLinks<'_> {
        TermLinks {
            matcher: self,
            linked: RefCell::new(vec![false; self.anchors.len()]),
        }
    }

    /// The longest form of any term starting at `chars[i]`: (end, term). A form of a
    /// term that is already linked still counts, so `Bedre tverrfaglig innsats` (a form of
    /// `BTI`) is skipped as a whole and `tverrfaglig` inside it is not linked.
    fn find_at(&self, chars: &[char], i: usize) -> Option<(usize, usize)> {
        let candidates = self.by_first.get(&chars[i])?;
        candidates.iter().find_map(|(form, term)| {
            let end = match_form(chars, i, form)?;
            (end == chars.len() || !is_word(chars[end])).then_some((end, *term))
        })
    }
}

/// One page's use of the glossary: which terms it has linked so far. Share it between
/// the Markdown texts of one page (in reading order) so only the first occurrence links.
pub struct TermLinks<'a> {
    matcher: &'a TermMatcher,
    linked: RefCell<Vec<bool>>,
}

impl TermLinks<'_> {
    /// Link the first occurrence of each term in `events`.
    pub fn link<'e>(&self, events: Vec<Event<'e>>) -> Vec<Event<'e>> {
        let mut linked = self.linked.borrow_mut();
        let mut out = Vec::with_capacity(events.len() + 8);
        // Depth of headings, links, images and code blocks we are inside.
        let mut skip = 0usize;
        let mut run = String::new();
        for event in events {
            match event {
                Event::Text(t) if skip == 0 => run.push_str(&t),
                Event::SoftBreak if skip == 0 => run.push('\n'),
                Event::Start(tag) => {
                    self.flush(&mut run, &mut out, &mut linked);
                    if let Tag::Link { dest_url, .. } = &tag {
                        self.mark_explicit(dest_url, &mut linked);
                    }
                    if matches!(
                        tag,
                        Tag::Heading { .. }
                            | Tag::Link { .. }
                            | Tag::Image { .. }
                            | Tag::CodeBlock(_)
                    ) {
                        skip += 1;
                    }
                    out.push(Event::Start(tag));
                }
                Event::End(tag) => {
                    self.flush(&mut run, &mut out, &mut linked);
                    if matches!(
                        tag,
                        TagEnd::Heading(_) | TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock
                    ) {
                        skip = skip.saturating_sub(1);
                    }
                    out.push(Event::End(tag));
                }
                other => {
                    self.flush(&mut run, &mut out, &mut linked);
                    out.push(other);
                }
            }
        }
        self.flush(&mut run, &mut out, &mut linked);
        out
    }

    /// A link the editor wrote to a glossary entry (`{{ term x }}`) counts as its first link.
    fn mark_explicit(&self, dest_url: &str, linked: &mut [bool]) {
        let m = self.matcher;
        if let Some((page, anchor)) = dest_url.split_once('#') {
            if escape_attr(page) == m.page_href {
                if let Some(i) = m.anchors.iter().position(|a| a == anchor) {
                    linked[i] = true;
                }
            }
        }
    }

    /// Emit the pending text run, with links around the first occurrences of terms.
    fn flush<'e>(&self, run: &mut String, out: &mut Vec<Event<'e>>, linked: &mut [bool]) {
        if run.is_empty() {
            return;
        }
        let text = std::mem::take(run);
        let m = self.matcher;
        let (offsets, chars): (Vec<usize>, Vec<char>) =
            text.char_indices().map(|(o, c)| (o, lower(c))).unzip();
        let byte = |i: usize| offsets.get(i).copied().unwrap_or(text.len());
        let mut last = 0;
        let mut i = 0;
        while i < chars.len() {
            let starts_word = is_word(chars[i]) && (i == 0 || !is_word(chars[i - 1]));
            let found = starts_word.then(|| m.find_at(&chars, i)).flatten();
            if let Some((end, term)) = found.filter(|(_, term)| !linked[*term]) {
                let (from, to) = (byte(i), byte(end));
                if from > last {
                    out.push(Event::Text(CowStr::from(text[last..from].to_string())));
                }
                out.push(Event::InlineHtml(CowStr::from(format!(
                    "<a class=\"term\" href=\"{}#{}\">",
                    m.page_href,
                    escape_attr(&m.anchors[term])
                ))));
                out.push(Event::Text(CowStr::from(text[from..to].to_string())));
                out.push(Event::InlineHtml(CowStr::Borrowed("</a>")));
                linked[term] = true;
                last = to;
                i = end;
            } else if let Some((end, _)) = found {
                i = end;
            } else {
                i += 1;
            }
        }
        if last == 0 {
            // Nothing linked (most runs): the run as it is, not a copy.
            out.push(Event::Text(CowStr::from(text)));
        } else if last < text.len() {
            out.push(Event::Text(CowStr::from(text[last..].to_string())));
        }
    }
}

/// Letters, digits and hyphens belong to a word: `BTI` does not match in `BTI-modellen`.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Lowercase one character, keeping it one character (so offsets stay aligned).
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// A form as lowercase characters with runs of whitespace collapsed to one space.
fn normalise(form: &str) -> Vec<char> {
    crate::bytes::collapse_whitespace(form)
        .chars()
        .map(lower)
        .collect()
}

/// Where `form` ends when it matches `chars` from `start` (a space matches any whitespace).
fn match_form(chars: &[char], start: usize, form: &[char]) -> Option<usize> {
    let mut i = start;
    for &f in form {
        if f == ' ' {
            if !chars.get(i)?.is_whitespace() {
                return None;
            }
            while chars.get(i).is_some_and(|c| c.is_whitespace()) {
                i += 1;
            }
        } else if *chars.get(i)? == f {
            i += 1;
        } else {
            return None;
        }
    }
    Some(i)
}

/// The words a `{{ term x }}` link shows: the glossary's headword, in the case the editor
/// wrote `x`. Written in lowercase (`{{ term stafettholder }}`, mid-sentence), the headword
/// starts in lowercase (“Stafettholder” → “stafettholder”); written capitalised
/// (`{{ term Stafettholder }}`, at the start of a sentence), it starts with a capital.
/// A headword whose first word has a capital after its first letter is an acronym or a
/// name (“BTI”, “NAV”, “PP-tjenesten”, “McDonald”) and is shown as it is. So is a
/// headword when `written` has no letter to go by.
pub fn label_in_case(headword: &str, written: &str) -> String {
    let first_word = headword.split_whitespace().next().unwrap_or("");
    let acronym = first_word
        .chars()
        .filter(|c| c.is_alphabetic())
        .skip(1)
        .any(char::is_uppercase);
    let Some(case) = written.trim().chars().find(|c| c.is_alphabetic()) else {
        return headword.to_string();
    };
    let mut chars = headword.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    if acronym || !first.is_alphabetic() {
        return headword.to_string();
    }
    let rest = chars.as_str();
    if case.is_lowercase() {
        first.to_lowercase().chain(rest.chars()).collect()
    } else if case.is_uppercase() {
        first.to_uppercase().chain(rest.chars()).collect()
    } else {
        headword.to_string()
    }
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{render, Expansion, MarkdownContext};
    use crate::shortcodes::Shortcode;

    fn terms() -> Vec<Term> {
        let term = |t: &str, forms: &[&str]| Term {
            id: None,
            term: t.into(),
            forms: forms.iter().map(|f| f.to_string()).collect(),
            explanation: "Forklaring.".into(),
        };
        vec![
            term("Stafettholder", &["stafettholderen", "stafettholdere"]),
            term("Samtykke", &["samtykket"]),
            term("BTI", &["Bedre tverrfaglig innsats", "BTI-modellen"]),
            term("Tverrfaglig", &["tverrfaglig samarbeid"]),
        ]
    }

    fn linked(md: &str) -> String {
        let matcher = TermMatcher::new(&terms(), "/bti/ordliste/");
        let page = matcher.page();
        render_with(md, Some(&page))
    }

    fn render_with(md: &str, glossary: Option<&TermLinks>) -> String {
        let expand = |sc: &Shortcode| match sc.name.as_str() {
            "term" => Expansion::Inline(format!(
                "[Samtykke](/ordliste/#{})",
                sc.arg.clone().unwrap_or_default()
            )),
            _ => Expansion::Inline(String::new()),
        };
        render(
            md,
            &MarkdownContext {
                root: "/bti/",
                home: "/bti/",
                heading_shift: 0,
                expand: &expand,
                glossary,
                raw_html: &crate::sanitize::SANITIZE,
                film: None,
            },
        )
        .html
    }

    #[test]
    fn term_label_keeps_the_case_the_editor_wrote() {
        // Mid-sentence, in lowercase: the headword follows.
        assert_eq!(
            label_in_case("Stafettholder", "stafettholder"),
            "stafettholder"
        );
        assert_eq!(
            label_in_case("Stafettholder", "stafettholderen"),
            "stafettholder"
        );
        assert_eq!(
            label_in_case("Individuell plan", "individuell-plan"),
            "individuell plan"
        );
        assert_eq!(
            label_in_case("Ålesundmodellen", "ålesundmodellen"),
            "ålesundmodellen"
        );
        // Capitalised (a sentence starts with it): the headword is capitalised.
        assert_eq!(
            label_in_case("Stafettholder", "Stafettholder"),
            "Stafettholder"
        );
        assert_eq!(
            label_in_case("stafettholder", "Stafettholder"),
            "Stafettholder"
        );
        assert_eq!(label_in_case("ødeleggelse", "Ødeleggelse"), "Ødeleggelse");
        // Acronyms and names keep their capitals, however they are written.
        assert_eq!(label_in_case("BTI", "bti"), "BTI");
        assert_eq!(label_in_case("NAV", "nav"), "NAV");
        assert_eq!(
            label_in_case("PP-tjenesten", "pp-tjenesten"),
            "PP-tjenesten"
        );
        assert_eq!(label_in_case("BUP poliklinikk", "bup"), "BUP poliklinikk");
        // Nothing to go by: as the glossary writes it.
        assert_eq!(label_in_case("Stafettholder", "123"), "Stafettholder");
        assert_eq!(label_in_case("Stafettholder", ""), "Stafettholder");
        assert_eq!(label_in_case("«Bekymring»", "bekymring"), "«Bekymring»");
        assert_eq!(label_in_case("", "x"), "");
    }

    fn count(html: &str) -> usize {
        html.matches("class=\"term\"").count()
    }

    #[test]
    fn links_only_the_first_occurrence() {
        let html = linked("Samtykke først. Så samtykke igjen.\n\nOg samtykket til slutt.");
        assert_eq!(count(&html), 1, "{html}");
        assert!(
            html.contains(r##"<a class="term" href="/bti/ordliste/#samtykke">Samtykke</a> først"##),
            "{html}"
        );
    }

    #[test]
    fn inflected_forms_and_case_link_to_the_term() {
        let html = linked("Snakk med STAFETTHOLDEREN i dag.");
        assert!(
            html.contains(
                r##"<a class="term" href="/bti/ordliste/#stafettholder">STAFETTHOLDEREN</a>"##
            ),
            "{html}"
        );
    }

    #[test]
    fn whole_words_only() {
        let html = linked("Samtykkeerklæringen og ikkesamtykke og BTI-koordinator.");
        assert_eq!(count(&html), 0, "{html}");
        let html = linked("Les om BTI-modellen.");
        assert!(html.contains(">BTI-modellen</a>"), "{html}");
    }

    #[test]
    fn longest_form_and_forms_across_line_breaks() {
        let html =
            linked("Vi driver med tverrfaglig\nsamarbeid. Bedre tverrfaglig innsats er målet.");
        assert!(html.contains(">tverrfaglig\nsamarbeid</a>"), "{html}");
        assert!(html.contains(">Bedre tverrfaglig innsats</a>"), "{html}");
        assert_eq!(count(&html), 2, "{html}");
    }

    #[test]
    fn a_linked_terms_longer_form_hides_other_terms_inside_it() {
        let html = linked("BTI betyr Bedre tverrfaglig innsats. Tverrfaglig arbeid er viktig.");
        assert!(
            html.contains(">BTI</a> betyr Bedre tverrfaglig innsats."),
            "{html}"
        );
        assert!(html.contains(">Tverrfaglig</a> arbeid"), "{html}");
        assert_eq!(count(&html), 2, "{html}");
    }

    #[test]
    fn never_in_headings_links_or_code() {
        let html = linked(
            "## Samtykke\n\n[samtykke](/x/) og `samtykke`\n\n```\nsamtykke\n```\n\n![samtykke](bilder/x.png)\n\nSamtykke her.",
        );
        assert_eq!(count(&html), 1, "{html}");
        assert!(
            html.contains(r#"<h2 id="samtykke">Samtykke</h2>"#),
            "{html}"
        );
        assert!(html.contains(">Samtykke</a> her."), "{html}");
    }

    #[test]
    fn explicit_term_shortcode_counts_as_the_first_link() {
        let html = linked("Se {{ term samtykke }}. Samtykke er viktig.");
        assert_eq!(count(&html), 0, "{html}");
        assert_eq!(html.matches("ordliste/#samtykke").count(), 1, "{html}");
    }

    #[test]
    fn opting_out_means_no_links() {
        let html = render_with("Samtykke og stafettholder.", None);
        assert_eq!(count(&html), 0, "{html}");
    }

    #[test]
    fn first_occurrence_is_per_page_across_texts() {
        let matcher = TermMatcher::new(&terms(), "/bti/ordliste/");
        let page = matcher.page();
        assert_eq!(count(&render_with("Samtykke.", Some(&page))), 1);
        assert_eq!(
            count(&render_with("Samtykke og stafettholder.", Some(&page))),
            1
        );
        let next_page = matcher.page();
        assert_eq!(count(&render_with("Samtykke.", Some(&next_page))), 1);
    }

    #[test]
    fn raw_html_around_links_keeps_the_links() {
        let html = linked("<b onclick=x>samtykke</b> & stafettholder");
        assert!(html.contains("<b><a class=\"term\""), "{html}");
        assert!(html.contains("&amp; <a class=\"term\""), "{html}");
        assert!(!html.contains("onclick"), "{html}");
    }
}
