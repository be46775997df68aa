//! Fixture sites for integration tests: a temporary project with the real theme, built
//! with the real binary.
#![allow(dead_code)]

pub mod serve;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

pub const KOMMUNE_YAML: &str = r##"name: "Testvik kommune"
number: "9911"
languages: [nb, en, ar]
branding:
  primary_color: "#1d4f73"
emergency:
  child_welfare_phone: "10 00 00 01"
  report_url: "https://bekymringsmelding.example/"
contacts:
  - name: "Oppvekstkontoret"
    phone: "10 00 00 02"
feedback:
  email: "tilbakemelding@testvik.kommune.example"
accessibility_statement: "https://uustatus.example/testvik"
"##;

pub fn level(n: u8, extra_forms: &str) -> String {
    format!(
        r#"---
title: "Nivå {n}: Testnivå"
level: {n}
summary: "Oppsummering av nivå {n}."
purpose: "Formålet med nivå {n}."
lead: "Den som er bekymret"
decision: "Avslutt eller gå videre."
forms: [{extra_forms}]
steps:
  - title: "Første steg på nivå {n}"
    how: "Gjør slik."
    who: "Du"
  - title: "Andre steg"
    id: andre
    how: "Så slik."
    who: "Leder"
    forms: [samtykke]
    services: [helsestasjon]
---
Mer tekst om nivå {n}.
"#
    )
}

pub const FORM: &str = r#"title: "Samtykke"
description: "Samtykke til samarbeid."
levels: [1]
sections:
  - title: "Om barnet"
    fields:
      - type: text
        label: "Barnets navn"
        required: true
        autocomplete: "off"
      - type: textarea
        label: "Beskrivelse"
        hint: "Kort"
      - type: date
        label: "Dato"
      - type: checkbox
        label: "Jeg samtykker"
      - type: radio
        label: "Varighet"
        options: ["Ett år", "Til saken er avsluttet"]
      - type: checkboxes
        label: "Hvem kan dele?"
        options: ["Skole", "Helsestasjon"]
      - type: signature
        label: "Underskrift forelder"
      - type: info
        text: "Les dette først."
"#;

pub const SERVICE: &str = r#"name: "Helsestasjon"
description: "Helsestasjonen følger opp barn."
category: "Helse"
ages: { from: 0, to: 5 }
levels: [0, 1]
contact:
  phone: "10 00 00 03"
  email: "helsestasjon@testvik.kommune.example"
  address: "Testveien 1"
referral: "Ring oss."
"#;

impl Fixture {
    /// An empty project with veiviser.yaml and the real theme.
    pub fn empty() -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_dir(&repo().join("themes"), &dir.path().join("themes"));
        std::fs::write(
            dir.path().join("veiviser.yaml"),
            // An invented site at a test address: its prints do not warn about it.
            "title: \"Test\"\nbase_url: \"https://test.example/\"\ndemo: true\n",
        )
        .unwrap();
        Fixture { dir }
    }

    /// A complete small kommune `testvik` with two levels, a form and a service.
    pub fn kommune() -> Fixture {
        Fixture::empty()
            .file("content/testvik/kommune.yaml", KOMMUNE_YAML)
            .file(
                "content/testvik/index.md",
                "---\ntitle: \"Velkommen\"\n---\nHei fra {{ kommune }}.\n",
            )
            .file(
                "content/testvik/veileder/index.md",
                "---\ntitle: \"Veilederen\"\n---\n## Om\n\nTekst.\n",
            )
            .file("content/testvik/veileder/niva-1.md", &level(1, "samtykke"))
            .file("content/testvik/veileder/niva-0.md", &level(0, ""))
            .file("content/testvik/skjema/samtykke.yaml", FORM)
            .file("content/testvik/tjenester/helsestasjon.yaml", SERVICE)
    }

    pub fn file(self, rel: &str, text: &str) -> Fixture {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn bytes(self, rel: &str, bytes: &[u8]) -> Fixture {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// Run veiviser with `args` in the fixture.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_veiviser"))
            .env("VEIVISER_LANG", "en")
            .args(args)
            .arg("--root")
            .arg(self.root())
            .env("NO_COLOR", "1")
            .env("VEIVISER_TODAY", "2026-11-22")
            .output()
            .expect("run veiviser")
    }

    pub fn build(&self, extra: &[&str]) -> Output {
        let out = self.out();
        let mut args = vec!["build", "--out", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.out().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn html(&self, rel: &str) -> scraper::Html {
        scraper::Html::parse_document(&self.read(rel))
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn assert_ok(out: &Output) {
    assert!(out.status.success(), "build failed:\n{}", stderr(out));
}

pub fn assert_fails(out: &Output) -> String {
    assert!(
        !out.status.success(),
        "expected failure, got success:\n{}",
        stderr(out)
    );
    stderr(out)
}

pub fn select<'a>(html: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&scraper::Selector::parse(css).unwrap())
        .collect()
}

/// Elements under `el` that match `css`.
pub fn select_in<'a>(el: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    el.select(&scraper::Selector::parse(css).unwrap()).collect()
}

pub fn text(el: &scraper::ElementRef) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The repository's demo built with `--no-pdf` and `extra` arguments into a temporary
/// folder (`public/` inside it).
pub fn build_demo(extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let result = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--no-pdf", "--root"])
        .arg(repo())
        .args(extra)
        .arg("--out")
        .arg(out.path().join("public"))
        .env("VEIVISER_TODAY", "2026-11-22")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_ok(&result);
    out
}

/// `%XX` escapes of a URL path decoded (invalid ones kept as written).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Fixture {
    /// The project's own copy of the theme gets a footer link to `href` (a Tera
    /// expression may stand in it, e.g. `{{ site.root }}finnes-ikke/`).
    pub fn with_footer_link(self, href: &str) -> Fixture {
        let base = self.root().join("themes/standard/templates/base.html");
        let text = std::fs::read_to_string(&base).unwrap();
        let link = format!("<a href=\"{href}\">Borte</a></footer>");
        std::fs::write(&base, text.replacen("</footer>", &link, 1)).unwrap();
        self
    }
}

/// The words of a PDF as `pdftotext` reads them, whitespace collapsed (lines broken by the
/// layout are joined, so a title reads as one string).
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", path.display());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
