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
//! reported at the content's own file and line through an [`super::trace::Origin`].

use std::ops::Range;

use serde::Serialize;

use crate::shortcodes::Shortcode;

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
    /// Bulleted or numbered list; each item is a list of blocks. `tasks`: every item starts
    /// with a task box, which is then the item's marker.
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        tasks: bool,
    },
    Quote {
        c: Vec<Block>,
    },
    Code {
        v: String,
    },
    Rule,
    /// `align`: per column, `left`, `center`, `right` or `none`.
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        align: Vec<&'static str>,
    },
    /// An image standing on its own line: `src` is its name among the print's files.
    Image {
        src: String,
        alt: String,
    },
    /// A service card (from `{{ service id }}`).
    Service(Box<super::data::Service>),
    /// Contacts list (from `{{ contacts … }}`).
    Contacts {
        items: Vec<super::data::Contact>,
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

/// Convert Markdown to rich text. Shortcodes (found by [`crate::shortcodes::scan`], as on
/// the web) are handed to `expand`. Headings are shifted so `##` becomes level 1.
pub fn markdown(source: &str, expand: &dyn Fn(&Shortcode) -> Expansion) -> Rich {
    super::convert::convert(source, &Hooks::plain(expand)).rich
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
    super::convert::plain_of(&markdown_inline(source, expand))
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
        assert_eq!(
            rich.len(),
            3,
            "the definition is not a block of its own: {json}"
        );
    }

    #[test]
    fn block_starts_and_glyphs_point_into_the_source() {
        use super::super::convert::convert;
        let src = "Først.\n\nI {{ kommune }} går pila → dit.\n";
        let expand = |_: &Shortcode| Expansion::Text("Fjordvik".into());
        let covers = |c: char| c != '→';
        let hooks = Hooks {
            covers: &covers,
            ..Hooks::plain(&expand)
        };
        let out = convert(src, &hooks);
        assert_eq!(out.starts, vec![0, src.find("I {{").unwrap()]);
        assert_eq!(out.found.len(), 1);
        assert_eq!(&src[out.found[0].at.clone()], "→");
    }
}
