//! The one place that parses YAML, so the parser can be swapped without touching content
//! modules. saphyr-parser turns the text into a tree of nodes that know their byte range
//! ([`node`]); our own serde Deserializer reads content types from that tree ([`de`]), so
//! every error is located at the key or value it is about, and every unknown key of a file
//! is reported, not just the first. [`report`] explains the errors to an editor. See
//! docs/yaml.md for the choice of parser.

mod access;
mod de;
mod error;
mod limits;
mod node;
mod report;
mod scalar;
#[cfg(test)]
mod tests;
mod write;

use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;
use crate::source::SourceFile;

pub use node::MAX_DEPTH;

/// Deepest nesting of flow collections (`[…]`, `{…}`) a YAML text may have, checked by a
/// linear scan before parsing; content needs two or three.
pub const MAX_FLOW_DEPTH: usize = 100;

/// Most bytes a YAML text may stand for once its aliases (`*name`) are expanded. Each
/// alias is a copy of its anchor's value, so a few lines of anchors and aliases can
/// otherwise ask for gigabytes ("billion laughs").
pub const MAX_EXPANDED_BYTES: usize = 32 * 1024 * 1024;

/// Parse `yaml`, which starts at byte `offset` of `file`, into `T`; the first error only.
pub fn parse<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    yaml: &str,
    offset: usize,
) -> Result<T, Diagnostic> {
    parse_all(file, yaml, offset)
        .map(|(value, _)| value)
        .map_err(|mut errors| errors.swap_remove(0))
}

/// Parse `yaml`, which starts at byte `offset` of `file`, into `T`, with its warnings
/// (typographic quotes). On failure, every error found (at least one), warnings included.
pub fn parse_all<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    yaml: &str,
    offset: usize,
) -> Result<(T, Vec<Diagnostic>), Vec<Diagnostic>> {
    let at = |local: usize| offset + local;
    if let Some(deep) = limits::flow_too_deep(yaml, MAX_FLOW_DEPTH) {
        return Err(vec![report::too_deep(file, at(deep), MAX_FLOW_DEPTH)]);
    }
    let root = match node::build(yaml, MAX_EXPANDED_BYTES) {
        Ok(Some(root)) => root,
        Ok(None) => node::Node {
            value: node::Value::Map(Vec::new()),
            span: 0..0,
        },
        Err(err) => return Err(vec![report::tree_error(file, yaml, offset, err)]),
    };
    let warnings = report::typographic_quotes(file, offset, &root);
    match de::from_node::<T>(&root) {
        Ok(value) => Ok((value, warnings)),
        Err(errors) => {
            let mut diags: Vec<Diagnostic> = errors
                .iter()
                .map(|e| report::de_error(file, offset, e))
                .collect();
            diags.extend(warnings);
            Err(diags)
        }
    }
}

/// Parse a whole YAML file.
pub fn parse_file<T: DeserializeOwned>(file: &Arc<SourceFile>) -> Result<T, Diagnostic> {
    parse_file_all(file)
        .map(|(value, _)| value)
        .map_err(|mut errors| errors.swap_remove(0))
}

/// Parse a whole YAML file, with its warnings; on failure every error (see [`parse_all`]).
pub fn parse_file_all<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
) -> Result<(T, Vec<Diagnostic>), Vec<Diagnostic>> {
    if file.text.trim().is_empty() {
        return Err(vec![report::empty_file(file)]);
    }
    parse_all(file, &file.text, 0)
}

/// Serialize plain data (maps, lists, text, numbers) as YAML: the editor's configuration,
/// scaffolding. Map keys come out in the order serde_json keeps them (sorted).
pub fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .map(|v| write::to_yaml(&v))
        .unwrap_or_default()
}

/// Read YAML that is not a content file (no file to point into): the editor's own files,
/// tests. The error is the first diagnostic's message.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let file = Arc::new(SourceFile::new("(yaml)".into(), text.to_string()));
    parse(&file, text, 0).map_err(|d| format!("{}:{}: {}", d.line, d.column, d.message))
}

/// Byte offset of the first whole-word occurrence of `needle` in `file.text[from..to]`.
/// Used to point at a value (such as a referenced id) that serde does not locate.
pub fn locate(file: &SourceFile, from: usize, to: usize, needle: &str) -> Option<usize> {
    let to = to.min(file.text.len());
    let hay = file.text.get(from..to)?;
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut search = 0;
    while let Some(pos) = hay[search..].find(needle) {
        let start = search + pos;
        let end = start + needle.len();
        let before_ok = hay[..start].chars().next_back().is_none_or(|c| !is_word(c));
        let after_ok = hay[end..].chars().next().is_none_or(|c| !is_word(c));
        if before_ok && after_ok {
            return Some(from + start);
        }
        search = end;
    }
    None
}

/// Byte offset of `needle` in the value of the top-level `key:` (from that key's line on),
/// so a word that also occurs in a comment above the key is not mistaken for the value.
/// Falls back to the first occurrence anywhere in the file.
pub fn locate_in_key(file: &SourceFile, key: &str, needle: &str) -> Option<usize> {
    let prefix = format!("{key}:");
    let mut line_start = 0;
    for line in file.text.split_inclusive('\n') {
        if line.starts_with(&prefix) {
            if let Some(at) = locate(file, line_start, usize::MAX, needle) {
                return Some(at);
            }
            break;
        }
        line_start += line.len();
    }
    locate(file, 0, usize::MAX, needle)
}
