//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, heading ids,
//! shortcodes, site-relative links, and raw HTML cleaned with an allow-list (see
//! [`crate::sanitize`]) or shown as text, as the site chooses.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::sanitize::{RawHtml, RawHtmlMode};
use crate::shortcodes::{scan, Shortcode};

/// What a shortcode turns into.
pub enum Expansion {
    /// Markdown to put in place of the shortcode (links, names).
    Inline(String),
    /// HTML to put in place of the paragraph holding the shortcode (cards).
    Block(String),
}

/// Rendering settings for one page.
pub struct MarkdownContext<'a> {
    /// URL prefix for site-relative links (`/x/` → `{root}x/`), ending in `/`.
    pub root: &'a str,
    /// Where the kommune's images and files live (`bilder/x.png` → `{home}bilder/x.png`):
    /// shared by every language, so not under the language prefix.
    pub home: &'a str,
    /// Offset added to heading levels, so `#` in a body can never compete with the page h1.
    pub heading_shift: u8,
    pub expand: &'a dyn Fn(&Shortcode) -> Expansion,
    /// Link the first occurrence of each glossary term (None: no automatic links).
    pub glossary: Option<&'a crate::terms::TermLinks<'a>>,
    /// What happens to raw HTML in the text (`raw_html:` in veiviser.yaml).
    pub raw_html: &'a RawHtml,
}

#[derive(Debug, Default, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    /// Plain text, for search and summaries.
    pub text: String,
    pub headings: Vec<Heading>,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

const BLOCK_MARK: &str = "VEIVISERBLOCK";
const IMAGE_MARK: &str = "VEIVISERIMAGE";

/// Element ids used by the theme's templates; headings in content never take them.
pub const THEME_IDS: &[&str] = &[
    "hovedinnhold",
    "header-q",
    "footer-contacts",
    "footer-about",
    "footer-acute",
    "acute-title",
    "niva-steg",
    "niva-beslutning",
    "niva-ressurser",
    "search-input",
    "search-status",
    "search-results",
    "search-more",
    "skjema-tittel",
    "kategorier",
    "case-title",
    "front-levels",
    "guide-overview",
    "veileder-mer",
    "kontakter-enheter",
];

pub fn render(source: &str, ctx: &MarkdownContext) -> Rendered {
    // Expand shortcodes first: inline ones become Markdown, block ones placeholders.
    let mut blocks = Vec::new();
    let mut text = String::with_capacity(source.len());
    let mut last = 0;
    for sc in scan(source) {
        text.push_str(&source[last..sc.span.start]);
        match (ctx.expand)(&sc) {
            Expansion::Inline(md) => text.push_str(&md),
            Expansion::Block(html) => {
                text.push_str(&format!("\n\n{BLOCK_MARK}{}\n\n", blocks.len()));
                blocks.push(html);
            }
        }
        last = sc.span.end;
    }
    text.push_str(&source[last..]);

    let mut events: Vec<Event> = Parser::new_ext(&text, options()).collect();
    let mut out = Rendered::default();
    // Ids the theme uses itself are taken before any heading gets one.
    let mut used_ids: std::collections::HashSet<String> = std::collections::HashSet::new();

    // Heading ids and levels.
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level_num = heading_num(*level);
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut heading_text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    heading_text.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| crate::slug::slugify(&heading_text));
            let base = if base.is_empty() {
                "seksjon".to_string()
            } else {
                base
            };
            let mut unique = base.clone();
            let mut n = 2;
            while THEME_IDS.contains(&unique.as_str()) || !used_ids.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            let shifted = shift(level_num, ctx.heading_shift);
            out.headings.push(Heading {
                level: shifted,
                id: unique.clone(),
                text: heading_text,
            });
            if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[i] {
                *level = to_level(shifted);
                *id = Some(CowStr::from(unique));
            }
            let end = j.min(events.len() - 1);
            if let Event::End(TagEnd::Heading(level)) = &mut events[end] {
                *level = to_level(shifted);
            }
            i = j;
        }
        i += 1;
    }

    let escape = ctx.raw_html.mode == RawHtmlMode::Escape;
    let mut has_raw_html = false;
    let events = events.into_iter().map(|event| match event {
        // Raw HTML is never trusted: shown as text, or kept and cleaned below.
        Event::Html(html) | Event::InlineHtml(html) if escape => Event::Text(html),
        Event::Html(html) | Event::InlineHtml(html) => {
            has_raw_html = true;
            Event::InlineHtml(html)
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: rebase(dest_url, ctx.root, ctx.home),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: rebase(dest_url, ctx.root, ctx.home),
            title,
            id,
        }),
        other => other,
    });
    let mut events: Vec<Event> = events.collect();
    if let Some(glossary) = ctx.glossary {
        events = glossary.link(events);
    }
    for e in &events {
        match e {
            Event::Text(t) | Event::Code(t) => {
                out.text.push_str(t);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.text.push(' '),
            _ => {}
        }
    }
    let mut html = String::with_capacity(text.len() * 3 / 2);
    if has_raw_html {
        // Markdown images are set aside, so the cleaning can remove every raw <img>.
        let (events, images) = set_images_aside(events);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        // The whole body, so tags opened and closed in separate fragments stay paired.
        html = ctx.raw_html.clean(&html);
        for (n, image) in images.iter().enumerate() {
            html = html.replacen(&format!("{IMAGE_MARK}{n}X"), image, 1);
        }
    } else {
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
    }
    for (n, block) in blocks.iter().enumerate() {
        html = html.replace(&format!("<p>{BLOCK_MARK}{n}</p>"), block);
    }
    out.html = html;
    out.text = collapse_whitespace(&out.text);
    out
}

/// Replace each Markdown image with a placeholder text, returning the images' HTML.
fn set_images_aside(events: Vec<Event>) -> (Vec<Event>, Vec<String>) {
    let mut out = Vec::with_capacity(events.len());
    let mut images = Vec::new();
    let mut image: Option<Vec<Event>> = None;
    for event in events {
        match (&mut image, event) {
            (None, e @ Event::Start(Tag::Image { .. })) => image = Some(vec![e]),
            (Some(parts), e @ Event::End(TagEnd::Image)) => {
                parts.push(e);
                let mut html = String::new();
                pulldown_cmark::html::push_html(&mut html, std::mem::take(parts).into_iter());
                out.push(Event::Text(format!("{IMAGE_MARK}{}X", images.len()).into()));
                images.push(html);
                image = None;
            }
            (Some(parts), e) => parts.push(e),
            (None, e) => out.push(e),
        }
    }
    (out, images)
}

/// Words separated by single spaces (the same as `split_whitespace` joined by " ").
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Render a short Markdown text (a YAML value) as inline HTML without the `<p>` wrapper
/// when it is a single paragraph.
pub fn render_inline(source: &str, ctx: &MarkdownContext) -> String {
    let html = render(source, ctx).html;
    let trimmed = html.trim();
    if trimmed.starts_with("<p>")
        && trimmed.ends_with("</p>")
        && trimmed.matches("<p>").count() == 1
    {
        trimmed[3..trimmed.len() - 4].to_string()
    } else {
        html
    }
}

fn rebase<'a>(url: CowStr<'a>, root: &str, home: &str) -> CowStr<'a> {
    // The checks report these as errors; should one reach a page, it leads nowhere.
    if crate::sanitize::unsafe_scheme(&url).is_some() {
        return CowStr::from("#");
    }
    let files = |u: &str| u.starts_with("bilder/") || u.starts_with("filer/");
    if url.starts_with('/') && !url.starts_with("//") {
        let rest = &url[1..];
        CowStr::from(format!("{}{rest}", if files(rest) { home } else { root }))
    } else if files(&url) {
        CowStr::from(format!("{home}{url}"))
    } else {
        url
    }
}

fn heading_num(level: HeadingLevel) -> u8 {
    level as u8
}

fn shift(level: u8, by: u8) -> u8 {
    (level + by).min(6)
}

fn to_level(n: u8) -> HeadingLevel {
    match n {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx<'a>(expand: &'a dyn Fn(&Shortcode) -> Expansion) -> MarkdownContext<'a> {
        MarkdownContext {
            root: "/bti/",
            home: "/bti/",
            heading_shift: 0,
            expand,
            glossary: None,
            raw_html: &crate::sanitize::SANITIZE,
        }
    }

    fn plain(_: &Shortcode) -> Expansion {
        Expansion::Inline("X".into())
    }

    #[test]
    fn headings_get_unique_ids() {
        let r = render("## Hvem gjør hva?\n\n## Hvem gjør hva?\n", &ctx(&plain));
        assert!(r.html.contains(r#"<h2 id="hvem-gjor-hva">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="hvem-gjor-hva-2">"#));
        assert_eq!(r.headings.len(), 2);
    }

    #[test]
    fn headings_never_take_theme_ids() {
        let r = render("## Hovedinnhold\n", &ctx(&plain));
        assert!(r.html.contains(r#"<h2 id="hovedinnhold-2">"#), "{}", r.html);
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let r = render(
            "|a|b|\n|-|-|\n|1|2|\n\n~~x~~ y[^1]\n\n[^1]: note\n",
            &ctx(&plain),
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>x</del>"));
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn raw_html_is_cleaned_by_default() {
        let r = render(
            "<script>alert(1)</script>\n\nHei <b onclick=x>du</b> [x](javascript:alert(1))\n\n<div>\n\n**inne**\n\n</div>",
            &ctx(&plain),
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(r.html.contains("Hei <b>du</b>"), "{}", r.html);
        assert!(
            r.html
                .contains("<div>\n<p><strong>inne</strong></p>\n</div>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn markdown_images_survive_cleaning_but_raw_images_do_not() {
        let r = render(
            "![Et kart](/bilder/kart.png \"Kart\") <b>fet</b>\n\n<img src=x onerror=alert(1)>",
            &ctx(&plain),
        );
        assert!(
            r.html
                .contains(r#"<img src="/bti/bilder/kart.png" alt="Et kart" title="Kart" />"#),
            "{}",
            r.html
        );
        assert_eq!(r.html.matches("<img").count(), 1, "{}", r.html);
        assert!(!r.html.contains("VEIVISERIMAGE"), "{}", r.html);
    }

    #[test]
    fn raw_html_is_text_in_escape_mode() {
        let policy = RawHtml {
            mode: RawHtmlMode::Escape,
            extra_tags: Vec::new(),
        };
        let mut c = ctx(&plain);
        c.raw_html = &policy;
        let r = render("Hei <b onclick=x>du</b>", &c);
        assert!(
            r.html.contains("&lt;b onclick=x&gt;du&lt;/b&gt;"),
            "{}",
            r.html
        );
    }

    #[test]
    fn site_links_are_rebased() {
        let r = render(
            "[Skjema](/skjema/samtykke/) [ekstern](https://x.no/)",
            &ctx(&plain),
        );
        assert!(
            r.html.contains(r#"href="/bti/skjema/samtykke/""#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"href="https://x.no/""#));
    }

    #[test]
    fn shortcodes_expand_inline_and_block() {
        let expand = |sc: &Shortcode| match sc.name.as_str() {
            "kommune" => Expansion::Inline("Fjordvik".into()),
            _ => Expansion::Block("<div class=\"card\">kort</div>".into()),
        };
        let r = render(
            "I {{ kommune }} gjør vi slik.\n\n{{ service helsestasjon }}\n",
            &ctx(&expand),
        );
        assert!(r.html.contains("I Fjordvik gjør vi slik."));
        assert!(
            r.html.contains("<div class=\"card\">kort</div>"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<p><div"));
    }
}
