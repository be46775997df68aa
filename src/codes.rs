//! The catalogue of diagnostic codes (`src/codes.yaml`): what each code means and how to
//! fix it, in Norwegian for the editors. `veiviser explain <code>` prints one entry;
//! `veiviser explain --all` prints the table in docs/redaktor/feilkoder.md, which
//! tests/codes.rs keeps equal to it and to the codes the source reports.

use std::fmt::Write as _;
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::source::SourceFile;

const CATALOGUE: &str = include_str!("codes.yaml");

/// One code of the catalogue.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub code: String,
    /// `error`, `warning` or `error/warning`.
    pub severity: String,
    /// What is wrong (Markdown).
    pub what: String,
    /// How to fix it (Markdown).
    pub fix: String,
}

/// Every code, in the catalogue's (alphabetical) order.
pub fn all() -> Vec<Code> {
    let file = Arc::new(SourceFile::new("src/codes.yaml".into(), CATALOGUE.into()));
    crate::yaml::parse_file(&file).expect("src/codes.yaml is valid (tests/codes.rs)")
}

fn severity_nb(severity: &str) -> &'static str {
    match severity {
        "warning" => "advarsel",
        "error" => "feil",
        _ => "feil eller advarsel",
    }
}

/// The entry of `code`, for the terminal.
pub fn explain(code: &str) -> Result<String, Diagnostic> {
    let codes = all();
    match codes.iter().find(|c| c.code == code) {
        Some(c) => Ok(format!(
            "{} ({})\n\n{}\n\nSlik retter du det: {}\n",
            c.code,
            severity_nb(&c.severity),
            c.what,
            c.fix
        )),
        None => {
            let near = crate::diagnostics::suggest(code, codes.iter().map(|c| c.code.as_str()));
            Err(
                Diagnostic::error("unknown-code", msg!("explain-unknown-code", code = code))
                    .with_help(match near {
                        Some(near) => msg!("explain-unknown-code-near", near = near),
                        None => msg!("explain-unknown-code-help"),
                    }),
            )
        }
    }
}

/// The Markdown page of every code (docs/redaktor/feilkoder.md).
pub fn markdown() -> String {
    let mut out = String::from(
        "# Alle feilkodene\n\n\
         <!-- Laget av `veiviser explain --all` fra src/codes.yaml. Ikke rediger her: endre\n\
         src/codes.yaml og kjør `cargo run -- explain --all > docs/redaktor/feilkoder.md`. -->\n\n\
         Hver melding fra veiviser har en kode, for eksempel `unknown-key`. Koden endrer seg ikke,\n\
         selv om ordlyden i meldingen kan gjøre det. Skriv `veiviser explain <kode>` for å få\n\
         forklaringen i terminalen. Feil stopper byggingen; advarsler gjør det ikke.\n\n\
         | Kode | Type | Hva er galt | Slik retter du det |\n|---|---|---|---|\n",
    );
    for c in all() {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            c.code,
            severity_nb(&c.severity),
            c.what.replace('|', "\\|"),
            c.fix.replace('|', "\\|")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_parses_and_is_sorted_without_repeats() {
        let codes = all();
        assert!(codes.len() > 80);
        let names: Vec<&str> = codes.iter().map(|c| c.code.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
        for c in &codes {
            assert!(matches!(
                c.severity.as_str(),
                "error" | "warning" | "error/warning"
            ));
            assert!(!c.what.is_empty() && !c.fix.is_empty(), "{}", c.code);
        }
    }

    #[test]
    fn explain_gives_the_entry_or_the_nearest_code() {
        assert!(explain("placeholder")
            .unwrap()
            .contains("Slik retter du det"));
        let d = explain("placehoder").unwrap_err();
        assert!(d.help.unwrap().contains("`placeholder`"));
    }
}
