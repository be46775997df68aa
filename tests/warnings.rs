//! Warnings people read: `check`, `build` (with and without PDFs) and `serve` give the
//! same warnings, each as one line per kind, or in full with `--verbose`.

mod common;
use common::*;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;
use std::time::Duration;

/// `testvik` (nb, en, ar) with one of each kind of warning that does not need a large file:
/// untranslated pages, a file in no known place, an overdue review, raw HTML that is
/// removed, interface texts the theme lacks in Arabic, and a poster whose QR code leads to
/// the fixture's `.example` address.
fn site_with_warnings() -> Fixture {
    Fixture::kommune()
        // Not a demo: its `.example` address is a mistake to warn about.
        .file(
            "veiviser.yaml",
            "title: \"Test\"\nbase_url: \"https://test.example/\"\n",
        )
        .file("content/testvik/notater.txt", "Husk å ringe.\n")
        .file(
            "content/testvik/sider/om.md",
            "---\ntitle: \"Om veilederen\"\nowner: \"Kari\"\nreviewed: 2020-01-01\n---\nTekst.\n\n<iframe src=\"https://x.example/\"></iframe>\n",
        )
        .file("themes/standard/i18n/ar.yaml", "nav_glossary: \"مسرد\"\n")
        .file(
            "content/testvik/trykk/plakat-a4.md",
            "---\ntitle: \"Er du bekymret for et barn?\"\nkind: poster\nformat: A4\n---\nSkann koden.\n",
        )
}

/// (code, file, line) of every warning in `--verbose` output, sorted. A warning is shown
/// as its code on a line of its own, then `⚠ file:line:column: message`.
fn warnings(output: &str) -> Vec<(String, String, String)> {
    let lines: Vec<&str> = output.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(text) = line.trim_start().strip_prefix("⚠ ") else {
            continue;
        };
        if text.contains(" warnings, by kind") {
            continue;
        }
        let code = lines[..i]
            .iter()
            .rev()
            .map(|l| l.trim())
            .find(|l| !l.is_empty())
            .expect("the code before the warning")
            .to_string();
        let at = text.split(": ").next().unwrap_or("");
        let (file, line_no) = if at.starts_with("content/") || at.starts_with("themes/") {
            let mut parts = at.split(':');
            (parts.next().unwrap_or(""), parts.next().unwrap_or(""))
        } else {
            ("", "")
        };
        out.push((code, file.to_string(), line_no.to_string()));
    }
    out.sort();
    out
}

fn kinds(list: &[(String, String, String)]) -> Vec<&str> {
    let mut kinds: Vec<&str> = list.iter().map(|w| w.0.as_str()).collect();
    kinds.dedup();
    kinds
}

/// `serve --verbose` until its first build is done: what it printed on stderr.
fn serve_warnings(f: &Fixture) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args([
            "serve",
            "--kommune",
            "testvik",
            "--port",
            "0",
            "--verbose",
            "--root",
        ])
        .arg(f.root())
        .env("NO_COLOR", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    // The address is printed after the first build, whose warnings come first.
    let mut out_lines = BufReader::new(stdout).lines();
    let started = out_lines
        .by_ref()
        .map_while(Result::ok)
        .any(|l| l.contains("http://"));
    assert!(started, "serve prints its address");
    let mut text = String::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_millis(500)) {
        text.push_str(&line);
        text.push('\n');
    }
    let _ = child.kill();
    let _ = child.wait();
    text
}

#[test]
fn check_build_and_serve_give_the_same_warnings() {
    let f = site_with_warnings();
    let check = f.run(&["check", "--kommune", "testvik", "--verbose"]);
    assert_ok(&check);
    let expected = warnings(&stderr(&check));
    assert_eq!(
        kinds(&expected),
        [
            "missing-translation",
            "missing-ui-strings",
            "print-address",
            "raw-html-removed",
            "review-overdue",
            "unknown-file",
        ],
        "{}",
        stderr(&check)
    );
    assert!(expected
        .iter()
        .any(|w| w.0 == "review-overdue" && w.1 == "content/testvik/sider/om.md" && w.2 == "4"));

    let no_pdf = f.build(&["--kommune", "testvik", "--no-pdf", "--verbose"]);
    assert_ok(&no_pdf);
    assert_eq!(warnings(&stderr(&no_pdf)), expected, "build --no-pdf");

    let pdf = f.build(&["--kommune", "testvik", "--verbose"]);
    assert_ok(&pdf);
    assert!(f.out().join("trykk/plakat-a4.pdf").is_file());
    assert_eq!(warnings(&stderr(&pdf)), expected, "build with PDFs");

    let served = serve_warnings(&f);
    assert_eq!(warnings(&served), expected, "serve:\n{served}");

    // Without --verbose: the same count on every summary line.
    let count = expected.len();
    let check = stderr(&f.run(&["check", "--kommune", "testvik"]));
    assert!(
        check.contains(&format!("0 errors, {count} warnings")),
        "{check}"
    );
    let build = stderr(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    assert!(build.contains(&format!("({count} warnings)")), "{build}");
    assert!(
        build.contains(&format!("⚠ {count} warnings, by kind")),
        "{build}"
    );
}

/// `demo: true` (the fixtures' and the demo's veiviser.yaml) only accepts the invented
/// `.example` addresses; an address on this computer still warns, in `check` too.
#[test]
fn a_demo_site_is_still_warned_about_print_addresses_on_this_computer() {
    let f = Fixture::kommune().file(
        "content/testvik/kommune.yaml",
        &format!("{KOMMUNE_YAML}base_url: \"http://127.0.0.1:8000/\"\n"),
    );
    let out = f.run(&["check", "--kommune", "testvik", "--verbose"]);
    assert_ok(&out);
    let list = warnings(&stderr(&out));
    assert!(
        list.iter()
            .any(|w| w.0 == "print-address" && w.1 == "content/testvik/kommune.yaml"),
        "{list:?}"
    );
    assert!(stderr(&out).contains("is this computer's own address"));
    // Without the kommune's own address the demo's .example address is not warned about.
    let out = Fixture::kommune().run(&["check", "--kommune", "testvik", "--verbose"]);
    assert!(!stderr(&out).contains("print-address"), "{}", stderr(&out));
}
