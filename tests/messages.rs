//! The language of messages: bokmål by default, nynorsk for a nynorsk kommune, English on
//! request; the codes and places of diagnostics are the same in every language.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{repo, Fixture, KOMMUNE_YAML};

/// Run veiviser as an editor would: no VEIVISER_LANG and the locale `lang` (LANG only), or
/// none at all.
fn run_in(root: &Path, lang: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_veiviser"));
    command
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("VEIVISER_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .env("VEIVISER_TODAY", "2026-11-22");
    if let Some(lang) = lang {
        command.env("LANG", lang);
    }
    command.output().expect("run veiviser")
}

/// stdout and stderr together.
fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_demos_check_summary_is_in_bokmal_by_default() {
    let out = run_in(&repo(), Some("C.UTF-8"), &["check"]);
    let said = said(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("Sjekket 3 kommuner: 0 feil,"), "{said}");
    assert!(!said.contains("Checked"), "{said}");
}

/// A kommune whose front page links to a page that does not exist (line 4, column 1).
fn broken_link() -> Fixture {
    Fixture::kommune().file(
        "content/testvik/index.md",
        "---\ntitle: \"Velkommen\"\n---\n[Skjemaet](/skjema/finnes-ikke/) må fylles ut.\n",
    )
}

/// The one diagnostic of `check --format json`: (code, file, line, column, message, help).
fn only_diagnostic(out: &Output) -> (String, String, u64, u64, String, String) {
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", said(out)));
    let diags = json.as_array().expect("an array of diagnostics");
    let errors: Vec<_> = diags.iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(errors.len(), 1, "{json:#}");
    let d = errors[0];
    let text = |key: &str| d[key].as_str().unwrap_or("").to_string();
    (
        text("code"),
        text("file"),
        d["line"].as_u64().unwrap(),
        d["column"].as_u64().unwrap(),
        text("message"),
        text("help"),
    )
}

#[test]
fn a_content_error_has_the_same_code_and_place_in_bokmal_nynorsk_and_english() {
    let f = broken_link();
    let nb = only_diagnostic(&run_in(f.root(), None, &["check", "--format", "json"]));
    let nn = only_diagnostic(&run_in(
        f.root(),
        None,
        &["check", "--format", "json", "--lang", "nn"],
    ));
    let en = only_diagnostic(&f.run(&["check", "--format", "json"]));
    let place =
        |d: &(String, String, u64, u64, String, String)| (d.0.clone(), d.1.clone(), d.2, d.3);
    let expected = (
        "broken-link".to_string(),
        "content/testvik/index.md".to_string(),
        4,
        1,
    );
    assert_eq!(place(&nb), expected);
    assert_eq!(place(&nn), expected);
    assert_eq!(place(&en), expected);
    assert_eq!(
        nb.4,
        "lenken `/skjema/finnes-ikke/` fører til en side som ikke finnes"
    );
    assert_eq!(
        nn.4,
        "lenkja `/skjema/finnes-ikke/` fører til ei side som ikkje finst"
    );
    assert_eq!(
        en.4,
        "the link `/skjema/finnes-ikke/` leads to a page that does not exist"
    );
    assert!(nb.5.starts_with("mente du"), "{}", nb.5);
    assert!(nn.5.starts_with("meinte du"), "{}", nn.5);
    assert!(en.5.starts_with("did you mean"), "{}", en.5);

    // In the terminal too, with the snippet's labels in the same language.
    let out = run_in(f.root(), None, &["check"]);
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("content/testvik/index.md:4:1: lenken `/skjema/finnes-ikke/`"),
        "{text}"
    );
    assert!(text.contains("hjelp: mente du"), "{text}");
    assert!(!text.contains("help:"), "{text}");
    assert!(text.contains("Sjekket 1 kommune: 1 feil,"), "{text}");
}

/// The test kommune, in nynorsk only.
fn nynorsk_kommune() -> Fixture {
    Fixture::kommune().file(
        "content/testvik/kommune.yaml",
        &KOMMUNE_YAML.replace("languages: [nb, en, ar]", "languages: [nn]"),
    )
}

#[test]
fn a_project_with_one_nynorsk_kommune_speaks_nynorsk_without_lang() {
    let f = nynorsk_kommune();
    let out = run_in(f.root(), Some("C.UTF-8"), &["check"]);
    let text = said(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Sjekka 1 kommune: 0 feil,"), "{text}");

    // An error in it is explained in nynorsk.
    let f = f.file(
        "content/testvik/index.md",
        "---\ntitle: \"Velkomen\"\n---\n[Skjemaet](/skjema/finst-ikkje/).\n",
    );
    let text = said(&run_in(f.root(), None, &["check"]));
    assert!(
        text.contains(
            "index.md:4:1: lenkja `/skjema/finst-ikkje/` fører til ei side som ikkje finst"
        ),
        "{text}"
    );
}

#[test]
fn veiviser_lang_and_the_lang_option_give_english() {
    let f = nynorsk_kommune();
    // VEIVISER_LANG=en (the fixture's run) outranks the kommune's nynorsk.
    let text = said(&f.run(&["check"]));
    assert!(text.contains("Checked 1 kommune: 0 errors,"), "{text}");
    // --lang en outranks a Norwegian locale.
    let text = said(&run_in(
        f.root(),
        Some("nb_NO.UTF-8"),
        &["check", "--lang", "en"],
    ));
    assert!(text.contains("Checked 1 kommune: 0 errors,"), "{text}");
    // And an English locale is heard when nothing more specific is said.
    let text = said(&run_in(repo().as_path(), Some("en_GB.UTF-8"), &["check"]));
    assert!(text.contains("Checked 3 kommuner: 0 errors,"), "{text}");
}

#[test]
fn new_prints_its_next_steps_in_norwegian() {
    let f = Fixture::empty();
    let out = run_in(f.root(), None, &["new", "nordvik"]);
    let text = said(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Laget content/nordvik/:"), "{text}");
    assert!(text.contains("Neste steg:"), "{text}");
    assert!(
        text.contains("Skriv forsiden: content/nordvik/index.md."),
        "{text}"
    );
    assert!(
        text.contains("`number` (kommunenummeret) har fortsatt plassholderen `9999`"),
        "{text}"
    );
    assert!(!text.contains("Next steps"), "{text}");

    // A nynorsk kommune gets its next steps in nynorsk, unless another language is asked for.
    let text = said(&run_in(
        f.root(),
        None,
        &["new", "vestby", "--language", "nn"],
    ));
    assert!(text.contains("Laga content/vestby/:"), "{text}");
    assert!(
        text.contains("Skriv framsida: content/vestby/index.md."),
        "{text}"
    );
    let text = said(&f.run(&["new", "austby", "--language", "nn"]));
    assert!(text.contains("Next steps:"), "{text}");
}

#[test]
fn help_is_in_bokmal_by_default_and_in_english_with_lang_en() {
    let root = repo();
    let out = run_in(&root, Some("C.UTF-8"), &["--help"]);
    let text = said(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Bruk:"), "{text}");
    assert!(text.contains("Kommandoer"), "{text}");
    assert!(!text.contains("Usage:"), "{text}");

    let text = said(&run_in(&root, Some("C.UTF-8"), &["--lang", "en", "--help"]));
    assert!(text.contains("Usage:"), "{text}");
    assert!(text.contains("Commands"), "{text}");
}

#[test]
fn a_mistyped_command_is_explained_in_bokmal_with_exit_code_2() {
    let out = run_in(&repo(), None, &["biuld"]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("feil: biuld er ikke en kommando"), "{text}");
    assert!(text.contains("Mente du build?"), "{text}");
}

#[test]
fn the_summary_counts_a_kommune_whose_settings_could_not_be_read() {
    let site = Fixture::kommune().file(
        "content/testvik/kommune.yaml",
        &format!("{KOMMUNE_YAML}ukjent: 1\n"),
    );
    let out = run_in(site.root(), Some("C.UTF-8"), &["check"]);
    let said = said(&out);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("Sjekket 1 kommune: 1 feil,"), "{said}");
}
