//! References between content: forms, services, arenas and levels named by id, and
//! shortcodes in Markdown. Every reference must resolve in the kommune being built.

use std::collections::HashSet;
use std::sync::Arc;

use crate::content::Doc;
use crate::diagnostics::{suggest, Diagnostic};
use crate::msg;
use crate::registry::{DocView, Reference};
use crate::shortcodes::{form_problem, scan};
use crate::site::Kommune;
use crate::source::SourceFile;

/// Where a Markdown text sits: the body (exact offsets) or a YAML value (located by text).
enum Place {
    Body(usize),
    Yaml,
}

/// A document whose file and YAML a message can point into, typed or not.
trait Located {
    fn file(&self) -> &Arc<SourceFile>;
    fn yaml_start(&self) -> usize;
    fn locate(&self, needle: &str) -> Option<usize>;
}

impl<T> Located for Doc<T> {
    fn file(&self) -> &Arc<SourceFile> {
        &self.file
    }
    fn yaml_start(&self) -> usize {
        self.yaml_start
    }
    fn locate(&self, needle: &str) -> Option<usize> {
        Doc::locate(self, needle)
    }
}

impl Located for DocView<'_> {
    fn file(&self) -> &Arc<SourceFile> {
        self.file
    }
    fn yaml_start(&self) -> usize {
        self.yaml.start
    }
    fn locate(&self, needle: &str) -> Option<usize> {
        DocView::locate(self, needle)
    }
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
        // What every kind declares in the registry: Markdown texts and references.
        for item in crate::registry::items(k) {
            for d in &item.docs {
                if let Some((body, offset)) = d.body {
                    self.markdown(d, body, Place::Body(offset));
                }
                for field in &d.fields {
                    self.markdown(d, field.text, Place::Yaml);
                }
                for reference in &d.references {
                    match *reference {
                        Reference::Form(id) => self.reference(d, "form", id),
                        Reference::Service(id) => self.reference(d, "service", id),
                        Reference::Arena(id) => self.reference(d, "arena", id),
                        Reference::Level(n) => self.level_number(d, n),
                        Reference::Module(id) => {
                            if !k.modules.contains_key(id) {
                                let candidates: Vec<&str> =
                                    k.modules.keys().map(String::as_str).collect();
                                self.missing(d, "training module", id, &candidates, d.locate(id));
                            }
                        }
                    }
                }
            }
        }
        // Rules of single kinds.
        for v in &k.levels {
            for d in &v.docs {
                self.steps(d);
            }
        }
        for v in k.forms.values() {
            for d in &v.docs {
                self.form_fields(d);
            }
        }
        for v in k.services.values() {
            for d in &v.docs {
                if let Some(problem) = d.data.ages.problem() {
                    self.diags.push(
                        Diagnostic::error(
                            "invalid-value",
                            msg!("ref-invalid-ages", problem = problem),
                        )
                        .in_file(&d.file)
                        .at_offset(d.locate("ages").unwrap_or(0), 4),
                    );
                }
            }
        }
        for v in k.events.iter() {
            for d in &v.docs {
                for e in &d.data.events {
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
                                .with_help(msg!("ref-invalid-time-help")),
                        );
                    }
                }
            }
        }
    }

    /// A level needs steps, and their anchors must be its own.
    fn steps(&mut self, d: &Doc<crate::content::guide::Level>) {
        let l = &d.data;
        if l.steps.is_empty() {
            self.diags.push(
                Diagnostic::error("missing-steps", msg!("ref-missing-steps"))
                    .in_file(&d.file)
                    .at_offset(d.locate("steps").unwrap_or(d.yaml_start), 5)
                    .with_help(msg!("ref-missing-steps-help")),
            );
        }
        let mut anchors = HashSet::new();
        for s in &l.steps {
            let anchor = s.anchor();
            if RESERVED_ANCHORS.contains(&anchor.as_str()) {
                self.diags.push(
                    Diagnostic::error(
                        "duplicate-id",
                        msg!("ref-step-anchor-reserved", anchor = &anchor),
                    )
                    .in_file(&d.file)
                    .at_offset(d.locate(&anchor).unwrap_or(d.yaml_start), anchor.len())
                    .with_help(msg!("ref-step-anchor-reserved-help", anchor = &anchor)),
                );
            }
            if !anchors.insert(anchor.clone()) {
                self.diags.push(
                    Diagnostic::error(
                        "duplicate-id",
                        msg!("ref-duplicate-step-anchor", anchor = &anchor),
                    )
                    .in_file(&d.file)
                    .at_offset(d.locate(&s.title).unwrap_or(d.yaml_start), s.title.len())
                    .with_help(msg!("ref-duplicate-step-anchor-help")),
                );
            }
        }
    }

    fn context(&self, doc: &dyn Located) -> String {
        super::inherited_context(self.kommune, doc.file())
    }

    fn missing(
        &mut self,
        doc: &dyn Located,
        what: &str,
        id: &str,
        candidates: &[&str],
        offset: Option<usize>,
    ) {
        let help = match suggest(id, candidates.iter().copied()) {
            Some(near) => msg!("check-did-you-mean", near = near),
            None if candidates.is_empty() => msg!("ref-none-yet", what = what.replace(' ', "-")),
            None => msg!("ref-existing-ids", ids = candidates.join(", ")),
        };
        let ctx = self.context(doc);
        self.diags.push(
            Diagnostic::error(
                "missing-reference",
                msg!(
                    "ref-missing",
                    what = what.replace(' ', "-"),
                    id = id,
                    ctx = ctx
                ),
            )
            .in_file(doc.file())
            .at_offset(offset.unwrap_or(doc.yaml_start()), id.len())
            .with_help(help),
        );
    }

    /// A reference to a term that a glossary drops with `exclude:`: says so, at the
    /// reference. False when no glossary drops it.
    fn excluded_term(&mut self, doc: &dyn Located, id: &str, offset: Option<usize>) -> bool {
        let k = self.kommune;
        let wanted = crate::slug::slugify(id);
        let Some(by) =
            crate::content::glossary::excluded_by(&k.glossary_layers, &wanted, k.default_lang())
        else {
            return false;
        };
        let ctx = self.context(doc);
        self.diags.push(
            Diagnostic::error(
                "missing-reference",
                crate::msg!(
                    "glossary-term-excluded",
                    id = id,
                    file = by.display.as_str(),
                    context = ctx
                ),
            )
            .in_file(doc.file())
            .at_offset(offset.unwrap_or(doc.yaml_start()), id.len())
            .with_help(crate::msg!("glossary-term-excluded-help", id = id)),
        );
        true
    }

    fn reference(&mut self, doc: &dyn Located, what: &str, id: &str) {
        if let Some(candidates) = self.exists(what, id) {
            let offset = doc.locate(id);
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            self.missing(doc, what, id, &candidates, offset);
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

    fn level_number(&mut self, doc: &dyn Located, n: u8) {
        if self.exists("level", &n.to_string()).is_some() {
            let ctx = self.context(doc);
            self.diags.push(
                Diagnostic::error(
                    "missing-reference",
                    msg!("ref-missing-level", level = n, ctx = ctx),
                )
                .in_file(doc.file())
                .at_offset(doc.locate("levels").unwrap_or(doc.yaml_start()), 6)
                .with_help(msg!("ref-missing-level-help")),
            );
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
                // Located only for a diagnostic: a search of the form's YAML.
                let at_label = || {
                    doc.locate(label.lines().next().unwrap_or(label))
                        .unwrap_or(0)
                };
                if let Some(problem) = field.problem() {
                    self.diags.push(
                        Diagnostic::error("invalid-field", problem)
                            .in_file(&doc.file)
                            .at_offset(at_label(), label.len().min(40)),
                    );
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
                                .with_help(msg!("ref-invalid-autocomplete-help")),
                        );
                    }
                }
                let stem = field.stem();
                if !ids.insert(stem.clone()) {
                    self.diags.push(
                        Diagnostic::error("duplicate-id", msg!("ref-duplicate-field", id = &stem))
                            .in_file(&doc.file)
                            .at_offset(at_label(), label.len().min(40))
                            .with_help(msg!("ref-duplicate-field-help")),
                    );
                }
            }
        }
    }

    fn markdown(&mut self, doc: &dyn Located, text: &str, place: Place) {
        for sc in scan(text) {
            let raw = &text[sc.span.clone()];
            let offset = match place {
                Place::Body(base) => Some(base + sc.span.start),
                Place::Yaml => doc.file().text.find(raw),
            };
            if let Some(problem) = form_problem(&sc) {
                self.diags.push(
                    Diagnostic::error("invalid-shortcode", problem)
                        .in_file(doc.file())
                        .at_offset(offset.unwrap_or(0), raw.len())
                        .with_help(msg!("ref-invalid-shortcode-help")),
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
                if what == "term" && self.excluded_term(doc, &arg, offset) {
                    continue;
                }
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
