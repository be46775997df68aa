//! YAML errors and warnings as diagnostics an editor can act on: located at the key or
//! value, in her language (locales/*/yaml.ftl), with the fix.

use std::sync::Arc;

use super::error::{Error, Found, Kind};
use super::node::{Node, TreeError, Value};
use crate::diagnostics::{suggest, Diagnostic};
use crate::msg;
use crate::source::SourceFile;

/// Typographic quotes that Word puts around text. «…» is ordinary Norwegian and stays.
const OPENING: &[char] = &['“', '”', '‘', '’', '„'];
const CLOSING: &[char] = &['”', '“', '’', '‘'];

pub fn empty_file(file: &Arc<SourceFile>) -> Diagnostic {
    Diagnostic::error("empty-file", msg!("yaml-empty-file"))
        .in_file(file)
        .at(1, 1)
        .with_help(msg!("yaml-empty-file-help"))
}

pub fn too_deep(file: &Arc<SourceFile>, at: usize, limit: usize) -> Diagnostic {
    Diagnostic::error("nested-too-deep", msg!("yaml-too-deep", limit = limit))
        .in_file(file)
        .at_offset(at, 1)
        .with_help(msg!("yaml-too-deep-help"))
}

pub fn tree_error(file: &Arc<SourceFile>, yaml: &str, offset: usize, err: TreeError) -> Diagnostic {
    match err {
        TreeError::TooDeep { at } => too_deep(file, offset + at, super::MAX_DEPTH),
        TreeError::AliasExpansion => {
            let anchor = super::limits::first_anchor(yaml).unwrap_or(0);
            Diagnostic::error(
                "alias-expansion",
                msg!(
                    "yaml-alias-expansion",
                    mb = super::MAX_EXPANDED_BYTES / (1024 * 1024)
                ),
            )
            .in_file(file)
            .at_offset(offset + anchor, 1)
            .with_help(msg!("yaml-alias-expansion-help"))
        }
        TreeError::UnknownAlias { at } => {
            Diagnostic::error("invalid-yaml", msg!("yaml-unknown-alias"))
                .in_file(file)
                .at_offset(offset + at, 1)
                .with_help(msg!("yaml-unknown-alias-help"))
        }
        TreeError::DuplicateKey { key, span } => Diagnostic::error(
            "duplicate-key",
            msg!("yaml-duplicate-key", key = key.as_str()),
        )
        .in_file(file)
        .at_offset(offset + span.start, span.len())
        .with_help(msg!("yaml-duplicate-key-help")),
        TreeError::SecondDocument { at } => {
            Diagnostic::error("invalid-yaml", msg!("yaml-second-document"))
                .in_file(file)
                .at_offset(offset + at, 3)
                .with_help(msg!("yaml-second-document-help"))
        }
        TreeError::Syntax { info, at } => syntax(file, yaml, offset, &info, at),
    }
}

/// The lines of `yaml` with their byte offsets.
fn lines(yaml: &str) -> Vec<(usize, &str)> {
    let mut start = 0;
    yaml.split_inclusive('\n')
        .map(|l| {
            let at = start;
            start += l.len();
            (at, l.trim_end_matches('\n'))
        })
        .collect()
}

fn is_comment_or_blank(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#') || t == "---"
}

/// Whether `line` holds a `key:` (a colon followed by a space or the end of the line).
fn has_key_colon(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(':') || t.contains(": ")
}

fn syntax(file: &Arc<SourceFile>, yaml: &str, offset: usize, info: &str, at: usize) -> Diagnostic {
    let all = lines(yaml);
    let index = all.iter().rposition(|(start, _)| *start <= at).unwrap_or(0);
    let (line_start, line) = all.get(index).copied().unwrap_or((0, ""));
    if info.contains("expect ':'") || info.contains("expected ':'") {
        // The parser notices the missing colon only where the next key starts (or at the
        // end): the line without it is the nearest one above at that key's indentation.
        // Lines indented further (a block text, a continued value) are skipped.
        let indent_of = |l: &str| l.len() - l.trim_start_matches(' ').len();
        let from = if at > line_start || is_comment_or_blank(line) {
            index
        } else {
            index.saturating_sub(1)
        };
        let above = all[..=from.min(all.len().saturating_sub(1))]
            .iter()
            .rev()
            .filter(|(_, l)| !is_comment_or_blank(l));
        let target = if is_comment_or_blank(line) || at > line_start {
            above.clone().next().map(|(_, l)| indent_of(l))
        } else {
            Some(indent_of(line))
        };
        let missing = target.and_then(|target| {
            above
                .clone()
                .find(|(_, l)| indent_of(l) <= target)
                .filter(|(_, l)| indent_of(l) == target && !has_key_colon(l))
                .copied()
        });
        if let Some((start, text)) = missing {
            return missing_colon(file, offset + start, text);
        }
    }
    if info.contains("mapping values are not allowed") {
        let (key, value) = line.split_once(": ").unwrap_or(("", line));
        let value = value.trim();
        let fixed_value = if let Some(quote) = value.chars().next().filter(|c| OPENING.contains(c))
        {
            let inner = value
                .trim_start_matches(OPENING)
                .trim_end_matches(CLOSING)
                .replace('"', "'");
            let fixed = format!("{}: \"{inner}\"", key.trim());
            let value_at = offset + line_start + line.len() - line.trim_start().len();
            return Diagnostic::error(
                "invalid-yaml",
                msg!("yaml-curly-quotes-break", quote = quote.to_string()),
            )
            .in_file(file)
            .at_offset(value_at + key.trim().len() + 2, value.len())
            .with_help(msg!("yaml-curly-quotes-break-help", fixed = fixed));
        } else {
            format!("{}: \"{}\"", key.trim(), value.replace('"', "'"))
        };
        return Diagnostic::error("invalid-yaml", msg!("yaml-colon-in-value"))
            .in_file(file)
            .at_offset(offset + at, 1)
            .with_help(msg!("yaml-colon-in-value-help", fixed = fixed_value));
    }
    if info.contains("tab") {
        // Point at the tab itself, not after it.
        let tab = line.find('\t').map_or(at, |i| line_start + i);
        return Diagnostic::error("invalid-yaml", msg!("yaml-tab"))
            .in_file(file)
            .at_offset(offset + tab, 1)
            .with_help(msg!("yaml-tab-help"));
    }
    Diagnostic::error("invalid-yaml", msg!("yaml-syntax", detail = info))
        .in_file(file)
        .at_offset(offset + at, 1)
        .with_help(msg!("yaml-syntax-help"))
}

/// The error for `text`, a line at byte `at` of the file that has a key and a value but no
/// colon between them (`category "Fritid"`).
fn missing_colon(file: &Arc<SourceFile>, at: usize, text: &str) -> Diagnostic {
    let indent = text.len() - text.trim_start().len();
    let body = text.trim();
    let body = body.strip_prefix("- ").unwrap_or(body);
    let fixed = match body.split_once(' ') {
        Some((key, value)) => format!("{key}: {}", value.trim()),
        None => format!("{body}: …"),
    };
    Diagnostic::error("invalid-yaml", msg!("yaml-missing-colon"))
        .in_file(file)
        .at_offset(at + indent, text.trim().len())
        .with_help(msg!("yaml-missing-colon-help", fixed = fixed))
}

/// A warning for every plain value wrapped in typographic quotes (`title: “Helsestasjonen”`):
/// YAML keeps them as part of the text, so the page would show them.
pub fn typographic_quotes(file: &Arc<SourceFile>, offset: usize, root: &Node) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Scalar { text, plain: true } => {
                let mut chars = text.chars();
                let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
                    continue;
                };
                if OPENING.contains(&first) && CLOSING.contains(&last) {
                    let inner: String = text
                        .chars()
                        .skip(1)
                        .take(text.chars().count() - 2)
                        .collect();
                    out.push(
                        Diagnostic::warning(
                            "typographic-quotes",
                            msg!("yaml-typographic-quotes", quote = first.to_string()),
                        )
                        .in_file(file)
                        .at_offset(offset + node.span.start, node.span.len())
                        .with_help(msg!("yaml-typographic-quotes-help", inner = inner)),
                    );
                }
            }
            Value::Scalar { .. } => {}
            Value::Seq(items) => stack.extend(items.iter().rev()),
            Value::Map(entries) => {
                for (_, v) in entries.iter().rev() {
                    stack.push(v);
                }
            }
        }
        // Anchored copies share positions; report each place once.
        out.dedup_by_key(|d| (d.line, d.column));
    }
    out.sort_by_key(|d| (d.line, d.column));
    out.dedup_by_key(|d| (d.line, d.column));
    out
}

/// What a serde type expects, as a word the messages choose their text by.
fn expected_kind(expected: &str) -> &'static str {
    let e = expected.to_ascii_lowercase();
    if e.contains("sequence") || e.contains("tuple") {
        "list"
    } else if e.contains("map") || e.contains("struct") {
        "group"
    } else if [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "integer", "f32", "f64", "float",
    ]
    .iter()
    .any(|t| e.contains(t))
    {
        "number"
    } else if e.contains("bool") {
        "bool"
    } else if e.contains("string")
        || e.contains("char")
        || e.contains("str")
        || e.contains("date")
        || e.contains("variant")
    {
        "text"
    } else {
        "other"
    }
}

fn found_kind(found: Found) -> &'static str {
    match found {
        Found::Text => "text",
        Found::Number => "number",
        Found::Bool => "bool",
        Found::Nothing => "nothing",
        Found::List => "list",
        Found::Group => "group",
        Found::Other => "other",
    }
}

/// The messages of chrono's date parse errors, as serde passes them on.
const CHRONO_ERRORS: &[&str] = &[
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
];

/// The ranges of the integer types content uses.
const INTEGER_RANGES: &[(&str, &str, &str)] = &[
    ("u8", "0", "255"),
    ("u16", "0", "65535"),
    ("u32", "0", "4294967295"),
    ("i32", "-2147483648", "2147483647"),
];

pub fn de_error(file: &Arc<SourceFile>, offset: usize, err: &Error) -> Diagnostic {
    let span = err.span.clone().unwrap_or(0..0);
    let text = file
        .text
        .get(offset + span.start..offset + span.end)
        .unwrap_or("");
    // A value's first line, without its quotes, for messages.
    let shown = text
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['"', '\'']);
    let located = |d: Diagnostic| {
        d.in_file(file).at_offset(
            offset + span.start,
            text.lines().next().unwrap_or("").trim_end().len(),
        )
    };
    let mut diag = match &err.kind {
        Kind::UnknownField {
            key,
            known,
            present,
        } => {
            let list = known.join(", ");
            let help = match super::error::nearest(key, known, present) {
                Some(near) => msg!("yaml-unknown-key-help-near", near = near, known = list),
                None if known.is_empty() => msg!("yaml-unknown-key-help-none"),
                None => msg!("yaml-unknown-key-help", known = list),
            };
            return located(Diagnostic::error(
                "unknown-key",
                msg!("yaml-unknown-key", key = key.as_str()),
            ))
            .with_length(key.len())
            .with_help(help);
        }
        Kind::MissingField(key) => {
            Diagnostic::error("missing-key", msg!("yaml-missing-key", key = *key))
                .with_help(msg!("yaml-missing-key-help", key = *key))
        }
        Kind::DuplicateField(key) => {
            Diagnostic::error("duplicate-key", msg!("yaml-duplicate-key", key = *key))
                .with_help(msg!("yaml-duplicate-key-help"))
        }
        // The whole text is one line without `key: value` (`title "Om oss"`): YAML reads it
        // as one text where the keys were meant.
        Kind::InvalidType {
            found: Found::Text,
            expected,
        } if err.path.is_empty() && expected_kind(expected) == "group" => {
            let first = text.lines().next().unwrap_or("");
            return missing_colon(file, offset + span.start, first);
        }
        Kind::InvalidType { found, expected } => {
            let expected = expected_kind(expected);
            Diagnostic::error(
                "wrong-type",
                msg!(
                    "yaml-wrong-type",
                    found = found_kind(*found),
                    expected = expected
                ),
            )
            .with_help(msg!("yaml-wrong-type-help", expected = expected))
        }
        Kind::UnknownVariant { value, known } => {
            let list = known.join(", ");
            let help = match suggest(value, known.iter().copied()) {
                Some(near) => msg!("yaml-unknown-value-help-near", near = near, known = list),
                None => msg!("yaml-unknown-value-help", known = list),
            };
            Diagnostic::error(
                "unknown-value",
                msg!("yaml-unknown-value", value = value.as_str()),
            )
            .with_help(help)
        }
        Kind::InvalidValue { found, expected } => {
            match INTEGER_RANGES.iter().find(|(ty, ..)| expected == ty) {
                Some((_, from, to)) => Diagnostic::error(
                    "invalid-value",
                    msg!("yaml-number-out-of-range", value = found.as_str()),
                )
                .with_help(msg!(
                    "yaml-number-out-of-range-help",
                    from = *from,
                    to = *to
                )),
                None => Diagnostic::error(
                    "invalid-value",
                    msg!(
                        "yaml-invalid-value",
                        value = found.as_str(),
                        expected = expected.as_str()
                    ),
                ),
            }
        }
        Kind::Custom(message) if CHRONO_ERRORS.iter().any(|e| message.starts_with(e)) => {
            let id = if message.starts_with("input is out of range") {
                msg!("yaml-date-impossible", value = shown)
            } else {
                msg!("yaml-date-format", value = shown)
            };
            Diagnostic::error("invalid-date", id).with_help(msg!("yaml-date-help"))
        }
        Kind::Custom(message) => Diagnostic::error(
            "invalid-value",
            msg!("yaml-invalid", detail = message.as_str()),
        ),
        Kind::Retry | Kind::FollowUp => Diagnostic::error("invalid-yaml", msg!("yaml-syntax-help")),
    };
    let path = err.path_text();
    if !path.is_empty() {
        diag.message = msg!(
            "yaml-at-path",
            message = diag.message.as_str(),
            path = path.as_str()
        );
    }
    located(diag)
}
