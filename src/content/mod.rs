//! Content types: one module per kind of content, each with its model and its tests.
//!
//! Every model denies unknown keys so a misspelt key is an error with a suggestion,
//! never silently ignored.

pub mod arenas;
pub mod contacts;
pub mod doc;
pub mod events;
pub mod forms;
pub mod glossary;
pub mod guide;
pub mod kommune;
pub mod pages;
pub mod print;
pub mod services;
pub mod training;

pub use doc::{Common, Doc};

/// Declares a content struct with the keys every page may carry (`owner`, `reviewed`,
/// `keywords`, `glossary`), so each content type lists only its own keys.
#[macro_export]
macro_rules! content_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* pub $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, serde::Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
            /// Who is responsible for the content.
            #[serde(default)]
            pub owner: Option<String>,
            /// When the content was last checked.
            #[serde(default)]
            pub reviewed: Option<chrono::NaiveDate>,
            /// Words for the search and the A–Å index.
            #[serde(default)]
            pub keywords: Vec<String>,
            /// Link glossary terms in this page's text (Markdown pages; default true).
            #[serde(default)]
            pub glossary: Option<bool>,
        }

        impl $crate::content::Common for $name {
            fn owner(&self) -> Option<&str> { self.owner.as_deref() }
            fn reviewed(&self) -> Option<chrono::NaiveDate> { self.reviewed }
            fn keywords(&self) -> &[String] { &self.keywords }
            fn link_glossary(&self) -> bool { self.glossary.unwrap_or(true) }
        }
    };
}
