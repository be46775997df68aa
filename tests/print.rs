//! Print PDFs (`trykk/*.pdf`): built from the repository's demo content (Fjordvik) and from
//! small fixtures, checked with poppler (`pdfinfo`, `pdftotext`, `pdftoppm`) and zbar
//! (`zbarimg`). `scripts/setup` installs them; without them these tests say so and pass.

mod common;
use common::*;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const TOOLS: [&str; 4] = ["pdfinfo", "pdftotext", "pdftoppm", "zbarimg"];

/// Whether the PDF tools are installed; if not, say which are missing (the test passes).
fn tools() -> bool {
    let missing: Vec<&str> = TOOLS
        .iter()
        .copied()
        .filter(|t| {
            Command::new(t)
                .arg("-v")
                .output()
                .map(|_| false)
                .unwrap_or(true)
        })
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "SKIPPED: {} not installed (apt-get install poppler-utils zbar-tools, or scripts/setup)",
            missing.join(", ")
        );
    }
    missing.is_empty()
}

/// The demo content built once for Fjordvik alone (PDFs in `public/trykk/`).
struct Demo {
    _dir: tempfile::TempDir,
    out: PathBuf,
    base_url: String,
    /// What the build printed on stderr.
    stderr: String,
}

fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["content", "themes"] {
            copy_dir(&repo().join(sub), &dir.path().join(sub));
        }
        let config = std::fs::read_to_string(repo().join("veiviser.yaml")).unwrap();
        std::fs::write(dir.path().join("veiviser.yaml"), &config).unwrap();
        let base_url = config
            .lines()
            .find_map(|l| l.strip_prefix("base_url:"))
            .map(|u| u.trim().trim_matches('"').to_string())
            .expect("base_url in veiviser.yaml");
        let out = dir.path().join("public");
        let run = Command::new(env!("CARGO_BIN_EXE_veiviser"))
            .env("VEIVISER_LANG", "en")
            .args(["build", "--kommune", "fjordvik", "--out"])
            .arg(&out)
            .arg("--root")
            .arg(dir.path())
            .env("NO_COLOR", "1")
            .env("VEIVISER_TODAY", "2026-11-22")
            .output()
            .unwrap();
        assert_ok(&run);
        Demo {
            _dir: dir,
            out,
            base_url,
            stderr: stderr(&run),
        }
    })
}

#[test]
fn the_demo_builds_with_its_pdfs_and_no_warnings() {
    if !tools() {
        return;
    }
    let demo = demo();
    assert!(demo.out.join("trykk/plakat-a4.pdf").is_file());
    assert!(demo.stderr.contains("(0 warnings)"), "{}", demo.stderr);
    assert!(!demo.stderr.contains('⚠'), "{}", demo.stderr);
}

fn pdf(name: &str) -> PathBuf {
    let path = demo().out.join("trykk").join(name);
    assert!(path.is_file(), "{} was not made", path.display());
    path
}

/// (width, height) in points and the page count, from `pdfinfo`.
fn info(path: &Path) -> ((u32, u32), u32) {
    let out = Command::new("pdfinfo").arg(path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("no {name} in pdfinfo of {}:\n{text}", path.display()))
            .trim()
            .to_string()
    };
    let pages = field("Pages:").parse().unwrap();
    // "Page size:      595.276 x 841.89 pts (A4)"
    let size = field("Page size:");
    let mut nums = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok())
        .map(|f| f.round() as u32);
    ((nums.next().unwrap(), nums.next().unwrap()), pages)
}

/// The QR codes found on page `page` (1-based; 0 for the last), rendered at 150 dpi.
fn qr_codes(path: &Path, page: u32) -> Vec<String> {
    let page = if page == 0 { info(path).1 } else { page }.to_string();
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let ok = Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-f", &page, "-l", &page])
        .arg(path)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(ok.success());
    let png = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .expect("a PNG");
    let out = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&png)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

const A4: (u32, u32) = (595, 842);
const A3: (u32, u32) = (842, 1191);
const A5: (u32, u32) = (420, 595);
const A4_LANDSCAPE: (u32, u32) = (842, 595);

#[test]
fn posters_brochures_guide_and_forms_have_their_paper_size_and_pages() {
    if !tools() {
        return;
    }
    assert_eq!(info(&pdf("plakat-a4.pdf")), (A4, 1));
    assert_eq!(info(&pdf("plakat-a3.pdf")), (A3, 1));
    for lang in ["", "-en", "-ar", "-ti", "-uk"] {
        let (size, pages) = info(&pdf(&format!("foreldrebrosjyre{lang}.pdf")));
        assert_eq!(size, A5, "brochure{lang}");
        assert!(
            pages % 4 == 0 && pages >= 4,
            "brochure{lang}: {pages} pages"
        );
        let (booklet_size, sheets) = info(&pdf(&format!("foreldrebrosjyre{lang}-hefte.pdf")));
        assert_eq!(booklet_size, A4_LANDSCAPE, "booklet{lang}");
        assert_eq!(sheets, pages / 2, "booklet{lang}: two A5 pages per side");
    }
    let (size, pages) = info(&pdf("veilederen.pdf"));
    assert_eq!(size, A4);
    assert!(pages >= 10, "the whole guide has {pages} pages");
    let forms: Vec<PathBuf> = std::fs::read_dir(demo().out.join("trykk"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("skjema-")
        })
        .collect();
    assert!(forms.len() >= 3, "blank forms: {forms:?}");
    for form in forms {
        let (size, pages) = info(&form);
        assert_eq!(size, A4, "{}", form.display());
        assert!(pages >= 1);
    }
}

#[test]
fn prints_carry_the_kommunes_text_in_every_script_and_the_version() {
    if !tools() {
        return;
    }
    let poster = pdf_text(&pdf("plakat-a4.pdf"));
    for expected in [
        "Er du bekymret for et barn?",
        "Fjordvik",
        "Versjon",
        "2026-11-22",
    ] {
        assert!(
            poster.contains(expected),
            "poster lacks {expected:?}:\n{poster}"
        );
    }
    // Arabic: pdftotext gives the logical order of the shaped text back.
    let ar = pdf_text(&pdf("foreldrebrosjyre-ar.pdf"));
    assert!(
        ar.contains("الوالدين") || ar.contains("نتعاون"),
        "Arabic text missing:\n{ar}"
    );
    let ti = pdf_text(&pdf("foreldrebrosjyre-ti.pdf"));
    assert!(
        ti.chars()
            .filter(|c| ('\u{1200}'..='\u{137F}').contains(c))
            .count()
            > 200,
        "Ethiopic text missing:\n{ti}"
    );
    let uk = pdf_text(&pdf("foreldrebrosjyre-uk.pdf"));
    assert!(uk.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)));
    // Every print shows its version: the build date.
    for entry in std::fs::read_dir(demo().out.join("trykk")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "pdf")
            && !path.to_string_lossy().ends_with("-hefte.pdf")
        {
            let t = pdf_text(&path);
            assert!(
                t.contains("2026-11-22"),
                "{} has no version date",
                path.display()
            );
        }
    }
    let guide = pdf_text(&pdf("veilederen.pdf"));
    assert!(guide.contains("Fjordvik kommune"));
}

#[test]
fn blank_report_of_concern_posters_and_guide_print_the_kommunes_numbers_and_116_111() {
    if !tools() {
        return;
    }
    let form = pdf_text(&pdf("skjema-bekymringsmelding.pdf"));
    for number in ["10 20 30 40", "10 20 30 99", "112"] {
        assert!(form.contains(number), "blank form lacks {number}:\n{form}");
    }
    assert!(!form.contains("Telefonnumrene står i veilederen"));
    // The national report-of-concern address from kommune.yaml, written out and as a QR code.
    assert!(!form.contains("finner du i veilederen"), "{form}");
    assert!(
        form.contains("https://bekymringsmelding.example/"),
        "blank form lacks the report link:\n{form}"
    );
    let form_pdf = pdf("skjema-bekymringsmelding.pdf");
    assert!(
        qr_codes(&form_pdf, 1).contains(&"https://bekymringsmelding.example/".to_string()),
        "no QR code to the report link on the form's first page"
    );
    for name in ["plakat-a4.pdf", "plakat-a3.pdf", "veilederen.pdf"] {
        assert!(
            pdf_text(&pdf(name)).contains("116 111"),
            "{name} lacks 116 111"
        );
    }
}

#[test]
fn qr_codes_lead_to_the_kommunes_online_guide() {
    if !tools() {
        return;
    }
    let base = demo().base_url.trim_end_matches('/').to_string();
    assert_eq!(qr_codes(&pdf("plakat-a4.pdf"), 1), [format!("{base}/")]);
    assert_eq!(qr_codes(&pdf("plakat-a3.pdf"), 1), [format!("{base}/")]);
    assert_eq!(qr_codes(&pdf("veilederen.pdf"), 1), [format!("{base}/")]);
    // A brochure (QR on the back page) is for parents: it leads to the parents' page in
    // its own language.
    for (file, lang) in [
        ("foreldrebrosjyre.pdf", ""),
        ("foreldrebrosjyre-en.pdf", "en/"),
        ("foreldrebrosjyre-ar.pdf", "ar/"),
        ("foreldrebrosjyre-ti.pdf", "ti/"),
        ("foreldrebrosjyre-uk.pdf", "uk/"),
    ] {
        assert_eq!(
            qr_codes(&pdf(file), 0),
            [format!("{base}/{lang}foreldre/")],
            "{file}"
        );
    }
}

#[test]
fn the_brochure_speaks_to_parents_in_their_language() {
    if !tools() {
        return;
    }
    let nb = pdf_text(&pdf("foreldrebrosjyre.pdf"));
    for expected in [
        "Når dere trenger hjelp med en gang",
        "Alarmtelefonen",
        "116 111",
        "10 20 30 40",
        "tolk",
        "les mer til foreldre",
    ] {
        assert!(nb.contains(expected), "brochure lacks {expected:?}:\n{nb}");
    }
    // Not the employees' instructions.
    for employee in ["Ikke snakk med foreldrene først", "Send bekymringsmelding"] {
        assert!(!nb.contains(employee), "brochure has {employee:?}:\n{nb}");
    }
    let ar = pdf_text(&pdf("foreldrebrosjyre-ar.pdf"));
    assert!(
        ar.contains("مترجم"),
        "the Arabic back page offers an interpreter:\n{ar}"
    );
    assert!(ar.contains("116 111"), "{ar}");
    assert!(!ar.contains("Ikke snakk"), "{ar}");
}

#[test]
fn the_prints_page_lists_every_pdf_and_forms_link_their_blank_pdf() {
    if !tools() {
        return;
    }
    let out = &demo().out;
    let page = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("trykk/index.html")).unwrap(),
    );
    let rows = select(&page, "table.prints tbody tr");
    let mut listed: Vec<String> = rows
        .iter()
        .map(|row| {
            let a = select_in(row, "a");
            let href = a.value().attr("href").unwrap().to_string();
            let cells: Vec<String> = select_all_in(row, "td").iter().map(text_of).collect();
            assert!(["A3", "A4", "A5"].contains(&cells[2].as_str()), "{cells:?}");
            assert!(
                cells[4].starts_with("PDF, ") && cells[4].ends_with("B"),
                "{cells:?}"
            );
            href.rsplit('/').next().unwrap().to_string()
        })
        .collect();
    listed.sort();
    let mut files: Vec<String> = std::fs::read_dir(out.join("trykk"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    files.sort();
    assert_eq!(listed, files);
    // The Arabic brochure is listed in Arabic.
    assert!(rows.iter().any(|r| text_of(r).contains("العربية")));
    // Linked from every page's footer.
    let home =
        scraper::Html::parse_document(&std::fs::read_to_string(out.join("index.html")).unwrap());
    assert!(select(&home, "footer a").iter().any(
        |a| text_of(a) == "Trykksaker" && a.value().attr("href").unwrap().ends_with("/trykk/")
    ));

    let form = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("skjema/samtykke/index.html")).unwrap(),
    );
    let link = select(&form, "a[download]")
        .into_iter()
        .find(|a| text_of(a) == "Last ned tomt skjema (PDF)")
        .expect("a link to the blank form");
    let href = link.value().attr("href").unwrap();
    assert!(href.ends_with("/trykk/skjema-samtykke.pdf"), "{href}");
    assert!(out.join("trykk/skjema-samtykke.pdf").is_file());
    // In English, the link and the file are the form's English ones if it has any.
    let en = std::fs::read_to_string(out.join("en/skjema/samtykke/index.html")).unwrap();
    assert!(en.contains("Download blank form (PDF)"));
}

#[test]
fn a_poster_that_does_not_fit_fails_the_build_naming_the_file() {
    if !tools() {
        return;
    }
    let long = "Dette er en altfor lang plakattekst som ingen vil lese på en vegg. ".repeat(120);
    let f = Fixture::kommune().file(
        "content/testvik/trykk/plakat.md",
        &format!("---\ntitle: \"For lang plakat\"\nkind: poster\nformat: A4\n---\n{long}\n"),
    );
    let err = assert_fails(&f.build(&["--kommune", "testvik"]));
    assert!(err.contains("content/testvik/trykk/plakat.md"), "{err}");
    assert!(err.contains("does not fit on one page"), "{err}");
    assert!(!f.out().exists(), "nothing is written when a print fails");
}

#[test]
fn no_pdf_builds_list_the_prints_without_files() {
    let f = Fixture::kommune().file(
        "content/testvik/trykk/plakat.md",
        "---\ntitle: \"Plakat\"\nkind: poster\nformat: A4\n---\nKort.\n",
    );
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    assert!(!f.out().join("trykk/plakat.pdf").exists());
    let page = f.read("trykk/index.html");
    assert!(page.contains("veiviser build"), "says where PDFs come from");
    assert!(
        page.contains("Plakat") && !page.contains(".pdf"),
        "no links to PDFs"
    );
    let form = f.read("skjema/samtykke/index.html");
    assert!(!form.contains("Last ned tomt skjema"));
}

fn select_in<'a>(el: &scraper::ElementRef<'a>, css: &str) -> scraper::ElementRef<'a> {
    select_all_in(el, css)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no {css}"))
}

fn select_all_in<'a>(el: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    el.select(&scraper::Selector::parse(css).unwrap()).collect()
}

fn text_of(el: &scraper::ElementRef) -> String {
    el.text().collect::<String>().trim().to_string()
}

/// A small kommune with one poster and its own `base_url`.
fn kommune_with_own_address(base_url: &str) -> Fixture {
    let poster = "---\ntitle: \"Er du bekymret for et barn?\"\nkind: poster\nformat: A4\n---\nSkann koden for veilederen i {{ kommune }}.\n";
    Fixture::kommune()
        .file(
            "content/testvik/kommune.yaml",
            &format!("{KOMMUNE_YAML}base_url: \"{base_url}\"\n"),
        )
        .file("content/testvik/trykk/plakat-a4.md", poster)
}

#[test]
fn a_kommune_built_alone_is_published_at_its_own_base_url() {
    if !tools() {
        return;
    }
    let own = "https://www.testvik.kommune.no/bti/";
    let f = kommune_with_own_address(own);
    let run = f.build(&["--kommune", "testvik"]);
    assert_ok(&run);
    // Canonical links, the sitemap and the QR code all carry the kommune's own address.
    let front = f.html("index.html");
    let canonical = select(&front, "link[rel=canonical]");
    assert_eq!(canonical[0].value().attr("href"), Some(own));
    let sitemap = f.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://www.testvik.kommune.no/bti/skjema/samtykke/</loc>"),
        "{sitemap}"
    );
    let poster = f.out().join("trykk/plakat-a4.pdf");
    assert_eq!(qr_codes(&poster, 1), [own.to_string()]);
    assert!(!stderr(&run).contains("print-address"), "{}", stderr(&run));
}

#[test]
fn in_a_regional_build_only_the_prints_use_the_kommunes_own_address() {
    if !tools() {
        return;
    }
    let own = "https://www.testvik.kommune.no/bti/";
    let f = kommune_with_own_address(own);
    assert_ok(&f.build(&[]));
    // The pages live under the regional site …
    let front = f.read("testvik/index.html");
    assert!(front.contains("https://test.example/testvik/"), "{front}");
    // … and the poster leads readers to the kommune's own published guide.
    let poster = f.out().join("testvik/trykk/plakat-a4.pdf");
    assert_eq!(qr_codes(&poster, 1), [own.to_string()]);
}

#[test]
fn a_print_address_readers_cannot_open_is_a_warning_at_the_base_url() {
    if !tools() {
        return;
    }
    let f = kommune_with_own_address("http://127.0.0.1:8000/");
    let run = f.build(&["--kommune", "testvik", "--verbose"]);
    assert_ok(&run);
    let err = stderr(&run);
    let flat = err
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(err.contains("print-address"), "{err}");
    assert!(flat.contains("this computer's own address"), "{err}");
    assert!(flat.contains("will not work for readers"), "{err}");
    assert!(err.contains("content/testvik/kommune.yaml:"), "{err}");
}

#[test]
fn an_invalid_kommune_base_url_is_an_error_at_its_line() {
    let f = kommune_with_own_address("www.testvik.no");
    let err = assert_fails(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    assert!(err.contains("invalid-base-url"), "{err}");
    assert!(err.contains("content/testvik/kommune.yaml:"), "{err}");
}

/// The demo content copied to a temporary folder (to be edited), with its output folder.
fn demo_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["content", "themes"] {
        copy_dir(&repo().join(sub), &dir.path().join(sub));
    }
    std::fs::copy(
        repo().join("veiviser.yaml"),
        dir.path().join("veiviser.yaml"),
    )
    .unwrap();
    let out = dir.path().join("public");
    (dir, out)
}

/// Build Fjordvik with the PDFs; the names of the PDFs compiled (not taken from the cache).
fn build_counting_pdfs(root: &Path, out: &Path, extra: &[&str]) -> BTreeSet<String> {
    let run = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--kommune", "fjordvik", "--out"])
        .arg(out)
        .arg("--root")
        .arg(root)
        .args(extra)
        .env("NO_COLOR", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .env("VEIVISER_TIMINGS", "1")
        .output()
        .unwrap();
    assert_ok(&run);
    stderr(&run)
        .lines()
        .filter_map(|l| l.strip_prefix("pdf-made: fjordvik/"))
        .map(str::to_string)
        .collect()
}

/// Every PDF in `trykk/` by name, with its bytes.
fn pdfs_in(out: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(out.join("trykk"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

#[test]
fn an_unchanged_build_takes_every_pdf_from_the_cache_byte_for_byte() {
    if !tools() {
        return;
    }
    let (dir, out) = demo_copy();
    let made = build_counting_pdfs(dir.path(), &out, &[]);
    let first = pdfs_in(&out);
    assert_eq!(
        made,
        first.keys().cloned().collect(),
        "a first build makes every PDF"
    );
    assert!(
        dir.path().join(".veiviser-cache/pdf").is_dir(),
        "the cache is beside the output"
    );
    assert!(
        !out.join(".veiviser-cache").exists(),
        "and not published in it"
    );
    let made = build_counting_pdfs(dir.path(), &out, &[]);
    assert!(made.is_empty(), "nothing changed, yet made {made:?}");
    assert_eq!(pdfs_in(&out), first, "the cached PDFs are the same bytes");
    // --clean makes them all again, into the same bytes.
    let made = build_counting_pdfs(dir.path(), &out, &["--clean"]);
    assert_eq!(made.len(), first.len());
    assert_eq!(pdfs_in(&out), first);
}

#[test]
fn a_changed_service_phone_remakes_exactly_the_pdfs_that_print_it() {
    if !tools() {
        return;
    }
    let (dir, out) = demo_copy();
    let custom = Some(dir.path().join("cache"));
    let cache = ["--cache-dir", custom.as_ref().unwrap().to_str().unwrap()];
    build_counting_pdfs(dir.path(), &out, &cache);
    let service = dir
        .path()
        .join("content/fjordvik/tjenester/familiesenter.yaml");
    let yaml = std::fs::read_to_string(&service).unwrap();
    assert!(yaml.contains("\"10 20 31 50\""));
    std::fs::write(&service, yaml.replace("\"10 20 31 50\"", "\"47 11 22 33\"")).unwrap();
    let made = build_counting_pdfs(dir.path(), &out, &cache);
    let printing: BTreeSet<String> = pdfs_in(&out)
        .keys()
        .filter(|name| pdf_text(&out.join("trykk").join(name)).contains("47 11 22 33"))
        .cloned()
        .collect();
    assert!(!printing.is_empty(), "the guide prints the service");
    assert!(
        printing.len() < pdfs_in(&out).len(),
        "not every PDF prints it"
    );
    assert_eq!(made, printing);
    assert!(
        !dir.path().join(".veiviser-cache").exists(),
        "--cache-dir is used"
    );
}

/// The median height of the words on a PDF's pages (points), from `pdftotext -bbox`: a
/// measure of the type size that does not depend on how full the page is.
fn median_word_height(path: &Path) -> f64 {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext -bbox {}", path.display());
    let html = String::from_utf8_lossy(&out.stdout);
    let attr = |word: &str, name: &str| -> f64 {
        let start = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + word[start..].find('"').unwrap();
        word[start..end].parse().unwrap()
    };
    let mut heights: Vec<f64> = html
        .split("<word ")
        .skip(1)
        .map(|w| attr(w, "yMax") - attr(w, "yMin"))
        .collect();
    assert!(heights.len() > 50, "too few words in {}", path.display());
    heights.sort_by(|a, b| a.partial_cmp(b).unwrap());
    heights[heights.len() / 2]
}

#[test]
fn a3_poster_is_the_a4_poster_scaled_to_its_paper() {
    if !tools() {
        return;
    }
    let (a4, a3) = (pdf("plakat-a4.pdf"), pdf("plakat-a3.pdf"));
    assert_eq!(info(&a3).1, 1, "the A3 poster is one page");
    assert_eq!(info(&a4).1, 1, "the A4 poster is one page");
    let ratio = median_word_height(&a3) / median_word_height(&a4);
    // The paper is √2 ≈ 1.414 times as large; the type must grow (nearly) as much.
    assert!(ratio >= 1.35, "A3 type is only {ratio:.3}× the A4's");
}

#[test]
fn whole_guide_has_the_arenas_and_the_glossary_and_no_near_empty_pages() {
    if !tools() {
        return;
    }
    let path = pdf("veilederen.pdf");
    let guide = pdf_text(&path);
    for expected in [
        // The meeting arenas, with their mandate (labels only an arena has).
        "Samhandlingsarenaer",
        "Drøftingsteam",
        "Mandat",
        "Slik tar du opp en sak",
        // The glossary: a term with its explanation.
        "Ordliste",
        "Anonym drøfting krever ikke samtykke.",
    ] {
        assert!(guide.contains(expected), "the guide lacks {expected:?}");
    }
    // No page between the cover and the last page is nearly empty: at least five lines
    // besides the running header and footer.
    let pages = info(&path).1;
    assert!(pages > 10);
    for page in 2..pages {
        let out = Command::new("pdftotext")
            .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        let page_text = String::from_utf8_lossy(&out.stdout);
        let lines = page_text
            .lines()
            .filter(|l| l.chars().any(char::is_alphanumeric))
            .count();
        assert!(
            lines >= 7,
            "page {page} of {pages} is nearly empty ({lines} lines):\n{page_text}"
        );
    }
}
