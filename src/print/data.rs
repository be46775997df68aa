//! The data each print template reads from `/data.json`, and Markdown → rich text.
//!
//! Markdown is not handed to Typst as markup (it would need escaping and `eval`); it is
//! converted here to a small tree of blocks and inlines ([`Block`], [`Inline`]) that
//! `print/common.typ` draws. Text stays text, so nothing in the content can break a template.

use crate::shortcodes::Shortcode;
use serde::Serialize;

/// Rich text: a list of blocks.
pub type Rich = Vec<Block>;

/// A block of rich text. JSON: `{"t": "p", "c": [...]}` and so on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Block {
    /// Paragraph.
    P {
        c: Vec<Inline>,
    },
    /// Heading; `level` 1 is the largest heading *inside* the text (Markdown `##` → 1 when
    /// the page title is the `#`).
    H {
        level: u8,
        c: Vec<Inline>,
    },
    /// Bulleted or numbered list; each item is a list of blocks.
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Quote {
        c: Vec<Block>,
    },
    Code {
        v: String,
    },
    Rule,
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A service card (from `{{ service id }}`).
    Service(Box<Service>),
    /// Contacts list (from `{{ contacts … }}`).
    Contacts {
        items: Vec<Contact>,
    },
    /// A film: on paper its title, duration and address, with a QR code (SVG) to it.
    Film {
        title: String,
        duration: Option<String>,
        url: String,
        qr: String,
    },
    /// The report-of-concern address (`{{ report_link }}` on its own line), with a QR code.
    Link {
        url: String,
        qr: String,
    },
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

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Convert Markdown to rich text. Shortcodes (found by [`crate::shortcodes::scan`], as on
/// the web) are handed to `expand`. Headings are shifted so `##` becomes level 1.
pub fn markdown(source: &str, expand: &dyn Fn(&Shortcode) -> Expansion) -> Rich {
    markdown_with_films(source, expand, &|_, _| None)
}

/// [`markdown`], with the films placed with image syntax (`![Tittel](bilder/x.mp4)`) made
/// blocks of their own by `film` (from the address as written and the title), after the
/// paragraph they stand in.
pub fn markdown_with_films(
    source: &str,
    expand: &dyn Fn(&Shortcode) -> Expansion,
    film: &dyn Fn(&str, &str) -> Option<Block>,
) -> Rich {
    // Replace each shortcode by a private-use token so the Markdown parser leaves it alone.
    let mut expansions: Vec<Expansion> = Vec::new();
    let mut text = String::with_capacity(source.len());
    let mut last = 0;
    for sc in crate::shortcodes::scan(source) {
        text.push_str(&source[last..sc.span.start]);
        text.push(OPEN);
        text.push_str(&expansions.len().to_string());
        text.push(CLOSE);
        expansions.push(expand(&sc));
        last = sc.span.end;
    }
    text.push_str(&source[last..]);

    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);

    // A stack of open containers; each collects blocks or inlines.
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
        },
    }
    let mut stack: Vec<Open> = vec![Open::Blocks(Vec::new())];
    let mut tags: Vec<Tag> = Vec::new();
    // Films seen in the paragraph being read, to follow it.
    let mut films: Vec<Block> = Vec::new();

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

    for event in Parser::new_ext(&text, options) {
        match event {
            Event::Start(tag) => {
                match &tag {
                    Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Link { .. }
                    | Tag::TableCell => stack.push(Open::Inlines(Vec::new())),
                    Tag::BlockQuote(_) => stack.push(Open::Blocks(Vec::new())),
                    Tag::List(start) => stack.push(Open::List {
                        ordered: start.is_some(),
                        start: start.unwrap_or(1),
                        items: Vec::new(),
                    }),
                    Tag::Item => stack.push(Open::Item(Vec::new(), Vec::new())),
                    Tag::Table(_) => stack.push(Open::Table {
                        head: Vec::new(),
                        rows: Vec::new(),
                        row: Vec::new(),
                    }),
                    Tag::CodeBlock(_) => stack.push(Open::Inlines(Vec::new())),
                    Tag::Image { dest_url, .. } if crate::film::is_film(dest_url) => {
                        stack.push(Open::Inlines(Vec::new()))
                    }
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
                            if !empty || films.is_empty() {
                                push_block(&mut stack, Block::P { c });
                            }
                        }
                        for block in films.drain(..) {
                            push_block(&mut stack, block);
                        }
                    }
                    TagEnd::Image => {
                        if let Some(Tag::Image { dest_url, .. }) = &tag {
                            if crate::film::is_film(dest_url) {
                                if let Some(Open::Inlines(c)) = stack.pop() {
                                    let title = plain_of(&c);
                                    match film(dest_url, title.trim()) {
                                        Some(block) => films.push(block),
                                        None => push_inline(&mut stack, Inline::Text { v: title }),
                                    }
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
                            push_block(
                                &mut stack,
                                Block::List {
                                    ordered,
                                    start,
                                    items,
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
                        if let Some(Open::Table { head, rows, .. }) = stack.pop() {
                            push_block(&mut stack, Block::Table { head, rows });
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => push_inline(&mut stack, Inline::Text { v: t.to_string() }),
            Event::Code(t) => push_inline(&mut stack, Inline::Code { v: t.to_string() }),
            Event::SoftBreak => push_inline(&mut stack, Inline::Text { v: " ".into() }),
            Event::HardBreak => push_inline(&mut stack, Inline::Br),
            Event::Rule => push_block(&mut stack, Block::Rule),
            // Raw HTML is shown as text, as on the web pages.
            Event::Html(t) | Event::InlineHtml(t) => {
                push_inline(&mut stack, Inline::Text { v: t.to_string() })
            }
            _ => {}
        }
    }
    for block in films {
        push_block(&mut stack, block);
    }
    match stack.into_iter().next() {
        Some(Open::Blocks(blocks)) => finish(blocks, &mut expansions),
        _ => Vec::new(),
    }
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
        }
    }
    out
}

/// Expand the shortcode tokens everywhere in the tree.
fn finish(blocks: Vec<Block>, expansions: &mut [Expansion]) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::P { c } => out.extend(split_blocks(c, expansions)),
            Block::H { level, c } => out.push(Block::H {
                level,
                c: expand_inlines(c, expansions),
            }),
            Block::List {
                ordered,
                start,
                items,
            } => out.push(Block::List {
                ordered,
                start,
                items: items.into_iter().map(|i| finish(i, expansions)).collect(),
            }),
            Block::Quote { c } => out.push(Block::Quote {
                c: finish(c, expansions),
            }),
            Block::Table { head, rows } => out.push(Block::Table {
                head: head
                    .into_iter()
                    .map(|c| expand_inlines(c, expansions))
                    .collect(),
                rows: rows
                    .into_iter()
                    .map(|r| {
                        r.into_iter()
                            .map(|c| expand_inlines(c, expansions))
                            .collect()
                    })
                    .collect(),
            }),
            other => out.push(other),
        }
    }
    out
}

/// Inline-only Markdown (a one-line field such as a step's `who`), as one paragraph's inlines.
pub fn markdown_inline(source: &str, expand: &dyn Fn(&Shortcode) -> Expansion) -> Vec<Inline> {
    markdown(source, expand)
        .into_iter()
        .flat_map(|b| match b {
            Block::P { c } => c,
            _ => Vec::new(),
        })
        .collect()
}

/// Plain text of Markdown (no formatting): for titles and one-liners.
pub fn plain(source: &str, expand: &dyn Fn(&Shortcode) -> Expansion) -> String {
    fn walk(inlines: &[Inline], out: &mut String) {
        for i in inlines {
            match i {
                Inline::Text { v } | Inline::Code { v } => out.push_str(v),
                Inline::Strong { c } | Inline::Emph { c } | Inline::Strike { c } => walk(c, out),
                Inline::Link { c, .. } => walk(c, out),
                Inline::Br => out.push(' '),
            }
        }
    }
    let mut out = String::new();
    walk(&markdown_inline(source, expand), &mut out);
    out
}

/// A paragraph's inlines with the shortcode tokens expanded; a paragraph that is only a
/// block shortcode becomes that block.
fn split_blocks(c: Vec<Inline>, expansions: &mut [Expansion]) -> Vec<Block> {
    // Merge adjacent texts so tokens are whole.
    let c = merge_texts(c);
    if let [Inline::Text { v }] = c.as_slice() {
        let trimmed = v.trim();
        if let Some(i) = token(trimmed) {
            if let Some(e) = expansions.get_mut(i) {
                match std::mem::replace(e, Expansion::Drop) {
                    Expansion::Block(b) => return vec![b],
                    Expansion::Drop => return vec![],
                    Expansion::Text(t) => *e = Expansion::Text(t),
                }
            }
        }
    }
    let c = expand_inlines(c, expansions);
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

fn expand_inlines(c: Vec<Inline>, expansions: &mut [Expansion]) -> Vec<Inline> {
    merge_texts(
        merge_texts(c)
            .into_iter()
            .map(|i| match i {
                Inline::Text { v } => Inline::Text {
                    v: expand_text(&v, expansions),
                },
                Inline::Strong { c } => Inline::Strong {
                    c: expand_inlines(c, expansions),
                },
                Inline::Emph { c } => Inline::Emph {
                    c: expand_inlines(c, expansions),
                },
                Inline::Strike { c } => Inline::Strike {
                    c: expand_inlines(c, expansions),
                },
                Inline::Link { url, c } => Inline::Link {
                    url,
                    c: expand_inlines(c, expansions),
                },
                other => other,
            })
            .filter(|i| !matches!(i, Inline::Text { v } if v.is_empty()))
            .collect(),
    )
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

// ---------------------------------------------------------------------------------------
// Data per template
// ---------------------------------------------------------------------------------------

/// What every print carries. `lang` picks the labels (`/i18n/<lang>.yaml` and
/// `/print/labels.yaml`), the text direction and the hyphenation.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Language code of the text: `nb`, `nn`, `en`, `ar`, `ti`, `uk`, `se`.
    pub lang: String,
    /// "Fjordvik kommune".
    pub kommune: String,
    /// "Fjordvik".
    pub kommune_short: String,
    /// Version = date of the content, `YYYY-MM-DD`; printed as "Versjon 2026-11-22".
    pub version: String,
    /// The online guide (what the QR code points to), absolute URL.
    pub url: String,
    /// Brand colour (hex `#rrggbb`) and the text colour on it.
    pub primary_color: String,
    pub text_on_primary: String,
    /// Name of the logo among the extra files (`logo.svg`), if any.
    pub logo: Option<String>,
    pub logo_alt: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Emergency {
    pub child_welfare_phone: Option<String>,
    pub child_welfare_after_hours: Option<String>,
    pub police_phone: Option<String>,
    pub report_url: Option<String>,
    /// Alarmtelefonen for barn og unge (116 111), unless turned off.
    pub child_helpline_phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// One level at a glance: number, short title, one line.
#[derive(Debug, Clone, Serialize)]
pub struct LevelLine {
    pub number: u8,
    pub title: String,
    pub summary: String,
}

/// `print/poster.typ`: one page, A4 or A3.
#[derive(Debug, Clone, Serialize)]
pub struct Poster {
    pub meta: Meta,
    /// `"a4"` or `"a3"`.
    pub paper: String,
    pub title: String,
    /// The body of the `trykk/plakat-*.md` page.
    pub body: Rich,
    pub levels: Vec<LevelLine>,
    pub emergency: Emergency,
    pub contacts: Vec<Contact>,
    /// Name of the QR code SVG among the extra files (`qr.svg`).
    pub qr: String,
}

/// `print/brochure.typ`: A5 pages in reading order, padded to a multiple of 4 with the back
/// page last.
#[derive(Debug, Clone, Serialize)]
pub struct Brochure {
    pub meta: Meta,
    pub title: String,
    pub body: Rich,
    pub emergency: Emergency,
    pub contacts: Vec<Contact>,
    pub qr: Option<String>,
}

/// `print/booklet.typ`: imposes an A5 PDF two-up on A4 landscape in saddle-stitch order.
#[derive(Debug, Clone, Serialize)]
pub struct Booklet {
    /// Name of the A5 PDF among the extra files.
    pub source: String,
    pub pages: usize,
    /// `"rtl"` binds on the right (Arabic): every spread is mirrored.
    pub dir: String,
}

/// A form, for `print/form.typ` (alone) or inside the guide.
#[derive(Debug, Clone, Serialize)]
pub struct Form {
    pub id: String,
    pub title: String,
    pub description: Rich,
    pub intro: Rich,
    pub levels: Vec<u8>,
    pub sections: Vec<FormSection>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FormSection {
    pub title: String,
    pub description: Rich,
    pub fields: Vec<FormField>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FormField {
    /// `text`, `textarea`, `date`, `checkbox`, `radio`, `checkboxes`, `signature`, `info`.
    pub kind: String,
    pub label: String,
    pub hint: String,
    pub required: bool,
    /// `short`, `medium`, `long` (text fields).
    pub width: Option<String>,
    /// Lines to write on (textarea).
    pub rows: Option<u16>,
    pub options: Vec<String>,
    /// `info` fields: the text.
    pub text: Rich,
}

/// `print/form.typ`: one blank form.
#[derive(Debug, Clone, Serialize)]
pub struct FormPrint {
    pub meta: Meta,
    pub form: Form,
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub title: String,
    pub how: Rich,
    pub who: Vec<Inline>,
    pub tools: Vec<Inline>,
    pub deadline: Option<String>,
    /// Titles of the forms the step uses.
    pub forms: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Level {
    pub number: u8,
    pub title: String,
    pub short_title: String,
    pub summary: String,
    pub purpose: Rich,
    pub lead: Vec<Inline>,
    pub deadline: Option<String>,
    pub steps: Vec<Step>,
    pub decision: Rich,
    /// The level page's Markdown body (tips etc.).
    pub body: Rich,
    pub forms: Vec<String>,
    pub services: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Service {
    pub name: String,
    pub category: Option<String>,
    /// "0–5".
    pub ages: Option<String>,
    pub description: Rich,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub opening_hours: Option<String>,
    pub web: Option<String>,
    pub referral: Rich,
}

/// `print/guide.typ`: the whole guide, A4.
#[derive(Debug, Clone, Serialize)]
pub struct Guide {
    pub meta: Meta,
    pub title: String,
    /// `veileder/index.md` front matter `intro` (lead paragraph on the cover).
    pub lead: String,
    /// The `trykk/veilederen.md` body (about this printout), on the cover's back.
    pub about: Rich,
    /// The `veileder/index.md` body.
    pub intro: Rich,
    pub levels: Vec<Level>,
    pub forms: Vec<Form>,
    pub services: Vec<Service>,
    /// The meeting arenas (`arenaer/`), by name.
    pub arenas: Vec<Arena>,
    /// The glossary's terms in the print language, in alphabetical order.
    pub glossary: Vec<Term>,
    pub emergency: Emergency,
    pub contacts: Vec<Contact>,
    /// Name of the QR code SVG among the extra files (set by [`super::guide`]).
    pub qr: Option<String>,
}

/// A meeting arena in the whole-guide PDF.
#[derive(Debug, Clone, Serialize)]
pub struct Arena {
    pub name: String,
    pub mandate: Rich,
    pub members: Vec<String>,
    pub frequency: Option<String>,
    /// The i18n key of how a case is brought (`case_mode_anonymous` …).
    pub case_mode: String,
    pub how_to_bring: Rich,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
}

/// A glossary term in the whole-guide PDF.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub term: String,
    pub explanation: Rich,
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
            matches!(&rich[1], Block::List { ordered: true, start: 1, items } if items.len() == 2)
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
}
