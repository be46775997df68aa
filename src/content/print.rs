//! `trykk/`: print products (posters, brochures, the whole guide).

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    /// Front matter of a print product (`trykk/<id>.md`): a poster, brochure or the guide.
    pub struct PrintProduct {
        /// The title.
        pub title: String,
        /// poster, brochure or guide.
        pub kind: PrintKind,
        /// Paper size: A3, A4 or A5.
        pub format: PaperFormat,
    }
}

/// The kind of a print product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PrintKind {
    Poster,
    Brochure,
    Guide,
}

/// A paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
pub enum PaperFormat {
    A3,
    A4,
    A5,
}
