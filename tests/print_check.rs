//! Print problems found by `check`: what goes to the PDFs is prepared by `check` as by
//! `build`, every Markdown construct the web shows is printed (tables, task lists,
//! footnotes, images), and what cannot be printed is reported at the content's own file,
//! line and column. PDFs are read back with poppler (`pdftotext`); without it the PDF
//! assertions are skipped, as in tests/print.rs.

mod common;
use common::*;

use std::process::Command;

fn poppler() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok();
    if !ok {
        eprintln!("SKIPPED: pdftotext not installed (apt-get install poppler-utils)");
    }
    ok
}

const GUIDE: &str =
    "---\ntitle: \"Hele veilederen\"\nkind: guide\nformat: A4\n---\nOm utskriften.\n";

/// Level 1 with `how` as the second step's text (a block scalar, indented six spaces).
fn level_with_how(how: &str) -> String {
    let how: String = how.lines().map(|l| format!("      {l}\n")).collect();
    level(1, "samtykke").replace("    how: \"Så slik.\"\n", &format!("    how: |\n{how}"))
}

fn fixture(how: &str) -> Fixture {
    Fixture::kommune()
        .file("content/testvik/trykk/veilederen.md", GUIDE)
        .file("content/testvik/veileder/niva-1.md", &level_with_how(how))
}

/// The 1-based line of the first line of `file` containing `needle`.
fn line_of(f: &Fixture, file: &str, needle: &str) -> usize {
    std::fs::read_to_string(f.root().join(file))
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .expect("needle in file")
        + 1
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_table_in_a_steps_how_passes_check_and_prints_as_a_table_in_the_guide() {
    let f = fixture("Slik fordeler dere:\n\n| Hvem | Gjør hva |\n|:-----|---------:|\n| Lærer | Ringer hjem |\n| Rektor | Kaller inn |\n");
    let check = f.run(&["check", "--kommune", "testvik"]);
    assert_ok(&check);
    assert!(!stderr(&check).contains("print-"), "{}", stderr(&check));
    assert_ok(&f.build(&["--kommune", "testvik"]));
    if !poppler() {
        return;
    }
    let guide = pdf_text(&f.out().join("trykk/veilederen.pdf"));
    for cell in [
        "Hvem",
        "Gjør hva",
        "Lærer",
        "Ringer hjem",
        "Rektor",
        "Kaller inn",
    ] {
        assert!(
            guide.contains(cell),
            "{cell} missing from the guide: {guide}"
        );
    }
}

#[test]
fn task_lists_print_their_boxes_and_footnotes_print_at_the_foot_of_the_page() {
    let f = fixture("- [x] Ringt foreldrene\n- [ ] Skrevet logg\n\nAvtal et møte.[^frist]\n\n~~Vent og se.~~\n\n[^frist]: Innen to uker.\n");
    assert_ok(&f.build(&["--kommune", "testvik"]));
    if !poppler() {
        return;
    }
    let guide = pdf_text(&f.out().join("trykk/veilederen.pdf"));
    assert!(guide.contains("☒ Ringt foreldrene"), "{guide}");
    assert!(guide.contains("☐ Skrevet logg"), "{guide}");
    assert!(!guide.contains("[x]") && !guide.contains("[ ]"), "{guide}");
    // The reference is a number after the word; the note's text is printed once, below.
    assert!(guide.contains("Avtal et møte.1"), "{guide}");
    assert!(guide.contains("1Innen to uker."), "{guide}");
    assert!(!guide.contains("[^frist]"), "{guide}");
    assert!(guide.contains("Vent og se."), "{guide}");
}

#[test]
fn arrows_and_check_marks_print_with_the_symbol_fonts_without_a_warning() {
    let f = fixture("Meld fra → leder ✓\n");
    let check = f.run(&["check", "--kommune", "testvik", "--verbose"]);
    assert_ok(&check);
    assert!(
        !stderr(&check).contains("print-missing-glyph"),
        "{}",
        stderr(&check)
    );
    let build = f.build(&["--kommune", "testvik", "--verbose"]);
    assert_ok(&build);
    assert!(!stderr(&build).contains("glyph"), "{}", stderr(&build));
    if !poppler() {
        return;
    }
    let guide = pdf_text(&f.out().join("trykk/veilederen.pdf"));
    assert!(guide.contains("Meld fra → leder ✓"), "{guide}");
}

#[test]
fn a_character_no_font_has_is_warned_about_at_its_own_file_line_and_column() {
    // U+10300 OLD ITALIC LETTER A: in none of the print fonts.
    let f = fixture("Tegnet \u{10300} finnes ikke.\n");
    let line = line_of(&f, "content/testvik/veileder/niva-1.md", "Tegnet");
    let at = format!("content/testvik/veileder/niva-1.md:{line}:14");
    for args in [
        vec!["check", "--kommune", "testvik", "--verbose"],
        vec!["build", "--kommune", "testvik", "--verbose", "--out"],
    ] {
        let mut args = args;
        let out = f.out();
        if args[0] == "build" {
            args.push(out.to_str().unwrap());
        }
        let run = f.run(&args);
        assert_ok(&run);
        let err = stderr(&run);
        assert!(err.contains("print-missing-glyph"), "{err}");
        assert!(err.contains(&at), "expected {at}: {err}");
        assert!(err.contains("U+10300"), "{err}");
        // Not at the print's file, and not at the template.
        assert!(!err.contains("print-warning"), "{err}");
        assert!(!err.contains("common.typ"), "{err}");
    }
}

#[test]
fn an_image_that_cannot_be_printed_is_reported_by_check_at_its_line_and_column() {
    let f = fixture("Se tegningen:\n\n![Tegning av nivåene](bilder/nivaer.png)\n").bytes(
        "content/testvik/bilder/nivaer.png",
        b"\x89PNG\r\n\x1a\nnot really",
    );
    let line = line_of(&f, "content/testvik/veileder/niva-1.md", "![Tegning");
    let check = f.run(&["check", "--kommune", "testvik", "--verbose"]);
    let err = stderr(&check);
    assert!(err.contains("print-image"), "{err}");
    assert!(
        err.contains(&format!("content/testvik/veileder/niva-1.md:{line}:7")),
        "{err}"
    );
    // The build prints the alt text instead, with the same warning.
    let build = f.build(&["--kommune", "testvik", "--verbose"]);
    assert_ok(&build);
    assert!(stderr(&build).contains("print-image"), "{}", stderr(&build));
    if !poppler() {
        return;
    }
    let guide = pdf_text(&f.out().join("trykk/veilederen.pdf"));
    assert!(guide.contains("Tegning av nivåene"), "{guide}");
}

#[test]
fn an_image_on_its_own_line_is_printed() {
    let png = std::fs::read(repo().join("docs/screenshots/brochure-nn-back.png")).unwrap();
    let f = fixture("Se tegningen:\n\n![Tegning av nivåene](bilder/nivaer.png)\n")
        .bytes("content/testvik/bilder/nivaer.png", &png);
    let check = f.run(&["check", "--kommune", "testvik", "--verbose"]);
    assert_ok(&check);
    assert!(
        !stderr(&check).contains("print-image"),
        "{}",
        stderr(&check)
    );
    assert_ok(&f.build(&["--kommune", "testvik"]));
    if Command::new("pdfimages").arg("-v").output().is_err() {
        return;
    }
    let list = Command::new("pdfimages")
        .arg("-list")
        .arg(f.out().join("trykk/veilederen.pdf"))
        .output()
        .unwrap();
    let list = stdout(&list);
    // The guide has no other raster image (its QR codes are vector graphics).
    assert!(
        list.lines().skip(2).any(|l| l.contains("image")),
        "no image in the guide:\n{list}"
    );
}

#[test]
fn a_print_that_fails_on_a_text_names_the_texts_file_and_line_and_keeps_the_previous_output() {
    let f = fixture("| Hvem | Gjør hva |\n|---|---|\n| Lærer | Ringer hjem |\n");
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    let before = f.read("index.html");
    // A theme whose print template cannot draw tables: the failure is the table's, not the
    // template's or the guide's.
    let common = std::fs::read_to_string(repo().join("themes/standard/print/common.typ"))
        .unwrap()
        .replace("table.header(", "table.header(panic(\"no tables here\"), ");
    let f = f.file("themes/standard/print/common.typ", &common);
    let line = line_of(&f, "content/testvik/veileder/niva-1.md", "| Hvem");
    let err = assert_fails(&f.build(&["--kommune", "testvik"]));
    assert!(err.contains("print-failed"), "{err}");
    assert!(
        err.contains(&format!("content/testvik/veileder/niva-1.md:{line}:7")),
        "{err}"
    );
    assert!(err.contains("no tables here"), "{err}");
    assert_eq!(f.read("index.html"), before, "the previous output is kept");
}

#[test]
fn a_table_and_a_footnote_on_a_poster_print_on_its_one_page() {
    let f = Fixture::kommune().file(
        "content/testvik/trykk/plakat.md",
        "---\ntitle: \"Plakat\"\nkind: poster\nformat: A4\n---\nHvem gjør hva:[^1]\n\n| Hvem | Ringer |\n|---|---|\n| Lærer | Foreldrene |\n\n[^1]: Se veilederen.\n",
    );
    let check = f.run(&["check", "--kommune", "testvik"]);
    assert_ok(&check);
    assert!(!stderr(&check).contains("print-"), "{}", stderr(&check));
    assert_ok(&f.build(&["--kommune", "testvik"]));
    if !poppler() {
        return;
    }
    let poster = pdf_text(&f.out().join("trykk/plakat.pdf"));
    for words in ["Hvem Ringer", "Lærer Foreldrene", "Se veilederen."] {
        assert!(
            poster.contains(words),
            "{words} missing from the poster: {poster}"
        );
    }
}
