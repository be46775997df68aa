//! The one place that parses YAML, so the parser can be swapped without touching content
//! modules. Errors come back as located diagnostics with a plain-language hint.

use std::cell::Cell;
use std::sync::Arc;

use serde::de::{self, DeserializeOwned, DeserializeSeed};

use crate::diagnostics::{suggest, Diagnostic};
use crate::source::SourceFile;

/// Deepest nesting of flow collections (`[…]`, `{…}`) a YAML text may have. The YAML
/// scanner's time grows with the square of this depth (50,000 levels took minutes), and
/// content needs two or three.
pub const MAX_FLOW_DEPTH: usize = 100;

/// Most bytes a YAML text may stand for once its aliases (`*name`) are expanded. Each
/// alias is a copy of its anchor's value, so a few lines of anchors and aliases can
/// otherwise ask for gigabytes ("billion laughs").
pub const MAX_EXPANDED_BYTES: usize = 32 * 1024 * 1024;

/// Parse `yaml`, which starts at byte `offset` of `file`, into `T`.
pub fn parse<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    yaml: &str,
    offset: usize,
) -> Result<T, Diagnostic> {
    let yaml = if yaml.trim().is_empty() { "{}" } else { yaml };
    check_limits(file, yaml, offset)?;
    serde_yaml::from_str(yaml).map_err(|err| to_diagnostic(file, offset, &err))
}

/// Refuse YAML that would take the parser unbounded time or memory: flow collections
/// nested deeper than [`MAX_FLOW_DEPTH`], and aliases that expand beyond
/// [`MAX_EXPANDED_BYTES`].
fn check_limits(file: &Arc<SourceFile>, yaml: &str, offset: usize) -> Result<(), Diagnostic> {
    if let Some(at) = flow_too_deep(yaml, MAX_FLOW_DEPTH) {
        return Err(Diagnostic::error(
            "nested-too-deep",
            format!(
                "the YAML is nested too deeply here: more than {MAX_FLOW_DEPTH} levels of `[` or `{{`"
            ),
        )
        .in_file(file)
        .at_offset(offset + at, 1)
        .with_help("content needs only a few levels; look for `[` or `{` that are never closed"));
    }
    if let Some(anchor) = first_anchor(yaml) {
        let spent = Cell::new(0);
        if let Err(err) = Budget(&spent).deserialize(serde_yaml::Deserializer::from_str(yaml)) {
            let message = err.to_string();
            if message.contains(OVER_BUDGET) || message.contains("repetition limit exceeded") {
                return Err(Diagnostic::error(
                    "alias-expansion",
                    format!(
                        "the anchors and aliases (`&name`, `*name`) in this YAML expand to more than {} MB",
                        MAX_EXPANDED_BYTES / (1024 * 1024)
                    ),
                )
                .in_file(file)
                .at_offset(offset + anchor, 1)
                .with_help("write the values out instead of repeating them with `*name`; content files do not need YAML anchors"));
            }
            // Any other problem is reported by the real parse, with its explanation.
        }
    }
    Ok(())
}

/// Byte index in `yaml` of the first `[` or `{` that opens a flow collection nested
/// deeper than `limit`, if any. A light linear scan, not a parser: quoted scalars,
/// comments and block scalars (`|`, `>`) are skipped, and outside flow collections a
/// bracket counts only where a value starts, so brackets in plain text (Markdown links)
/// do not add up.
fn flow_too_deep(yaml: &str, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    // Indentation of the line that started a block scalar, while in one.
    let mut block_scalar: Option<usize> = None;
    let mut line_start = 0;
    for line in yaml.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let blank = line.trim().is_empty();
        if let Some(parent) = block_scalar {
            if quote.is_none() && (blank || indent > parent) {
                line_start += line.len();
                continue;
            }
            block_scalar = None;
        }
        // Whether a value can start here (outside flow collections), and the last
        // character that was not a space (inside them).
        let mut node_start = true;
        let mut last: Option<u8> = None;
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            let next_is_space = bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
            if let Some(q) = quote {
                if q == b'"' && c == b'\\' {
                    i += 2;
                    continue;
                }
                if c == q {
                    if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    quote = None;
                    node_start = false;
                    last = Some(c);
                }
                i += 1;
                continue;
            }
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if c == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) {
                break;
            }
            if depth > 0 {
                match c {
                    b'[' | b'{' => {
                        depth += 1;
                        if depth > limit {
                            return Some(line_start + i);
                        }
                    }
                    b']' | b'}' => depth -= 1,
                    b'"' | b'\'' if last.is_none_or(|l| b"[{,:".contains(&l)) => quote = Some(c),
                    _ => {}
                }
                node_start = false;
            } else if node_start {
                match c {
                    b'[' | b'{' => {
                        depth = 1;
                        if depth > limit {
                            return Some(line_start + i);
                        }
                    }
                    b'"' | b'\'' => quote = Some(c),
                    b'|' | b'>' => {
                        block_scalar = Some(indent);
                        break;
                    }
                    b'-' | b'?' | b':' if next_is_space => {}
                    b'&' | b'!' => {
                        // An anchor or a tag: the value follows it.
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                            i += 1;
                        }
                        continue;
                    }
                    _ => node_start = false,
                }
            } else if c == b':' && next_is_space {
                node_start = true;
            }
            last = Some(c);
            i += 1;
        }
        line_start += line.len();
    }
    None
}

/// Byte index of the first anchor (`&name`) in `yaml`, if it may have one. Text without
/// `&` followed by a name has no anchors, so no alias can expand: most files.
fn first_anchor(yaml: &str) -> Option<usize> {
    yaml.as_bytes()
        .windows(2)
        .position(|w| w[0] == b'&' && (w[1].is_ascii_alphanumeric() || w[1] == b'_'))
}

/// The marker of [`Budget`]'s error.
const OVER_BUDGET: &str = "veiviser: alias expansion over budget";

/// Walks a YAML document as the parser expands it (aliases included), counting the bytes
/// of its values without keeping them, and stops past [`MAX_EXPANDED_BYTES`].
#[derive(Clone, Copy)]
struct Budget<'a>(&'a Cell<usize>);

impl Budget<'_> {
    fn spend<E: de::Error>(self, bytes: usize) -> Result<(), E> {
        // Every value costs a little more than its text in memory.
        let total = self.0.get().saturating_add(bytes + 16);
        self.0.set(total);
        if total > MAX_EXPANDED_BYTES {
            Err(E::custom(OVER_BUDGET))
        } else {
            Ok(())
        }
    }
}

impl<'de> DeserializeSeed<'de> for Budget<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> de::Visitor<'de> for Budget<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.spend(8)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.spend(8)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.spend(8)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.spend(v.len())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let ((), variant) = data.variant_seed(self)?;
        de::VariantAccess::newtype_variant_seed(variant, self)
    }
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
    } else if let Some(rest) = message.strip_prefix("duplicate field `") {
        let key = rest.split('`').next().unwrap_or_default();
        // serde points at the start of the mapping; point at the second key instead.
        if let Some(second) = duplicate_key_line(file, line, column, key) {
            diag.line = second;
        }
        diag.code = "duplicate-key";
        diag.message = format!("the key `{key}` is written twice in the same place");
        diag.length = key.len();
        diag.help = Some("keep one of them (the second does not replace the first)".into());
    } else if message.contains("recursion limit exceeded") {
        diag.code = "nested-too-deep";
        diag.message = "the YAML is nested too deeply (more than 128 levels)".into();
        diag.help = Some("content needs only a few levels; look for lines indented too far, or `[` and `{` that are never closed".into());
    } else if CHRONO_ERRORS.iter().any(|e| message.starts_with(e)) {
        // A date (`reviewed:`, an event's `date:`) that chrono could not read.
        let start = file.offset(line, column);
        let length = value_length(file, line, column);
        let value = file.text[start..start + length].trim_matches(['"', '\'']);
        diag.code = "invalid-date";
        diag.message = if message.starts_with("input is out of range") {
            format!("`{value}` is not a date that exists")
        } else {
            format!("`{value}` is not a date written as YYYY-MM-DD")
        };
        diag.length = length;
        diag.help =
            Some("write dates as year-month-day with four, two and two digits: 2026-02-12".into());
    } else if message.contains("invalid value") || message.contains("invalid length") {
        diag.code = "invalid-value";
        diag.length = value_length(file, line, column);
        if let Some(range) = INTEGER_RANGES
            .iter()
            .find(|(ty, _)| message.ends_with(&format!("expected {ty}")))
            .map(|(_, range)| range)
        {
            diag.help = Some(format!("write a whole number from {range} here"));
        }
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

/// The messages of chrono's date parse errors, as serde passes them on.
const CHRONO_ERRORS: &[&str] = &[
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
];

/// The ranges of the integer types content uses, for `invalid value: integer …, expected u8`.
const INTEGER_RANGES: &[(&str, &str)] = &[
    ("u8", "0 to 255"),
    ("u16", "0 to 65535"),
    ("u32", "0 to 4294967295"),
    ("i32", "-2147483648 to 2147483647"),
];

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

/// Line (1-based) of the second `key:` of the mapping that starts at `line`/`column`.
fn duplicate_key_line(file: &SourceFile, line: usize, column: usize, key: &str) -> Option<usize> {
    let indent = column.checked_sub(1)?;
    let mut seen = 0;
    for (i, l) in file.text.lines().enumerate().skip(line.checked_sub(1)?) {
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if !l.is_char_boundary(indent.min(l.len())) {
            continue;
        }
        let (head, rest) = l.split_at(indent.min(l.len()));
        // The key sits at the mapping's column, after spaces (or `- ` on an item's line).
        if !head.chars().all(|c| c == ' ' || c == '-') {
            continue;
        }
        let ind = l.len() - l.trim_start_matches(' ').len();
        if i + 1 > line && ind < indent && !head.contains('-') {
            break;
        }
        let rest = rest.trim_start_matches(['"', '\'']);
        if rest.starts_with(key)
            && rest[key.len()..]
                .trim_start_matches(['"', '\''])
                .starts_with(':')
        {
            seen += 1;
            if seen == 2 {
                return Some(i + 1);
            }
        }
    }
    None
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
    fn dates_and_numbers_are_explained() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Dated {
            reviewed: chrono::NaiveDate,
        }
        let err = parse_file::<Dated>(&file("reviewed: 2026-02-30\n")).unwrap_err();
        assert_eq!(err.code, "invalid-date", "{err:?}");
        assert!(err
            .message
            .starts_with("`2026-02-30` is not a date that exists"));
        assert_eq!((err.line, err.column, err.length), (1, 11, 10));
        let err = parse_file::<Dated>(&file("reviewed: 12.02.2026\n")).unwrap_err();
        assert!(err
            .message
            .starts_with("`12.02.2026` is not a date written as YYYY-MM-DD"));
        let err = parse_file::<Page>(&file("title: A\nlevel: 300\n")).unwrap_err();
        assert_eq!(err.code, "invalid-value");
        assert!(err.help.unwrap().contains("0 to 255"));
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
    fn deep_flow_nesting_is_refused_quickly() {
        // 50,000 levels took minutes in the YAML scanner (its time grows with the square
        // of the depth); the scan refuses them at once, at the first level too many.
        let text = format!("title: A\nlevel: {}\n", "[".repeat(50_000));
        let f = file(&text);
        let started = std::time::Instant::now();
        let err = parse_file::<Page>(&f).unwrap_err();
        assert!(started.elapsed().as_secs() < 5);
        assert_eq!(err.code, "nested-too-deep", "{err:?}");
        assert_eq!((err.line, err.column), (2, 8 + MAX_FLOW_DEPTH));
        let ok = format!(
            "a: {}1{}\n",
            "[".repeat(MAX_FLOW_DEPTH),
            "]".repeat(MAX_FLOW_DEPTH)
        );
        assert_eq!(flow_too_deep(&ok, MAX_FLOW_DEPTH), None);
    }

    #[test]
    fn brackets_in_text_do_not_count_as_nesting() {
        let deep = "[".repeat(MAX_FLOW_DEPTH + 1);
        for text in [
            // Plain text, quoted text, comments and block scalars hold brackets freely.
            format!("how: Se {deep} og [lenken](/x/)\n"),
            format!("how: \"{deep}\"\nwho: '{deep}'\n"),
            format!("how: x # {deep}\n"),
            format!("how: |\n  {deep}\n  [a](b)\nwho: x\n"),
            format!("steps:\n  - how: >\n      {deep}\n    who: x\n"),
            format!("a: [\"{deep}\", '{deep}', b]\n"),
        ] {
            assert_eq!(flow_too_deep(&text, MAX_FLOW_DEPTH), None, "{text}");
        }
        // After a block scalar ends, nesting counts again.
        let text = format!("how: |\n  tekst\nwho: {deep}\n");
        assert!(flow_too_deep(&text, MAX_FLOW_DEPTH).is_some());
    }

    #[test]
    fn alias_expansion_is_bounded() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Keywords {
            owner: Option<String>,
            keywords: Vec<String>,
        }
        // 100 KB repeated 20,000 times: 2 GB from a 180 KB file.
        let text = format!(
            "owner: &s \"{}\"\nkeywords: [{}]\n",
            "Oppvekstkontoret ".repeat(6000),
            vec!["*s"; 20_000].join(", ")
        );
        let err = parse_file::<Keywords>(&file(&text)).unwrap_err();
        assert_eq!(err.code, "alias-expansion", "{err:?}");
        assert_eq!((err.line, err.column), (1, 8));
        // Billion laughs: nine levels of ten aliases each.
        let mut laughs = String::from("a: &a [\"ha\", \"ha\"]\n");
        for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        {
            laughs.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 10].join(", ")
            ));
        }
        let err = parse_file::<serde_yaml::Value>(&file(&laughs)).unwrap_err();
        assert_eq!(err.code, "alias-expansion", "{err:?}");
        // A few aliases are fine.
        let ok = "owner: &o Oppvekstkontoret\nkeywords: [*o, *o]\n";
        let k = parse_file::<Keywords>(&file(ok)).unwrap();
        assert_eq!(k.keywords, ["Oppvekstkontoret", "Oppvekstkontoret"]);
    }

    #[test]
    fn duplicate_key_points_at_the_second() {
        let f = file("title: A\nlevel: 1\ntitle: B\n");
        let err = parse_file::<Page>(&f).unwrap_err();
        assert_eq!(err.code, "duplicate-key", "{err:?}");
        assert_eq!(err.line, 3, "{err:?}");
        assert!(err.message.contains("`title`"));
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
