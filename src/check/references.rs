//! References between content: forms, services, arenas and levels named by id, and
//! shortcodes in Markdown. Every reference must resolve in the kommune being built.

use std::collections::HashSet;
use std::sync::Arc;

use crate::content::Doc;
use crate::diagnostics::{suggest, Diagnostic};
use crate::shortcodes::{form_problem, scan};
use crate::site::Kommune;

/// Where a Markdown text sits: the body (exact offsets) or a YAML value (located by text).
enum Place {
    Body(usize),
    Yaml,
}

/// Ids the level template uses itself; a step anchor must not take them.
const RESERVED_ANCHORS: &[&str] = crate::markdown::THEME_IDS;

pub fn check(kommune: &Kommune, diags: &mut Vec<Diagnostic>) {
    let c = Checker { kommune, diags };
    c.run();
}

struct Checker<'a> {
    kommune: &'a Kommune,
    diags: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn run(mut self) {
        let k = self.kommune;
        for v in k.front.iter() {
            for d in &v.docs {
                self.markdown(d, d.body(), Place::Body(d.body_offset));
            }
        }
        for v in k.guide_intro.iter() {
            for d in &v.docs {
                self.markdown(d, d.body(), Place::Body(d.body_offset));
            }
        }
        for v in &k.levels {
            for d in &v.docs {
                let l = &d.data;
                self.markdown(d, d.body(), Place::Body(d.body_offset));
                for text in [&l.purpose, &l.decision, &l.lead] {
                    self.markdown(d, text, Place::Yaml);
                }
                self.refs(d, "form", &l.forms);
                self.refs(d, "service", &l.services);
                self.refs(d, "arena", &l.arenas);
                if l.steps.is_empty() {
                    self.diags.push(
                        Diagnostic::error("missing-steps", "a level needs at least one step")
                            .in_file(&d.file)
                            .at_offset(d.locate("steps").unwrap_or(d.yaml_start), 5)
                            .with_help(
                                "add `steps:` with `- title:`, `how:` and `who:` for each step",
                            ),
                    );
                }
                let mut anchors = HashSet::new();
                for s in &l.steps {
                    for text in [Some(&s.how), Some(&s.who), s.tools.as_ref()]
                        .into_iter()
                        .flatten()
                    {
                        self.markdown(d, text, Place::Yaml);
                    }
                    self.refs(d, "form", &s.forms);
                    self.refs(d, "service", &s.services);
                    self.refs(d, "arena", &s.arenas);
                    let anchor = s.anchor();
                    if RESERVED_ANCHORS.contains(&anchor.as_str()) {
                        self.diags.push(
                            Diagnostic::error(
                                "duplicate-id",
                                format!("the step anchor `{anchor}` is used by the page itself"),
                            )
                            .in_file(&d.file)
                            .at_offset(d.locate(&anchor).unwrap_or(d.yaml_start), anchor.len())
                            .with_help(format!(
                                "give the step another `id:`, e.g. `steg-{anchor}`"
                            )),
                        );
                    }
                    if !anchors.insert(anchor.clone()) {
                        self.diags.push(
                            Diagnostic::error(
                                "duplicate-id",
                                format!("two steps have the anchor `{anchor}`"),
                            )
                            .in_file(&d.file)
                            .at_offset(d.locate(&s.title).unwrap_or(d.yaml_start), s.title.len())
                            .with_help("give one of the steps a different title or its own `id:`"),
                        );
                    }
                }
            }
        }
        for v in k.forms.values() {
            for d in &v.docs {
                self.markdown(d, &d.data.description, Place::Yaml);
                if let Some(intro) = &d.data.intro {
                    self.markdown(d, intro, Place::Yaml);
                }
                self.form_fields(d);
                self.level_numbers(d, &d.data.levels);
            }
        }
        for v in k.services.values() {
            for d in &v.docs {
                self.markdown(d, &d.data.description, Place::Yaml);
                self.markdown(d, &d.data.referral, Place::Yaml);
                if let Some(problem) = d.data.ages.problem() {
                    self.diags.push(
                        Diagnostic::error("invalid-value", format!("ages: {problem}"))
                            .in_file(&d.file)
                            .at_offset(d.locate("ages").unwrap_or(0), 4),
                    );
                }
                self.level_numbers(d, &d.data.levels);
            }
        }
        for v in k.modules.values() {
            for d in &v.docs {
                self.markdown(d, d.body(), Place::Body(d.body_offset));
                if let Some(case) = &d.data.case {
                    self.markdown(d, case, Place::Yaml);
                }
                for e in &d.data.exercises {
                    self.markdown(d, &e.text, Place::Yaml);
                }
            }
        }
        for v in k.pages.values() {
            for d in &v.docs {
                self.markdown(d, d.body(), Place::Body(d.body_offset));
            }
        }
        for v in k.prints.values() {
            for d in &v.docs {
                self.markdown(d, d.body(), Place::Body(d.body_offset));
            }
        }
        for v in k.arenas.values() {
            for d in &v.docs {
                self.markdown(d, &d.data.mandate, Place::Yaml);
                self.markdown(d, &d.data.how_to_bring, Place::Yaml);
                self.level_numbers(d, &d.data.levels);
            }
        }
        for v in k.glossary.iter() {
            for d in &v.docs {
                for t in &d.data.terms {
                    self.markdown(d, &t.explanation, Place::Yaml);
                }
            }
        }
        for v in k.events.iter() {
            for d in &v.docs {
                for e in &d.data.events {
                    if let Some(module) = &e.module {
                        if !k.modules.contains_key(module) {
                            let candidates: Vec<&str> =
                                k.modules.keys().map(String::as_str).collect();
                            self.missing(
                                d,
                                "training module",
                                module,
                                &candidates,
                                d.locate(module),
                            );
                        }
                    }
                    if let Some(desc) = &e.description {
                        self.markdown(d, desc, Place::Yaml);
                    }
                    if let Some(problem) = e.time_problem() {
                        let at = [&e.start, &e.end]
                            .into_iter()
                            .flatten()
                            .find_map(|t| d.locate(t))
                            .unwrap_or_else(|| d.locate(&e.title).unwrap_or(d.yaml_start));
                        self.diags.push(
                            Diagnostic::error("invalid-value", problem)
                                .in_file(&d.file)
                                .at_offset(at, 5)
                                .with_help("times are 24-hour HH:MM; leave out `start:` and `end:` for an all-day event"),
                        );
                    }
                }
            }
        }
    }

    /// Suffix naming the kommune when the file is shared, so the editor knows where it fails.
    fn context<T>(&self, doc: &Doc<T>) -> String {
        if doc
            .file
            .display
            .starts_with(&format!("content/{}/", self.kommune.slug))
        {
            String::new()
        } else {
            format!(
                " (in kommune `{}`, which inherits this file)",
                self.kommune.slug
            )
        }
    }

    fn missing<T>(
        &mut self,
        doc: &Doc<T>,
        what: &str,
        id: &str,
        candidates: &[&str],
        offset: Option<usize>,
    ) {
        let help = match suggest(id, candidates.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None if candidates.is_empty() => {
                format!("there are no {what}s yet; create one, or remove the reference")
            }
            None => format!("existing ids: {}", candidates.join(", ")),
        };
        let ctx = self.context(doc);
        self.diags.push(
            Diagnostic::error(
                "missing-reference",
                format!("there is no {what} with the id `{id}`{ctx}"),
            )
            .in_file(&doc.file)
            .at_offset(offset.unwrap_or(doc.yaml_start), id.len())
            .with_help(help),
        );
    }

    fn refs<T>(&mut self, doc: &Doc<T>, what: &str, ids: &[String]) {
        for id in ids {
            if let Some(candidates) = self.exists(what, id) {
                let offset = doc.locate(id);
                self.missing(
                    doc,
                    what,
                    id,
                    &candidates.iter().map(String::as_str).collect::<Vec<_>>(),
                    offset,
                );
            }
        }
    }

    /// Whether `id` may name a file that exists but could not be parsed: its error is
    /// reported already, and a reference to it is not a second one. (A level's number is
    /// unknown when its page cannot be parsed, so any broken level page counts.)
    fn broken(&self, what: &str, id: &str) -> bool {
        let dir = match what {
            "form" => "skjema",
            "service" => "tjenester",
            "arena" => "arenaer",
            "level" => "veileder",
            "term" => "",
            _ => return false,
        };
        self.kommune.broken.iter().any(|rel| {
            let name = crate::parse::FileName::parse(rel);
            name.dir == dir
                && match what {
                    "level" => name.id != "index",
                    "term" => name.id == "ordliste",
                    _ => name.id == id,
                }
        })
    }

    /// None when `id` exists (or may exist, see [`Self::broken`]), else the candidate ids.
    fn exists(&self, what: &str, id: &str) -> Option<Vec<String>> {
        if self.broken(what, id) {
            return None;
        }
        let k = self.kommune;
        let keys: Vec<String> = match what {
            "form" => k.forms.keys().cloned().collect(),
            "service" => k.services.keys().cloned().collect(),
            "arena" => k.arenas.keys().cloned().collect(),
            "level" => k
                .levels
                .iter()
                .map(|v| v.primary(k.default_lang()).data.level.to_string())
                .collect(),
            "term" => k
                .glossary
                .iter()
                .flat_map(|g| {
                    g.docs.iter().flat_map(|d| {
                        d.data.terms.iter().flat_map(|t| {
                            std::iter::once(t.anchor())
                                .chain(t.forms.iter().map(|f| crate::slug::slugify(f)))
                        })
                    })
                })
                .collect(),
            "unit kind" => crate::content::contacts::UnitKind::ALL
                .iter()
                .map(|k| k.key().to_string())
                .collect(),
            _ => return None,
        };
        let wanted = if what == "term" {
            crate::slug::slugify(id)
        } else {
            id.to_string()
        };
        if keys.contains(&wanted) {
            None
        } else {
            Some(keys)
        }
    }

    fn level_numbers<T>(&mut self, doc: &Doc<T>, levels: &[u8]) {
        for n in levels {
            if self.exists("level", &n.to_string()).is_some() {
                let ctx = self.context(doc);
                self.diags.push(
                    Diagnostic::error(
                        "missing-reference",
                        format!("`levels:` names level {n}, which does not exist{ctx}"),
                    )
                    .in_file(&doc.file)
                    .at_offset(doc.locate("levels").unwrap_or(doc.yaml_start), 6)
                    .with_help("list only level numbers that have a page in veileder/"),
                );
            }
        }
    }

    fn form_fields(&mut self, doc: &Arc<Doc<crate::content::forms::Form>>) {
        let mut ids = HashSet::new();
        for section in &doc.data.sections {
            for field in &section.fields {
                let label = field
                    .label
                    .as_deref()
                    .or(field.text.as_deref())
                    .unwrap_or("type");
                let offset = doc.locate(label.lines().next().unwrap_or(label));
                if let Some(problem) = field.problem() {
                    self.diags.push(
                        Diagnostic::error("invalid-field", problem)
                            .in_file(&doc.file)
                            .at_offset(offset.unwrap_or(0), label.len().min(40)),
                    );
                }
                if let Some(text) = &field.text {
                    self.markdown(doc, text, Place::Yaml);
                }
                if let Some(token) = &field.autocomplete {
                    if let Some(problem) =
                        crate::content::forms::autocomplete_problem(field.kind, token)
                    {
                        let offset = doc.locate(token);
                        self.diags.push(
                            Diagnostic::error("invalid-autocomplete", problem)
                                .in_file(&doc.file)
                                .at_offset(offset.unwrap_or(0), token.len())
                                .with_help("use a token from the HTML autofill list that fits the field (for example name, tel, email, address-line1, postal-code), or \"off\""),
                        );
                    }
                }
                let stem = field.stem();
                if !ids.insert(stem.clone()) {
                    self.diags.push(
                        Diagnostic::error(
                            "duplicate-id",
                            format!("two fields in this form have the id `{stem}`"),
                        )
                        .in_file(&doc.file)
                        .at_offset(offset.unwrap_or(0), label.len().min(40))
                        .with_help("give one of them its own `id:`"),
                    );
                }
            }
        }
    }

    fn markdown<T>(&mut self, doc: &Doc<T>, text: &str, place: Place) {
        for sc in scan(text) {
            let raw = &text[sc.span.clone()];
            let offset = match place {
                Place::Body(base) => Some(base + sc.span.start),
                Place::Yaml => doc.locate_anywhere(raw),
            };
            if let Some(problem) = form_problem(&sc) {
                self.diags.push(
                    Diagnostic::error("invalid-shortcode", problem)
                        .in_file(&doc.file)
                        .at_offset(offset.unwrap_or(0), raw.len())
                        .with_help("see the list of shortcodes in docs/content-format.md"),
                );
                continue;
            }
            let arg = sc.arg.clone().unwrap_or_default();
            let what = match sc.name.as_str() {
                "form" => "form",
                "level" => "level",
                "service" | "service_link" => "service",
                "arena" => "arena",
                "term" => "term",
                "contacts" => "unit kind",
                _ => continue,
            };
            if let Some(candidates) = self.exists(what, &arg) {
                let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
                self.missing(doc, what, &arg, &candidates, offset);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_that_cannot_be_parsed_is_not_also_missing() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("veiviser.yaml", "title: T\nbase_url: https://t.example/\n");
        write(
            "content/testvik/kommune.yaml",
            "name: Testvik kommune\nnumber: \"9911\"\naccessibility_statement: https://u.example/\n",
        );
        write(
            "content/testvik/index.md",
            "---\ntitle: Hei\n---\nFyll ut {{ form samtykke }} eller {{ form annet }}: [skjemaet](/skjema/samtykke/).\n",
        );
        // The form exists, with an error of its own.
        write(
            "content/testvik/skjema/samtykke.yaml",
            "title: [Samtykke]\n",
        );
        let project = crate::load::Project::load(dir.path()).unwrap();
        let (kommuner, diags) = crate::resolve::resolve(&project, None);
        assert!(diags.iter().any(|d| d.code == "wrong-type"), "{diags:?}");
        assert!(kommuner[0].broken.contains("skjema/samtykke.yaml"));
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let reported: Vec<String> = crate::check::check_kommune(&kommuner[0], today)
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| d.message)
            .collect();
        assert_eq!(reported, ["there is no form with the id `annet`"]);
    }
}
