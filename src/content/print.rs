//! `trykk/`: print products (posters, brochures, the whole guide).

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    pub struct PrintProduct {
        pub title: String,
        pub kind: PrintKind,
        pub format: PaperFormat,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PrintKind {
    Poster,
    Brochure,
    Guide,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum PaperFormat {
    A3,
    A4,
    A5,
}
