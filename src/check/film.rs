//! Checks of a film placed in Markdown (`![Tittel](bilder/film.mp4)`): it is one of the
//! kommune's files, it has a title, it stands on its own line, it has captions in the
//! language of the text that places it, its captions files are valid WebVTT, and it is not
//! too large. Problems are reported at the line that places the film; a broken cue at its
//! own line in the captions file.

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{suggest, Diagnostic};
use crate::film;
use crate::msg;
use crate::site::Kommune;
use crate::source::SourceFile;

/// Where a film is placed, and what the check needs to know about it.
pub struct Placed<'a> {
    pub dest: &'a str,
    pub title: &'a str,
    /// The language of the text that places the film.
    pub lang: &'a str,
    /// Whether it stands alone on its line (a block), not inside a sentence.
    pub alone: bool,
    /// ` (in kommune x, which inherits this file)`, or empty.
    pub context: &'a str,
}

/// Check one placed film. `at` locates a diagnostic at the placing line.
pub fn check(
    kommune: &Kommune,
    placed: &Placed,
    max_mb: u64,
    at: &dyn Fn(Diagnostic) -> Diagnostic,
    diags: &mut Vec<Diagnostic>,
) {
    let dest = placed.dest;
    let ctx = placed.context;
    if placed.title.is_empty() {
        diags.push(at(Diagnostic::error(
            "missing-film-title",
            msg!("film-missing-title"),
        )
        .with_help(msg!("film-missing-title-help"))));
    }
    if dest.contains("://") || dest.starts_with("//") {
        diags.push(at(Diagnostic::error(
            "external-film",
            msg!("film-external", dest = dest),
        )
        .with_help(msg!("film-external-help"))));
        return;
    }
    let Some(rel) = film::asset_path(dest).filter(|r| kommune.assets.contains_key(r)) else {
        let wanted = film::asset_path(dest).unwrap_or_else(|| dest.to_string());
        let help = match suggest(&wanted, kommune.assets.keys().map(String::as_str)) {
            Some(near) => msg!("check-did-you-mean", near = near),
            None => msg!("film-missing-help"),
        };
        diags.push(at(Diagnostic::error(
            "missing-film",
            msg!("film-missing", dest = dest, ctx = ctx),
        )
        .with_help(help)));
        return;
    };
    if !placed.alone {
        diags.push(at(Diagnostic::error(
            "film-in-text",
            msg!("film-in-text", dest = dest),
        )
        .with_help(msg!("film-in-text-help"))));
    }
    let captions = film::captions_path(&rel, placed.lang);
    if !kommune.assets.contains_key(&captions) {
        let name = crate::i18n::language(placed.lang).map_or(placed.lang, |l| l.name);
        diags.push(at(Diagnostic::error(
            "missing-captions",
            msg!(
                "film-missing-captions",
                film = &rel,
                name = name,
                lang = placed.lang,
                ctx = ctx
            ),
        )
        .with_help(msg!("film-missing-captions-help", captions = &captions))));
    }
    for lang in film::caption_langs(&rel, &kommune.assets) {
        let vtt_rel = film::captions_path(&rel, lang);
        if let Some(path) = kommune.assets.get(&vtt_rel) {
            check_captions(path, &vtt_rel, diags);
        }
    }
    let path = &kommune.assets[&rel];
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > max_mb.saturating_mul(1024 * 1024) {
        diags.push(at(Diagnostic::warning(
            "film-too-large",
            msg!(
                "film-too-large",
                film = &rel,
                size = size.div_ceil(1024 * 1024),
                max = max_mb
            ),
        )
        .with_help(msg!("film-too-large-help"))));
    }
}

/// `content/<unit>/<rel>`: how a kommune file is named in messages.
fn display(path: &Path, rel: &str) -> String {
    let unit = path
        .ancestors()
        .nth(rel.split('/').count())
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("content/{unit}/{rel}")
}

/// A captions file is WebVTT that a browser reads in full: each problem at its line.
fn check_captions(path: &Path, rel: &str, diags: &mut Vec<Diagnostic>) {
    let file = match SourceFile::read(path, display(path, rel)) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return;
        }
    };
    if let Err(errors) = crate::vtt::parse(&file.text) {
        for e in errors {
            diags.push(located(&file, e));
        }
    }
}

fn located(file: &Arc<SourceFile>, e: crate::vtt::VttError) -> Diagnostic {
    let length = file
        .text
        .lines()
        .nth(e.line - 1)
        .map_or(1, |l| l.len().max(1));
    Diagnostic::error("invalid-captions", e.message)
        .in_file(file)
        .at(e.line, 1)
        .with_length(length)
        .with_help(msg!("film-invalid-captions-help", help = &e.help))
}
