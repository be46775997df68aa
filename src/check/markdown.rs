//! Checks inside Markdown, without rendering it: links and anchors inside the site, images
//! (the file exists, it has alt text, it is not fetched from elsewhere), empty link text,
//! heading levels and duplicate ids.
//!
//! Every Markdown text is walked as pulldown-cmark events with byte offsets, so a problem in
//! a body is reported at its exact line and column. Markdown inside a YAML value (a step's
//! `how:`, a form's `description:` …) is located by searching the file for the snippet.
//!
//! A link is checked in every language the text is shown in: a page without a translation
//! is shown in the default language on the other languages' pages too, and its `/…` links
//! then lead to those languages' pages (whose headings, and so anchors, may differ).

use crate::sanitize::{RawHtml, RawHtmlMode};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::texts::{Step, TextReads, Texts, MAX_NESTING};
use crate::diagnostics::{suggest, Diagnostic};
use crate::msg;
use crate::registry::ContentKind;
use crate::render::KommuneRenderer;
use crate::route::Route;
use crate::site::Kommune;
use crate::source::SourceFile;

/// Where a Markdown text sits in its file.
#[derive(Clone, Copy)]
enum Place {
    /// The body of a `.md` file, starting at this byte offset: offsets are exact.
    Body(usize),
    /// A YAML value: located by searching the file for the offending snippet.
    Yaml,
}

/// One language variant of an item, with the Markdown texts shown on its page.
struct Entry<'a> {
    file: &'a Arc<SourceFile>,
    lang: &'a str,
    yaml: Range<usize>,
    texts: Vec<(&'a str, Place)>,
    /// Step anchors and titles (level pages).
    steps: Vec<(String, &'a str)>,
    /// Other ids the page has (glossary terms, contact unit kinds).
    ids: Vec<String>,
}

/// One item of the kommune (a page, or a file shown on another page).
struct Item<'a> {
    /// Page path relative to the language root (`veileder/niva-1/`), for relative links.
    path: String,
    /// Whether the item is the page at `path` (its anchors are the page's anchors).
    is_page: bool,
    /// Anchors this page has that the check does not model (generated ids): any is fine.
    any_anchor: bool,
    /// Anchor prefixes that are always fine (`bokstav-` on the glossary).
    prefixes: &'static [&'static str],
    entries: Vec<Entry<'a>>,
}

impl Item<'_> {
    /// Index of the entry shown in `lang` (the same choice as [`Variants::pick`]).
    fn pick(&self, lang: &str, default_lang: &str) -> usize {
        self.entries
            .iter()
            .position(|e| e.lang == lang)
            .or_else(|| self.entries.iter().position(|e| e.lang == default_lang))
            .or_else(|| {
                self.entries.iter().position(|e| {
                    crate::parse::FileName::parse(&e.file.display)
                        .lang
                        .is_none()
                })
            })
            .unwrap_or(0)
    }
}

/// The anchors a page has.
#[derive(Default)]
struct Anchors {
    any: bool,
    ids: HashSet<String>,
    prefixes: &'static [&'static str],
}

impl Anchors {
    fn any() -> Anchors {
        Anchors {
            any: true,
            ..Anchors::default()
        }
    }

    fn has(&self, id: &str) -> bool {
        self.any
            || self.ids.contains(id)
            || crate::markdown::THEME_IDS.contains(&id)
            || self.prefixes.iter().any(|p| id.starts_with(p))
    }
}

/// Every page of one language: path relative to the language root → its anchors.
type Pages = BTreeMap<String, Anchors>;

pub fn check(
    kommune: &Kommune,
    raw_html: &RawHtml,
    film_max_mb: u64,
    reads: &TextReads,
    diags: &mut Vec<Diagnostic>,
) {
    let items = items(kommune);
    let default = kommune.default_lang();
    let memo = Texts::new(reads);
    let mut pages: HashMap<&str, Pages> = kommune
        .languages
        .iter()
        .map(|lang| (lang.as_str(), site_pages(kommune, &items, lang, &memo)))
        .collect();
    // On the default language's pages, `/en/x/` leads to the English page.
    let translated: Vec<(String, Anchors)> = kommune
        .languages
        .iter()
        .skip(1)
        .flat_map(|lang| {
            site_pages(kommune, &items, lang, &memo)
                .into_iter()
                .map(move |(path, anchors)| (format!("{lang}/{path}"), anchors))
        })
        .collect();
    if let Some(default_pages) = pages.get_mut(default) {
        default_pages.extend(translated);
    }

    let mut checker = Checker {
        kommune,
        pages: &pages,
        raw_html,
        film_max_mb,
        diags,
        followed: HashMap::new(),
        texts: &memo,
    };
    for item in &items {
        for (index, entry) in item.entries.iter().enumerate() {
            let mut shown: Vec<&str> = kommune
                .languages
                .iter()
                .map(String::as_str)
                .filter(|lang| item.pick(lang, default) == index)
                .collect();
            if shown.is_empty() {
                // Not published in any language of this kommune: check it as the default.
                shown.push(default);
            }
            checker.entry(item, entry, &shown);
        }
    }
}

struct Checker<'a, 'd> {
    kommune: &'a Kommune,
    pages: &'a HashMap<&'a str, Pages>,
    raw_html: &'a RawHtml,
    /// `film_max_mb:` in veiviser.yaml.
    film_max_mb: u64,
    diags: &'d mut Vec<Diagnostic>,
    /// What [`Checker::follow`] found, by link, page, language and context: a document
    /// converted from elsewhere can hold the same (broken) link thousands of times, and
    /// finding the nearest page for each is the slow part of the check.
    followed: HashMap<(String, String, String, String), Option<Diagnostic>>,
    texts: &'a Texts<'a>,
}

/// `text` with its shortcodes replaced by the words they show in `lang` (a form's title,
/// the kommune's name …), so heading ids come out as the renderer makes them.
fn expand_labels<'t>(text: &'t str, kommune: &Kommune, lang: &str) -> Cow<'t, str> {
    let shortcodes = crate::shortcodes::scan(text);
    if shortcodes.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for sc in shortcodes {
        out.push_str(&text[last..sc.span.start]);
        let label = crate::shortcodes::label(kommune, lang, &sc);
        out.push_str(&crate::shortcodes::escape_link_text(&label));
        last = sc.span.end;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// Every item of the kommune with its Markdown texts, as the registry describes them.
fn items<'a>(k: &'a Kommune) -> Vec<Item<'a>> {
    crate::registry::items(k)
        .into_iter()
        .map(|item| {
            let route = item.kind.route(item.id);
            let entries = item
                .docs
                .into_iter()
                .map(|d| {
                    let mut texts: Vec<(&str, Place)> =
                        d.fields.iter().map(|f| (f.text, Place::Yaml)).collect();
                    if let Some((body, offset)) = d.body {
                        let at = if d.body_last { texts.len() } else { 0 };
                        texts.insert(at, (body, Place::Body(offset)));
                    }
                    Entry {
                        file: d.file,
                        lang: d.lang,
                        yaml: d.yaml.clone(),
                        texts,
                        steps: d
                            .page_ids
                            .iter()
                            .filter(|_| item.kind == ContentKind::Level)
                            .map(|p| (p.id.clone(), p.label))
                            .collect(),
                        ids: d.page_ids.iter().map(|p| p.id.clone()).collect(),
                    }
                })
                .collect();
            // Pages the check does not model in full: a form's fields make ids of their
            // own; the glossary's letter bar adds `bokstav-…`.
            let (any_anchor, prefixes): (bool, &'static [&'static str]) = match item.kind {
                ContentKind::Form => (true, &[]),
                ContentKind::Glossary => (false, &["bokstav-"]),
                ContentKind::Front
                | ContentKind::GuideIntro
                | ContentKind::Level
                | ContentKind::Service
                | ContentKind::Module
                | ContentKind::Events
                | ContentKind::Page
                | ContentKind::Arena
                | ContentKind::Contacts
                | ContentKind::Print => (false, &[]),
            };
            Item {
                // An item without a page of its own has its links read from the page that
                // shows it (the training overview), or from the front page (print).
                path: item
                    .kind
                    .shown_on(item.id)
                    .map(|r| r.path())
                    .unwrap_or_default(),
                is_page: route.is_some(),
                any_anchor,
                prefixes,
                entries,
            }
        })
        .collect()
}

/// Every page of the kommune in `lang`, with its anchors: the renderer's routes, with the
/// anchors of the pages made from content.
fn site_pages(k: &Kommune, items: &[Item], lang: &str, texts: &Texts<'_>) -> Pages {
    let default = k.default_lang();
    let mut pages = Pages::new();
    for (route, _) in KommuneRenderer::routes_of(k)
        .into_iter()
        .filter(|(_, l)| l == lang)
    {
        pages.insert(route.path(), Anchors::any());
    }
    if k.events.is_some() && lang == default {
        // The training calendar (see render/calendar.rs), in the default language only.
        pages.insert(Route::Calendar.path(), Anchors::any());
    }
    // Pages whose file could not be parsed: their error is reported already, so links to
    // them are not called broken as well.
    for rel in &k.broken {
        let name = crate::parse::FileName::parse(rel);
        if let Some(route) = ContentKind::of_file(&name).and_then(|kind| kind.route(&name.id)) {
            pages.insert(route.path(), Anchors::any());
        }
    }
    for item in items.iter().filter(|i| i.is_page) {
        let path = &item.path;
        if item.any_anchor {
            pages.insert(path.clone(), Anchors::any());
            continue;
        }
        let entry = &item.entries[item.pick(lang, default)];
        let mut ids: HashSet<String> = entry.ids.iter().cloned().collect();
        ids.extend(entry.steps.iter().map(|(a, _)| a.clone()));
        for (text, _) in &entry.texts {
            let text = expand_labels(text, k, lang);
            ids.extend(texts.of(&text).headings.iter().map(|h| h.id.clone()));
        }
        pages.insert(
            path.clone(),
            Anchors {
                any: false,
                ids,
                prefixes: item.prefixes,
            },
        );
    }
    // The glossary page shows the merged terms, not one layer's file.
    if let Some(glossary) = &k.glossary {
        let doc = &glossary.pick(lang, default).0;
        let ids = doc.data.terms.iter().map(|t| t.anchor()).collect();
        pages.insert(
            Route::Glossary.path(),
            Anchors {
                any: false,
                ids,
                prefixes: &["bokstav-"],
            },
        );
    }
    pages
}

/// What a link leads to, once resolved against the page it is on.
enum Target {
    /// Outside the site, or not something the check can follow.
    Skip,
    /// A page path relative to the language root, and an optional anchor.
    Page(String, Option<String>),
    /// A file of the kommune (`bilder/x.png`, `filer/x.pdf`).
    Asset(String),
    /// A relative path that climbs above the kommune's front page (`../../etc/passwd`).
    Outside,
}

/// Resolve a link as the renderer and browser will.
fn resolve(dest: &str, page: &str) -> Target {
    let dest = dest.trim();
    if dest.is_empty() {
        return Target::Page("\u{0}".into(), None);
    }
    let scheme = dest
        .find(':')
        .is_some_and(|i| dest.find('/').is_none_or(|s| i < s));
    if scheme || dest.starts_with("//") {
        return Target::Skip;
    }
    let (rest, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    let rest = rest.split('?').next().unwrap_or("");
    let rest = percent_encoding::percent_decode_str(rest)
        .decode_utf8_lossy()
        .into_owned();
    let joined = if let Some(abs) = rest.strip_prefix('/') {
        abs.to_string()
    } else if rest.starts_with("bilder/") || rest.starts_with("filer/") {
        // The renderer makes these site-relative.
        rest
    } else {
        if rest.is_empty() {
            page.to_string()
        } else {
            format!("{page}{rest}")
        }
    };
    // Normalise `.` and `..`; a path above the kommune's root leaves the site.
    let mut parts: Vec<&str> = Vec::new();
    let trailing = joined.is_empty() || joined.ends_with('/');
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::Outside;
                }
            }
            p => parts.push(p),
        }
    }
    if parts.last() == Some(&"index.html") {
        parts.pop();
    }
    let mut path = parts.join("/");
    if matches!(parts.first(), Some(&"bilder") | Some(&"filer")) {
        return Target::Asset(path);
    }
    let is_file = parts.last().is_some_and(|p| p.contains('.'));
    if !path.is_empty() && (trailing || !is_file) {
        path.push('/');
    }
    Target::Page(path, anchor.filter(|a| !a.is_empty()))
}

impl Checker<'_, '_> {
    fn context(&self, file: &SourceFile) -> String {
        super::inherited_context(self.kommune, file)
    }

    fn entry(&mut self, item: &Item, entry: &Entry, shown: &[&str]) {
        let page = item.path.as_str();
        let step_ids: HashMap<&str, &str> =
            entry.steps.iter().map(|(a, t)| (a.as_str(), *t)).collect();
        let mut seen_ids: HashMap<String, usize> = HashMap::new();
        for (index, (text, place)) in entry.texts.iter().enumerate() {
            let locate = |range: &Range<usize>, fallback: &str| -> usize {
                match place {
                    Place::Body(base) => base + range.start,
                    Place::Yaml => {
                        let hay = &entry.file.text[entry.yaml.clone()];
                        let snippet = text[range.clone()].trim_end();
                        hay.find(snippet)
                            .or_else(|| {
                                (!fallback.is_empty()).then(|| hay.find(fallback)).flatten()
                            })
                            .map_or(entry.yaml.start, |i| i + entry.yaml.start)
                    }
                }
            };
            // Headings: levels and ids.
            let mut previous: Option<u8> = match place {
                Place::Body(_) => Some(1),
                Place::Yaml => None,
            };
            let read = self.texts.of(text);
            for h in &read.headings {
                let offset = locate(&h.range, "");
                let length = text[h.range.clone()].lines().next().unwrap_or("").len();
                let hashes = |n: u8| "#".repeat(n as usize);
                if h.level == 1 {
                    self.diags.push(
                        Diagnostic::error("h1-in-body", msg!("md-h1-in-body"))
                            .in_file(entry.file)
                            .at_offset(offset, length)
                            .with_help(msg!("md-h1-in-body-help")),
                    );
                } else if let Some(prev) = previous.filter(|p| h.level > p + 1) {
                    let message = if prev == 1 {
                        msg!(
                            "md-skipped-heading-after-title",
                            hashes = hashes(h.level),
                            level = h.level,
                            skipped = prev + 1
                        )
                    } else {
                        msg!(
                            "md-skipped-heading",
                            hashes = hashes(h.level),
                            level = h.level,
                            previous = hashes(prev),
                            skipped = prev + 1
                        )
                    };
                    self.diags.push(
                        Diagnostic::error("skipped-heading", message)
                            .in_file(entry.file)
                            .at_offset(offset, length)
                            .with_help(msg!("md-skipped-heading-help", wanted = hashes(prev + 1))),
                    );
                }
                previous = Some(h.level.max(2));
                if h.explicit && h.id != h.wanted {
                    self.diags.push(
                        Diagnostic::error(
                            "duplicate-id",
                            msg!("md-duplicate-heading-id", id = &h.wanted),
                        )
                        .in_file(entry.file)
                        .at_offset(offset, length)
                        .with_help(msg!("md-duplicate-heading-id-help")),
                    );
                } else if let Some(step) = step_ids.get(h.id.as_str()) {
                    self.diags.push(
                        Diagnostic::error(
                            "duplicate-id",
                            msg!("md-heading-is-step", id = &h.id, step = *step),
                        )
                        .in_file(entry.file)
                        .at_offset(offset, length)
                        .with_help(msg!(
                            "md-heading-is-step-help",
                            hashes = hashes(h.level),
                            title = heading_title(&text[h.range.clone()]),
                            id = &h.id
                        )),
                    );
                } else if entry.ids.contains(&h.id)
                    || item.prefixes.iter().any(|p| h.id.starts_with(p))
                {
                    // The glossary's terms (and letters), the contact page's sections.
                    self.diags.push(
                        Diagnostic::error("duplicate-id", msg!("md-heading-is-term", id = &h.id))
                            .in_file(entry.file)
                            .at_offset(offset, length)
                            .with_help(msg!(
                                "md-heading-is-term-help",
                                hashes = hashes(h.level),
                                title = heading_title(&text[h.range.clone()]),
                                id = &h.id
                            )),
                    );
                } else if seen_ids.get(&h.id).is_some_and(|&other| other != index) {
                    self.diags.push(
                        Diagnostic::error("duplicate-id", msg!("md-heading-elsewhere", id = &h.id))
                            .in_file(entry.file)
                            .at_offset(offset, length)
                            .with_help(msg!("md-heading-elsewhere-help")),
                    );
                }
                seen_ids.entry(h.id.clone()).or_insert(index);
            }
            self.links(entry, text, &read.steps, page, shown, &locate);
        }
    }

    /// Tags in raw HTML that the page will not show (see [`crate::sanitize`]).
    fn raw_html(&mut self, entry: &Entry, fragment: &str, offset: usize) {
        if self.raw_html.mode == RawHtmlMode::Escape {
            return;
        }
        let allowed = |tag: &str| {
            crate::sanitize::ALLOWED_TAGS.contains(&tag)
                || (self.raw_html.extra_tags.iter().any(|t| t == tag)
                    && !crate::sanitize::FORBIDDEN_TAGS.contains(&tag))
        };
        let mut reported = HashSet::new();
        for tag in crate::sanitize::tag_names(fragment) {
            if allowed(&tag) || !reported.insert(tag.clone()) {
                continue;
            }
            let help = match tag.as_str() {
                "img" => msg!("md-html-img-help"),
                "video" | "audio" | "source" | "track" => msg!("md-html-media-help"),
                "h1" | "h2" => msg!("md-html-heading-help"),
                "iframe" => msg!("md-html-iframe-help"),
                "script" | "style" | "object" | "embed" | "form" | "input" | "button" => {
                    msg!("md-html-code-help")
                }
                _ => msg!(
                    "md-html-other-help",
                    tags = crate::sanitize::ALLOWED_TAGS.join(", ")
                ),
            };
            let (tag_start, len) = fragment
                .to_ascii_lowercase()
                .find(&format!("<{tag}"))
                .map(|i| (i, tag.len() + 1))
                .unwrap_or((0, fragment.len().min(1)));
            self.diags.push(
                Diagnostic::warning("raw-html-removed", msg!("md-raw-html-removed", tag = &tag))
                    .in_file(entry.file)
                    .at_offset(offset + tag_start, len)
                    .with_help(help),
            );
        }
    }

    /// Links and images of one text, from its `steps` (see [`Texts`]).
    fn links(
        &mut self,
        entry: &Entry,
        text: &str,
        steps: &[Step],
        page: &str,
        shown: &[&str],
        locate: &dyn Fn(&Range<usize>, &str) -> usize,
    ) {
        struct Open<'s> {
            image: bool,
            email: bool,
            dest: &'s str,
            range: &'s Range<usize>,
            text: String,
        }
        let mut stack: Vec<Open> = Vec::new();
        for step in steps {
            match step {
                Step::TooDeep(range) => {
                    self.diags.push(
                        Diagnostic::error(
                            "nested-too-deep",
                            msg!("md-nested-too-deep", max = MAX_NESTING),
                        )
                        .in_file(entry.file)
                        .at_offset(locate(range, ""), 1)
                        .with_help(msg!("md-nested-too-deep-help")),
                    );
                }
                Step::Open {
                    image,
                    email,
                    dest,
                    range,
                } => stack.push(Open {
                    image: *image,
                    email: *email,
                    dest,
                    range,
                    text: String::new(),
                }),
                Step::Raw { html, range } => {
                    self.raw_html(entry, html, locate(range, html));
                    if let Some(open) = stack.last_mut() {
                        open.text.push_str(html);
                    }
                }
                Step::Text(t) => {
                    if let Some(open) = stack.last_mut() {
                        open.text.push_str(t);
                    }
                }
                Step::Close => {
                    let Some(open) = stack.pop() else { continue };
                    // An image's alt text is the text of a link around it.
                    if let Some(parent) = stack.last_mut() {
                        parent.text.push_str(&open.text);
                    }
                    let offset = locate(open.range, open.dest);
                    let length = text[open.range.clone()].lines().next().unwrap_or("").len();
                    if open.image && crate::film::is_film(open.dest) {
                        let r = open.range;
                        let start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
                        let end = text[r.end..].find('\n').map_or(text.len(), |i| r.end + i);
                        let placed = super::film::Placed {
                            dest: open.dest,
                            title: open.text.trim(),
                            lang: entry.lang,
                            alone: text[start..end].trim() == text[r.clone()].trim(),
                            context: &self.context(entry.file),
                        };
                        let at = |d: Diagnostic| d.in_file(entry.file).at_offset(offset, length);
                        super::film::check(
                            self.kommune,
                            &placed,
                            self.film_max_mb,
                            &at,
                            self.diags,
                        );
                        continue;
                    }
                    let dest = if open.email { "mailto:" } else { open.dest };
                    self.link(
                        entry,
                        dest,
                        open.image,
                        open.text.trim(),
                        page,
                        shown,
                        offset,
                        length,
                    );
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn link(
        &mut self,
        entry: &Entry,
        dest: &str,
        image: bool,
        label: &str,
        page: &str,
        shown: &[&str],
        offset: usize,
        length: usize,
    ) {
        let at = |d: Diagnostic| d.in_file(entry.file).at_offset(offset, length);
        if image && label.is_empty() {
            self.diags
                .push(at(Diagnostic::error("missing-alt", msg!("md-missing-alt"))
                    .with_help(msg!("md-missing-alt-help"))));
        }
        if !image && label.is_empty() {
            self.diags.push(at(Diagnostic::error(
                "empty-link-text",
                msg!("md-empty-link-text"),
            )
            .with_help(msg!("md-empty-link-text-help"))));
        }
        let ctx = self.context(entry.file);
        if image {
            if dest.starts_with("data:") {
                return;
            }
            match resolve(dest, page) {
                Target::Skip => {
                    let external = dest.contains("://") || dest.starts_with("//");
                    if let Some(scheme) = crate::sanitize::unsafe_scheme(dest) {
                        self.diags.push(at(Diagnostic::error(
                            "unsafe-link",
                            msg!(
                                "md-unsafe-image",
                                dest = dest.chars().take(60).collect::<String>(),
                                scheme = scheme
                            ),
                        )
                        .with_help(msg!("md-unsafe-image-help"))));
                    } else if external {
                        self.diags.push(at(Diagnostic::error(
                            "external-image",
                            msg!("md-external-image", dest = dest),
                        )
                        .with_help(msg!("md-external-image-help"))));
                    }
                }
                Target::Outside => {
                    self.diags.push(at(Diagnostic::error(
                        "outside-site",
                        msg!("md-image-outside", dest = dest),
                    )
                    .with_help(msg!("md-image-outside-help"))));
                }
                Target::Asset(path) | Target::Page(path, _) => {
                    let path = path.trim_end_matches('/');
                    if !self.kommune.assets.contains_key(path) {
                        let help =
                            match suggest(path, self.kommune.assets.keys().map(String::as_str)) {
                                Some(near) => msg!("check-did-you-mean", near = near),
                                None => msg!("md-missing-image-help"),
                            };
                        self.diags.push(at(Diagnostic::error(
                            "missing-image",
                            msg!("md-missing-image", dest = dest, ctx = &ctx),
                        )
                        .with_help(help)));
                    }
                }
            }
            return;
        }
        // Links: check in every language the text is shown in.
        let mut broken: Vec<(&str, Diagnostic)> = Vec::new();
        for &lang in shown {
            let all_pages = self.pages;
            let Some(pages) = all_pages.get(lang) else {
                continue;
            };
            let key = (
                dest.to_string(),
                page.to_string(),
                lang.to_string(),
                ctx.clone(),
            );
            let found = match self.followed.get(&key) {
                Some(found) => found.clone(),
                None => {
                    let found = self.follow(dest, page, pages, &ctx);
                    self.followed.insert(key, found.clone());
                    found
                }
            };
            if let Some(d) = found {
                broken.push((lang, d));
            }
        }
        let all = broken.len() == shown.len();
        let langs: Vec<&str> = broken.iter().map(|(l, _)| *l).collect();
        if let Some((_, mut d)) = broken.into_iter().next() {
            if !all {
                d.message = msg!(
                    "md-link-untranslated",
                    message = &d.message,
                    langs = langs.join(", ")
                );
            }
            self.diags.push(at(d));
        }
    }

    /// Follow a link in one language: None when it leads somewhere, else the problem.
    fn follow(&self, dest: &str, page: &str, pages: &Pages, ctx: &str) -> Option<Diagnostic> {
        match resolve(dest, page) {
            Target::Skip => crate::sanitize::unsafe_scheme(dest).map(|scheme| {
                Diagnostic::error(
                    "unsafe-link",
                    msg!("md-unsafe-link", dest = dest, scheme = scheme),
                )
                .with_help(msg!("md-unsafe-link-help"))
            }),
            Target::Outside => Some(
                Diagnostic::error("outside-site", msg!("md-link-outside", dest = dest))
                    .with_help(msg!("md-link-outside-help")),
            ),
            Target::Asset(path) => {
                if self.kommune.assets.contains_key(&path) {
                    return None;
                }
                let help = match suggest(&path, self.kommune.assets.keys().map(String::as_str)) {
                    Some(near) => msg!("check-did-you-mean", near = near),
                    None => msg!("md-missing-file-help"),
                };
                Some(
                    Diagnostic::error(
                        "broken-link",
                        msg!("md-missing-file", dest = dest, ctx = ctx),
                    )
                    .with_help(help),
                )
            }
            Target::Page(path, anchor) => {
                if path == "\u{0}" {
                    return Some(
                        Diagnostic::error("broken-link", msg!("md-empty-link"))
                            .with_help(msg!("md-empty-link-help")),
                    );
                }
                let Some(anchors) = pages.get(&path) else {
                    let help = match suggest(&path, pages.keys().map(String::as_str)) {
                        Some(near) => msg!("check-did-you-mean", near = format!("/{near}")),
                        None => msg!("md-missing-page-help"),
                    };
                    return Some(
                        Diagnostic::error(
                            "broken-link",
                            msg!("md-missing-page", dest = dest, ctx = ctx),
                        )
                        .with_help(help),
                    );
                };
                let anchor = anchor?;
                if anchors.has(&anchor) {
                    return None;
                }
                let shown = if path.is_empty() {
                    "/".to_string()
                } else {
                    format!("/{path}")
                };
                let help = match suggest(&anchor, anchors.ids.iter().map(String::as_str)) {
                    Some(near) => msg!("check-did-you-mean", near = format!("#{near}")),
                    None if anchors.ids.is_empty() => {
                        msg!("md-no-anchors", page = &shown, anchor = &anchor)
                    }
                    None => {
                        let mut ids: Vec<&str> = anchors.ids.iter().map(String::as_str).collect();
                        ids.sort_unstable();
                        msg!("md-anchors-on", page = &shown, ids = ids.join(", "))
                    }
                };
                Some(
                    Diagnostic::error(
                        "broken-anchor",
                        msg!(
                            "md-broken-anchor",
                            page = &shown,
                            anchor = &anchor,
                            ctx = ctx
                        ),
                    )
                    .with_help(msg!("md-broken-anchor-help", help = help)),
                )
            }
        }
    }
}

/// The text of a heading line without its `#`s and `{#id}`.
fn heading_title(line: &str) -> &str {
    line.trim_start_matches('#')
        .split('{')
        .next()
        .unwrap_or("")
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_match_the_renderer() {
        let text = "## Hvem gjør hva?\n\n### Hvem gjør hva?\n\n## Hovedinnhold\n\n## Eget {#mitt}\n\n## `kode` og *tekst*\n";
        let expand =
            |_: &crate::shortcodes::Shortcode| crate::markdown::Expansion::Inline(String::new());
        let rendered = crate::markdown::render(
            text,
            &crate::markdown::MarkdownContext {
                root: "/",
                home: "/",
                heading_shift: 0,
                expand: &expand,
                glossary: None,
                raw_html: &crate::sanitize::SANITIZE,
                film: None,
            },
        );
        let ours: Vec<String> = crate::markdown::headings(text)
            .into_iter()
            .map(|h| h.id)
            .collect();
        let theirs: Vec<String> = rendered.headings.into_iter().map(|h| h.id).collect();
        assert_eq!(ours, theirs);
    }

    fn page(t: Target) -> (String, Option<String>) {
        match t {
            Target::Page(p, a) => (p, a),
            Target::Asset(p) => (format!("asset:{p}"), None),
            Target::Skip => ("skip".into(), None),
            Target::Outside => ("outside".into(), None),
        }
    }

    #[test]
    fn resolves_links_like_the_browser() {
        let at = "veileder/niva-1/";
        assert_eq!(
            page(resolve("/skjema/samtykke/", at)),
            ("skjema/samtykke/".into(), None)
        );
        assert_eq!(
            page(resolve("/skjema/samtykke", at)),
            ("skjema/samtykke/".into(), None)
        );
        assert_eq!(
            page(resolve("../niva-2/#steg", at)),
            ("veileder/niva-2/".into(), Some("steg".into()))
        );
        assert_eq!(
            page(resolve("#steg", at)),
            ("veileder/niva-1/".into(), Some("steg".into()))
        );
        assert_eq!(page(resolve("/", at)), ("".into(), None));
        assert_eq!(page(resolve("https://x.example/", at)).0, "skip");
        assert_eq!(page(resolve("mailto:a@b.example", at)).0, "skip");
        assert_eq!(page(resolve("bilder/a.png", at)).0, "asset:bilder/a.png");
        assert_eq!(
            page(resolve("/filer/a%20b.pdf", at)).0,
            "asset:filer/a b.pdf"
        );
        assert_eq!(page(resolve("../../../x/", at)).0, "outside");
        assert_eq!(page(resolve("../../etc/passwd", "om/")).0, "outside");
        assert_eq!(
            page(resolve("../../etc/passwd", at)),
            ("etc/passwd/".into(), None),
            "inside the site: an ordinary broken link"
        );
    }
}
