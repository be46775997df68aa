//! Each Markdown text of a kommune read once for the check: its headings (the anchors of
//! every language's pages need them, and the check of the text needs them again) and the
//! events the link check walks. Parsing each text a second time for its links was a
//! measurable part of a build.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::markdown::{headings_and, HeadingInfo};

/// Most elements a Markdown text may nest inside each other (a list item in a list is two).
/// Real texts need about ten; thousands (`- - - - …`, `>>>>…`) would overflow the stack
/// of the HTML minifier when the page is written.
pub const MAX_NESTING: usize = 40;

/// What the link check needs of a text's events, in their order.
pub(super) enum Step {
    /// The first event that opens more than [`MAX_NESTING`] elements.
    TooDeep(Range<usize>),
    /// A link or image opens.
    Open {
        image: bool,
        /// An e-mail autolink (`<a@b.example>`): its address is not a path.
        email: bool,
        dest: String,
        range: Range<usize>,
    },
    /// Text, code or raw HTML inside a link or image: part of its text.
    Text(String),
    /// Raw HTML (inside a link or not), to be checked for tags the page will not show.
    Raw { html: String, range: Range<usize> },
    /// A link or image closes.
    Close,
}

/// A text as read once.
pub(super) struct Read {
    pub headings: Vec<HeadingInfo>,
    pub steps: Vec<Step>,
}

/// The texts of one kommune, read once each, by their text.
#[derive(Default)]
pub(super) struct Texts(RefCell<rustc_hash::FxHashMap<String, Rc<Read>>>);

impl Texts {
    pub(super) fn of(&self, text: &str) -> Rc<Read> {
        if let Some(found) = self.0.borrow().get(text) {
            return found.clone();
        }
        let found = Rc::new(read(text));
        self.0.borrow_mut().insert(text.to_string(), found.clone());
        found
    }
}

fn read(text: &str) -> Read {
    let mut steps = Vec::new();
    let mut depth = Depth::default();
    let mut open_links = 0usize;
    let headings = headings_and(text, |event, range| {
        if depth.exceeded_by(event) {
            steps.push(Step::TooDeep(range.clone()));
        }
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                open_links += 1;
                steps.push(Step::Open {
                    image: false,
                    email: *link_type == LinkType::Email,
                    dest: dest_url.to_string(),
                    range: range.clone(),
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                open_links += 1;
                steps.push(Step::Open {
                    image: true,
                    email: false,
                    dest: dest_url.to_string(),
                    range: range.clone(),
                });
            }
            Event::InlineHtml(t) | Event::Html(t) => steps.push(Step::Raw {
                html: t.to_string(),
                range: range.clone(),
            }),
            Event::Text(t) | Event::Code(t) if open_links > 0 => {
                steps.push(Step::Text(t.to_string()))
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                open_links = open_links.saturating_sub(1);
                steps.push(Step::Close);
            }
            _ => {}
        }
    });
    Read { headings, steps }
}

/// How deeply the elements of a Markdown text are nested, event by event.
#[derive(Default)]
pub(super) struct Depth {
    open: usize,
    reported: bool,
}

impl Depth {
    /// True for the first event that opens more than [`MAX_NESTING`] elements.
    pub(super) fn exceeded_by(&mut self, event: &Event) -> bool {
        match event {
            Event::Start(_) => self.open += 1,
            Event::End(_) => self.open = self.open.saturating_sub(1),
            _ => {}
        }
        let first = self.open > MAX_NESTING && !self.reported;
        self.reported |= first;
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_limited_once_per_text() {
        let exceeded = |text: &str| -> Vec<usize> {
            read(text)
                .steps
                .into_iter()
                .filter_map(|step| match step {
                    Step::TooDeep(range) => Some(range.start),
                    _ => None,
                })
                .collect()
        };
        // A list item in a list is two levels; 50,000 of them are reported once.
        // (`- - -` alone would be a thematic break.)
        assert_eq!(exceeded(&format!("{}x", "- ".repeat(50_000))).len(), 1);
        assert_eq!(exceeded(&format!("{} x", ">".repeat(50_000))).len(), 1);
        let ok = "> - **[*lenke*](/x/)**\n>   - ~~y~~\n";
        assert!(exceeded(ok).is_empty());
        assert!(exceeded(&format!("{}x", "- ".repeat(MAX_NESTING / 2 - 1))).is_empty());
        assert_eq!(
            exceeded(&format!("{}x", "- ".repeat(MAX_NESTING / 2 + 1))).len(),
            1
        );
    }

    #[test]
    fn a_link_keeps_its_text_and_raw_html_is_seen_inside_and_outside_links() {
        let read = read("# Tittel\n\nSe [<b>fet</b> `kode` ![bilde](x.png)](/a/) og <i>x</i>.\n");
        assert_eq!(read.headings.len(), 1);
        let steps: Vec<String> = read
            .steps
            .iter()
            .map(|step| match step {
                Step::TooDeep(_) => "deep".to_string(),
                Step::Open { image, dest, .. } => format!("open {image} {dest}"),
                Step::Text(t) => format!("text {t}"),
                Step::Raw { html, .. } => format!("raw {html}"),
                Step::Close => "close".to_string(),
            })
            .collect();
        assert_eq!(
            steps,
            [
                "open false /a/",
                "raw <b>",
                "text fet",
                "raw </b>",
                "text  ",
                "text kode",
                "text  ",
                "open true x.png",
                "text bilde",
                "close",
                "close",
                "raw <i>",
                "raw </i>",
            ]
        );
    }
}
