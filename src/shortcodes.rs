//! Shortcodes in Markdown: `{{ name argument }}`. Scanning is separate from expansion so
//! the check stage can validate every shortcode before anything is rendered.

use std::ops::Range;

use crate::route::Route;
use crate::site::Kommune;

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
    ("film", true),
    ("report_link", false),
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
                Some(near) => crate::msg!("shortcode-unknown-near", name = &sc.name, near = near),
                None => crate::msg!(
                    "shortcode-unknown",
                    name = &sc.name,
                    known = known.join(", ")
                ),
            },
        ),
        Some(("film", _)) => match &sc.arg {
            None => Some(crate::film::parse_external("").unwrap_err()),
            Some(arg) => crate::film::parse_external(arg).err(),
        },
        Some((_, true)) if sc.arg.is_none() => {
            Some(crate::msg!("shortcode-needs-id", name = &sc.name))
        }
        Some((_, false)) if sc.arg.is_some() => {
            Some(crate::msg!("shortcode-no-argument", name = &sc.name))
        }
        _ => None,
    }
}

/// What a shortcode stands for in one kommune and language. The web, print and the
/// checks only format this; none of them looks the shortcode up on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Plain words (the kommune's name).
    Text(String),
    /// A page of the site: the words to show and where they lead.
    Link {
        label: String,
        route: Route,
        anchor: Option<String>,
        target: LinkTarget,
    },
    /// A service's contact card (a block shortcode), by id.
    ServiceCard(String),
    /// The resource persons of one kind of unit (`skole`), a block.
    Contacts(String),
    /// A film hosted elsewhere, shown as a link card (a block) or a link.
    Film(crate::film::ExternalFilm),
    /// An address outside the site (the kommune's `emergency.report_url`), shown as itself.
    External(String),
    /// Names something the kommune does not have: the checks report it; pages show the
    /// argument as written.
    Missing,
}

/// What kind of thing a link shortcode names (print formats form titles apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget {
    Form,
    Level,
    Service,
    Arena,
    Term,
}

/// Resolve `sc` for kommune `k` in `lang`: the one place a shortcode is looked up.
pub fn resolve(k: &Kommune, lang: &str, sc: &Shortcode) -> Resolved {
    let default = k.default_lang();
    let arg = sc.arg.as_deref().unwrap_or("");
    let link = |label: Option<String>, route: Route, target: LinkTarget| match label {
        Some(label) => Resolved::Link {
            label,
            route,
            anchor: None,
            target,
        },
        None => Resolved::Missing,
    };
    match sc.name.as_str() {
        "kommune" => Resolved::Text(k.config.short().to_string()),
        "kommune_full" => Resolved::Text(k.config.name.clone()),
        "form" => link(
            k.forms
                .get(arg)
                .map(|v| v.pick(lang, default).0.data.title.clone()),
            Route::Form(arg.to_string()),
            LinkTarget::Form,
        ),
        "level" => match arg.parse().ok().and_then(|n| k.level(n)) {
            Some(v) => Resolved::Link {
                label: v.pick(lang, default).0.data.title.clone(),
                route: Route::Level(v.id.clone()),
                anchor: None,
                target: LinkTarget::Level,
            },
            None => Resolved::Missing,
        },
        "service" if sc.block && k.services.contains_key(arg) => {
            Resolved::ServiceCard(arg.to_string())
        }
        "service" | "service_link" => link(
            k.services
                .get(arg)
                .map(|v| v.pick(lang, default).0.data.name.clone()),
            Route::Service(arg.to_string()),
            LinkTarget::Service,
        ),
        "arena" => link(
            k.arenas
                .get(arg)
                .map(|v| v.pick(lang, default).0.data.name.clone()),
            Route::Arena(arg.to_string()),
            LinkTarget::Arena,
        ),
        "term" => {
            let Some(glossary) = k.glossary.as_ref() else {
                return Resolved::Missing;
            };
            let doc = &glossary.pick(lang, default).0;
            let wanted = crate::slug::slugify(arg);
            match doc.data.terms.iter().find(|t| {
                t.anchor() == wanted || t.forms.iter().any(|f| crate::slug::slugify(f) == wanted)
            }) {
                Some(term) => Resolved::Link {
                    label: crate::terms::label_in_case(&term.term, arg),
                    route: Route::Glossary,
                    anchor: Some(term.anchor()),
                    target: LinkTarget::Term,
                },
                None => Resolved::Missing,
            }
        }
        "contacts" => Resolved::Contacts(arg.to_string()),
        "report_link" => match &k.config.emergency.report_url {
            Some(url) => Resolved::External(url.clone()),
            None => Resolved::Missing,
        },
        "film" => match crate::film::parse_external(arg) {
            Ok(film) => Resolved::Film(film),
            Err(_) => Resolved::Missing,
        },
        _ => Resolved::Missing,
    }
}

/// The words a shortcode shows inline in `lang` (empty for blocks and unknown ids): what
/// heading ids are made from.
pub fn label(k: &Kommune, lang: &str, sc: &Shortcode) -> String {
    match resolve(k, lang, sc) {
        Resolved::Text(text) | Resolved::Link { label: text, .. } | Resolved::External(text) => {
            text
        }
        Resolved::Film(film) if !sc.block => film.title,
        Resolved::ServiceCard(_)
        | Resolved::Contacts(_)
        | Resolved::Film(_)
        | Resolved::Missing => String::new(),
    }
}

/// Text inside `[…]` of a Markdown link must not close the bracket or start markup.
pub fn escape_link_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '*' | '_' | '`' | '<' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
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
