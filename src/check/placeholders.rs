//! The placeholder values `veiviser new` writes (an invented kommunenummer and phone
//! numbers, "Skriv …" texts) must not be published: `check` and `build` refuse them with
//! the code `placeholder`, saying what to fill in; `serve` and `build --allow-placeholders`
//! show them as warnings (the preview as a banner on every page).

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::scaffold::PLACEHOLDERS;
use crate::site::Kommune;
use crate::source::SourceFile;

/// The code of every placeholder diagnostic.
pub const CODE: &str = "placeholder";

/// The placeholders in the files of `kommuner`: each file once, however many kommuner
/// inherit it (a base's files were read again for every kommune before).
pub(super) fn check(kommuner: &[Kommune]) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut seen = BTreeSet::new();
    let mut files: Vec<&Arc<SourceFile>> = Vec::new();
    for kommune in kommuner {
        if seen.insert(kommune.config_file.display.as_str()) {
            files.push(&kommune.config_file);
        }
        for item in crate::registry::items(kommune) {
            for doc in &item.docs {
                if seen.insert(doc.file.display.as_str()) {
                    files.push(doc.file);
                }
            }
        }
    }
    files
        .par_iter()
        .flat_map_iter(|file| in_file(file))
        .collect()
}

/// The placeholders in one file, in the order of [`PLACEHOLDERS`] (as the messages have
/// always come), all found in one pass.
fn in_file(file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    use aho_corasick::{AhoCorasick, MatchKind};
    use std::sync::OnceLock;
    static FINDER: OnceLock<AhoCorasick> = OnceLock::new();
    static ANY: OnceLock<AhoCorasick> = OnceLock::new();
    let patterns = || PLACEHOLDERS.iter().map(|p| p.written);
    let finder = FINDER.get_or_init(|| AhoCorasick::new(patterns()).expect("placeholder patterns"));
    // Almost no file has one. A leftmost search can use SIMD prefilters (an overlapping
    // one cannot) and says so quickly; only a file with a match is searched for every
    // overlapping one.
    let any = ANY.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(patterns())
            .expect("placeholder patterns")
    });
    if !any.is_match(file.text.as_str()) {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize)> = finder
        .find_overlapping_iter(file.text.as_str())
        .map(|m| (m.pattern().as_usize(), m.start()))
        .collect();
    found.sort_unstable();
    found
        .into_iter()
        .filter(|&(_, start)| !is_comment(&file.text, start))
        .map(|(index, start)| {
            let placeholder = &PLACEHOLDERS[index];
            let (value_at, value) = placeholder.value_in_written();
            Diagnostic::error(
                CODE,
                msg!("placeholder", what = placeholder.what, value = value),
            )
            .in_file(file)
            .at_offset(start + value_at, value.len())
            .with_help(msg!("placeholder-help", what = placeholder.what))
        })
        .collect()
}

/// Whether the text at `offset` is on a `#` comment line.
fn is_comment(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..offset].trim_start().starts_with('#')
}

/// Placeholder diagnostics become warnings: the preview (and `build
/// --allow-placeholders`) shows a site that is not ready to publish yet.
pub fn allow(diags: &mut [Diagnostic]) {
    for d in diags.iter_mut().filter(|d| d.code == CODE) {
        d.severity = crate::diagnostics::Severity::Warning;
    }
}
