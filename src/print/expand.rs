//! Shortcode tokens and footnote references in converted text, replaced by what they
//! stand for (see [`super::convert`]).

use std::collections::HashMap;

use super::convert::{CLOSE, OPEN};
use super::rich::{Block, Expansion, Inline};

pub(super) struct Ctx<'a> {
    pub expansions: &'a mut [Expansion],
    pub notes: &'a HashMap<String, Vec<Inline>>,
}

/// Expand the shortcode tokens and footnotes everywhere in the tree.
pub(super) fn finish(blocks: Vec<Block>, ctx: &mut Ctx) -> Vec<Block> {
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
