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

pub(super) fn check(kommune: &Kommune, diags: &mut Vec<Diagnostic>) {
    let mut files: Vec<&Arc<SourceFile>> = vec![&kommune.config_file];
    let mut seen = BTreeSet::new();
    for item in crate::registry::items(kommune) {
        for doc in &item.docs {
            if seen.insert(doc.file.display.as_str()) {
                files.push(doc.file);
            }
        }
    }
    // One pass over each file for all the placeholders (a base's files are read again for
    // every kommune that inherits them).
    static FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::new(PLACEHOLDERS.iter().map(|p| p.written))
            .expect("placeholder patterns")
    });
    for file in files {
        let mut found: Vec<(usize, usize)> = finder
            .find_overlapping_iter(file.text.as_str())
            .map(|m| (m.pattern().as_usize(), m.start()))
            .collect();
        // In the order of the placeholders, as the messages have always come.
        found.sort_unstable();
        for (index, start) in found {
            let placeholder = &PLACEHOLDERS[index];
            let (value_at, value) = placeholder.value_in_written();
            if is_comment(&file.text, start) {
                continue;
            }
            diags.push(
                Diagnostic::error(
                    CODE,
                    msg!("placeholder", what = placeholder.what, value = value),
                )
                .in_file(file)
                .at_offset(start + value_at, value.len())
                .with_help(msg!("placeholder-help", what = placeholder.what)),
            );
        }
    }
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
