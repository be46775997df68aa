//! Films: a video file of the kommune placed with Markdown's image syntax
//! (`![Informasjonsfilm om BTI](bilder/bti.mp4)`), with its captions beside it
//! (`bilder/bti.nb.vtt`, `bilder/bti.en.vtt`) and an optional poster image
//! (`bilder/bti.jpg`); and films hosted elsewhere, which are only ever linked
//! (`{{ film https://video.example/123 "Tittel" 3:20 }}`).
//!
//! This module knows the files and the HTML; the checks (`check/markdown.rs`) and the
//! renderer (`render/film.rs`) use it, so they agree on which captions a film has.

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Tag, TagEnd};

/// Video formats a browser plays without plug-ins, with their MIME types.
pub const FORMATS: &[(&str, &str)] = &[("mp4", "video/mp4"), ("webm", "video/webm")];

/// Poster image extensions looked for beside a film, in this order.
pub const POSTERS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// Default of `film_max_mb` in veiviser.yaml.
pub const DEFAULT_MAX_MB: u64 = 50;

/// The MIME type of a film's address (`bilder/bti.mp4` → `video/mp4`), or None when it is
/// not a film.
pub fn mime(dest: &str) -> Option<&'static str> {
    let path = dest.split(['?', '#']).next().unwrap_or("");
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    FORMATS.iter().find(|(e, _)| *e == ext).map(|(_, m)| *m)
}

pub fn is_film(dest: &str) -> bool {
    mime(dest).is_some()
}

/// A film's address as written (`bilder/bti.mp4`, `/bilder/bti.mp4`, `bilder/min%20film.mp4`)
/// as the path of a kommune file, when it names one in `bilder/` or `filer/`.
pub fn asset_path(dest: &str) -> Option<String> {
    let dest = dest.trim();
    let dest = dest.strip_prefix('/').unwrap_or(dest);
    let path = dest.split(['?', '#']).next().unwrap_or("");
    let path = percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned();
    let ok = (path.starts_with("bilder/") || path.starts_with("filer/"))
        && !path
            .split('/')
            .any(|p| p == ".." || p == "." || p.is_empty());
    ok.then_some(path)
}

/// `bilder/bti.mp4` → `bilder/bti`.
fn stem(film: &str) -> &str {
    film.rsplit_once('.').map_or(film, |(s, _)| s)
}

/// The captions file of a film in one language: `bilder/bti.mp4` → `bilder/bti.nb.vtt`.
pub fn captions_path(film: &str, lang: &str) -> String {
    format!("{}.{lang}.vtt", stem(film))
}

/// The languages a film has captions in (files that exist), in the order of
/// [`crate::i18n::LANGUAGES`].
pub fn caption_langs(film: &str, assets: &BTreeMap<String, PathBuf>) -> Vec<&'static str> {
    crate::i18n::LANGUAGES
        .iter()
        .map(|l| l.code)
        .filter(|lang| assets.contains_key(&captions_path(film, lang)))
        .collect()
}

/// The poster image beside a film (`bilder/bti.jpg`), if there is one.
pub fn poster_path(film: &str, assets: &BTreeMap<String, PathBuf>) -> Option<String> {
    POSTERS
        .iter()
        .map(|ext| format!("{}.{ext}", stem(film)))
        .find(|p| assets.contains_key(p))
}

/// A film's length in milliseconds, read from an MP4 file's movie header (`moov/mvhd`).
/// None for WebM and for files it cannot read.
pub fn duration_ms(path: &Path) -> Option<u64> {
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let moov = find_box(&mut file, 0, len, b"moov")?;
    let (start, end) = moov;
    let (mvhd, _) = find_box(&mut file, start, end, b"mvhd")?;
    file.seek(SeekFrom::Start(mvhd)).ok()?;
    let mut head = [0u8; 32];
    file.read_exact(&mut head).ok()?;
    let (scale, duration) = if head[0] == 1 {
        let scale = u32::from_be_bytes(head[20..24].try_into().ok()?) as u64;
        let duration = u64::from_be_bytes(head[24..32].try_into().ok()?);
        (scale, duration)
    } else {
        let scale = u32::from_be_bytes(head[12..16].try_into().ok()?) as u64;
        let duration = u32::from_be_bytes(head[16..20].try_into().ok()?) as u64;
        (scale, duration)
    };
    (scale > 0).then(|| duration.saturating_mul(1000) / scale)
}

/// How long a film of the kommune is, as `m:ss`: from the MP4 file, else from the end of
/// its captions' last cue.
pub fn length(film: &str, assets: &BTreeMap<String, PathBuf>) -> Option<String> {
    let from_captions = || {
        caption_langs(film, assets).into_iter().find_map(|lang| {
            let text = std::fs::read_to_string(assets.get(&captions_path(film, lang))?).ok()?;
            crate::vtt::parse(&text).ok()?.last().map(|c| c.end)
        })
    };
    let ms = assets
        .get(film)
        .and_then(|p| duration_ms(p))
        .or_else(from_captions)?;
    Some(crate::vtt::clock(ms))
}

/// The content (start, end) of the first box named `name` among the boxes in
/// `start..end` of an MP4 file.
fn find_box<F: Read + Seek>(
    file: &mut F,
    start: u64,
    end: u64,
    name: &[u8; 4],
) -> Option<(u64, u64)> {
    let mut at = start;
    while at + 8 <= end {
        file.seek(SeekFrom::Start(at)).ok()?;
        let mut header = [0u8; 16];
        file.read_exact(&mut header[..8]).ok()?;
        let size32 = u32::from_be_bytes(header[0..4].try_into().ok()?) as u64;
        let (size, header_len) = match size32 {
            0 => (end - at, 8),
            1 => {
                file.read_exact(&mut header[8..16]).ok()?;
                (u64::from_be_bytes(header[8..16].try_into().ok()?), 16)
            }
            n => (n, 8),
        };
        if size < header_len || at + size > end {
            return None;
        }
        if &header[4..8] == name {
            return Some((at + header_len, at + size));
        }
        at += size;
    }
    None
}

/// A film hosted elsewhere: `{{ film https://video.example/123 "Tittel" 3:20 }}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalFilm {
    pub url: String,
    pub title: String,
    /// As written (`3:20`, `1:02:03`).
    pub duration: String,
    /// The host's name without `www.` (`vimeo.com`).
    pub host: String,
}

/// Read the argument of a `{{ film … }}` shortcode: an https address, a title in quotes
/// and a duration.
pub fn parse_external(arg: &str) -> Result<ExternalFilm, String> {
    let arg = arg.trim();
    let (url, rest) = arg.split_once(char::is_whitespace).unwrap_or((arg, ""));
    let host = url
        .strip_prefix("https://")
        .map(|r| r.split(['/', '?', '#']).next().unwrap_or(""))
        .filter(|h| !h.is_empty() && !h.contains('@') && !h.contains(char::is_whitespace))
        .ok_or_else(|| crate::msg!("film-link-not-https", url = url))?;
    let host = host.split(':').next().unwrap_or(host);
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    let rest = rest.trim();
    let quoted = rest
        .strip_prefix('"')
        .and_then(|r| r.split_once('"'))
        .filter(|(title, _)| !title.trim().is_empty());
    let Some((title, after)) = quoted else {
        return Err(crate::msg!("film-link-no-title"));
    };
    let duration = after.trim();
    if !is_duration(duration) {
        return Err(crate::msg!("film-link-duration", duration = duration));
    }
    Ok(ExternalFilm {
        url: url.to_string(),
        title: title.trim().to_string(),
        duration: duration.to_string(),
        host,
    })
}

/// `3:20`, `12:05` or `1:02:03`.
fn is_duration(s: &str) -> bool {
    let parts: Vec<&str> = s.split(':').collect();
    let digits = |p: &str, max_len: usize| {
        !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit())
    };
    let sixty = |p: &str| p.len() == 2 && digits(p, 2) && p < "60";
    match parts.as_slice() {
        [m, s] => digits(m, 3) && sixty(s),
        [h, m, s] => digits(h, 2) && sixty(m) && sixty(s),
        _ => false,
    }
}

/// Makes a film's HTML from its address as written and its title.
pub type FilmRenderer<'a> = dyn Fn(&str, &str) -> Option<Film> + 'a;

/// A film on the page: the block that replaces its paragraph, and its words for search.
#[derive(Debug, Clone, Default)]
pub struct Film {
    pub html: String,
    /// A link to the film, where it stands inside a sentence (the checks report that).
    pub inline: String,
    /// The title and transcript, for the search index.
    pub text: String,
}

/// Whether `event` starts a Markdown image of a film (see [`is_film`]).
pub(crate) fn is_film_image(event: &Event) -> bool {
    matches!(event, Event::Start(Tag::Image { dest_url, .. }) if is_film(dest_url))
}

/// Replace each Markdown image of a film (see [`is_film`]) with a placeholder text
/// (`{mark}{n}X`), collecting the films' HTML from `film`. An image `film` knows nothing of stays.
/// The events are copied: the renderer calls this only for a text with a film image
/// ([`is_film_image`]).
pub(crate) fn set_aside<'e>(
    events: Vec<Event<'e>>,
    film: &FilmRenderer<'_>,
    films: &mut Vec<Film>,
    mark: &str,
) -> Vec<Event<'e>> {
    let mut out = Vec::with_capacity(events.len());
    let mut open: Option<Vec<Event>> = None;
    for event in events {
        match (&mut open, event) {
            (None, e) if is_film_image(&e) => open = Some(vec![e]),
            (Some(parts), Event::End(TagEnd::Image)) => {
                let mut parts = std::mem::take(parts);
                open = None;
                let Event::Start(Tag::Image { dest_url, .. }) = &parts[0] else {
                    continue;
                };
                let title: String = parts
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                match film(dest_url, title.trim()) {
                    Some(f) => {
                        out.push(Event::Text(format!("{mark}{}X", films.len()).into()));
                        films.push(f);
                    }
                    None => {
                        parts.push(Event::End(TagEnd::Image));
                        out.append(&mut parts);
                    }
                }
            }
            (Some(parts), e) => parts.push(e),
            (None, e) => out.push(e),
        }
    }
    out
}

/// `&`, `<`, `>` and `"` as character references.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// One captions track of a film on a page.
pub struct Track {
    pub url: String,
    pub lang: &'static str,
    pub label: &'static str,
    pub default: bool,
}

/// Everything a film's HTML shows. Strings are plain text (escaped here).
pub struct FilmView {
    pub title: String,
    pub src: String,
    pub mime: &'static str,
    pub poster: Option<String>,
    pub tracks: Vec<Track>,
    /// The transcript's language and paragraphs (empty: no transcript).
    pub transcript_lang: String,
    pub transcript: Vec<String>,
    /// `3:20`, when known.
    pub duration: Option<String>,
    /// The film's full address, for print.
    pub address: String,
    /// UI words: "Film", "Tekstversjon av filmen", "Last ned filmen".
    pub word_film: String,
    pub word_transcript: String,
    pub word_download: String,
}

/// The film as a block: the player with its captions, the title, the transcript in a
/// `<details>`, and a line that only print shows (title, duration and address).
pub fn figure_html(f: &FilmView) -> String {
    let mut h = String::new();
    h.push_str("<div class=\"film\">\n<figure>\n<video controls preload=\"none\"");
    if let Some(poster) = &f.poster {
        h.push_str(&format!(" poster=\"{}\"", esc(poster)));
    }
    h.push_str(&format!(
        ">\n<source src=\"{}\" type=\"{}\">\n",
        esc(&f.src),
        f.mime
    ));
    for t in &f.tracks {
        h.push_str(&format!(
            "<track kind=\"captions\" src=\"{}\" srclang=\"{}\" label=\"{}\"{}>\n",
            esc(&t.url),
            t.lang,
            esc(t.label),
            if t.default { " default" } else { "" }
        ));
    }
    h.push_str(&format!(
        "<a href=\"{}\">{}</a>\n</video>\n<figcaption>{}",
        esc(&f.src),
        esc(&f.word_download),
        esc(&f.title)
    ));
    if let Some(d) = &f.duration {
        h.push_str(&format!(" <span class=\"film-duration\">({d})</span>"));
    }
    h.push_str("</figcaption>\n</figure>\n");
    if !f.transcript.is_empty() {
        h.push_str(&format!(
            "<details class=\"film-transcript\" lang=\"{}\" dir=\"{}\">\n<summary>{}</summary>\n",
            f.transcript_lang,
            crate::i18n::dir(&f.transcript_lang),
            esc(&f.word_transcript)
        ));
        for p in &f.transcript {
            h.push_str(&format!("<p>{}</p>\n", esc(p)));
        }
        h.push_str("</details>\n");
    }
    h.push_str(&print_line(
        &f.word_film,
        &f.title,
        f.duration.as_deref(),
        &f.address,
    ));
    if !f.transcript.is_empty() {
        // A closed <details> prints closed: paper gets the transcript from this copy.
        h.push_str(&format!(
            "<div class=\"film-print\" lang=\"{}\" dir=\"{}\">\n",
            f.transcript_lang,
            crate::i18n::dir(&f.transcript_lang)
        ));
        for p in &f.transcript {
            h.push_str(&format!("<p>{}</p>\n", esc(p)));
        }
        h.push_str("</div>\n");
    }
    h.push_str("</div>\n");
    h
}

/// What print shows where a film is: `Film: Tittel (3:20): https://…`.
fn print_line(word_film: &str, title: &str, duration: Option<&str>, address: &str) -> String {
    let duration = duration.map(|d| format!(" ({d})")).unwrap_or_default();
    format!(
        "<p class=\"film-print\">{}: {}{duration}: <span class=\"film-address\">{}</span></p>\n",
        esc(word_film),
        esc(title),
        esc(address)
    )
}

/// A film hosted elsewhere as a link card: its title (the link), duration and host. No
/// player and nothing loaded from the host: the reader's click is the first request.
pub fn external_card_html(film: &ExternalFilm, word_film: &str, opens_at: &str) -> String {
    let opens_at = opens_at.replace("{host}", &film.host);
    format!(
        "<div class=\"film-card\">\n<p class=\"film-card-title\"><a href=\"{}\" rel=\"external noopener noreferrer\">{}</a></p>\n<p class=\"film-card-meta\">{}, {} – {}</p>\n{}</div>\n",
        esc(&film.url),
        esc(&film.title),
        esc(word_film),
        esc(&film.duration),
        esc(&opens_at),
        print_line(word_film, &film.title, Some(&film.duration), &film.url)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn films_are_known_by_extension() {
        assert_eq!(mime("bilder/bti.mp4"), Some("video/mp4"));
        assert_eq!(mime("/bilder/BTI.WEBM#t=2"), Some("video/webm"));
        assert_eq!(mime("bilder/bti.png"), None);
        assert_eq!(
            asset_path("/bilder/min%20film.mp4").as_deref(),
            Some("bilder/min film.mp4")
        );
        assert_eq!(asset_path("../bilder/x.mp4"), None);
        assert_eq!(asset_path("https://x.example/x.mp4"), None);
        assert_eq!(captions_path("bilder/bti.mp4", "nb"), "bilder/bti.nb.vtt");
    }

    #[test]
    fn external_films_need_address_title_and_duration() {
        let f = parse_external("https://www.Video.example/v/123 \"Hva er BTI?\" 3:20").unwrap();
        assert_eq!(f.host, "video.example");
        assert_eq!(f.title, "Hva er BTI?");
        assert_eq!(f.duration, "3:20");
        assert!(parse_external("http://video.example/1 \"T\" 3:20").is_err());
        assert!(parse_external("https://video.example/1 3:20").is_err());
        assert!(parse_external("https://video.example/1 \"T\" 3 min").is_err());
        assert!(parse_external("https://video.example/1 \"T\" 1:02:03").is_ok());
        assert!(parse_external("https://video.example/1 \"T\" 3:75").is_err());
    }

    #[test]
    fn an_external_card_is_a_link_and_nothing_else() {
        let f = parse_external("https://video.example/v/1 \"Tittel <b>\" 3:20").unwrap();
        let html = external_card_html(&f, "Film", "åpnes hos {host}");
        assert!(
            html.contains("href=\"https://video.example/v/1\""),
            "{html}"
        );
        assert!(html.contains("Tittel &lt;b&gt;"), "{html}");
        assert!(html.contains("åpnes hos video.example"), "{html}");
        for tag in [
            "<video", "<iframe", "<img", "<script", "<object", "<embed", " src=",
        ] {
            assert!(!html.contains(tag), "{tag} in {html}");
        }
    }

    #[test]
    fn reads_the_duration_of_an_mp4() {
        // ftyp, then moov with an mvhd of version 0: timescale 1000, duration 3000.
        let mut mvhd = vec![0u8; 100];
        mvhd[12..16].copy_from_slice(&1000u32.to_be_bytes());
        mvhd[16..20].copy_from_slice(&3000u32.to_be_bytes());
        let boxed = |name: &[u8], body: &[u8]| {
            let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
            b.extend_from_slice(name);
            b.extend_from_slice(body);
            b
        };
        let mut file = boxed(b"ftyp", b"isom0000");
        file.extend(boxed(b"moov", &boxed(b"mvhd", &mvhd)));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.mp4");
        std::fs::write(&path, &file).unwrap();
        assert_eq!(duration_ms(&path), Some(3000));
        std::fs::write(&path, b"not a film").unwrap();
        assert_eq!(duration_ms(&path), None);
    }
}
