//! Pages of the action guide: the overview with its level diagram, and one page per level.

use std::borrow::Cow;

use serde::Serialize;

use super::context::Link;
use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::diagnostics::Diagnostic;
use crate::route::Route;

#[derive(Serialize)]
struct StepCtx {
    number: usize,
    id: String,
    title: String,
    /// What to do now: one or two lines above the details.
    summary: String,
    /// The rest of "how", behind the details toggle.
    how: String,
    who: String,
    tools: Option<String>,
    forms: Vec<Link>,
    services: Vec<Link>,
    arenas: Vec<Link>,
    deadline: Option<String>,
}

/// One level in the stepper at the top of a level page.
#[derive(Serialize)]
struct StepperLevel {
    number: u8,
    short_title: String,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct LevelCtx {
    number: u8,
    /// Every level of the guide, the current one marked.
    levels: Vec<StepperLevel>,
    title: String,
    short_title: String,
    summary: String,
    purpose: String,
    lead: String,
    deadline: Option<String>,
    decision: String,
    steps: Vec<StepCtx>,
    forms: Vec<Link>,
    services: Vec<Link>,
    arenas: Vec<Link>,
    body: String,
    prev: Option<Link>,
    next: Option<Link>,
    url: String,
}

#[derive(Serialize)]
struct OverviewLevel {
    number: u8,
    title: String,
    short_title: String,
    summary: String,
    lead: String,
    deadline: Option<String>,
    url: String,
    steps: Vec<Link>,
}

impl KommuneRenderer<'_> {
    fn links(&self, ids: &[String], f: impl Fn(&str) -> Option<Link>) -> Vec<Link> {
        ids.iter().filter_map(|id| f(id)).collect()
    }

    pub(super) fn levels_overview(&self, lang: &str) -> Vec<impl Serialize> {
        let default = self.kommune.default_lang();
        self.kommune
            .levels
            .iter()
            .map(|v| {
                let (doc, _) = v.pick(lang, default);
                let url = self.urls.href(lang, &Route::Level(v.id.clone()));
                OverviewLevel {
                    number: doc.data.level,
                    title: doc.data.title.clone(),
                    short_title: doc.data.short().to_string(),
                    summary: doc.data.summary.clone(),
                    lead: doc.data.lead.clone(),
                    deadline: doc.data.deadline.clone(),
                    steps: doc
                        .data
                        .steps
                        .iter()
                        .map(|s| Link {
                            label: s.title.clone(),
                            url: format!("{url}#{}", s.anchor()),
                            ..Default::default()
                        })
                        .collect(),
                    url,
                }
            })
            .collect()
    }

    pub(super) fn guide_index(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let default = self.kommune.default_lang();
        let (title, intro, body, available, doc_lang, meta) = match &self.kommune.guide_intro {
            Some(v) => {
                let (doc, _) = v.pick(lang, default);
                (
                    doc.data.title.clone(),
                    doc.data.intro.clone(),
                    self.md_with(lang, doc.body(), self.term_links(lang, &doc.data).as_ref()),
                    v.langs().collect::<Vec<_>>(),
                    doc.lang.clone(),
                    Some(doc),
                )
            }
            None => (
                self.t(lang, "nav_guide"),
                None,
                Default::default(),
                self.all_langs(),
                lang.to_string(),
                None,
            ),
        };
        let mut page = self.page_ctx(lang, &Route::GuideIndex, &title, &available);
        if let Some(doc) = meta {
            page = self.with_doc(page, lang, &doc_lang, &doc.data);
        }
        let data = serde_json::json!({
            "intro": intro,
            "body": body.html,
            "levels": self.levels_overview(lang),
        });
        let html = self.render_page("guide_index.html", lang, &page, &data)?;
        let search = SearchEntry {
            route: Route::GuideIndex,
            anchor: None,
            title: title.clone(),
            kind: self.t(lang, "kind_guide"),
            keywords: meta.map(|d| d.data.keywords.clone()).unwrap_or_default(),
            text: body.text,
        };
        Ok(self.out(lang, &Route::GuideIndex, html, Some(search)))
    }

    pub(super) fn level(&self, lang: &str, index: usize) -> Result<OutPage, Diagnostic> {
        let default = self.kommune.default_lang();
        let levels = &self.kommune.levels;
        let variants = &levels[index];
        let (doc, _) = variants.pick(lang, default);
        let l = &doc.data;
        let route = Route::Level(variants.id.clone());
        let neighbour = |i: usize| {
            let v = &levels[i];
            let (d, _) = v.pick(lang, default);
            Link {
                label: d.data.title.clone(),
                url: self.urls.href(lang, &Route::Level(v.id.clone())),
                ..Default::default()
            }
        };
        // The steps' own text is indexed with each step (see search_docs.rs).
        let mut text = vec![
            l.summary.clone(),
            self.md(lang, &l.purpose).text,
            self.md(lang, &l.lead).text,
            l.deadline.clone().unwrap_or_default(),
            self.md(lang, &l.decision).text,
        ];
        // Glossary links in the page's reading order (level.html): who leads, the purpose
        // (behind its toggle), steps, decision, body.
        let links = self.term_links(lang, l);
        let links = links.as_ref();
        let lead = self.md_inline_with(lang, &l.lead, links);
        let purpose = self.md_with(lang, &l.purpose, links).html;
        let steps = l
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                text.push(s.title.clone());
                let (summary, how) = split_how(s.summary.as_deref(), &s.how);
                StepCtx {
                    number: i + 1,
                    id: s.anchor(),
                    title: s.title.clone(),
                    summary: self.md_with(lang, &summary, links).html,
                    how: self.md_with(lang, how, links).html,
                    who: self.md_inline_with(lang, &s.who, links),
                    tools: s
                        .tools
                        .as_deref()
                        .map(|t| self.md_inline_with(lang, t, links)),
                    forms: self.links(&s.forms, |id| self.form_link(lang, id)),
                    services: self.links(&s.services, |id| self.service_link(lang, id)),
                    arenas: self.links(&s.arenas, |id| self.arena_link(lang, id)),
                    deadline: s.deadline.clone(),
                }
            })
            .collect();
        let decision = self.md_with(lang, &l.decision, links).html;
        let body = self.md_with(lang, doc.body(), links);
        text.push(body.text.clone());
        let url = self.urls.href(lang, &route);
        let stepper = levels
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (d, _) = v.pick(lang, default);
                StepperLevel {
                    number: d.data.level,
                    short_title: d.data.short().to_string(),
                    url: self.urls.href(lang, &Route::Level(v.id.clone())),
                    current: i == index,
                }
            })
            .collect();
        let ctx = LevelCtx {
            number: l.level,
            levels: stepper,
            title: l.title.clone(),
            short_title: l.short().to_string(),
            summary: l.summary.clone(),
            purpose,
            lead,
            deadline: l.deadline.clone(),
            decision,
            steps,
            forms: self.links(&l.forms, |id| self.form_link(lang, id)),
            services: self.links(&l.services, |id| self.service_link(lang, id)),
            arenas: self.links(&l.arenas, |id| self.arena_link(lang, id)),
            body: body.html,
            prev: index.checked_sub(1).map(neighbour),
            next: (index + 1 < levels.len()).then(|| neighbour(index + 1)),
            url,
        };
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &route, &l.title, &available);
        let mut page = self.with_doc(page, lang, &doc.lang, l);
        page.description = Some(l.summary.clone());
        let html = self.render_page("level.html", lang, &page, &ctx)?;
        let search = SearchEntry {
            route: route.clone(),
            anchor: None,
            title: l.title.clone(),
            kind: self.t(lang, "kind_level"),
            keywords: l.keywords.clone(),
            text: text.join(" "),
        };
        Ok(self.out(lang, &route, html, Some(search)))
    }
}

/// A step's lead and the text behind its details toggle. Without a `summary` the lead is the
/// first paragraph of `how`, which then leaves the details unless a list continues it or
/// its footnotes are defined further down (the lead then shows it without the note marks).
fn split_how<'a>(summary: Option<&'a str>, how: &'a str) -> (Cow<'a, str>, &'a str) {
    if let Some(summary) = summary {
        return (Cow::Borrowed(summary), how);
    }
    let how = how.trim();
    let Some((first, rest)) = how.split_once("\n\n") else {
        return (Cow::Borrowed(how), "");
    };
    let rest = rest.trim_start();
    if first.contains("[^") {
        return (Cow::Owned(without_note_marks(first)), how);
    }
    let continues = rest.starts_with(['-', '*', '+']) || first.trim_end().ends_with(':');
    (Cow::Borrowed(first), if continues { how } else { rest })
}

/// `text` without footnote references (`[^1]`).
fn without_note_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::split_how;

    fn split<'a>(summary: Option<&'a str>, how: &'a str) -> (String, &'a str) {
        let (lead, details) = split_how(summary, how);
        (lead.into_owned(), details)
    }

    #[test]
    fn a_steps_lead_is_its_summary_or_first_paragraph() {
        assert_eq!(
            split(Some("Ring nå."), "A\n\nB"),
            ("Ring nå.".into(), "A\n\nB")
        );
        assert_eq!(split(None, "A.\n\nB."), ("A.".into(), "B."));
        let listed = "Bli enige om\n\n- x";
        assert_eq!(split(None, listed), ("Bli enige om".into(), listed));
        assert_eq!(split(None, "Bare én."), ("Bare én.".into(), ""));
    }

    #[test]
    fn a_lead_never_separates_a_footnote_from_its_definition() {
        let how = "Gjør slik[^1], og slik[^1].\n\n[^1]: Note.";
        assert_eq!(split(None, how), ("Gjør slik, og slik.".into(), how));
    }
}
