//! Markdown → rich text for the print templates, with a map back to the content.
//!
//! Markdown is not handed to Typst as markup (it would need escaping and `eval`); it is
//! converted here to a small tree of blocks and inlines ([`Block`], [`Inline`]) that
//! `print/common.typ` draws. Text stays text, so nothing in the content can break a template.
//!
//! The conversion parses with the web's options (`crate::markdown::options`) plus task
//! lists, so every construct the web shows has a form on paper: tables, footnotes (Typst
//! footnotes), strikethrough, task lists (☐ ☒), images standing on their own line, and
//! smart punctuation. It also notes what the fonts cannot draw ([`Found`]) at its byte
//! offset in the Markdown, and where each top-level block starts, so a problem in print is
//! reported at the content's own file and line through an [`Origin`].

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::shortcodes::Shortcode;
use crate::source::SourceFile;

/// Rich text: a list of blocks.
pub type Rich = Vec<Block>;

/// A block of rich text. JSON: `{"t": "p", "c": [...]}` and so on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Block {
    /// Paragraph.
    P { c: Vec<Inline> },
    /// Heading; `level` 1 is the largest heading *inside* the text (Markdown `##` → 1 when
    /// the page title is the `#`).
    H { level: u8, c: Vec<Inline> },
    /// Bulleted or numbered list; each item is a list of blocks. `tasks`: every item starts
    /// with a task box, which is then the item's marker.
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        tasks: bool,
    },
    Quote { c: Vec<Block> },
    Code { v: String },
    Rule,
    /// `align`: per column, `left`, `center`, `right` or `none`.
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        align: Vec<&'static str>,
    },
    /// An image standing on its own line: `src` is its name among the print's files.
    Image { src: String, alt: String },
    /// A service card (from `{{ service id }}`).
    Service(Box<super::data::Service>),
    /// Contacts list (from `{{ contacts … }}`).
    Contacts { items: Vec<super::data::Contact> },
    /// A film: on paper its title, duration and address, with a QR code (SVG) to it.
    Film {
        title: String,
        duration: Option<String>,
        url: String,
        qr: String,
    },
    /// The report-of-concern address (`{{ report_link }}` on its own line), with a QR code.
    Link { url: String, qr: String },
}

impl Block {
    /// An address's block, with a QR code to it.
    pub fn link(url: &str) -> Block {
        Block::Link {
            url: url.to_string(),
            qr: super::qr_svg(url).unwrap_or_default(),
        }
    }

    /// A film's block, with a QR code to its address.
    pub fn film(title: &str, duration: Option<String>, url: &str) -> Block {
        Block::Film {
            title: title.to_string(),
            duration,
            url: url.to_string(),
            qr: super::qr_svg(url).unwrap_or_default(),
        }
    }
}

/// An inline piece of rich text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Inline {
    Text {
        v: String,
    },
    Strong {
        c: Vec<Inline>,
    },
    Emph {
        c: Vec<Inline>,
    },
    Strike {
        c: Vec<Inline>,
    },
    Code {
        v: String,
    },
    /// A link: printed as its text followed by the URL (unless the text is the URL).
    Link {
        url: String,
        c: Vec<Inline>,
    },
    /// Hard line break.
    Br,
    /// A task list's box (`- [x]` done, `- [ ]` not).
    Task {
        done: bool,
    },
    /// A footnote: its text, printed at the foot of the page.
    Note {
        c: Vec<Inline>,
    },
    /// A footnote reference while the text is read (replaced by [`Inline::Note`]).
    #[serde(skip)]
    NoteRef(String),
}

/// What a shortcode becomes in print.
pub enum Expansion {
    /// Plain text in the running text (`{{ kommune }}`, `{{ level 1 }}`, `{{ form x }}`).
    Text(String),
    /// A block of its own (`{{ service x }}` standing alone on its line).
    Block(Block),
    /// Nothing.
    Drop,
}

/// Something in a text that will not print as written, at a byte range of the Markdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub at: Range<usize>,
    pub what: Problem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A character none of the print fonts has (it would print as an empty box).
    Glyph(char),
    /// An image that cannot go on paper (`reason` says why); its alt text is printed.
    Image { dest: String, reason: String },
}

/// What the conversion needs from the print being made.
pub struct Hooks<'a> {
    pub expand: &'a dyn Fn(&Shortcode) -> Expansion,
    /// A film placed with image syntax (`![Tittel](bilder/x.mp4)`), from its address and
    /// title: its block, after the paragraph it stands in.
    pub film: &'a dyn Fn(&str, &str) -> Option<Block>,
    /// An image on its own line, from its address and alt text: its block, or why not.
    pub image: &'a dyn Fn(&str, &str) -> Result<Block, String>,
    /// Whether the fonts have a glyph for a character.
    pub covers: &'a dyn Fn(char) -> bool,
}

impl Hooks<'_> {
    /// Shortcodes dropped, no films or images, every character drawable.
    pub fn plain(expand: &dyn Fn(&Shortcode) -> Expansion) -> Hooks<'_> {
        Hooks {
            expand,
            film: &|_, _| None,
            image: &|_, _| Err(String::new()),
            covers: &|_| true,
        }
    }
}

/// A text converted: its blocks, the byte offset in the Markdown where each top-level block
/// starts, and what will not print.
#[derive(Debug, Default)]
pub struct Converted {
    pub rich: Rich,
    pub starts: Vec<usize>,
    pub found: Vec<Found>,
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Convert Markdown to rich text. Shortcodes (found by [`crate::shortcodes::scan`], as on
/// the web) are handed to `expand`. Headings are shifted so `##` becomes level 1.
pub fn markdown(source: &str, expand: &dyn Fn(&Shortcode) -> Expansion) -> Rich {
    convert(source, &Hooks::plain(expand)).rich
}

/// Offsets of the text with shortcode tokens → offsets of the source.
struct Shifts(Vec<(usize, usize)>);

impl Shifts {
    fn source(&self, at: usize) -> usize {
        let i = self.0.partition_point(|(t, _)| *t <= at);
        let (t, s) = self.0[i.saturating_sub(1)];
        s + at.saturating_sub(t)
    }
}

/// A stack of open containers; each collects blocks or inlines.
enum Open {
    Blocks(Vec<Block>),
    Item(Vec<Block>, Vec<Inline>), // list item: blocks + loose inlines (tight lists)
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Inlines(Vec<Inline>),
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        row: Vec<Vec<Inline>>,
        align: Vec<&'static str>,
    },
}

fn push_inline(stack: &mut [Open], inline: Inline) {
    match stack.last_mut() {
        Some(Open::Inlines(v)) | Some(Open::Item(_, v)) => v.push(inline),
        Some(Open::Blocks(b)) => b.push(Block::P { c: vec![inline] }),
        _ => {}
    }
}

fn push_block(stack: &mut [Open], block: Block) {
    match stack.last_mut() {
        Some(Open::Blocks(b)) => b.push(block),
        Some(Open::Item(b, loose)) => {
            if !loose.is_empty() {
                b.push(Block::P {
                    c: std::mem::take(loose),
                });
            }
            b.push(block)
        }
        _ => {}
    }
}

/// [`markdown`] with everything a print needs (see [`Hooks`]), and what will not print.
pub fn convert(source: &str, hooks: &Hooks) -> Converted {
    // Replace each shortcode by a private-use token so the Markdown parser leaves it alone.
    let mut expansions: Vec<Expansion> = Vec::new();
    let mut found = Vec::new();
    let mut text = String::with_capacity(source.len());
    let mut shifts = vec![(0, 0)];
    let mut last = 0;
    for sc in crate::shortcodes::scan(source) {
        text.push_str(&source[last..sc.span.start]);
        shifts.push((text.len(), sc.span.start));
        text.push(OPEN);
        text.push_str(&expansions.len().to_string());
        text.push(CLOSE);
        shifts.push((text.len(), sc.span.end));
        let expansion = (hooks.expand)(&sc);
        if let Expansion::Text(t) = &expansion {
            for c in uncovered(t, hooks) {
                found.push(Found {
                    at: sc.span.clone(),
                    what: Problem::Glyph(c),
                });
            }
        }
        expansions.push(expansion);
        last = sc.span.end;
    }
    text.push_str(&source[last..]);
    let shifts = Shifts(shifts);

    use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};
    let options = crate::markdown::options() | Options::ENABLE_TASKLISTS;

    let mut stack: Vec<Open> = vec![Open::Blocks(Vec::new())];
    let mut tags: Vec<Tag> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    // Films and images seen in the paragraph being read, to follow it.
    let mut after: Vec<Block> = Vec::new();
    let mut notes: HashMap<String, Vec<Block>> = HashMap::new();
    let glyphs = |t: &str, range: &Range<usize>, found: &mut Vec<Found>| {
        for c in uncovered(t, hooks) {
            // The character where it is written; an entity (`&rarr;`) at its start.
            let at = text[range.clone()]
                .find(c)
                .map_or(range.start, |i| range.start + i);
            let at = shifts.source(at);
            found.push(Found {
                at: at..at + c.len_utf8(),
                what: Problem::Glyph(c),
            });
        }
    };

    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                match &tag {
                    Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Link { .. }
                    | Tag::TableCell
                    | Tag::CodeBlock(_)
                    | Tag::Image { .. } => stack.push(Open::Inlines(Vec::new())),
                    Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) => {
                        stack.push(Open::Blocks(Vec::new()))
                    }
                    Tag::List(start) => stack.push(Open::List {
                        ordered: start.is_some(),
                        start: start.unwrap_or(1),
                        items: Vec::new(),
                    }),
                    Tag::Item => stack.push(Open::Item(Vec::new(), Vec::new())),
                    Tag::Table(alignments) => stack.push(Open::Table {
                        head: Vec::new(),
                        rows: Vec::new(),
                        row: Vec::new(),
                        align: alignments
                            .iter()
                            .map(|a| match a {
                                Alignment::None => "none",
                                Alignment::Left => "left",
                                Alignment::Center => "center",
                                Alignment::Right => "right",
                            })
                            .collect(),
                    }),
                    _ => {}
                }
                tags.push(tag);
            }
            Event::End(end) => {
                let tag = tags.pop();
                match end {
                    TagEnd::Paragraph => {
                        if let Some(Open::Inlines(c)) = stack.pop() {
                            let empty = c
                                .iter()
                                .all(|i| matches!(i, Inline::Text { v } if v.trim().is_empty()));
                            if !empty || after.is_empty() {
                                push_block(&mut stack, Block::P { c });
                            }
                        }
                        for block in after.drain(..) {
                            push_block(&mut stack, block);
                        }
                    }
                    TagEnd::Image => {
                        if let (Some(Open::Inlines(c)), Some(Tag::Image { dest_url, .. })) =
                            (stack.pop(), &tag)
                        {
                            let alt = plain_of(&c);
                            let block = if crate::film::is_film(dest_url) {
                                (hooks.film)(dest_url, alt.trim()).ok_or_else(String::new)
                            } else {
                                (hooks.image)(dest_url, alt.trim())
                            };
                            match block {
                                Ok(block) => after.push(block),
                                Err(reason) => {
                                    if !reason.is_empty() {
                                        let at = shifts.source(range.start)
                                            ..shifts.source(range.end);
                                        found.push(Found {
                                            at,
                                            what: Problem::Image {
                                                dest: dest_url.to_string(),
                                                reason,
                                            },
                                        });
                                    }
                                    push_inline(&mut stack, Inline::Text { v: alt })
                                }
                            }
                        }
                    }
                    TagEnd::Heading(level) => {
                        if let Some(Open::Inlines(c)) = stack.pop() {
                            let n = (level as u8).saturating_sub(1).max(1);
                            push_block(&mut stack, Block::H { level: n, c });
                        }
                    }
                    TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                        if let Some(Open::Inlines(c)) = stack.pop() {
                            let inline = match end {
                                TagEnd::Emphasis => Inline::Emph { c },
                                TagEnd::Strong => Inline::Strong { c },
                                _ => Inline::Strike { c },
                            };
                            push_inline(&mut stack, inline);
                        }
                    }
                    TagEnd::Link => {
                        if let (Some(Open::Inlines(c)), Some(Tag::Link { dest_url, .. })) =
                            (stack.pop(), tag)
                        {
                            push_inline(
                                &mut stack,
                                Inline::Link {
                                    url: dest_url.to_string(),
                                    c,
                                },
                            );
                        }
                    }
                    TagEnd::BlockQuote(_) => {
                        if let Some(Open::Blocks(c)) = stack.pop() {
                            push_block(&mut stack, Block::Quote { c });
                        }
                    }
                    TagEnd::FootnoteDefinition => {
                        if let (Some(Open::Blocks(c)), Some(Tag::FootnoteDefinition(label))) =
                            (stack.pop(), tag)
                        {
                            notes.entry(label.to_string()).or_insert(c);
                        }
                    }
                    TagEnd::CodeBlock => {
                        if let Some(Open::Inlines(c)) = stack.pop() {
                            let v = c
                                .into_iter()
                                .map(|i| match i {
                                    Inline::Text { v } => v,
                                    _ => String::new(),
                                })
                                .collect();
                            push_block(&mut stack, Block::Code { v });
                        }
                    }
                    TagEnd::Item => {
                        if let Some(Open::Item(mut blocks, loose)) = stack.pop() {
                            if !loose.is_empty() {
                                blocks.push(Block::P { c: loose });
                            }
                            if let Some(Open::List { items, .. }) = stack.last_mut() {
                                items.push(blocks);
                            }
                        }
                    }
                    TagEnd::List(_) => {
                        if let Some(Open::List {
                            ordered,
                            start,
                            items,
                        }) = stack.pop()
                        {
                            let tasks = !items.is_empty()
                                && items.iter().all(|i| {
                                    matches!(i.first(), Some(Block::P { c })
                                        if matches!(c.first(), Some(Inline::Task { .. })))
                                });
                            push_block(
                                &mut stack,
                                Block::List {
                                    ordered,
                                    start,
                                    items,
                                    tasks,
                                },
                            );
                        }
                    }
                    TagEnd::TableCell => {
                        if let Some(Open::Inlines(c)) = stack.pop() {
                            if let Some(Open::Table { row, .. }) = stack.last_mut() {
                                row.push(c);
                            }
                        }
                    }
                    TagEnd::TableHead => {
                        if let Some(Open::Table { head, row, .. }) = stack.last_mut() {
                            *head = std::mem::take(row);
                        }
                    }
                    TagEnd::TableRow => {
                        if let Some(Open::Table { rows, row, .. }) = stack.last_mut() {
                            rows.push(std::mem::take(row));
                        }
                    }
                    TagEnd::Table => {
                        if let Some(Open::Table {
                            head, rows, align, ..
                        }) = stack.pop()
                        {
                            push_block(&mut stack, Block::Table { head, rows, align });
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                glyphs(&t, &range, &mut found);
                push_inline(&mut stack, Inline::Text { v: t.to_string() })
            }
            Event::Code(t) => {
                glyphs(&t, &range, &mut found);
                push_inline(&mut stack, Inline::Code { v: t.to_string() })
            }
            Event::SoftBreak => push_inline(&mut stack, Inline::Text { v: " ".into() }),
            Event::HardBreak => push_inline(&mut stack, Inline::Br),
            Event::Rule => push_block(&mut stack, Block::Rule),
            Event::TaskListMarker(done) => push_inline(&mut stack, Inline::Task { done }),
            Event::FootnoteReference(label) => {
                push_inline(&mut stack, Inline::NoteRef(label.to_string()))
            }
            // Raw HTML is shown as text, as on the web pages.
            Event::Html(t) | Event::InlineHtml(t) => {
                glyphs(&t, &range, &mut found);
                push_inline(&mut stack, Inline::Text { v: t.to_string() })
            }
            _ => {}
        }
        // A top-level block starts where the event that made it does.
        if let Some(Open::Blocks(blocks)) = stack.first() {
            while starts.len() < blocks.len() {
                starts.push(shifts.source(range.start));
            }
        }
    }
    let mut blocks = match stack.into_iter().next() {
        Some(Open::Blocks(blocks)) => blocks,
        _ => Vec::new(),
    };
    for block in after {
        blocks.push(block);
        starts.push(starts.last().copied().unwrap_or(0));
    }
    // Expand the shortcode tokens and footnotes, keeping each block's start.
    let notes: HashMap<String, Vec<Inline>> = notes
        .into_iter()
        .map(|(label, blocks)| (label, note_inlines(blocks)))
        .collect();
    let mut ctx = Ctx {
        expansions: &mut expansions,
        notes: &notes,
    };
    let mut out = Converted {
        found,
        ..Converted::default()
    };
    for (block, start) in blocks.into_iter().zip(starts) {
        for b in finish(vec![block], &mut ctx) {
            out.rich.push(b);
            out.starts.push(start);
        }
    }
    out
}

/// The characters of `t` the fonts lack, each once.
fn uncovered(t: &str, hooks: &Hooks) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in t.chars() {
        let token = c == OPEN || c == CLOSE;
        if !token && !c.is_whitespace() && !c.is_control() && !(hooks.covers)(c) && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

/// A footnote's text as one run of inlines (paragraphs joined by a space).
fn note_inlines(blocks: Vec<Block>) -> Vec<Inline> {
    let mut out = Vec::new();
    for block in blocks {
        if !out.is_empty() {
            out.push(Inline::Text { v: " ".into() });
        }
        match block {
            Block::P { c } | Block::H { c, .. } => out.extend(c),
            Block::List { items, .. } => {
                for item in items {
                    out.extend(note_inlines(item));
                }
            }
            Block::Quote { c } => out.extend(note_inlines(c)),
            Block::Code { v } => out.push(Inline::Code { v }),
            _ => {}
        }
    }
    // A note inside a note is not printed.
    out.retain(|i| !matches!(i, Inline::NoteRef(_)));
    out
}

/// The words of some inlines.
fn plain_of(c: &[Inline]) -> String {
    let mut out = String::new();
    for i in c {
        match i {
            Inline::Text { v } | Inline::Code { v } => out.push_str(v),
            Inline::Strong { c }
            | Inline::Emph { c }
            | Inline::Strike { c }
            | Inline::Link { c, .. } => out.push_str(&plain_of(c)),
            Inline::Br => out.push(' '),
            Inline::Task { .. } | Inline::Note { .. } | Inline::NoteRef(_) => {}
        }
    }
    out
}

struct Ctx<'a> {
    expansions: &'a mut [Expansion],
    notes: &'a HashMap<String, Vec<Inline>>,
}

/// Expand the shortcode tokens and footnotes everywhere in the tree.
fn finish(blocks: Vec<Block>, ctx: &mut Ctx) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::P { c } => out.extend(split_blocks(c, ctx)),
            Block::H { level, c } => out.push(Block::H {
                level,
                c: expand_inlines(c, ctx),
            }),
            Block::List {
                ordered,
                start,
                items,
                tasks,
            } => out.push(Block::List {
                ordered,
                start,
                items: items.into_iter().map(|i| finish(i, ctx)).collect(),
                tasks,
            }),
            Block::Quote { c } => out.push(Block::Quote { c: finish(c, ctx) }),
            Block::Table { head, rows, align } => out.push(Block::Table {
                head: head.into_iter().map(|c| expand_inlines(c, ctx)).collect(),
                rows: rows
                    .into_iter()
                    .map(|r| r.into_iter().map(|c| expand_inlines(c, ctx)).collect())
                    .collect(),
                align,
            }),
            other => out.push(other),
        }
    }
    out
}

/// Inline-only Markdown (a one-line field such as a step's `who`), as one paragraph's inlines.
pub fn markdown_inline(source: &str, expand: &dyn Fn(&Shortcode) -> Expansion) -> Vec<Inline> {
    inlines_of(markdown(source, expand))
}

/// The inlines of converted text's paragraphs (for one-line fields).
pub fn inlines_of(rich: Rich) -> Vec<Inline> {
    rich.into_iter()
        .flat_map(|b| match b {
            Block::P { c } => c,
            _ => Vec::new(),
        })
        .collect()
}

/// Plain text of Markdown (no formatting): for titles and one-liners.
pub fn plain(source: &str, expand: &dyn Fn(&Shortcode) -> Expansion) -> String {
    plain_of(&markdown_inline(source, expand))
}

/// A paragraph's inlines with the shortcode tokens expanded; a paragraph that is only a
/// block shortcode becomes that block.
fn split_blocks(c: Vec<Inline>, ctx: &mut Ctx) -> Vec<Block> {
    // Merge adjacent texts so tokens are whole.
    let c = merge_texts(c);
    if let [Inline::Text { v }] = c.as_slice() {
        let trimmed = v.trim();
        if let Some(i) = token(trimmed) {
            if let Some(e) = ctx.expansions.get_mut(i) {
                match std::mem::replace(e, Expansion::Drop) {
                    Expansion::Block(b) => return vec![b],
                    Expansion::Drop => return vec![],
                    Expansion::Text(t) => *e = Expansion::Text(t),
                }
            }
        }
    }
    let c = expand_inlines(c, ctx);
    if c.is_empty() {
        vec![]
    } else {
        vec![Block::P { c }]
    }
}

fn token(s: &str) -> Option<usize> {
    s.strip_prefix(OPEN)?.strip_suffix(CLOSE)?.parse().ok()
}

fn merge_texts(c: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(c.len());
    for i in c {
        match (out.last_mut(), i) {
            (Some(Inline::Text { v: a }), Inline::Text { v: b }) => a.push_str(&b),
            (_, i) => out.push(i),
        }
    }
    out
}

fn expand_inlines(c: Vec<Inline>, ctx: &mut Ctx) -> Vec<Inline> {
    let expanded: Vec<Inline> = merge_texts(c)
        .into_iter()
        .filter_map(|i| {
            Some(match i {
                Inline::Text { v } => Inline::Text {
                    v: expand_text(&v, ctx.expansions),
                },
                Inline::Strong { c } => Inline::Strong {
                    c: expand_inlines(c, ctx),
                },
                Inline::Emph { c } => Inline::Emph {
                    c: expand_inlines(c, ctx),
                },
                Inline::Strike { c } => Inline::Strike {
                    c: expand_inlines(c, ctx),
                },
                Inline::Link { url, c } => Inline::Link {
                    url,
                    c: expand_inlines(c, ctx),
                },
                Inline::NoteRef(label) => {
                    let c = ctx.notes.get(&label)?.clone();
                    Inline::Note {
                        c: expand_inlines(c, ctx),
                    }
                }
                other => other,
            })
        })
        .filter(|i| !matches!(i, Inline::Text { v } if v.is_empty()))
        .collect();
    merge_texts(expanded)
}

fn expand_text(v: &str, expansions: &[Expansion]) -> String {
    if !v.contains(OPEN) {
        return v.to_string();
    }
    let mut out = String::new();
    let mut rest = v;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            out.push_str(&rest[start..]);
            return out;
        };
        if let Some(Expansion::Text(t)) = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|i| expansions.get(i))
        {
            out.push_str(t);
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Where a Markdown text comes from: its file, and a map from the text's byte offsets to
/// the file's. A body is one stretch of the file; a YAML value (a step's `how: |`) is
/// found line by line in its document's YAML, so its indented lines map back exactly.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: Arc<SourceFile>,
    /// (offset in the text, offset in the file), by offset in the text.
    marks: Vec<(usize, usize)>,
}

impl Origin {
    /// `text` as read from `file`, whose YAML is `yaml`: its body when `text` is a slice of
    /// the file's text, else a value in the YAML.
    pub fn of(file: &Arc<SourceFile>, yaml: Range<usize>, text: &str) -> Origin {
        let base = file.text.as_ptr() as usize;
        let at = text.as_ptr() as usize;
        if at >= base && at + text.len() <= base + file.text.len() {
            return Origin {
                file: Arc::clone(file),
                marks: vec![(0, at - base)],
            };
        }
        let end = yaml.end.min(file.text.len());
        let mut cursor = yaml.start.min(end);
        let mut marks = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            let lead = line.len() - line.trim_start().len();
            let hay = file.text.get(cursor..end).unwrap_or("");
            // A folded or quoted value is not in the file as written: its first words are.
            let found = hay.find(trimmed).map(|i| (i, trimmed.len())).or_else(|| {
                let words: String = trimmed.split(' ').take(3).collect::<Vec<_>>().join(" ");
                (!words.is_empty())
                    .then(|| hay.find(&words).map(|i| (i, words.len())))
                    .flatten()
            });
            if let (false, Some((i, len))) = (trimmed.is_empty(), found) {
                marks.push((offset + lead, cursor + i));
                cursor += i + len;
            }
            offset += line.len();
        }
        if marks.is_empty() {
            marks.push((0, yaml.start));
        }
        Origin {
            file: Arc::clone(file),
            marks,
        }
    }

    /// The file's byte offset of byte `at` of the text.
    pub fn offset(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|(t, _)| *t <= at);
        let (t, f) = self.marks[i.saturating_sub(1)];
        let mut out = (f + at.saturating_sub(t)).min(self.file.text.len());
        while !self.file.text.is_char_boundary(out) {
            out -= 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &Shortcode) -> Expansion {
        Expansion::Drop
    }

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let rich = markdown("Hei *du*.\n\n1. **Skriv** ned\n2. Snakk\n", &none);
        assert_eq!(rich.len(), 2);
        assert!(
            matches!(&rich[1], Block::List { ordered: true, start: 1, items, .. } if items.len() == 2)
        );
        let json = serde_json::to_string(&rich).unwrap();
        assert!(
            json.contains(r#"{"t":"emph","c":[{"t":"text","v":"du"}]}"#),
            "{json}"
        );
    }

    #[test]
    fn shortcodes_inline_and_block() {
        let expand = |sc: &Shortcode| match (sc.name.as_str(), sc.arg.as_deref()) {
            ("kommune", None) => Expansion::Text("Fjordvik".into()),
            ("service", Some(id)) => Expansion::Block(Block::P {
                c: vec![Inline::Text {
                    v: format!("card {id}"),
                }],
            }),
            _ => Expansion::Drop,
        };
        let rich = markdown(
            "I {{ kommune }} er det fint.\n\n{{ service barnevern }}\n",
            &expand,
        );
        assert_eq!(
            rich,
            vec![
                Block::P {
                    c: vec![Inline::Text {
                        v: "I Fjordvik er det fint.".into()
                    }]
                },
                Block::P {
                    c: vec![Inline::Text {
                        v: "card barnevern".into()
                    }]
                },
            ]
        );
    }

    #[test]
    fn typst_markup_is_just_text() {
        let rich = markdown("#set page(width: 1pt) $x$ [a] <b> @c", &none);
        let Block::P { c } = &rich[0] else { panic!() };
        assert_eq!(
            c,
            &vec![Inline::Text {
                v: "#set page(width: 1pt) $x$ [a] <b> @c".into()
            }]
        );
    }

    #[test]
    fn task_lists_footnotes_and_aligned_tables() {
        let rich = markdown(
            "- [x] Ringt\n- [ ] Skrevet\n\nSe notatet.[^1]\n\n| A | B |\n|:-|-:|\n| 1 | 2 |\n\n[^1]: Fra *møtet*.\n",
            &none,
        );
        let json = serde_json::to_string(&rich).unwrap();
        assert!(json.contains(r#""tasks":true"#), "{json}");
        assert!(json.contains(r#"{"t":"task","done":true}"#), "{json}");
        assert!(
            json.contains(r#"{"t":"note","c":[{"t":"text","v":"Fra "},{"t":"emph""#),
            "{json}"
        );
        assert!(json.contains(r#""align":["left","right"]"#), "{json}");
        assert_eq!(rich.len(), 3, "the definition is not a block of its own: {json}");
    }

    #[test]
    fn block_starts_and_glyphs_point_into_the_source() {
        let src = "Først.\n\nI {{ kommune }} går pila → dit.\n";
        let expand = |_: &Shortcode| Expansion::Text("Fjordvik".into());
        let covers = |c: char| c != '→';
        let hooks = Hooks {
            covers: &covers,
            ..Hooks::plain(&expand)
        };
        let out = convert(src, &hooks);
        assert_eq!(out.starts, vec![0, 8]);
        assert_eq!(out.found.len(), 1);
        assert_eq!(&src[out.found[0].at.clone()], "→");
    }

    #[test]
    fn yaml_values_map_back_line_by_line() {
        let text = "---\ntitle: T\nsteps:\n  - how: |\n      Første linje.\n      | a | b |\n---\n";
        let file = Arc::new(SourceFile::new("x.md".into(), text.into()));
        let value = "Første linje.\n| a | b |\n";
        let origin = Origin::of(&file, 4..text.len() - 4, value);
        let at = value.find("| a").unwrap();
        assert_eq!(file.line_col(origin.offset(at)), (6, 7));
        let body = &file.text[file.text.len() - 4..];
        assert_eq!(Origin::of(&file, 0..0, body).offset(0), text.len() - 4);
    }
}
