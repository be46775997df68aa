//! Each Markdown text of a kommune read once for the check: its headings (the anchors of
//! every language's pages need them, and the check of the text needs them again) and the
//! events the link check walks. Parsing each text a second time for its links was a
//! measurable part of a build. A text many kommuner show (what they inherit) is read once
//! for the whole build ([`TextReads`]).

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::markdown::{headings_and, HeadingInfo};
use crate::reuse::{key_of, Key, Reuse};

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

/// At most this many bytes of texts' readings are kept for the kommuner to share.
const KEPT_BYTES: usize = 16 << 20;

/// The texts the checks of a build's kommuner have read, kept for the next kommune when a
/// second one shows the same text (see [`Reuse`]).
pub struct TextReads(Reuse<Read>);

impl Default for TextReads {
    fn default() -> Self {
        TextReads(Reuse::new(KEPT_BYTES))
    }
}

/// The texts of one kommune, read once each, by their text.
pub(super) struct Texts<'a> {
    shared: &'a TextReads,
    own: RefCell<rustc_hash::FxHashMap<Key, Arc<Read>>>,
}

impl<'a> Texts<'a> {
    pub(super) fn new(shared: &'a TextReads) -> Self {
        Texts {
            shared,
            own: RefCell::default(),
        }
    }

    pub(super) fn of(&self, text: &str) -> Arc<Read> {
        let key = key_of(text.as_bytes());
        if let Some(found) = self.own.borrow().get(&key) {
            return found.clone();
        }
        let found = self.shared.0.get_or_make(key, || read(text), Read::bytes);
        self.own.borrow_mut().insert(key, found.clone());
        found
    }
}

impl Read {
    /// About what keeping the reading costs.
    fn bytes(&self) -> usize {
        let heading = |h: &HeadingInfo| h.id.len() + h.wanted.len() + h.text.len() + 96;
        let step = |s: &Step| match s {
            Step::Open { dest, .. } => dest.len(),
            Step::Text(text) | Step::Raw { html: text, .. } => text.len(),
            Step::TooDeep(_) | Step::Close => 0,
        } + 48;
        self.headings.iter().map(heading).sum::<usize>()
            + self.steps.iter().map(step).sum::<usize>()
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
    fn a_text_many_kommuner_show_is_read_once_for_them_and_a_kommunes_own_once_for_it() {
        let reads = TextReads::default();
        let inherited = "## Nivå 1 {#start}\n\nSe [skjema](/skjema/x/) og <b>dette</b>.";
        let kommuner: Vec<Texts> = (0..4).map(|_| Texts::new(&reads)).collect();
        let first = kommuner[0].of(inherited);
        // Asked again in the same kommune (another language falls back to it): not read.
        assert!(Arc::ptr_eq(&first, &kommuner[0].of(inherited)));
        let second = kommuner[1].of(inherited);
        // Kept on its second reading; the kommuner after take it.
        for texts in &kommuner[2..] {
            assert!(Arc::ptr_eq(&second, &texts.of(inherited)));
        }
        assert_eq!(reads.0.counts(), (2, 2));
        // The same reading as a text read alone.
        let alone = read(inherited);
        assert_eq!(second.headings.len(), 1);
        assert_eq!(second.headings[0].id, alone.headings[0].id);
        assert_eq!(second.steps.len(), alone.steps.len());
        // A text of one kommune's own is read for it and not kept for the others.
        kommuner[3].of("Bare her.");
        assert_eq!(reads.0.counts(), (3, 2));
        assert_eq!(reads.0.kept(), 1);
    }

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
