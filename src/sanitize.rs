//! Raw HTML in Markdown: cleaned with a small allow-list (ammonia) before it reaches a page.
//! Content comes from many editors and is published under the kommune's name, so no
//! scripts, event handlers, styles, frames, forms or `javascript:` URLs ever pass, whatever
//! a site adds to the list in `veiviser.yaml` (`raw_html:`).

use std::borrow::Cow;
use std::collections::HashSet;

use serde::Deserialize;

/// `raw_html:` in `veiviser.yaml`.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHtml {
    /// `sanitize` (default): allowed tags are kept, everything else is removed.
    /// `escape`: raw HTML is shown as text.
    #[serde(default)]
    pub mode: RawHtmlMode,
    /// Tags allowed in addition to the default list (for example `kbd`). Tags that can run
    /// code, load resources or change the page (script, style, iframe, img, form, …) cannot
    /// be added.
    #[serde(default)]
    pub extra_tags: Vec<String>,
}

/// The default policy (sanitize, no extra tags), for code paths without a site config.
pub static SANITIZE: RawHtml = RawHtml {
    mode: RawHtmlMode::Sanitize,
    extra_tags: Vec::new(),
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawHtmlMode {
    #[default]
    Sanitize,
    Escape,
}

/// Tags an editor may write as raw HTML. Headings h1/h2 and images are left out on purpose:
/// they have Markdown syntax, which the heading and alt-text checks see.
pub const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "blockquote",
    "bdo",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Tags that can never be allowed: they run code, load or embed other resources, submit
/// data, or change how the whole page behaves.
pub const FORBIDDEN_TAGS: &[&str] = &[
    "applet", "audio", "base", "button", "canvas", "embed", "form", "frame", "frameset", "iframe",
    "img", "input", "link", "math", "meta", "noscript", "object", "picture", "portal", "script",
    "select", "source", "style", "svg", "template", "textarea", "track", "video",
];

/// Tags the Markdown renderer itself writes (and so must survive cleaning of a page that
/// also holds raw HTML). Markdown images are set aside before cleaning, see
/// [`crate::markdown::render`], so every `<img>` written as HTML is removed.
const MARKDOWN_TAGS: &[&str] = &["h1", "h2"];

/// URL schemes links may use; relative links are kept as they are.
const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

impl RawHtml {
    /// Clean one rendered Markdown body (raw HTML plus what the renderer wrote around it).
    pub fn clean(&self, html: &str) -> String {
        let mut tags: HashSet<&str> = ALLOWED_TAGS.iter().copied().collect();
        tags.extend(MARKDOWN_TAGS);
        tags.extend(
            self.extra_tags
                .iter()
                .map(String::as_str)
                .filter(|t| !FORBIDDEN_TAGS.contains(t)),
        );
        let generic: HashSet<&str> = ["class", "dir", "lang", "title"].into();
        let mut builder = ammonia::Builder::default();
        builder
            .tags(tags)
            .generic_attributes(generic)
            .tag_attributes(
                [
                    ("a", ["href", "id"].into()),
                    ("abbr", ["title"].into()),
                    ("div", ["id"].into()),
                    ("h1", ["id"].into()),
                    ("h2", ["id"].into()),
                    ("h3", ["id"].into()),
                    ("h4", ["id"].into()),
                    ("h5", ["id"].into()),
                    ("h6", ["id"].into()),
                    ("li", ["id"].into()),
                    ("ol", ["start"].into()),
                    ("td", ["colspan", "rowspan"].into()),
                    ("th", ["colspan", "rowspan", "scope"].into()),
                    ("time", ["datetime"].into()),
                ]
                .into(),
            )
            .url_schemes(URL_SCHEMES.iter().copied().collect())
            .url_relative(ammonia::UrlRelative::PassThrough)
            // Links stay as written (no rel added): external links are checked elsewhere.
            .link_rel(None)
            .strip_comments(true)
            .attribute_filter(|element, attribute, value| match (element, attribute) {
                // Ids the theme's templates use are never taken by content.
                (_, "id") if crate::markdown::THEME_IDS.contains(&value) => None,
                _ => Some(Cow::Borrowed(value)),
            });
        builder.clean(html).to_string()
    }
}

/// The scheme of a URL when it is one links may not use (`javascript:`, `data:`,
/// `vbscript:`, …). Browsers ignore tabs, newlines and case in schemes, so this does too.
pub fn unsafe_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take_while(|c| *c != '/' && *c != '?' && *c != '#')
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (is_scheme && !URL_SCHEMES.contains(&scheme.as_str())).then_some(scheme)
}

/// Tag names in a fragment of raw HTML (`<b>`, `</b>`, `<br/>`), lowercased, in order.
/// Used by the checks to tell editors which tags were removed.
pub fn tag_names(fragment: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = fragment;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if !name.is_empty() && name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            names.push(name.to_ascii_lowercase());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str) -> String {
        RawHtml::default().clean(html)
    }

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed() {
        let out = clean(
            r#"<p>Hei <script>alert(1)</script><b onclick="x()">fet</b>
            <a href="javascript:alert(1)">lenke</a> <a href="JaVaScRiPt:alert(1)">2</a>
            <a href="https://x.no/" onmouseover="x()">trygg</a><img src=x onerror=alert(1)>
            <iframe src="https://evil.example/"></iframe><style>p{}</style>
            <div style="position:fixed">s</div></p>"#,
        );
        for bad in [
            "<script",
            "alert(1)</",
            "onclick",
            "onmouseover",
            "javascript:",
            "JaVaScRiPt",
            "onerror",
            "<iframe",
            "<style",
            "style=",
        ] {
            assert!(
                !out.to_lowercase().contains(&bad.to_lowercase()),
                "{bad} in {out}"
            );
        }
        assert!(out.contains("<b>fet</b>"), "{out}");
        assert!(
            out.contains(r#"<a href="https://x.no/">trygg</a>"#),
            "{out}"
        );
    }

    #[test]
    fn allowed_tags_and_markdown_output_survive() {
        let html = r#"<h2 id="a">T</h2><details><summary>Mer</summary><p>Tekst <kbd>Ctrl</kbd></p></details><table><tr><th scope="col">x</th></tr></table><a href="/bti/skjema/">s</a><a href="mailto:a@b.no">e</a><a href="tel:+4799999999">t</a>"#;
        let out = clean(html);
        for good in [
            r#"<h2 id="a">"#,
            "<details><summary>Mer</summary>",
            "<kbd>Ctrl</kbd>",
            r#"<th scope="col">"#,
            r#"href="/bti/skjema/""#,
            r#"href="mailto:a@b.no""#,
            r#"href="tel:+4799999999""#,
        ] {
            assert!(out.contains(good), "{good} missing in {out}");
        }
    }

    #[test]
    fn theme_ids_and_unbalanced_tags_are_handled() {
        let out = clean(r#"<div id="hovedinnhold">x</div><p><b>open"#);
        assert!(!out.contains("hovedinnhold"), "{out}");
        assert!(out.ends_with("</b></p>"), "{out}");
    }

    #[test]
    fn forbidden_tags_cannot_be_added() {
        let policy = RawHtml {
            mode: RawHtmlMode::Sanitize,
            extra_tags: vec!["script".into(), "iframe".into(), "meter".into()],
        };
        let out = policy.clean("<script>x()</script><iframe></iframe><meter>1</meter>");
        assert_eq!(out, "<meter>1</meter>");
    }

    #[test]
    fn unsafe_schemes_are_found() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(unsafe_scheme(bad).is_some(), "{bad}");
        }
        for good in [
            "https://x.no/",
            "mailto:a@b.no",
            "tel:+47",
            "/skjema/",
            "../a:b",
            "side#a:b",
            "?q=a:b",
        ] {
            assert_eq!(unsafe_scheme(good), None, "{good}");
        }
    }

    #[test]
    fn tag_names_are_found() {
        assert_eq!(
            tag_names("<B onclick=x>y</B><br/> 3 < 4 <a-b>"),
            ["b", "b", "br", "a-b"]
        );
    }
}
