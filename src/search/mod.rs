//! Site search: a compact index built at build time, searched in the browser by
//! `themes/standard/static/js/search.js`.
//!
//! - [`tokenize`]: splits text into lowercased, folded tokens (`kjære` → `kjaere`, so the
//!   ASCII spellings `ae`/`oe`/`aa` find `æ`/`ø`/`å`). Works for any script.
//! - [`stem`]: a light Norwegian (bokmål and nynorsk) stemmer, so `barnet`, `barna`, `barn`
//!   and `barnas` meet; plural `-s` for English; nothing for other languages.
//! - [`build`]: the index as scripts: a main file that sets `window.VEIVISER_SEARCH` and, for
//!   larger sites, parts loaded on demand. The format is described in `index.rs`.
//!
//! The browser side repeats tokenizing and stemming rule for rule. The JSON fixtures in
//! `tests/js/fixtures/` are written from this code (see `js_fixtures_are_current`) and
//! checked by `tests/js/search.test.mjs`, so the two cannot drift apart unnoticed.
//!
//! Query semantics (search.js): every query word is tokenized and stemmed like the index;
//! stop words are dropped unless nothing else is left; each remaining word must match
//! (AND) as a *prefix* of an indexed stem (`barnevern` finds `barneverntjenesten`). Per
//! query word a document gets its best title match (10), best keyword match (5) and best
//! body match (1), each times 1 for an exact stem and 0.5–1 for a prefix
//! match (less the longer the indexed word), plus 3 when the word is exactly the page's
//! short name (`barnevern` for `tjenester/barnevern/`); the words' scores are added. Ties
//! keep the build's order (front page, guide, levels, forms, services, training, pages).

mod index;
mod stem;
mod tokenize;

pub use index::{
    build, build_index, excerpt, to_js, IndexFiles, Layout, EXCERPT_CHARS, FORMAT_VERSION,
    PARTS_DIR,
};
pub use stem::{stem, stem_normalized, stop_words};
pub use tokenize::{for_each_token, normalize_word, tokenize, MAX_TOKEN_CHARS};

/// One searchable page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchDocument {
    /// URL relative to the site root, e.g. `skjema/samtykke/`.
    pub url: String,
    pub title: String,
    /// Label shown with the result, e.g. "Skjema".
    pub kind: String,
    /// `keywords:` from the front matter or YAML.
    pub keywords: Vec<String>,
    /// Plain text of the body (no markup).
    pub text: String,
}

/// Returns the content of one JavaScript file that assigns the whole index (every part
/// inline) to `window.VEIVISER_SEARCH`. Load it with `<script src>` before `search.js`; this
/// works from `file://` too. Sites use [`build`], which cuts large indexes into parts.
pub fn build_index_js(docs: &[SearchDocument], lang: &str) -> String {
    build(docs, lang, Layout::SINGLE).main
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(url: &str, title: &str, kind: &str, keywords: &[&str], text: &str) -> SearchDocument {
        SearchDocument {
            url: url.into(),
            title: title.into(),
            kind: kind.into(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            text: text.into(),
        }
    }

    /// The small site indexed into `tests/js/fixtures/index.js`.
    fn fixture_docs() -> Vec<SearchDocument> {
        vec![
            doc(
                "tjenester/barneverntjenesten/",
                "Barneverntjenesten",
                "Tjeneste",
                &["barnevern", "bekymringsmelding"],
                "Barneverntjenesten hjelper barn og familier. Kontakt barnevernet ved bekymring \
                 for et barn.",
            ),
            doc(
                "tjenester/barnevernvakt/",
                "Barnevernvakt",
                "Tjeneste",
                &[],
                "Barnevernvakta svarer utenom kontortid. Ring 10 20 30 99 ved akutt fare for \
                 barnet.",
            ),
            doc(
                "skjema/samtykke/",
                "Samtykkeerklæring",
                "Skjema",
                &["samtykke", "taushetsplikt"],
                "Med samtykket fra foreldrene kan tjenestene dele informasjon. Kjære forelder: \
                 les dette før du skriver under.",
            ),
            doc(
                "foreldre/",
                "Til foreldre",
                "Side",
                &[],
                "Her finner du som er forelder informasjon om hva som skjer når noen er \
                 bekymret for barna dine. Du kan alltid spørre om hjelp, og du kan ta med \
                 deg noen du stoler på. Ingen avgjørelser tas uten at du får vite om dem. \
                 Mange foreldre opplever det som trygt å få en fast kontaktperson. Les mer \
                 om hvordan helsestasjonen og skolehelsetjenesten kan hjelpe familien.",
            ),
            doc(
                "veileder/niva-1/",
                "Nivå 1: Tiltak i egen tjeneste",
                "Nivå",
                &["undringssamtale"],
                "Den som er bekymret, undrer seg sammen med barnet i en undringssamtale. \
                 Samtykke fra foreldre trengs før tjenesten drøfter saken med andre.",
            ),
            doc(
                "sider/sprak/",
                "<Flerspråklig> & \"info\"",
                "Side <b>",
                &[],
                "<script>alert(1)</script> العربية: الطِّفْل والأسرة. ትግርኛ፡ ሕፃን። \
                 Українська: ДИТИНА і сім'я.",
            ),
        ]
    }

    /// Tokenizer and stemmer cases that `search.test.mjs` replays in JavaScript.
    fn parity_cases() -> Vec<(&'static str, &'static str)> {
        vec![
            (
                "nb",
                "Barnet, barna, barn og barnas; tjenesten/tjenestene/tjeneste.",
            ),
            (
                "nb",
                "Samtykket samtykke SAMTYKKEERKLÆRING barneverntjenesten barnevernvakt",
            ),
            (
                "nb",
                "Kjære Øyvind på Ærø: kjaere oeyvind paa aeroe, idé kafé Müller",
            ),
            (
                "nb",
                "lærer lærere lærerne læreren opplevelsene viktige ensomheten verks",
            ),
            (
                "nb",
                "kontrollerte kontrollert gravdt hus skeis barn's barne\u{00AD}vern",
            ),
            (
                "nb",
                "pa\u{030A} PA\u{030A} ide\u{0301} 'sitat' «tekst» — 112, 10 20 30 40",
            ),
            (
                "nn",
                "borna born teneste tenesta tenestene lærar lærarar lærarane jenta",
            ),
            ("nn", "Ho seier at ikkje alle born veit kva dei skal gjere."),
            (
                "en",
                "Children's forms, families and classes; the status of services.",
            ),
            ("ar", "العربية: الطِّفْل والأسرة، الطفـل ١٢"),
            ("ar", "الطوارئ طوارئ الأسرة أسرة إبلاغ آمن ٱلله مستشفى الي ال"),
            ("nb", "Ring الطوارئ eller طوارئ"),
            ("ti", "ትግርኛ፡ ሕፃን። ትምህርት፣ ፩፪"),
            ("uk", "Українська: ДИТИНА і сім'я, Дитина ΟΔΟΣ"),
            ("se", "Mánát ja váhnemat: čálli ŋ đ ŧ"),
            ("nb", "ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ kortord"),
        ]
    }

    /// The same site cut into tiny parts, to test loading parts on demand.
    const SHARDED: Layout = Layout {
        inline_bytes: 0,
        shard_bytes: 300,
        chunk_docs: 2,
    };

    fn fixture_files() -> Vec<(String, String)> {
        let index = build_index_js(&fixture_docs(), "nb");
        let sharded = build(&fixture_docs(), "nb", SHARDED);
        let cases: Vec<_> = parity_cases()
            .into_iter()
            .map(|(lang, text)| {
                let tokens = tokenize(text);
                let stems: Vec<String> = tokens.iter().map(|t| stem_normalized(t, lang)).collect();
                json!({ "lang": lang, "text": text, "tokens": tokens, "stems": stems })
            })
            .collect();
        let parity = json!({ "stop": { "nb": stop_words("nb"), "en": stop_words("en") },
                             "cases": cases });
        let parity = serde_json::to_string_pretty(&parity).unwrap() + "\n";
        let mut files = vec![
            ("index.js".to_string(), index),
            ("parity.json".to_string(), parity),
            ("sharded/indeks.js".to_string(), sharded.main),
        ];
        files.extend(
            sharded
                .parts
                .into_iter()
                .map(|(path, js)| (format!("sharded/{path}"), js)),
        );
        files
    }

    /// Set `VEIVISER_UPDATE_FIXTURES=1` to rewrite the fixtures after changing the rules
    /// (and change search.js the same way).
    #[test]
    fn js_fixtures_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/fixtures");
        let update = std::env::var_os("VEIVISER_UPDATE_FIXTURES").is_some();
        let files = fixture_files();
        let parts_dir = dir.join("sharded").join(PARTS_DIR);
        if update {
            let _ = std::fs::remove_dir_all(dir.join("sharded"));
        } else {
            // No stale part files from an earlier index.
            let found = std::fs::read_dir(&parts_dir).map_or(0, |d| d.count());
            let expected = files.iter().filter(|(n, _)| n.contains(PARTS_DIR)).count();
            assert_eq!(
                found,
                expected,
                "{} is out of date: run VEIVISER_UPDATE_FIXTURES=1 cargo test search",
                parts_dir.display()
            );
        }
        for (name, content) in files {
            let path = dir.join(name);
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &content).unwrap();
            } else {
                let found = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(
                    found == content,
                    "{} is out of date: run VEIVISER_UPDATE_FIXTURES=1 cargo test search",
                    path.display()
                );
            }
        }
    }

    #[test]
    fn api_examples() {
        assert_eq!(tokenize("Barnet på skolen"), ["barnet", "paa", "skolen"]);
        assert_eq!(stem("barnas", "nb"), "barn");
        let js = build_index_js(&fixture_docs(), "nb");
        assert!(js.starts_with("window.VEIVISER_SEARCH={") && js.ends_with("};\n"));
        let json: serde_json::Value =
            serde_json::from_str(&js["window.VEIVISER_SEARCH=".len()..js.len() - 2]).unwrap();
        assert_eq!(json["v"], 2);
        assert_eq!(json["n"], 6);
        assert_eq!(json["parts"]["d0"].as_array().unwrap().len(), 6);
    }
}
