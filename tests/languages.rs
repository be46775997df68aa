//! Print products follow the kommune's languages: Bjørkedal (nynorsk first, then bokmål)
//! built alone with its PDFs gets a nynorsk guide, posters and parent brochure whose QR
//! codes lead to its nynorsk pages, nynorsk blank forms, and brochures only in the
//! languages it publishes.
//! Checked with poppler and zbar, like tests/print.rs (skipped with a note without them).

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::Command;

fn tools() -> bool {
    let ok = ["pdftotext", "pdftoppm", "zbarimg"]
        .iter()
        .all(|t| Command::new(t).arg("-v").output().is_ok());
    if !ok {
        eprintln!("SKIPPED: poppler-utils or zbar-tools not installed (scripts/setup)");
    }
    ok
}

/// QR codes on the first `pages` pages of a PDF, rendered at 150 dpi.
fn qr_codes(path: &Path, pages: u32) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let ok = Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-l", &pages.to_string()])
        .arg(path)
        .arg(dir.path().join("p"))
        .status()
        .unwrap();
    assert!(ok.success());
    let mut codes = Vec::new();
    let mut pngs: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pngs.sort();
    for png in pngs {
        let out = Command::new("zbarimg")
            .args(["--raw", "-q"])
            .arg(&png)
            .output()
            .unwrap();
        codes.extend(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_string),
        );
    }
    codes
}

#[test]
fn a_nynorsk_kommune_gets_nynorsk_prints_that_lead_to_its_nynorsk_pages() {
    if !tools() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let run = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--kommune", "bjorkedal", "--root"])
        .arg(repo())
        .arg("--out")
        .arg(&public)
        .args(["--base-url", "https://bjorkedal.example/bti/"])
        .env("NO_COLOR", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_ok(&run);
    let trykk = public.join("trykk");
    let mut brochures: Vec<String> = std::fs::read_dir(&trykk)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("foreldrebrosjyre") && n.ends_with(".pdf"))
        .collect();
    brochures.sort();
    // Nynorsk (the original, as the default language) and bokmål; not the Arabic, English,
    // Tigrinya or Ukrainian translations the base has, which Bjørkedal does not publish.
    assert_eq!(
        brochures,
        [
            "foreldrebrosjyre-hefte.pdf",
            "foreldrebrosjyre-nb-hefte.pdf",
            "foreldrebrosjyre-nb.pdf",
            "foreldrebrosjyre.pdf",
        ]
    );

    let poster = trykk.join("plakat-a4.pdf");
    let t = pdf_text(&poster);
    assert!(t.contains("Er du uroa for eit barn?"), "{t}");
    assert_eq!(qr_codes(&poster, 1), ["https://bjorkedal.example/bti/"]);
    let bokmal = trykk.join("plakat-a4-nb.pdf");
    assert!(pdf_text(&bokmal).contains("Er du bekymret for et barn?"));
    assert_eq!(qr_codes(&bokmal, 1), ["https://bjorkedal.example/bti/nb/"]);
    assert!(pdf_text(&trykk.join("plakat-a3.pdf")).contains("Du treng ikkje vere sikker"));

    let guide = trykk.join("veilederen.pdf");
    let t = pdf_text(&guide);
    assert!(t.contains("heile handlingsrettleiaren"), "{t}");
    assert!(t.contains("Innhald"), "nynorsk print labels: {t}");
    assert!(qr_codes(&guide, 1).contains(&"https://bjorkedal.example/bti/".to_string()));

    // Blank forms: every shared form in nynorsk under the plain name (the default
    // language), with nynorsk content and nynorsk print labels; bokmål beside it.
    let forms: Vec<String> = std::fs::read_dir(&trykk)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("skjema-") && n.ends_with(".pdf") && !n.ends_with("-nb.pdf"))
        .collect();
    assert!(forms.len() >= 9, "{forms:?}");
    for form in &forms {
        let t = pdf_text(&trykk.join(form));
        assert!(t.contains("Skjema til utfylling for hand"), "{form}: {t}");
        assert!(!t.contains("for hånd"), "{form} has bokmål labels: {t}");
        let nb = form.replace(".pdf", "-nb.pdf");
        assert!(
            pdf_text(&trykk.join(&nb)).contains("Skjema til utfylling for hånd"),
            "{nb}"
        );
    }
    let t = pdf_text(&trykk.join("skjema-bekymringsmelding.pdf"));
    assert!(t.contains("Bekymringsmelding til barnevernstenesta"), "{t}");
    assert!(t.contains("(må fyllast ut)"), "nynorsk field hint: {t}");
    assert!(t.contains("Ikkje snakk med foreldra først"), "{t}");

    let brochure = trykk.join("foreldrebrosjyre.pdf");
    let t = pdf_text(&brochure);
    assert!(t.contains("Når de treng hjelp med ein gong"), "{t}");
    assert!(t.contains("De kan få tolk"), "{t}");
    assert_eq!(
        qr_codes(&brochure, 8),
        ["https://bjorkedal.example/bti/foreldre/"]
    );
}

#[test]
fn an_interface_text_missing_from_a_theme_is_shown_in_english_marked_as_english() {
    // A customised theme whose Arabic texts lack `search_button`; the A–Å page is made
    // from interface texts alone, so it is no fallback page.
    let ar = std::fs::read_to_string(repo().join("themes/standard/i18n/ar.yaml")).unwrap();
    let ar: String = ar
        .lines()
        .filter(|l| !l.starts_with("search_button:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let fx = Fixture::kommune().file("themes/standard/i18n/ar.yaml", &ar);
    let run = fx.build(&["--no-pdf"]);
    assert_ok(&run);
    assert!(stderr(&run).contains("missing-ui-strings") || stderr(&run).contains("not translated"));
    let html = fx.html("testvik/ar/a-a/index.html");
    let buttons = select(&html, ".header-search button");
    let span = select_in(&buttons[0], "span");
    assert_eq!(common::text(&buttons[0]), "Search");
    assert_eq!(span.len(), 1, "{}", buttons[0].html());
    assert_eq!(span[0].value().attr("lang"), Some("en"));
    assert_eq!(span[0].value().attr("dir"), Some("ltr"));
    // Texts that are translated are not wrapped: they take the page's language.
    let skip = select(&html, ".skip-link");
    assert!(select_in(&skip[0], "span").is_empty(), "{}", skip[0].html());
    assert_eq!(common::text(&skip[0]), "انتقل إلى المحتوى الرئيسي");
}
