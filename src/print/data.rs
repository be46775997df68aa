//! The data each print template reads from `/data.json`. Its rich text (Markdown
//! converted for the templates) is made by [`super::rich`].

use serde::Serialize;

pub use super::rich::{markdown, markdown_inline, plain, Block, Expansion, Inline, Rich};
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
