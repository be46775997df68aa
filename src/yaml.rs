//! The one place that parses YAML, so the parser can be swapped without touching content
//! modules. Errors come back as located diagnostics with a plain-language hint.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostics::{suggest, Diagnostic};
use crate::source::SourceFile;

/// Parse `yaml`, which starts at byte `offset` of `file`, into `T`.
pub fn parse<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    yaml: &str,
    offset: usize,
) -> Result<T, Diagnostic> {
    let yaml = if yaml.trim().is_empty() { "{}" } else { yaml };
    serde_yaml::from_str(yaml).map_err(|err| to_diagnostic(file, offset, &err))
}

/// Parse a whole YAML file.
pub fn parse_file<T: DeserializeOwned>(file: &Arc<SourceFile>) -> Result<T, Diagnostic> {
    if file.text.trim().is_empty() {
        return Err(Diagnostic::error("empty-file", "the file is empty")
            .in_file(file)
            .at(1, 1)
            .with_help("fill in the required keys, or delete the file"));
    }
    parse(file, &file.text, 0)
}

/// Serialize a value as YAML (used by scaffolding).
pub fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

fn to_diagnostic(file: &Arc<SourceFile>, offset: usize, err: &serde_yaml::Error) -> Diagnostic {
    let raw = err.to_string();
    // serde_yaml appends " at line L column C"; we report the location ourselves.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    let (line, column) = match err.location() {
        Some(loc) => {
            let (base_line, _) = file.line_col(offset);
            (base_line + loc.line() - 1, loc.column())
        }
        None => file.line_col(offset),
    };
    // serde_yaml prefixes messages about nested values with their path (`steps[0].how: …`).
    let (path, message) = match message.split_once(": ") {
        Some((p, rest)) if !p.contains(' ') && !p.is_empty() => {
            (Some(p.to_string()), rest.to_string())
        }
        _ => (None, message),
    };
    let diag = Diagnostic::error("invalid-yaml", message.clone())
        .in_file(file)
        .at(line, column);
    let mut diag = explain(diag, &message, file, line, column);
    if let Some(path) = path {
        diag.message = format!("{} (at `{path}`)", diag.message);
    }
    diag
}

/// Turn serde's wording into something an editor can act on.
fn explain(
    mut diag: Diagnostic,
    message: &str,
    file: &SourceFile,
    line: usize,
    column: usize,
) -> Diagnostic {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default().to_string();
        let known: Vec<&str> = rest
            .split('`')
            .skip(1)
            .filter(|s| !s.trim().is_empty() && !s.contains(','))
            .filter(|s| !s.contains("expected"))
            .collect();
        // Keys already written in the same mapping are not what the editor meant.
        let present = sibling_keys(file, line, column);
        let known: Vec<&str> = known
            .into_iter()
            .filter(|k| !present.iter().any(|p| p == k))
            .collect();
        diag.code = "unknown-key";
        diag.message = format!("unknown key `{key}`");
        diag.length = key.len();
        diag.help = Some(match suggest(&key, known.iter().copied()) {
            Some(near) => format!(
                "did you mean `{near}`? Known keys here: {}",
                known.join(", ")
            ),
            None if known.is_empty() => "remove this key".to_string(),
            None => format!(
                "remove it, or use one of the known keys: {}",
                known.join(", ")
            ),
        });
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default();
        diag.code = "missing-key";
        diag.message = format!("the required key `{key}` is missing");
        diag.help = Some(format!("add a line `{key}: ...` here"));
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        diag.code = "wrong-type";
        diag.message = format!("wrong type of value: found {rest}");
        diag.help = Some(type_help(rest));
        diag.length = value_length(file, line, column);
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or_default();
        let known: Vec<&str> = rest
            .split('`')
            .skip(1)
            .filter(|s| !s.trim().is_empty() && !s.contains(','))
            .filter(|s| !s.contains("expected"))
            .collect();
        diag.code = "unknown-value";
        diag.message = format!("`{value}` is not an allowed value");
        diag.length = value.len();
        diag.help = Some(match suggest(value, known.iter().copied()) {
            Some(near) => format!("did you mean `{near}`? Allowed: {}", known.join(", ")),
            None => format!("use one of: {}", known.join(", ")),
        });
    } else if message.contains("invalid value") || message.contains("invalid length") {
        diag.code = "invalid-value";
        diag.length = value_length(file, line, column);
    } else {
        diag.code = "invalid-yaml";
        diag.message = format!("this is not valid YAML: {message}");
        diag.help = Some(
            "check the indentation (spaces, not tabs) and put text containing `:` or `#` in quotes"
                .into(),
        );
    }
    diag
}

/// Keys of the mapping that holds the key at `line`/`column` (1-based), for suggestions.
fn sibling_keys(file: &SourceFile, line: usize, column: usize) -> Vec<String> {
    let lines: Vec<&str> = file.text.lines().collect();
    let Some(idx) = line.checked_sub(1).filter(|i| *i < lines.len()) else {
        return Vec::new();
    };
    let indent = column.saturating_sub(1);
    let indent_of = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let item_start = |l: &str| {
        let ind = indent_of(l);
        l[ind..].starts_with("- ") && ind + 2 == indent
    };
    let key_of = |l: &str| -> Option<String> {
        let mut ind = indent_of(l);
        let mut rest = &l[ind..];
        if let Some(r) = rest.strip_prefix("- ") {
            ind += 2;
            rest = r;
        }
        (ind == indent)
            .then(|| rest.split_once(':').map(|(k, _)| k.trim().to_string()))
            .flatten()
    };
    let fence = |l: &str| l.trim_end() == "---";
    let mut keys = Vec::new();
    for l in lines[..=idx].iter().rev() {
        if fence(l) {
            break;
        }
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if indent_of(l) < indent && !item_start(l) {
            break;
        }
        keys.extend(key_of(l));
        if item_start(l) {
            break;
        }
    }
    for l in &lines[idx + 1..] {
        if fence(l) {
            break;
        }
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if indent_of(l) < indent || item_start(l) {
            break;
        }
        keys.extend(key_of(l));
    }
    keys
}

fn type_help(found_expected: &str) -> String {
    let expected = found_expected
        .split("expected ")
        .nth(1)
        .unwrap_or("another type");
    let plain = if expected.contains("sequence") {
        "a list (lines starting with `- `, or `[a, b]`)".to_string()
    } else if expected.contains("map") || expected.contains("struct") {
        "a group of `key: value` lines indented under this key".to_string()
    } else if expected.contains("u8") || expected.contains("u32") || expected.contains("integer") {
        "a whole number".to_string()
    } else if expected.contains("bool") {
        "`true` or `false`".to_string()
    } else if expected.contains("string") {
        "text (put it in quotes if it looks like a number, a date or yes/no)".to_string()
    } else {
        expected.to_string()
    };
    format!("write {plain} here")
}

fn value_length(file: &SourceFile, line: usize, column: usize) -> usize {
    let start = file.offset(line, column);
    file.text[start..]
        .split('\n')
        .next()
        .map_or(0, |l| l.trim_end().len())
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Page {
        title: String,
        level: Option<u8>,
    }

    fn file(text: &str) -> Arc<SourceFile> {
        Arc::new(SourceFile::new("x.md".into(), text.into()))
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let f = file("---\nlevel: 1\ntitel: B\n---\n");
        let err = parse::<Page>(&f, &f.text[4..21], 4).unwrap_err();
        assert_eq!(err.code, "unknown-key");
        assert_eq!(err.line, 3, "{err:?}");
        assert!(err.help.unwrap().contains("did you mean `title`"));
    }

    #[test]
    fn suggestions_skip_keys_of_the_same_mapping_only() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Field {
            #[serde(rename = "type")]
            kind: String,
            label: Option<String>,
        }
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Form {
            fields: Vec<Field>,
        }
        let f = file("fields:\n  - type: text\n    label: Å\n  - type: text\n    lable: Ø\n");
        let err = parse_file::<Form>(&f).unwrap_err();
        assert_eq!(err.code, "unknown-key", "{err:?}");
        assert!(
            err.help
                .as_deref()
                .unwrap()
                .contains("did you mean `label`?"),
            "{err:?}"
        );
        // Multi-byte letters in indentation-sensitive scanning never panic.
        let f = file("fields:\n  - type: text\nå: x\n  hvem: y\n");
        let _ = parse_file::<Form>(&f);
        let f = file("ååå: 1\n  æøå: 2\n");
        let _ = parse_file::<Form>(&f);
    }

    #[test]
    fn wrong_type_is_located() {
        let f = file("title: A\nlevel: høy\n");
        let err = parse_file::<Page>(&f).unwrap_err();
        assert_eq!(err.code, "wrong-type");
        assert_eq!(err.line, 2);
        assert!(err.help.unwrap().contains("whole number"));
    }

    #[test]
    fn missing_key_is_named() {
        let err = parse_file::<Page>(&file("level: 1\n")).unwrap_err();
        assert_eq!(err.code, "missing-key");
        assert!(err.message.contains("`title`"));
    }

    #[test]
    fn syntax_error_is_located() {
        let err = parse_file::<Page>(&file("title: A\n  bad: [\n")).unwrap_err();
        assert_eq!(err.code, "invalid-yaml");
        assert!(err.line >= 2, "{err:?}");
    }

    #[test]
    fn locate_finds_whole_words() {
        let f = file("forms: [samtykke-2, samtykke]\n");
        assert_eq!(locate(&f, 0, f.text.len(), "samtykke"), Some(20));
        assert_eq!(locate(&f, 0, f.text.len(), "nope"), None);
    }

    #[test]
    fn locate_in_key_skips_comments_above_the_key() {
        let f = file("# arver fra felles\nname: x\ninherits: felles\n");
        assert_eq!(locate_in_key(&f, "inherits", "felles"), Some(37));
        assert_eq!(locate_in_key(&f, "languages", "felles"), Some(12));
    }
}
