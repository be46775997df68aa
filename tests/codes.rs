//! Every diagnostic code the source reports is in the catalogue (src/codes.yaml) with a
//! Norwegian explanation, every catalogue entry is still reported somewhere, and the
//! editors' list (docs/redaktor/feilkoder.md) is the one `veiviser explain --all` makes.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::process::Command;

const HOW: &str = "regenerate it with `cargo run -- explain --all > docs/redaktor/feilkoder.md` and commit the result";

/// The codes named in `Diagnostic::error("…"` / `warning("…"`, `.code = "…"` and
/// `const CODE: &str = "…"` in src/ (tests and the fuzz harness left out).
fn codes_in_source() -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    for entry in walkdir::WalkDir::new(repo().join("src")) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("fuzzing.rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let text = text.split("#[cfg(test)]").next().unwrap();
        let squashed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for marker in [
            "Diagnostic::error( \"",
            "Diagnostic::error(\"",
            "Diagnostic::warning( \"",
            "Diagnostic::warning(\"",
            ".code = \"",
            "const CODE: &str = \"",
            "Kind::Phone => \"",
            "Kind::Email => \"",
            "Kind::Web => \"",
        ] {
            for part in squashed.split(marker).skip(1) {
                let code: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                if part[code.len()..].starts_with('"') && !code.is_empty() {
                    codes.insert(code);
                }
            }
        }
    }
    codes
}

#[test]
fn every_code_is_explained_and_every_explanation_is_used() {
    let catalogue: BTreeSet<String> = veiviser::codes::all().into_iter().map(|c| c.code).collect();
    let source = codes_in_source();
    let unexplained: Vec<_> = source.difference(&catalogue).collect();
    let unused: Vec<_> = catalogue.difference(&source).collect();
    assert!(
        unexplained.is_empty(),
        "codes without an entry in src/codes.yaml: {unexplained:?}"
    );
    assert!(
        unused.is_empty(),
        "entries in src/codes.yaml that no code reports: {unused:?}"
    );
}

#[test]
fn the_editors_list_of_codes_is_generated() {
    let out = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["explain", "--all"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(repo().join("docs/redaktor/feilkoder.md")).unwrap();
    assert!(
        generated == committed,
        "docs/redaktor/feilkoder.md is not what `veiviser explain --all` makes; {HOW}"
    );
    assert!(generated.contains("| `invalid-phone` | feil |"));
}

#[test]
fn explain_prints_one_code_in_norwegian_and_suggests_a_near_one() {
    let out = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["explain", "invalid-phone"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("invalid-phone (feil)"), "{text}");
    assert!(text.contains("Slik retter du det:"), "{text}");

    let out = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["explain", "invalid-phnoe"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean `invalid-phone`?"), "{err}");
}
