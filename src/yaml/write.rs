//! A small YAML writer for plain data (what serde_json's `Value` can hold): block mappings
//! and lists, text in plain style when YAML reads it back as the same text, in double
//! quotes (JSON's escapes, which YAML shares) when not, and text of several lines as a
//! literal block (`|`). Used for the editor's configuration and by scaffolding.

use serde_json::Value;

use super::node::is_null;
use super::scalar::{parse_bool, parse_number};

/// `value` as a YAML document (ending with a newline).
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_map(&mut out, map, 0),
        Value::Array(items) if !items.is_empty() => write_seq(&mut out, items, 0),
        scalar => {
            write_scalar(&mut out, scalar, 0);
            out.push('\n');
        }
    }
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn is_collection(value: &Value) -> bool {
    matches!(value, Value::Object(m) if !m.is_empty())
        || matches!(value, Value::Array(a) if !a.is_empty())
}

/// Keys at column `at`; the first one is written where the cursor is (after `- `).
fn write_map(out: &mut String, map: &serde_json::Map<String, Value>, at: usize) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 {
            indent(out, at);
        }
        out.push_str(&text(key));
        out.push(':');
        match value {
            Value::Object(inner) if !inner.is_empty() => {
                out.push('\n');
                indent(out, at + 2);
                write_map(out, inner, at + 2);
            }
            Value::Array(items) if !items.is_empty() => {
                out.push('\n');
                indent(out, at + 2);
                write_seq(out, items, at + 2);
            }
            scalar => {
                out.push(' ');
                write_scalar(out, scalar, at + 2);
                out.push('\n');
            }
        }
    }
}

fn write_seq(out: &mut String, items: &[Value], at: usize) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            indent(out, at);
        }
        out.push_str("- ");
        if is_collection(item) {
            match item {
                Value::Object(map) => write_map(out, map, at + 2),
                Value::Array(inner) => write_seq(out, inner, at + 2),
                _ => unreachable!(),
            }
        } else {
            write_scalar(out, item, at + 2);
            out.push('\n');
        }
    }
}

/// A scalar (or an empty collection); block text is indented to `at`.
fn write_scalar(out: &mut String, value: &Value, at: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => match literal_block(s, at) {
            Some(block) => out.push_str(&block),
            None => out.push_str(&text(s)),
        },
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

/// Text of several lines as a literal block, when it can be written as one.
fn literal_block(s: &str, at: usize) -> Option<String> {
    if !s.contains('\n') || s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return None;
    }
    let body = s.trim_end_matches('\n');
    // A first line that starts with a space would need an indentation indicator.
    if body.is_empty() || body.starts_with([' ', '\t']) {
        return None;
    }
    let chomp = match s.len() - body.len() {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let mut block = format!("|{chomp}");
    for line in s.strip_suffix('\n').unwrap_or(s).split('\n') {
        block.push('\n');
        if !line.is_empty() {
            block.extend(std::iter::repeat_n(' ', at));
            block.push_str(line);
        }
    }
    Some(block)
}

/// Text as a plain scalar when YAML reads it back as the same text, else double-quoted.
fn text(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_string()
    } else {
        serde_json::to_string(s).expect("a string serializes")
    }
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let reserved_start = "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace();
    // Words other YAML readers (YAML 1.1) take for booleans stay quoted too.
    let ambiguous = is_null(s)
        || parse_bool(s).is_some()
        || parse_number(s).is_some()
        || matches!(
            s.to_ascii_lowercase().as_str(),
            "yes" | "no" | "on" | "off" | "y" | "n"
        );
    !reserved_start
        && !ambiguous
        && !s.ends_with(char::is_whitespace)
        && !s.ends_with(':')
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.chars().any(char::is_control)
        && !s.starts_with("---")
        && !s.starts_with("...")
}
