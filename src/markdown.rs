//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, heading ids,
//! shortcodes, site-relative links, and raw HTML cleaned with an allow-list (see
//! [`crate::sanitize`]) or shown as text, as the site chooses.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub use crate::film::{Film, FilmRenderer};
use crate::sanitize::{RawHtml, RawHtmlMode};
use crate::shortcodes::{scan, Shortcode};

/// What a shortcode turns into.
pub enum Expansion {
    /// Markdown to put in place of the shortcode (links, names).
    Inline(String),
    /// HTML to put in place of the paragraph holding the shortcode (cards).
    Block(String),
}

/// Rendering settings for one page.
pub struct MarkdownContext<'a> {
    /// URL prefix for site-relative links (`/x/` → `{root}x/`), ending in `/`.
    pub root: &'a str,
    /// Where the kommune's images and files live (`bilder/x.png` → `{home}bilder/x.png`):
    /// shared by every language, so not under the language prefix.
    pub home: &'a str,
    /// Offset added to heading levels, so `#` in a body can never compete with the page h1.
    pub heading_shift: u8,
    pub expand: &'a dyn Fn(&Shortcode) -> Expansion,
    /// Link the first occurrence of each glossary term (None: no automatic links).
    pub glossary: Option<&'a crate::terms::TermLinks<'a>>,
    /// What happens to raw HTML in the text (`raw_html:` in veiviser.yaml).
    pub raw_html: &'a RawHtml,
    /// Films placed with image syntax (`![Tittel](bilder/x.mp4)`): given the address as
    /// written and the title, their HTML (see [`crate::film`]). None: left as images.
    pub film: Option<&'a FilmRenderer<'a>>,
}

#[derive(Debug, Default, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    /// Plain text, for search and summaries.
    pub text: String,
    pub headings: Vec<Heading>,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_TASKLISTS
}

/// Characters that end a phrase in the search text: after them no " · " is added.
const PHRASE_END: &[char] = &['.', '!', '?', ':', ';', '…', '·', '؟', '،', '።', '፧'];

const BLOCK_MARK: &str = "VEIVISERBLOCK";
const IMAGE_MARK: &str = "VEIVISERIMAGE";
const OWN_MARK: &str = "VEIVISEROWN";
const FILM_MARK: &str = "VEIVISERFILM";

/// Every literal `id="…"` in the theme's templates (`themes/standard/templates/`): content
/// never takes them. Headings get `hovedinnhold-2` instead of `hovedinnhold`, raw HTML loses
/// such an id, a step may not use one as its anchor, and links to them are fine. A test
/// reads the templates, so the list cannot fall behind them.
pub const THEME_IDS: &[&str] = &[
    // base.html, landing.html, partials/
    "hovedinnhold",
    "header-q",
    "footer-contacts",
    "footer-about",
    "footer-acute",
    "fotnote-tilbake",
    "acute-title",
    "acute-strip-title",
    "parents-entry-title",
    // level.html
    "niva-stegliste",
    "niva-steg",
    "niva-beslutning",
    "niva-ressurser",
    // search.html
    "search-input",
    "search-status",
    "search-results",
    "search-more",
    // form.html, services_index.html, module.html, index.html, guide_index.html
    "skjema-tittel",
    "skjema-feil",
    "skjema-feil-tittel",
    "kategorier",
    "case-title",
    "front-levels",
    "guide-overview",
    "veileder-mer",
    // contacts.html
    "kontakter-enheter",
    // arena.html
    "arena-mandat",
    "arena-medlemmer",
    "arena-sak",
    "arena-kontakt",
    "arena-brukes",
    // training_index.html
    "kurs-kommende",
    "kurs-moduler",
    "kurs-tidligere",
];

/// The id of the element holding the words for a footnote's back-link (“Back to the
/// text”), in the page's language: base.html has it, hidden, and every back-link is
/// labelled by it (`aria-labelledby`), so the Markdown renderer needs no UI strings.
pub const FOOTNOTE_BACK_LABEL_ID: &str = "fotnote-tilbake";

/// A heading of a Markdown text and the id it gets on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingInfo {
    /// The level as written (`##` is 2), before [`MarkdownContext::heading_shift`].
    pub level: u8,
    /// The id on the page: `wanted`, or `wanted-2`, `wanted-3` … when that is taken.
    pub id: String,
    /// The id asked for (`{#id}`), or the slug of the heading's text (`seksjon` when the
    /// text has no letters or digits).
    pub wanted: String,
    /// Whether the id was written (`## Tittel {#id}`).
    pub explicit: bool,
    /// The heading's words (its text and code spans).
    pub text: String,
    /// Where the heading is in the Markdown text (bytes).
    pub range: Range<usize>,
}

/// The headings of a Markdown text (after shortcode expansion) with their ids: the ids
/// [`render`] gives them, because it uses the same function. The checks use this to find
/// anchors, heading levels and duplicate ids without rendering.
pub fn headings(text: &str) -> Vec<HeadingInfo> {
    headings_and(text, |_, _| {})
}

/// [`headings`], showing `each` every event of the text on the way, so that a check that
/// needs more than the headings parses the text once.
pub fn headings_and<'t>(
    text: &'t str,
    mut each: impl FnMut(&Event<'t>, &Range<usize>),
) -> Vec<HeadingInfo> {
    // Read as the parser gives them: the events are not kept.
    let events = Parser::new_ext(text, options())
        .into_offset_iter()
        .inspect(|(event, range)| each(event, range));
    find_headings(events).into_iter().map(|(h, _)| h).collect()
}

/// The headings among `events` (a text parsed with [`options`]) with their ids, and the
/// indices of each heading's start and end events. An id is unique in the text and never
/// one of [`THEME_IDS`].
fn find_headings<'a, E: std::borrow::Borrow<(Event<'a>, Range<usize>)>>(
    events: impl IntoIterator<Item = E>,
) -> Vec<(HeadingInfo, (usize, usize))> {
    /// A heading being read: its level, explicit id, range, text and first event.
    type Open = (HeadingLevel, Option<String>, Range<usize>, String, usize);
    let mut out = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut open: Option<Open> = None;
    let mut end = |(level, explicit, range, text, start): Open, last: usize| {
        let wanted = explicit
            .clone()
            .unwrap_or_else(|| crate::slug::slugify(&text));
        let wanted = if wanted.is_empty() {
            "seksjon".to_string()
        } else {
            wanted
        };
        let mut unique = wanted.clone();
        let mut n = 2;
        while THEME_IDS.contains(&unique.as_str()) || !used.insert(unique.clone()) {
            unique = format!("{wanted}-{n}");
            n += 1;
        }
        out.push((
            HeadingInfo {
                level: heading_num(level),
                id: unique,
                wanted,
                explicit: explicit.is_some(),
                text,
                range,
            },
            (start, last),
        ));
    };
    let mut last = 0;
    for (i, item) in events.into_iter().enumerate() {
        let (event, range) = item.borrow();
        last = i;
        match (&mut open, event) {
            (None, Event::Start(Tag::Heading { level, id, .. })) => {
                let explicit = id.as_ref().map(|s| s.to_string());
                open = Some((*level, explicit, range.clone(), String::new(), i));
            }
            (Some((.., text, _)), Event::Text(t) | Event::Code(t)) => text.push_str(t),
            (Some(_), Event::End(TagEnd::Heading(_))) => {
                end(open.take().expect("a heading is open"), i);
            }
            _ => {}
        }
    }
    // A heading the text ends in (the parser closes every one, but the events may be cut).
    if let Some(heading) = open {
        end(heading, last);
    }
    out
}

/// Render a Markdown text: shortcodes expanded, heading ids (see [`headings`]), links
/// rebased, glossary terms linked, raw HTML cleaned or escaped, and footnotes with ids of
/// their own (see [`footnote_prefix`]).
pub fn render(source: &str, ctx: &MarkdownContext) -> Rendered {
    render_with_footnote_prefix(source, ctx, &footnote_prefix(source))
}

/// The footnote prefix [`render`] uses for a text: a short hash of the text, so texts
/// rendered apart and shown on one page (a level's purpose, each step's `how:`, its body …)
/// get different footnote ids without knowing about each other. Two texts that are exactly
/// the same get the same ids; give them prefixes of their own with
/// [`render_with_footnote_prefix`].
pub fn footnote_prefix(source: &str) -> String {
    format!(
        "{:06x}",
        xxhash_rust::xxh3::xxh3_64(source.as_bytes()) & 0xff_ffff
    )
}

/// [`render`] with footnote ids made from `prefix` (a slug naming the text on its page,
/// such as `formal` or `steg-2-hvordan`): `fn-{prefix}-{label}` on the note and
/// `fnref-{prefix}-{label}` on the reference to it. Each text shown on one page needs its
/// own prefix; an empty prefix gives `fn-{label}`.
pub fn render_with_footnote_prefix(source: &str, ctx: &MarkdownContext, prefix: &str) -> Rendered {
    // Expand shortcodes first: inline ones become Markdown, block ones placeholders.
    let mut blocks = Vec::new();
    let mut text = String::with_capacity(source.len());
    let mut last = 0;
    for sc in scan(source) {
        text.push_str(&source[last..sc.span.start]);
        match (ctx.expand)(&sc) {
            Expansion::Inline(md) => text.push_str(&md),
            Expansion::Block(html) => {
                text.push_str(&format!("\n\n{BLOCK_MARK}{}\n\n", blocks.len()));
                blocks.push(html);
            }
        }
        last = sc.span.end;
    }
    text.push_str(&source[last..]);

    let mut parsed: Vec<(Event, Range<usize>)> = Parser::new_ext(&text, options())
        .into_offset_iter()
        .collect();
    let headings = find_headings(&parsed);
    let mut out = Rendered::default();

    // Heading ids and levels.
    for (heading, (start, end)) in headings {
        let shifted = shift(heading.level, ctx.heading_shift);
        if let Event::Start(Tag::Heading { level, id, .. }) = &mut parsed[start].0 {
            *level = to_level(shifted);
            *id = Some(CowStr::from(heading.id.clone()));
        }
        if let Event::End(TagEnd::Heading(level)) = &mut parsed[end].0 {
            *level = to_level(shifted);
        }
        out.headings.push(Heading {
            level: shifted,
            id: heading.id,
            text: heading.text,
        });
    }

    // The events are copied once, into what is rendered: a text's events are many, and
    // each pass that collected them again cost more than the work it did.
    let mut found = Found::default();
    let mut transform = |event| prepare(event, ctx, &mut found);
    // Films first, with their addresses as written.
    let mut films = Vec::new();
    let mut events: Vec<Event> = match ctx.film {
        Some(film)
            if parsed
                .iter()
                .any(|(event, _)| crate::film::is_film_image(event)) =>
        {
            let events = parsed.into_iter().map(|(event, _)| event).collect();
            crate::film::set_aside(events, film, &mut films, FILM_MARK)
                .into_iter()
                .map(&mut transform)
                .collect()
        }
        _ => parsed
            .into_iter()
            .map(|(event, _)| transform(event))
            .collect(),
    };
    if let Some(glossary) = ctx.glossary {
        events = glossary.link(events);
    }
    for e in &events {
        match e {
            Event::Text(t) if t.starts_with(FILM_MARK) => {}
            Event::Text(t) | Event::Code(t) => {
                out.text.push_str(t);
            }
            // A list item, paragraph, heading or table cell ends a phrase: a search snippet
            // shows " · " there unless the text has its own punctuation.
            Event::End(
                TagEnd::Item | TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell,
            ) => {
                let end = out.text.trim_end().len();
                out.text.truncate(end);
                if end > 0 && !out.text.ends_with(PHRASE_END) {
                    out.text.push_str(" ·");
                }
                out.text.push(' ');
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.text.push(' '),
            _ => {}
        }
    }
    for f in &films {
        out.text.push(' ');
        out.text.push_str(&f.text);
    }
    // HTML the renderer writes itself; set aside while raw HTML is cleaned, if there is any.
    let mut own = Own {
        aside: found.raw_html,
        pieces: Vec::new(),
    };
    let mut events = footnotes(events, &crate::slug::slugify(prefix), &mut own);
    if found.task_list {
        // A task list's box is a character, as in print: a read-only page has nothing to
        // tick, and a disabled checkbox would be a form control without a label.
        for event in &mut events {
            if let Event::TaskListMarker(done) = *event {
                *event = own.html(format!(
                    "<span class=\"task-box\">{}</span> ",
                    if done { '☒' } else { '☐' }
                ));
            }
        }
    }
    let mut html = String::with_capacity(text.len() * 3 / 2);
    if found.raw_html {
        // Markdown images are set aside, so the cleaning can remove every raw <img>.
        let (events, images) = set_images_aside(events);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        // The whole body, so tags opened and closed in separate fragments stay paired.
        html = ctx.raw_html.clean(&html);
        // Ours first: image alt texts are the editor's words.
        html = put_back(&html, OWN_MARK, &own.pieces);
        html = put_back(&html, IMAGE_MARK, &images);
    } else {
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
    }
    for (n, block) in blocks.iter().enumerate() {
        html = html.replace(&format!("<p>{BLOCK_MARK}{n}</p>"), block);
    }
    if !films.is_empty() {
        // A film alone in its paragraph replaces the paragraph; inside a sentence, a link.
        for (n, film) in films.iter().enumerate() {
            html = html.replace(&format!("<p>{FILM_MARK}{n}X</p>"), &film.html);
        }
        let inline: Vec<String> = films.into_iter().map(|f| f.inline).collect();
        html = put_back(&html, FILM_MARK, &inline);
    }
    out.html = html;
    out.text = crate::bytes::collapse_whitespace(&out.text);
    out
}

/// What [`prepare`] saw in a text's events.
#[derive(Default)]
struct Found {
    raw_html: bool,
    task_list: bool,
}

/// An event as it is rendered: raw HTML escaped or kept to be cleaned, link and image
/// addresses rebased.
fn prepare<'e>(mut event: Event<'e>, ctx: &MarkdownContext, found: &mut Found) -> Event<'e> {
    if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = &mut event {
        let written = std::mem::replace(dest_url, CowStr::Borrowed(""));
        *dest_url = rebase(written, ctx.root, ctx.home);
        return event;
    }
    match event {
        // Raw HTML is never trusted: shown as text, or kept and cleaned below.
        Event::Html(html) | Event::InlineHtml(html) if ctx.raw_html.mode == RawHtmlMode::Escape => {
            Event::Text(html)
        }
        Event::Html(html) | Event::InlineHtml(html) => {
            found.raw_html = true;
            Event::InlineHtml(html)
        }
        Event::TaskListMarker(_) => {
            found.task_list = true;
            event
        }
        other => other,
    }
}

/// HTML the renderer writes itself (footnote links): straight into the page, or, when the
/// text has raw HTML to clean, set aside behind placeholders and put back after cleaning
/// (the cleaning would remove its `aria-` attributes).
struct Own {
    aside: bool,
    pieces: Vec<String>,
}

impl Own {
    fn html<'e>(&mut self, html: String) -> Event<'e> {
        if self.aside {
            let mark = format!("{OWN_MARK}{}X", self.pieces.len());
            self.pieces.push(html);
            Event::Text(CowStr::from(mark))
        } else {
            Event::InlineHtml(CowStr::from(html))
        }
    }
}

/// One footnote of a text.
struct Note<'e> {
    /// Number shown, from 1, in the order the notes are first referred to.
    number: usize,
    /// The note's id without `fn-`: `{prefix}-{label}`.
    id: String,
    /// The ids of the references to it, in reading order.
    refs: Vec<String>,
    /// Whether its definition has been seen (a second definition of a label is left out,
    /// as pulldown-cmark and GitHub leave it out).
    defined: bool,
    /// Whether it was written where it stands (a definition inside another note).
    in_place: bool,
    /// The definition's content, to be written at the end of the text.
    body: Vec<Event<'e>>,
}

/// Footnotes written out with ids unique on the page: a reference links to its note
/// (`fn-{prefix}-{label}`) and has an id (`fnref-{prefix}-{label}`, `…-2` for a second
/// reference to the same note), and each note, gathered at the end of the text in number
/// order, links back to every reference to it (“↩”, labelled by the page's
/// [`FOOTNOTE_BACK_LABEL_ID`]).
fn footnotes<'e>(events: Vec<Event<'e>>, prefix: &str, own: &mut Own) -> Vec<Event<'e>> {
    let is_note = |e: &Event| {
        matches!(
            e,
            Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_))
        )
    };
    if !events.iter().any(is_note) {
        return events;
    }
    let mut notes: Vec<Note> = Vec::new();
    let mut by_label: HashMap<String, usize> = HashMap::new();
    let mut labels: HashSet<String> = HashSet::new();
    let mut note = |label: &str, notes: &mut Vec<Note<'e>>| -> usize {
        // Labels match without regard to case, as pulldown-cmark matches them.
        *by_label.entry(label.to_lowercase()).or_insert_with(|| {
            let number = notes.len() + 1;
            let slug = crate::slug::slugify(label);
            let base = if slug.is_empty() {
                number.to_string()
            } else {
                slug
            };
            let mut unique = base.clone();
            let mut n = 2;
            while !labels.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            notes.push(Note {
                number,
                id: if prefix.is_empty() {
                    unique
                } else {
                    format!("{prefix}-{unique}")
                },
                refs: Vec::new(),
                defined: false,
                in_place: false,
                body: Vec::new(),
            });
            number - 1
        })
    };
    // Numbers: notes in the order they are referred to, then notes nobody refers to.
    for e in &events {
        if let Event::FootnoteReference(label) = e {
            note(label, &mut notes);
        }
    }
    for e in &events {
        if let Event::Start(Tag::FootnoteDefinition(label)) = e {
            note(label, &mut notes);
        }
    }

    let mut ref_ids: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(events.len() + notes.len() * 4);
    // The note whose definition is being gathered (None: a repeated definition, left out),
    // and how deeply nested the events inside it are.
    let mut gathering: Option<(Option<usize>, usize)> = None;
    for event in events {
        let event = match event {
            Event::FootnoteReference(label) => {
                let n = note(&label, &mut notes);
                let note = &mut notes[n];
                let base = format!("fnref-{}", note.id);
                let mut id = base.clone();
                let mut k = 2;
                while !ref_ids.insert(id.clone()) {
                    id = format!("{base}-{k}");
                    k += 1;
                }
                let html = format!(
                    "<sup class=\"footnote-reference\"><a href=\"#fn-{}\" id=\"{id}\">{}</a></sup>",
                    note.id, note.number
                );
                note.refs.push(id);
                own.html(html)
            }
            // A definition inside another (in a quote in a note) stays where it is.
            Event::Start(Tag::FootnoteDefinition(label)) if gathering.is_some() => {
                let n = note(&label, &mut notes);
                let kept = matches!(gathering, Some((Some(_), _)));
                let id = if notes[n].defined || !kept {
                    String::new()
                } else {
                    notes[n].defined = true;
                    notes[n].in_place = true;
                    format!(" id=\"fn-{}\"", notes[n].id)
                };
                if let Some((_, depth)) = &mut gathering {
                    *depth += 1;
                }
                own.html(format!(
                    "<div class=\"footnote-definition\"{id}><sup class=\"footnote-definition-label\">{}</sup>",
                    notes[n].number
                ))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = note(&label, &mut notes);
                let first = !notes[n].defined;
                notes[n].defined = true;
                gathering = Some((first.then_some(n), 0));
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => match &mut gathering {
                Some((_, 0)) => {
                    gathering = None;
                    continue;
                }
                Some((_, depth)) => {
                    *depth -= 1;
                    own.html("</div>\n".to_string())
                }
                None => continue,
            },
            other => other,
        };
        match &mut gathering {
            None => out.push(event),
            Some((target, depth)) => {
                match &event {
                    Event::Start(_) => *depth += 1,
                    Event::End(_) => *depth = depth.saturating_sub(1),
                    _ => {}
                }
                if let Some(n) = target {
                    notes[*n].body.push(event);
                }
            }
        }
    }
    let mut defined: Vec<Note> = notes
        .into_iter()
        .filter(|n| n.defined && !n.in_place)
        .collect();
    if defined.is_empty() {
        return out;
    }
    defined.sort_by_key(|n| n.number);
    out.push(own.html("<div class=\"footnotes\">\n".to_string()));
    for mut note in defined {
        out.push(own.html(format!(
            "<div class=\"footnote-definition\" id=\"fn-{}\"><sup class=\"footnote-definition-label\">{}</sup>",
            note.id, note.number
        )));
        let back: Vec<String> = note
            .refs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let nth = if i == 0 {
                    String::new()
                } else {
                    format!("<sup>{}</sup>", i + 1)
                };
                format!(
                    "<a href=\"#{r}\" class=\"footnote-backref\" aria-labelledby=\"{FOOTNOTE_BACK_LABEL_ID}\">\u{21a9}\u{fe0e}{nth}</a>"
                )
            })
            .collect();
        let back = if back.is_empty() {
            String::new()
        } else {
            format!(" {}", back.join(" "))
        };
        // The back-links end the note's last paragraph, or follow its content.
        let end = match note.body.last() {
            Some(Event::End(TagEnd::Paragraph)) => note.body.pop(),
            _ => None,
        };
        out.append(&mut note.body);
        if let Some(end) = end {
            if !back.is_empty() {
                out.push(own.html(back));
            }
            out.push(end);
            out.push(own.html("</div>\n".to_string()));
        } else {
            out.push(own.html(format!("{back}</div>\n")));
        }
    }
    out.push(own.html("</div>\n".to_string()));
    out
}

/// `html` with each placeholder `{mark}{n}X` replaced by `pieces[n]`, in one pass.
fn put_back(html: &str, mark: &str, pieces: &[String]) -> String {
    if pieces.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + pieces.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(at) = rest.find(mark) {
        out.push_str(&rest[..at]);
        let after = &rest[at + mark.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let piece = after[..digits]
            .parse::<usize>()
            .ok()
            .filter(|_| after[digits..].starts_with('X'))
            .and_then(|n| pieces.get(n));
        match piece {
            Some(piece) => {
                out.push_str(piece);
                rest = &after[digits + 1..];
            }
            None => {
                out.push_str(mark);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Replace each Markdown image with a placeholder text, returning the images' HTML.
fn set_images_aside(events: Vec<Event>) -> (Vec<Event>, Vec<String>) {
    let mut out = Vec::with_capacity(events.len());
    let mut images = Vec::new();
    let mut image: Option<Vec<Event>> = None;
    for event in events {
        match (&mut image, event) {
            (None, e @ Event::Start(Tag::Image { .. })) => image = Some(vec![e]),
            (Some(parts), e @ Event::End(TagEnd::Image)) => {
                parts.push(e);
                let mut html = String::new();
                pulldown_cmark::html::push_html(&mut html, std::mem::take(parts).into_iter());
                out.push(Event::Text(format!("{IMAGE_MARK}{}X", images.len()).into()));
                images.push(html);
                image = None;
            }
            (Some(parts), e) => parts.push(e),
            (None, e) => out.push(e),
        }
    }
    (out, images)
}

/// Render a short Markdown text (a YAML value) as inline HTML without the `<p>` wrapper
/// when it is a single paragraph.
pub fn render_inline(source: &str, ctx: &MarkdownContext) -> String {
    render_inline_with_footnote_prefix(source, ctx, &footnote_prefix(source))
}

/// [`render_inline`] with footnote ids made from `prefix` (see
/// [`render_with_footnote_prefix`]).
pub fn render_inline_with_footnote_prefix(
    source: &str,
    ctx: &MarkdownContext,
    prefix: &str,
) -> String {
    let html = render_with_footnote_prefix(source, ctx, prefix).html;
    let trimmed = html.trim();
    if trimmed.starts_with("<p>")
        && trimmed.ends_with("</p>")
        && trimmed.matches("<p>").count() == 1
    {
        trimmed[3..trimmed.len() - 4].to_string()
    } else {
        html
    }
}

fn rebase<'a>(url: CowStr<'a>, root: &str, home: &str) -> CowStr<'a> {
    // The checks report these as errors; should one reach a page, it leads nowhere.
    if crate::sanitize::unsafe_scheme(&url).is_some() {
        return CowStr::from("#");
    }
    let files = |u: &str| u.starts_with("bilder/") || u.starts_with("filer/");
    if url.starts_with('/') && !url.starts_with("//") {
        let rest = &url[1..];
        CowStr::from(format!("{}{rest}", if files(rest) { home } else { root }))
    } else if files(&url) {
        CowStr::from(format!("{home}{url}"))
    } else {
        url
    }
}

fn heading_num(level: HeadingLevel) -> u8 {
    level as u8
}

fn shift(level: u8, by: u8) -> u8 {
    (level + by).min(6)
}

fn to_level(n: u8) -> HeadingLevel {
    match n {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx<'a>(expand: &'a dyn Fn(&Shortcode) -> Expansion) -> MarkdownContext<'a> {
        MarkdownContext {
            root: "/bti/",
            home: "/bti/",
            heading_shift: 0,
            expand,
            glossary: None,
            raw_html: &crate::sanitize::SANITIZE,
            film: None,
        }
    }

    fn plain(_: &Shortcode) -> Expansion {
        Expansion::Inline("X".into())
    }

    #[test]
    fn headings_get_unique_ids() {
        let r = render("## Hvem gjør hva?\n\n## Hvem gjør hva?\n", &ctx(&plain));
        assert!(r.html.contains(r#"<h2 id="hvem-gjor-hva">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="hvem-gjor-hva-2">"#));
        assert_eq!(r.headings.len(), 2);
    }

    #[test]
    fn task_lists_show_their_boxes_as_characters_not_form_controls() {
        let source = "- [x] Lest\n- [ ] Funnet <b>skjema</b>\n";
        let escape = RawHtml {
            mode: RawHtmlMode::Escape,
            extra_tags: Vec::new(),
        };
        for raw_html in [&crate::sanitize::SANITIZE, &escape] {
            let mut c = ctx(&plain);
            c.raw_html = raw_html;
            let r = render(source, &c);
            assert!(
                r.html
                    .contains(r#"<li><span class="task-box">☒</span> Lest</li>"#),
                "{}",
                r.html
            );
            assert!(r.html.contains(r#"<span class="task-box">☐</span> Funnet"#));
            assert!(!r.html.contains("<input"), "{}", r.html);
        }
    }

    #[test]
    fn headings_never_take_theme_ids() {
        let r = render("## Hovedinnhold\n", &ctx(&plain));
        assert!(r.html.contains(r#"<h2 id="hovedinnhold-2">"#), "{}", r.html);
    }

    /// Every `id="…"` in `html`, in order.
    fn ids(html: &str) -> Vec<String> {
        html.split(" id=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap_or("").to_string())
            .collect()
    }

    fn assert_unique(ids: &[String], html: &str) {
        let mut seen = HashSet::new();
        for id in ids {
            assert!(seen.insert(id), "duplicate id {id} in {html}");
            assert!(crate::slug::is_valid(id), "invalid id {id:?} in {html}");
        }
    }

    #[test]
    fn render_and_headings_give_the_same_ids() {
        let texts = [
            "## Hvem gjør hva?\n\n### Hvem gjør hva?\n\n## Hovedinnhold\n\n## Eget {#mitt}\n\n## `kode` og *tekst*\n",
            "## Arena mandat {#arena-mandat}\n\n## Kurs kommende\n\n## Arena-mandat\n",
            "## a\n\n## a-2\n\n## a\n\n## A\n",
            "## 💡\n\n## !!!\n\n## Seksjon\n",
            "Tittel\n======\n\nUndertittel\n-----------\n\n> ## I sitat\n\n- ## I liste\n",
            "## [Lenke](/x/) og <b>html</b>\n\n## Čáziid đuolbmás\n\n## Zażółć gęślą jaźń\n",
            "## Eget {#x}\n\n## Eget {#x}\n\n## x\n",
        ];
        for text in texts {
            let rendered = render(text, &ctx(&plain));
            let analysed = headings(text);
            let from_render: Vec<&str> = rendered.headings.iter().map(|h| h.id.as_str()).collect();
            let from_analysis: Vec<&str> = analysed.iter().map(|h| h.id.as_str()).collect();
            assert_eq!(from_render, from_analysis, "{text}");
            assert_eq!(ids(&rendered.html), from_analysis, "{}", rendered.html);
            assert_unique(&ids(&rendered.html), &rendered.html);
            for h in &analysed {
                assert!(!THEME_IDS.contains(&h.id.as_str()), "{h:?}");
                assert!(text[h.range.clone()].contains(h.text.split(' ').next().unwrap_or("")));
            }
        }
        let analysed = headings("## Hovedinnhold\n\nTekst\n\n### Mer {#mer}\n");
        assert_eq!(analysed[0].level, 2);
        assert_eq!(analysed[0].wanted, "hovedinnhold");
        assert_eq!(analysed[0].id, "hovedinnhold-2");
        assert!(!analysed[0].explicit);
        assert_eq!(analysed[0].range, 0..16);
        assert_eq!((analysed[1].level, analysed[1].explicit), (3, true));
    }

    #[test]
    fn heading_ids_keep_sami_and_polish_letters() {
        let r = render("## Čáziid đuolbmás\n\n## Zażółć gęślą jaźń\n", &ctx(&plain));
        assert!(
            r.html.contains(r#"<h2 id="caziid-duolbmas">"#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"<h2 id="zazolc-gesla-jazn">"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn footnotes_link_both_ways_with_ids_unique_in_the_text() {
        let text = "Først[^1], så[^kilde] og igjen[^1].\n\n[^kilde]: Fra *loven*.\n\n[^1]: Første note.\n\n[^ubrukt]: Ingen viser hit.\n";
        let r = render_with_footnote_prefix(text, &ctx(&plain), "formal");
        let html = &r.html;
        assert_unique(&ids(html), html);
        // References: numbered in reading order, each with an id of its own.
        assert!(
            html.contains(r##"<sup class="footnote-reference"><a href="#fn-formal-1" id="fnref-formal-1">1</a></sup>"##),
            "{html}"
        );
        assert!(
            html.contains(r##"<a href="#fn-formal-kilde" id="fnref-formal-kilde">2</a>"##),
            "{html}"
        );
        assert!(
            html.contains(r##"<a href="#fn-formal-1" id="fnref-formal-1-2">1</a>"##),
            "{html}"
        );
        // Notes: at the end, in number order, with back-links to every reference.
        let one = html.find(r#"id="fn-formal-1""#).expect(html);
        let two = html.find(r#"id="fn-formal-kilde""#).expect(html);
        let three = html.find(r#"id="fn-formal-ubrukt""#).expect(html);
        assert!(one < two && two < three, "{html}");
        assert!(html.find("Ingen viser hit").unwrap() > html.find("igjen").unwrap());
        assert!(
            html.contains(r##"<p>Første note. <a href="#fnref-formal-1" class="footnote-backref" aria-labelledby="fotnote-tilbake">↩︎</a> <a href="#fnref-formal-1-2" class="footnote-backref" aria-labelledby="fotnote-tilbake">↩︎<sup>2</sup></a></p>"##),
            "{html}"
        );
        assert!(
            html.contains(
                r##"<p>Fra <em>loven</em>. <a href="#fnref-formal-kilde" class="footnote-backref""##
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<sup class="footnote-definition-label">3</sup>"#),
            "{html}"
        );
        assert!(!html.contains(r##"href="#fnref-formal-ubrukt""##), "{html}");
        // Every link leads to an id on the page.
        for href in html.split("href=\"#").skip(1) {
            let target = href.split('"').next().unwrap();
            assert!(
                ids(html).iter().any(|id| id == target),
                "#{target} in {html}"
            );
        }
        // The plain text has the notes' words, not the marks.
        assert!(r.text.contains("Første note."), "{}", r.text);
        assert!(!r.text.contains('↩'), "{}", r.text);
    }

    #[test]
    fn footnote_ids_differ_between_texts_on_one_page() {
        // A level page shows purpose, each step's how/who, decision and body: each numbers
        // its notes from 1.
        let page: Vec<String> = [
            "Formål[^1].\n\n[^1]: A.\n",
            "Steg[^1].\n\n[^1]: B.\n",
            "Kropp[^1].\n\n[^1]: C.\n",
        ]
        .iter()
        .map(|t| render(t, &ctx(&plain)).html)
        .collect();
        let all: Vec<String> = page.iter().flat_map(|h| ids(h)).collect();
        assert_eq!(all.len(), 6, "{page:?}");
        assert_unique(&all, &page.join("\n"));
        // Deterministic: the same text gets the same ids on every build.
        assert_eq!(
            render("Formål[^1].\n\n[^1]: A.\n", &ctx(&plain)).html,
            page[0]
        );
        // Without a prefix: plain, still unique in the text.
        let r = render_with_footnote_prefix(
            "a[^1] b[^2] c[^1]\n\n[^1]: x\n\n[^2]: y\n",
            &ctx(&plain),
            "",
        );
        assert_unique(&ids(&r.html), &r.html);
        assert!(
            r.html.contains(r#"id="fn-1""#) && r.html.contains(r#"id="fnref-1-2""#),
            "{}",
            r.html
        );
        // Inline texts (a step's who:) too.
        let inline = render_inline_with_footnote_prefix(
            "Leder[^1]\n\n[^1]: x\n",
            &ctx(&plain),
            "steg-1-hvem",
        );
        assert!(inline.contains(r#"id="fn-steg-1-hvem-1""#), "{inline}");
    }

    #[test]
    fn footnote_labels_make_valid_unique_ids() {
        let text = "a[^Å b] b[^å b] c[^å-b] d[^!!] e[^a]\n\n[^Å b]: én\n\n[^å-b]: to\n\n[^!!]: tre\n\n[^a]: fire\n\n[^a]: dobbel\n\n> [^sitat]: i sitat\n";
        let r = render_with_footnote_prefix(text, &ctx(&plain), "");
        assert_unique(&ids(&r.html), &r.html);
        assert!(r.html.contains(r#"id="fn-a-b""#), "{}", r.html);
        assert!(r.html.contains(r#"id="fn-a-b-2""#), "{}", r.html);
        // A label with no letters gets its number; a second definition is left out.
        assert!(r.html.contains(r#"id="fn-3""#), "{}", r.html);
        assert!(!r.html.contains("dobbel"), "{}", r.html);
        assert!(r.html.contains("i sitat"), "{}", r.html);
        for href in r.html.split("href=\"#").skip(1) {
            let target = href.split('"').next().unwrap();
            assert!(
                ids(&r.html).iter().any(|id| id == target),
                "#{target} in {}",
                r.html
            );
        }
    }

    #[test]
    fn footnotes_survive_raw_html_cleaning() {
        let r = render(
            "Tekst <b>fet</b>[^1] <span id=\"fn-x\">x</span>\n\n[^1]: Note med <i>html</i> og <script>x</script>.\n",
            &ctx(&plain),
        );
        assert!(
            r.html.contains("aria-labelledby=\"fotnote-tilbake\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("class=\"footnote-reference\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("<i>html</i>"), "{}", r.html);
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("VEIVISEROWN"), "{}", r.html);
        let escaped = RawHtml {
            mode: RawHtmlMode::Escape,
            extra_tags: Vec::new(),
        };
        let mut c = ctx(&plain);
        c.raw_html = &escaped;
        let r = render("Tekst <b>x</b>[^1]\n\n[^1]: Note.\n", &c);
        assert!(r.html.contains("&lt;b&gt;x&lt;/b&gt;"), "{}", r.html);
        assert!(r.html.contains("class=\"footnote-backref\""), "{}", r.html);
    }

    #[test]
    fn theme_ids_are_every_literal_id_in_the_templates() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/standard/templates");
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(&dir) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for quote in ['"', '\''] {
                for rest in text.split(&format!("id={quote}")).skip(1) {
                    let id = rest.split(quote).next().unwrap_or("");
                    // Ids made from data ({{ s.id }}, {{ field.id }}-sted) are not literal.
                    if !id.contains("{{") && !id.contains("{%") {
                        found.push((entry.path().display().to_string(), id.to_string()));
                    }
                }
            }
        }
        assert!(found.len() > 20, "{found:?}");
        for (file, id) in &found {
            assert!(
                THEME_IDS.contains(&id.as_str()),
                "{file}: id=\"{id}\" is not in THEME_IDS"
            );
        }
        for id in THEME_IDS {
            assert!(
                found.iter().any(|(_, f)| f == id),
                "THEME_IDS has {id}, which no template uses"
            );
        }
        assert!(THEME_IDS.contains(&FOOTNOTE_BACK_LABEL_ID));
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let r = render(
            "|a|b|\n|-|-|\n|1|2|\n\n~~x~~ y[^1]\n\n[^1]: note\n",
            &ctx(&plain),
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>x</del>"));
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn raw_html_is_cleaned_by_default() {
        let r = render(
            "<script>alert(1)</script>\n\nHei <b onclick=x>du</b> [x](javascript:alert(1))\n\n<div>\n\n**inne**\n\n</div>",
            &ctx(&plain),
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(r.html.contains("Hei <b>du</b>"), "{}", r.html);
        assert!(
            r.html
                .contains("<div>\n<p><strong>inne</strong></p>\n</div>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn markdown_images_survive_cleaning_but_raw_images_do_not() {
        let r = render(
            "![Et kart](/bilder/kart.png \"Kart\") <b>fet</b>\n\n<img src=x onerror=alert(1)>",
            &ctx(&plain),
        );
        assert!(
            r.html
                .contains(r#"<img src="/bti/bilder/kart.png" alt="Et kart" title="Kart" />"#),
            "{}",
            r.html
        );
        assert_eq!(r.html.matches("<img").count(), 1, "{}", r.html);
        assert!(!r.html.contains("VEIVISERIMAGE"), "{}", r.html);
    }

    #[test]
    fn a_film_replaces_its_paragraph_and_its_words_are_searchable() {
        let film = |dest: &str, title: &str| {
            Some(Film {
                html: format!("<div class=\"film\">{dest}|{title}</div>"),
                inline: format!("<a>{title}</a>"),
                text: "ord fra tekstingen".into(),
            })
        };
        let mut c = ctx(&plain);
        c.film = Some(&film);
        let r = render(
            "Før.\n\n![Om *BTI*](bilder/bti.mp4)\n\nEtter <b>x</b> ![Inne](/bilder/x.webm).\n\n![Bilde](bilder/a.png)\n",
            &c,
        );
        assert!(
            r.html
                .contains("<div class=\"film\">bilder/bti.mp4|Om BTI</div>"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<p><div"), "{}", r.html);
        assert!(r.html.contains("<b>x</b> <a>Inne</a>."), "{}", r.html);
        assert!(
            r.html.contains("<img src=\"/bti/bilder/a.png\""),
            "{}",
            r.html
        );
        assert!(!r.html.contains("VEIVISERFILM"), "{}", r.html);
        assert!(r.text.contains("ord fra tekstingen"), "{}", r.text);
        assert!(!r.text.contains("VEIVISERFILM"), "{}", r.text);
        // Without a film renderer (the fuzz targets), a film stays an image.
        let r = render("![Om BTI](bilder/bti.mp4)\n", &ctx(&plain));
        assert!(
            r.html.contains("<img src=\"/bti/bilder/bti.mp4\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn raw_html_is_text_in_escape_mode() {
        let policy = RawHtml {
            mode: RawHtmlMode::Escape,
            extra_tags: Vec::new(),
        };
        let mut c = ctx(&plain);
        c.raw_html = &policy;
        let r = render("Hei <b onclick=x>du</b>", &c);
        assert!(
            r.html.contains("&lt;b onclick=x&gt;du&lt;/b&gt;"),
            "{}",
            r.html
        );
    }

    #[test]
    fn site_links_are_rebased() {
        let r = render(
            "[Skjema](/skjema/samtykke/) [ekstern](https://x.no/)",
            &ctx(&plain),
        );
        assert!(
            r.html.contains(r#"href="/bti/skjema/samtykke/""#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"href="https://x.no/""#));
    }

    #[test]
    fn shortcodes_expand_inline_and_block() {
        let expand = |sc: &Shortcode| match sc.name.as_str() {
            "kommune" => Expansion::Inline("Fjordvik".into()),
            _ => Expansion::Block("<div class=\"card\">kort</div>".into()),
        };
        let r = render(
            "I {{ kommune }} gjør vi slik.\n\n{{ service helsestasjon }}\n",
            &ctx(&expand),
        );
        assert!(r.html.contains("I Fjordvik gjør vi slik."));
        assert!(
            r.html.contains("<div class=\"card\">kort</div>"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<p><div"));
    }
}
