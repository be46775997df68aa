//! Shortcodes in Markdown: `{{ name argument }}`. Scanning is separate from expansion so
//! the check stage can validate every shortcode before anything is rendered.

use std::ops::Range;

/// One shortcode occurrence in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortcode {
    pub name: String,
    pub arg: Option<String>,
    /// Byte range of the whole `{{ … }}` in the scanned text.
    pub span: Range<usize>,
    /// True when the shortcode stands alone on its line (a block).
    pub block: bool,
}

/// Every shortcode we know, with whether it needs an argument.
pub const KNOWN: &[(&str, bool)] = &[
    ("kommune", false),
    ("kommune_full", false),
    ("form", true),
    ("level", true),
    ("service", true),
    ("service_link", true),
    ("arena", true),
    ("contacts", true),
    ("term", true),
];

/// Find every `{{ … }}` in `text`, skipping fenced code blocks and inline code.
pub fn scan(text: &str) -> Vec<Shortcode> {
    let mut out = Vec::new();
    // Most texts have no shortcode at all: one quick search instead of a walk per line.
    if !text.contains("{{") {
        return out;
    }
    let mut offset = 0;
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        } else if !in_fence {
            scan_line(line, offset, &mut out);
        }
        offset += line.len();
    }
    out
}

fn scan_line(line: &str, offset: usize, out: &mut Vec<Shortcode>) {
    let mut pos = 0;
    let mut in_code = false;
    let bytes = line.as_bytes();
    while pos < line.len() {
        if bytes[pos] == b'`' {
            in_code = !in_code;
            pos += 1;
            continue;
        }
        if !in_code && bytes[pos] == b'{' && bytes.get(pos + 1) == Some(&b'{') {
            if let Some(end) = line[pos + 2..].find("}}") {
                let inner = line[pos + 2..pos + 2 + end].trim();
                let mut parts = inner.split_whitespace();
                let name = parts.next().unwrap_or("").to_string();
                let rest: Vec<&str> = parts.collect();
                let arg = (!rest.is_empty()).then(|| rest.join(" ").trim_matches('"').to_string());
                let span_end = pos + 2 + end + 2;
                let block = line[..pos].trim().is_empty() && line[span_end..].trim().is_empty();
                out.push(Shortcode {
                    name,
                    arg,
                    span: offset + pos..offset + span_end,
                    block,
                });
                pos = span_end;
                continue;
            }
        }
        // Byte by byte: `{` and `` ` `` are ASCII, never part of another character.
        pos += 1;
    }
}

/// What is wrong with a shortcode's form (not its references), if anything.
pub fn form_problem(sc: &Shortcode) -> Option<String> {
    let known: Vec<&str> = KNOWN.iter().map(|(n, _)| *n).collect();
    match KNOWN.iter().find(|(n, _)| *n == sc.name) {
        None => Some(
            match crate::diagnostics::suggest(&sc.name, known.iter().copied()) {
                Some(near) => format!("unknown shortcode `{}`; did you mean `{near}`?", sc.name),
                None => format!(
                    "unknown shortcode `{}`; known: {}",
                    sc.name,
                    known.join(", ")
                ),
            },
        ),
        Some((_, true)) if sc.arg.is_none() => Some(format!(
            "`{{{{ {} … }}}}` needs an id, e.g. `{{{{ {} samtykke }}}}`",
            sc.name, sc.name
        )),
        Some((_, false)) if sc.arg.is_some() => Some(format!("`{}` takes no argument", sc.name)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_and_block_shortcodes() {
        let text = "Hei {{ kommune }}!\n\n{{ service helsestasjon }}\n\n`{{ not }}`\n```\n{{ nope }}\n```\n";
        let found = scan(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "kommune");
        assert!(!found[0].block);
        assert_eq!(&text[found[0].span.clone()], "{{ kommune }}");
        assert_eq!(found[1].arg.as_deref(), Some("helsestasjon"));
        assert!(found[1].block);
    }

    #[test]
    fn validates_form() {
        let sc = |t: &str| scan(t).remove(0);
        assert!(form_problem(&sc("{{ skjema x }}")).is_some());
        assert!(form_problem(&sc("{{ form }}")).is_some());
        assert!(form_problem(&sc("{{ form samtykke }}")).is_none());
        assert!(form_problem(&sc("{{ kommune x }}")).is_some());
    }
}
