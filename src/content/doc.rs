//! A parsed content file: its data, where it came from, and which language it is in.

use std::sync::Arc;

use crate::source::SourceFile;

/// Keys shared by every kind of page.
pub trait Common {
    fn owner(&self) -> Option<&str>;
    fn reviewed(&self) -> Option<chrono::NaiveDate>;
    fn keywords(&self) -> &[String];
    fn link_glossary(&self) -> bool;
}

/// One content file (one language variant of one item).
#[derive(Debug)]
pub struct Doc<T> {
    /// The item's id: the file name without language suffix and extension.
    pub id: String,
    /// Language of this variant.
    pub lang: String,
    pub file: Arc<SourceFile>,
    /// Byte range of the YAML (front matter, or the whole file for .yaml).
    pub yaml_start: usize,
    pub yaml_end: usize,
    /// Byte offset where the Markdown body starts (file length for .yaml files).
    pub body_offset: usize,
    pub data: T,
}

impl<T> Doc<T> {
    pub fn body(&self) -> &str {
        &self.file.text[self.body_offset..]
    }

    /// Byte offset of `needle` inside this document's YAML, for locating a value.
    pub fn locate(&self, needle: &str) -> Option<usize> {
        crate::yaml::locate(&self.file, self.yaml_start, self.yaml_end, needle)
    }

    /// Byte offset of `needle` anywhere in the file (e.g. Markdown inside a YAML value).
    pub fn locate_anywhere(&self, needle: &str) -> Option<usize> {
        self.file.text.find(needle)
    }
}
