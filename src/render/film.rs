//! Films on the web pages: the kommune's own films with their captions and transcript, and
//! link cards for films hosted elsewhere (see [`crate::film`]).

use super::KommuneRenderer;
use crate::film::{self, ExternalFilm, FilmView, Track};
use crate::markdown::Film;

impl KommuneRenderer<'_> {
    /// The film at `dest` (as written in the Markdown) on a page in `lang`, or None when
    /// it is not one of the kommune's files (the checks report that).
    ///
    /// Every captions file the film has becomes a track; the one in the page's language
    /// (else the kommune's default language) is the default track and gives the transcript.
    pub fn film(&self, lang: &str, dest: &str, title: &str) -> Option<Film> {
        let rel = film::asset_path(dest)?;
        let path = self.kommune.assets.get(&rel)?;
        let mime = film::mime(&rel)?;
        let assets = &self.kommune.assets;
        let langs = film::caption_langs(&rel, assets);
        let default = self.kommune.default_lang();
        let chosen = langs
            .iter()
            .find(|l| **l == lang)
            .or_else(|| langs.iter().find(|l| **l == default))
            .or(langs.first())
            .copied();
        let tracks = langs
            .iter()
            .map(|l| Track {
                url: self.urls.file(&film::captions_path(&rel, l)),
                lang: l,
                label: crate::i18n::language(l).map_or(l, |x| x.name),
                default: Some(*l) == chosen,
            })
            .collect();
        let cues = chosen
            .and_then(|l| assets.get(&film::captions_path(&rel, l)))
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| crate::vtt::parse(&text).ok())
            .unwrap_or_default();
        let transcript = crate::vtt::transcript(&cues);
        let duration = film::duration_ms(path)
            .or_else(|| cues.last().map(|c| c.end))
            .map(crate::vtt::clock)
            .or_else(|| film::length(&rel, assets));
        let src = self.urls.file(&rel);
        let view = FilmView {
            title: title.to_string(),
            src: src.clone(),
            mime,
            poster: film::poster_path(&rel, assets).map(|p| self.urls.file(&p)),
            tracks,
            transcript_lang: chosen.unwrap_or(lang).to_string(),
            transcript,
            duration,
            address: self.urls.base.absolute(&src),
            word_film: self.t(lang, "film"),
            word_transcript: self.t(lang, "film_transcript"),
            word_download: self.t(lang, "film_download"),
        };
        let text = std::iter::once(title.to_string())
            .chain(view.transcript.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ");
        Some(Film {
            html: film::figure_html(&view),
            inline: format!("<a href=\"{}\">{}</a>", film::esc(&src), film::esc(title)),
            text,
        })
    }

    /// A film hosted elsewhere as a link card (`{{ film https://… "Tittel" 3:20 }}`).
    pub fn external_film_html(&self, lang: &str, film: &ExternalFilm) -> String {
        film::external_card_html(film, &self.t(lang, "film"), &self.t(lang, "film_opens_at"))
    }
}
