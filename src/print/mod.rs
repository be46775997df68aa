//! Print products as PDF, made by the binary itself: posters (A4, A3), parent brochures (A5
//! and an A4 booklet for folding), the whole guide (A4) and blank forms.
//!
//! Typst is used as a library ([`engine`]); the layouts are Typst templates in the theme
//! (`themes/<theme>/print/*.typ`) that read their data from `/data.json` ([`data`]). Fonts
//! (Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic) are embedded in the binary, so no system
//! fonts, browser or network are needed and the output is the same on every machine.
//!
//! Every print shows "Versjon <date> · <kommune>" (the version is the content's date).

pub mod build;
pub mod cache;
mod convert;
pub mod data;
pub mod engine;
mod expand;
pub mod prepare;
pub mod rich;
mod strings;
pub mod trace;
pub mod workers;

use crate::theme_files::ThemeFiles;

pub use cache::PdfCache;
pub use engine::{evict_cache, render, Pdf};

/// A QR code for `url` as SVG (black modules on white, with the quiet zone).
pub fn qr_svg(url: &str) -> Result<String, String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| crate::msg!("print-qr-failed", url = url, reason = e.to_string()))?;
    Ok(code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(8, 8)
        .build())
}

/// `YYYY-MM-DD` → (year, month, day), the PDF's date.
fn version_date(version: &str) -> Option<(i32, u8, u8)> {
    let mut it = version.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.get(..2)?.parse().ok()?;
    Some((y, m, d))
}

fn with<'a>(
    extra: &[(&'a str, Vec<u8>)],
    more: Vec<(&'a str, Vec<u8>)>,
) -> Vec<(&'a str, Vec<u8>)> {
    let mut all = extra.to_vec();
    all.extend(more);
    all
}

fn value<T: serde::Serialize>(data: &T) -> Result<serde_json::Value, String> {
    serde_json::to_value(data).map_err(|e| e.to_string())
}

/// A poster (`print/poster.typ`). Its QR code points to `poster.meta.url`; `poster.qr` is
/// set to `qr.svg`. `extra` holds the logo if `meta.logo` names one. A poster is one page:
/// the caller refuses a PDF with more (`print-overflow`).
pub fn poster(
    theme: &ThemeFiles,
    poster: &data::Poster,
    extra: &[(&str, Vec<u8>)],
) -> Result<Pdf, String> {
    let mut poster = poster.clone();
    poster.qr = "qr.svg".into();
    let qr = qr_svg(&poster.meta.url)?;
    let files = with(extra, vec![("qr.svg", qr.into_bytes())]);
    render(
        theme,
        "poster.typ",
        &value(&poster)?,
        &files,
        version_date(&poster.meta.version),
    )
}

/// A parent brochure: the A5 PDF in reading order (page count a multiple of 4) and the A4
/// landscape booklet for printing duplex and folding.
pub fn brochure(
    theme: &ThemeFiles,
    brochure: &data::Brochure,
    extra: &[(&str, Vec<u8>)],
) -> Result<(Pdf, Pdf), String> {
    let mut brochure = brochure.clone();
    brochure.qr = Some("qr.svg".into());
    let qr = qr_svg(&brochure.meta.url)?;
    let files = with(extra, vec![("qr.svg", qr.into_bytes())]);
    let date = version_date(&brochure.meta.version);
    let a5 = render(theme, "brochure.typ", &value(&brochure)?, &files, date)?;
    let rtl = matches!(
        brochure.meta.lang.as_str(),
        "ar" | "fa" | "ur" | "he" | "ps" | "ckb" | "ku"
    );
    let booklet = booklet(theme, &a5, if rtl { "rtl" } else { "ltr" }, date)?;
    Ok((a5, booklet))
}

/// Impose an A5 PDF on A4 landscape sheets in saddle-stitch order (`print/booklet.typ`).
/// `dir` is `"rtl"` for right-to-left booklets (bound on the right).
pub fn booklet(
    theme: &ThemeFiles,
    a5: &Pdf,
    dir: &str,
    date: Option<(i32, u8, u8)>,
) -> Result<Pdf, String> {
    let data = data::Booklet {
        source: "source.pdf".into(),
        pages: a5.pages,
        dir: dir.into(),
    };
    render(
        theme,
        "booklet.typ",
        &value(&data)?,
        &[("source.pdf", a5.bytes.clone())],
        date,
    )
}

/// The whole guide (`print/guide.typ`), with a QR code on the cover.
pub fn guide(
    theme: &ThemeFiles,
    guide: &data::Guide,
    extra: &[(&str, Vec<u8>)],
) -> Result<Pdf, String> {
    let mut guide = guide.clone();
    guide.qr = Some("qr.svg".into());
    let qr = qr_svg(&guide.meta.url)?;
    let files = with(extra, vec![("qr.svg", qr.into_bytes())]);
    render(
        theme,
        "guide.typ",
        &value(&guide)?,
        &files,
        version_date(&guide.meta.version),
    )
}

/// A blank form (`print/form.typ`).
pub fn form(
    theme: &ThemeFiles,
    form: &data::FormPrint,
    extra: &[(&str, Vec<u8>)],
) -> Result<Pdf, String> {
    render(
        theme,
        "form.typ",
        &value(form)?,
        extra,
        version_date(&form.meta.version),
    )
}

#[cfg(test)]
mod tests {
    use super::data::*;
    use super::*;

    fn theme() -> ThemeFiles {
        ThemeFiles::builtin()
    }

    fn meta(lang: &str) -> Meta {
        Meta {
            lang: lang.into(),
            kommune: "Fjordvik kommune".into(),
            kommune_short: "Fjordvik".into(),
            version: "2026-11-22".into(),
            url: "https://www.midtfjord-regionen.example/bti/fjordvik/".into(),
            primary_color: "#1d4f73".into(),
            text_on_primary: "#ffffff".into(),
            logo: None,
            logo_alt: None,
        }
    }

    fn emergency() -> Emergency {
        Emergency {
            child_welfare_phone: Some("10 20 30 40".into()),
            child_welfare_after_hours: Some("10 20 30 99".into()),
            police_phone: Some("112".into()),
            report_url: None,
            child_helpline_phone: Some("116 111".into()),
        }
    }

    fn md(s: &str) -> Rich {
        markdown(s, &|_| Expansion::Drop)
    }

    #[test]
    fn version_dates() {
        assert_eq!(version_date("2026-11-22"), Some((2026, 11, 22)));
        assert_eq!(version_date("2026-11"), None);
    }

    #[test]
    fn qr_is_svg() {
        let svg = qr_svg("https://www.midtfjord-regionen.example/bti/fjordvik/").unwrap();
        assert!(svg.contains("<svg") && svg.contains("<path"));
    }

    #[test]
    fn embedded_fonts_cover_latin_arabic_ethiopic_and_symbols() {
        let families = engine::font_families();
        for f in [
            "Noto Sans",
            "Noto Sans Arabic",
            "Noto Sans Ethiopic",
            "Noto Sans Symbols",
            "Noto Sans Symbols2",
        ] {
            assert!(
                families.iter().any(|x| x == f),
                "{f} missing from {families:?}"
            );
        }
        for c in ['→', '←', '☐', '☒', '✓', '①', '■'] {
            assert!(engine::covers(c), "{c} has no glyph");
        }
        assert!(!engine::covers('\u{10300}'));
    }

    #[test]
    fn poster_is_one_a4_page() {
        let poster = Poster {
            meta: meta("nb"),
            paper: "a4".into(),
            title: "Er du bekymret for et barn?".into(),
            body: md("Du trenger ikke være sikker.\n\n1. **Skriv ned** det du ser.\n2. Snakk med leder.\n"),
            levels: (0..4)
                .map(|n| LevelLine { number: n, title: format!("Nivå {n}"), summary: "Én linje.".into() })
                .collect(),
            emergency: emergency(),
            contacts: vec![Contact {
                name: "Oppvekstkontoret".into(),
                role: Some("Koordinator for BTI".into()),
                phone: Some("10 20 30 00".into()),
                email: None,
            }],
            qr: String::new(),
        };
        let pdf = super::poster(&theme(), &poster, &[]).unwrap();
        assert_eq!(pdf.pages, 1);
        assert_eq!(
            (pdf.page_size_pt.0.round(), pdf.page_size_pt.1.round()),
            (595.0, 842.0)
        );
        assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
        assert!(pdf.bytes.starts_with(b"%PDF-"));
    }

    #[test]
    fn arabic_brochure_pads_to_four_and_imposes() {
        let brochure = Brochure {
            meta: meta("ar"),
            title: "إلى الوالدين".into(),
            body: md("## ما هو BTI؟\n\nنتعاون من أجل طفلكم."),
            emergency: emergency(),
            contacts: vec![],
            qr: None,
        };
        let (a5, booklet) = super::brochure(&theme(), &brochure, &[]).unwrap();
        assert_eq!(a5.pages % 4, 0);
        assert_eq!(
            (a5.page_size_pt.0.round(), a5.page_size_pt.1.round()),
            (420.0, 595.0)
        );
        assert_eq!(booklet.pages, a5.pages / 2);
        assert_eq!(
            (
                booklet.page_size_pt.0.round(),
                booklet.page_size_pt.1.round()
            ),
            (842.0, 595.0)
        );
        assert!(a5.warnings.is_empty(), "{:?}", a5.warnings);
    }

    #[test]
    fn template_errors_name_the_file_and_line() {
        let err = render(&theme(), "poster.typ", &serde_json::json!({}), &[], None).unwrap_err();
        assert!(err.contains("print/poster.typ:"), "{err}");
    }

    #[test]
    fn missing_glyphs_are_reported() {
        let form = FormPrint {
            meta: meta("nb"),
            form: Form {
                id: "x".into(),
                title: "Skjema \u{10300}".into(), // Old Italic: in none of the fonts
                description: vec![],
                intro: vec![],
                levels: vec![],
                sections: vec![],
            },
        };
        let pdf = super::form(&theme(), &form, &[]).unwrap();
        assert!(
            pdf.warnings.iter().any(|w| w.contains("U+10300")),
            "{:?}",
            pdf.warnings
        );
    }

    #[test]
    fn a_project_print_template_replaces_the_builtin_one_and_imports_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        let print = tmp.path().join("themes/standard/print");
        std::fs::create_dir_all(&print).unwrap();
        // Its own page size, and an import of the built-in common.typ and labels.yaml.
        std::fs::write(
            print.join("form.typ"),
            "#import \"common.typ\": *\n#let labels = yaml(\"labels.yaml\")\n#set page(width: 200pt, height: 100pt)\nEget skjema\n",
        )
        .unwrap();
        let files = ThemeFiles::load(tmp.path(), "standard").unwrap();
        let pdf = render(&files, "form.typ", &serde_json::json!({}), &[], None).unwrap();
        assert_eq!(
            (pdf.page_size_pt.0.round(), pdf.page_size_pt.1.round()),
            (200.0, 100.0)
        );
    }
}
