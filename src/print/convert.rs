//! Markdown → [`Rich`]: pulldown-cmark's events, with the web's options plus task lists,
//! collected into blocks and inlines; offsets kept for the source map (see [`super::rich`]).

use std::collections::HashMap;
use std::ops::Range;

use super::expand::{finish, Ctx};
use super::rich::{Block, Converted, Expansion, Found, Hooks, Inline, Problem};

pub(super) const OPEN: char = '\u{E000}';
pub(super) const CLOSE: char = '\u{E001}';

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

/// [`super::rich::markdown`] with everything a print needs (see [`Hooks`]), and what will not print.
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
                                        let at =
                                            shifts.source(range.start)..shifts.source(range.end);
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
        if !token
            && !c.is_whitespace()
            && !c.is_control()
            && !(hooks.covers)(c)
            && !out.contains(&c)
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
pub(super) fn plain_of(c: &[Inline]) -> String {
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
