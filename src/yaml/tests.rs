//! Unit tests of the YAML layer: positions, explanations and limits.

use super::limits::flow_too_deep;
use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Page {
    title: String,
    level: Option<u8>,
}

fn file(text: &str) -> Arc<SourceFile> {
    Arc::new(SourceFile::new("x.md".into(), text.into()))
}

#[test]
fn unknown_key_suggests_nearest() {
    let f = file("---\nlevel: 1\ntitel: B\n---\n");
    let err = parse::<Page>(&f, &f.text[4..21], 4).unwrap_err();
    assert_eq!(err.code, "unknown-key");
    assert_eq!(err.line, 3, "{err:?}");
    assert!(err.help.unwrap().contains("did you mean `title`"));
}

#[test]
fn suggestions_skip_keys_of_the_same_mapping_only() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Field {
        #[serde(rename = "type")]
        kind: String,
        label: Option<String>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Form {
        fields: Vec<Field>,
    }
    let f = file("fields:\n  - type: text\n    label: Å\n  - type: text\n    lable: Ø\n");
    let err = parse_file::<Form>(&f).unwrap_err();
    assert_eq!(err.code, "unknown-key", "{err:?}");
    assert!(
        err.help
            .as_deref()
            .unwrap()
            .contains("did you mean `label`?"),
        "{err:?}"
    );
    // Multi-byte letters in indentation-sensitive scanning never panic.
    let f = file("fields:\n  - type: text\nå: x\n  hvem: y\n");
    let _ = parse_file::<Form>(&f);
    let f = file("ååå: 1\n  æøå: 2\n");
    let _ = parse_file::<Form>(&f);
}

#[test]
fn wrong_type_is_located() {
    let f = file("title: A\nlevel: høy\n");
    let err = parse_file::<Page>(&f).unwrap_err();
    assert_eq!(err.code, "wrong-type");
    assert_eq!(err.line, 2);
    assert!(err.help.unwrap().contains("whole number"));
}

#[test]
fn dates_and_numbers_are_explained() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Dated {
        reviewed: chrono::NaiveDate,
    }
    let err = parse_file::<Dated>(&file("reviewed: 2026-02-30\n")).unwrap_err();
    assert_eq!(err.code, "invalid-date", "{err:?}");
    assert!(err
        .message
        .starts_with("`2026-02-30` is not a date that exists"));
    assert_eq!((err.line, err.column, err.length), (1, 11, 10));
    let err = parse_file::<Dated>(&file("reviewed: 12.02.2026\n")).unwrap_err();
    assert!(err
        .message
        .starts_with("`12.02.2026` is not a date written as YYYY-MM-DD"));
    let err = parse_file::<Page>(&file("title: A\nlevel: 300\n")).unwrap_err();
    assert_eq!(err.code, "invalid-value");
    assert!(err.help.unwrap().contains("0 to 255"));
}

#[test]
fn missing_key_is_named() {
    let err = parse_file::<Page>(&file("level: 1\n")).unwrap_err();
    assert_eq!(err.code, "missing-key");
    assert!(err.message.contains("`title`"));
}

#[test]
fn syntax_error_is_located() {
    let err = parse_file::<Page>(&file("title: A\n  bad: [\n")).unwrap_err();
    assert_eq!(err.code, "invalid-yaml");
    assert!(err.line >= 2, "{err:?}");
}

#[test]
fn deep_flow_nesting_is_refused_quickly() {
    // 50,000 levels took minutes in the YAML scanner (its time grows with the square
    // of the depth); the scan refuses them at once, at the first level too many.
    let text = format!("title: A\nlevel: {}\n", "[".repeat(50_000));
    let f = file(&text);
    let started = std::time::Instant::now();
    let err = parse_file::<Page>(&f).unwrap_err();
    assert!(started.elapsed().as_secs() < 5);
    assert_eq!(err.code, "nested-too-deep", "{err:?}");
    assert_eq!((err.line, err.column), (2, 8 + MAX_FLOW_DEPTH));
    let ok = format!(
        "a: {}1{}\n",
        "[".repeat(MAX_FLOW_DEPTH),
        "]".repeat(MAX_FLOW_DEPTH)
    );
    assert_eq!(flow_too_deep(&ok, MAX_FLOW_DEPTH), None);
}

#[test]
fn brackets_in_text_do_not_count_as_nesting() {
    let deep = "[".repeat(MAX_FLOW_DEPTH + 1);
    for text in [
        // Plain text, quoted text, comments and block scalars hold brackets freely.
        format!("how: Se {deep} og [lenken](/x/)\n"),
        format!("how: \"{deep}\"\nwho: '{deep}'\n"),
        format!("how: x # {deep}\n"),
        format!("how: |\n  {deep}\n  [a](b)\nwho: x\n"),
        format!("steps:\n  - how: >\n      {deep}\n    who: x\n"),
        format!("a: [\"{deep}\", '{deep}', b]\n"),
    ] {
        assert_eq!(flow_too_deep(&text, MAX_FLOW_DEPTH), None, "{text}");
    }
    // After a block scalar ends, nesting counts again.
    let text = format!("how: |\n  tekst\nwho: {deep}\n");
    assert!(flow_too_deep(&text, MAX_FLOW_DEPTH).is_some());
}

#[test]
fn alias_expansion_is_bounded() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Keywords {
        owner: Option<String>,
        keywords: Vec<String>,
    }
    // 100 KB repeated 20,000 times: 2 GB from a 180 KB file.
    let text = format!(
        "owner: &s \"{}\"\nkeywords: [{}]\n",
        "Oppvekstkontoret ".repeat(6000),
        vec!["*s"; 20_000].join(", ")
    );
    let err = parse_file::<Keywords>(&file(&text)).unwrap_err();
    assert_eq!(err.code, "alias-expansion", "{err:?}");
    assert_eq!((err.line, err.column), (1, 8));
    // Billion laughs: nine levels of ten aliases each.
    let mut laughs = String::from("a: &a [\"ha\", \"ha\"]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h", "i"])
    {
        laughs.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
    }
    let err = parse_file::<std::collections::BTreeMap<String, Vec<serde::de::IgnoredAny>>>(&file(
        &laughs,
    ))
    .unwrap_err();
    assert_eq!(err.code, "alias-expansion", "{err:?}");
    // A few aliases are fine.
    let ok = "owner: &o Oppvekstkontoret\nkeywords: [*o, *o]\n";
    let k = parse_file::<Keywords>(&file(ok)).unwrap();
    assert_eq!(k.keywords, ["Oppvekstkontoret", "Oppvekstkontoret"]);
}

#[test]
fn duplicate_key_points_at_the_second() {
    let f = file("title: A\nlevel: 1\ntitle: B\n");
    let err = parse_file::<Page>(&f).unwrap_err();
    assert_eq!(err.code, "duplicate-key", "{err:?}");
    assert_eq!(err.line, 3, "{err:?}");
    assert!(err.message.contains("`title`"));
}

#[test]
fn locate_finds_whole_words() {
    let f = file("forms: [samtykke-2, samtykke]\n");
    assert_eq!(locate(&f, 0, f.text.len(), "samtykke"), Some(20));
    assert_eq!(locate(&f, 0, f.text.len(), "nope"), None);
}

#[test]
fn locate_in_key_skips_comments_above_the_key() {
    let f = file("# arver fra felles\nname: x\ninherits: felles\n");
    assert_eq!(locate_in_key(&f, "inherits", "felles"), Some(37));
    assert_eq!(locate_in_key(&f, "languages", "felles"), Some(12));
}

/// (line, column, code) of each diagnostic.
fn places(diags: &[Diagnostic]) -> Vec<(usize, usize, &'static str)> {
    diags.iter().map(|d| (d.line, d.column, d.code)).collect()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Service {
    title: String,
    category: Option<String>,
    summary: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
}

#[test]
fn missing_colon_is_reported_at_its_own_line() {
    // The parser notices it at the next key (line 4); the colon is missing on line 3.
    let f = file("title: Helsestasjon\nsummary: Råd\ncategory \"Fritid\"\nkeywords: [a]\n");
    let err = parse_file_all::<Service>(&f).unwrap_err();
    assert_eq!(places(&err), [(3, 1, "invalid-yaml")], "{err:?}");
    assert_eq!(err[0].message, "this line has no `:` after the key");
    assert!(
        err[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("category: \"Fritid\""),
        "{err:?}"
    );
    // Also as the last line, and in front matter (offsets from the file's start).
    let f = file("---\ntitle: A\ncategory Fritid\n---\nTekst\n");
    let err = parse_all::<Service>(&f, &f.text[4..30], 4).unwrap_err();
    assert_eq!(places(&err), [(3, 1, "invalid-yaml")], "{err:?}");
    // Lines of a block text above have no colon either; they are not the line.
    let f = file("title: A\nsummary: |\n  Teamet gir hjelp\n  og veileder\ncategory \"Fritid\"\nkeywords: [a]\n");
    let err = parse_file_all::<Service>(&f).unwrap_err();
    assert_eq!(places(&err), [(5, 1, "invalid-yaml")], "{err:?}");
    // A value continued on the next line: the key's line is meant.
    let f = file("title: A\ncategory Fritid\n  og skole\nkeywords: [a]\n");
    let err = parse_file_all::<Service>(&f).unwrap_err();
    assert_eq!(places(&err), [(2, 1, "invalid-yaml")], "{err:?}");
    // A front matter of one line without a colon is one text to YAML, not a wrong type.
    let f = file("---\ntitle \"Om oss\"\n---\nTekst\n");
    let err = parse_all::<Service>(&f, &f.text[4..18], 4).unwrap_err();
    assert_eq!(places(&err), [(2, 1, "invalid-yaml")], "{err:?}");
    assert!(err[0]
        .help
        .as_deref()
        .unwrap()
        .ends_with("title: \"Om oss\""));
}

#[test]
fn typographic_quotes_around_a_value_are_a_warning_at_the_value() {
    let f = file("title: “Helsestasjonen”\nsummary: ‘Råd’\ncategory: „Fritid“\n");
    let (service, warnings) = parse_file_all::<Service>(&f).unwrap();
    assert_eq!(service.title, "“Helsestasjonen”");
    assert_eq!(
        places(&warnings),
        [
            (1, 8, "typographic-quotes"),
            (2, 10, "typographic-quotes"),
            (3, 11, "typographic-quotes")
        ]
    );
    assert!(warnings[0].message.contains("Word"), "{warnings:?}");
    assert!(warnings[0]
        .help
        .as_deref()
        .unwrap()
        .contains("\"Helsestasjonen\""));
    // «…» are ordinary Norwegian quotes, and quotes inside a text are the writer's.
    let f = file("title: «Helsestasjonen»\nsummary: Les “Råd” først\n");
    let (_, warnings) = parse_file_all::<Service>(&f).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn typographic_quotes_that_break_the_yaml_are_explained() {
    let f = file("summary: x\ntitle: “Helse: stasjon”\n");
    let err = parse_file_all::<Service>(&f).unwrap_err();
    assert_eq!(places(&err), [(2, 8, "invalid-yaml")], "{err:?}");
    assert!(err[0].message.contains("typographic quote “"), "{err:?}");
    assert!(!err[0]
        .help
        .as_deref()
        .unwrap()
        .contains("put the whole value"));
    assert!(err[0]
        .help
        .as_deref()
        .unwrap()
        .ends_with("title: \"Helse: stasjon\""));
    // Without curly quotes, the colon is explained as one.
    let err = parse_file_all::<Service>(&file("title: Helse: stasjon\n")).unwrap_err();
    assert_eq!(err[0].code, "invalid-yaml");
    assert!(err[0]
        .help
        .as_deref()
        .unwrap()
        .ends_with("title: \"Helse: stasjon\""));
}

#[test]
fn every_unknown_key_is_reported_at_its_line_with_all_known_keys() {
    let f = file("title: A\ntitel: B\ncategory: C\nsumary: D\nkeyword: [x]\n");
    let err = parse_file_all::<Service>(&f).unwrap_err();
    assert_eq!(
        places(&err),
        [
            (2, 1, "unknown-key"),
            (4, 1, "unknown-key"),
            (5, 1, "unknown-key")
        ],
        "{err:?}"
    );
    for (diag, near) in err.iter().zip(["title", "summary", "keywords"]) {
        let help = diag.help.as_deref().unwrap();
        assert!(
            help.starts_with(&format!("did you mean `{near}`?")),
            "{help}"
        );
        // Keys already used in the mapping (title, category) are listed too.
        assert!(
            help.ends_with("Known keys here: title, category, summary, keywords"),
            "{help}"
        );
    }
}

#[test]
fn unknown_keys_of_nested_structs_are_all_reported() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Step {
        title: String,
        how: Option<String>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Level {
        title: String,
        steps: Vec<Step>,
    }
    let f = file(
        "title: A\nstep_count: 2\nsteps:\n  - title: B\n    hvordan: x\n  - title: C\n    hw: y\n",
    );
    let err = parse_file_all::<Level>(&f).unwrap_err();
    assert_eq!(
        places(&err),
        [
            (2, 1, "unknown-key"),
            (5, 5, "unknown-key"),
            (7, 5, "unknown-key")
        ],
        "{err:?}"
    );
}

#[test]
fn the_suggestion_prefers_keys_not_yet_written() {
    // `leder` is nearer to `level`, but `level` is there already: `lead` was meant.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Level {
        title: String,
        level: u8,
        lead: String,
    }
    let err = parse_file_all::<Level>(&file("title: A\nlevel: 1\nleder: B\n")).unwrap_err();
    assert_eq!(places(&err), [(3, 1, "unknown-key")], "{err:?}");
    let help = err[0].help.as_deref().unwrap();
    assert_eq!(
        help,
        "did you mean `lead`? Known keys here: title, level, lead"
    );
}

#[test]
fn a_misspelt_required_key_is_one_error() {
    let err = parse_file_all::<Service>(&file("titel: A\n")).unwrap_err();
    assert_eq!(places(&err), [(1, 1, "unknown-key")], "{err:?}");
    // A required key that is simply missing is named.
    let err = parse_file_all::<Service>(&file("summary: A\n")).unwrap_err();
    assert_eq!(places(&err), [(1, 1, "missing-key")], "{err:?}");
}

#[test]
fn structs_without_deny_unknown_fields_ignore_other_keys() {
    #[derive(Debug, Deserialize)]
    struct Inherits {
        inherits: Option<String>,
    }
    let f = file("name: Fjordvik\ninherits: felles\nlanguages: [nb]\n");
    let (value, _) = parse_file_all::<Inherits>(&f).unwrap();
    assert_eq!(value.inherits.as_deref(), Some("felles"));
}

#[test]
fn wrong_type_is_located_at_the_value() {
    let f = file("title: A\ncategory:\n  - Fritid\n  - Skole\n");
    let err = parse_file_all::<Service>(&f).unwrap_err();
    assert_eq!(places(&err), [(3, 3, "wrong-type")], "{err:?}");
    assert_eq!(
        err[0].message,
        "wrong type of value: found a list, expected text (at `category`)"
    );
    let f = file("title: Å\nlevel: høy\n");
    let err = parse_file_all::<Page>(&f).unwrap_err();
    assert_eq!(places(&err), [(2, 8, "wrong-type")], "{err:?}");
    assert_eq!(err[0].length, "høy".len());
}

#[test]
fn scalars_read_as_yaml_1_2_core() {
    #[derive(Debug, Deserialize)]
    struct Values {
        text: String,
        number: u32,
        negative: i32,
        flag: bool,
        none: Option<String>,
        yes: String,
        float: f64,
    }
    let f =
        file("text: 2026\nnumber: 0x10\nnegative: -3\nflag: true\nnone: ~\nyes: yes\nfloat: 1.5\n");
    let (v, _) = parse_file_all::<Values>(&f).unwrap();
    assert_eq!(
        (
            v.text.as_str(),
            v.number,
            v.negative,
            v.flag,
            v.none,
            v.yes.as_str()
        ),
        ("2026", 16, -3, true, None, "yes")
    );
    assert!((v.float - 1.5).abs() < f64::EPSILON);
    // A quoted number is text, not a number.
    let err = parse_file_all::<Page>(&file("title: A\nlevel: \"3\"\n")).unwrap_err();
    assert_eq!(err[0].code, "wrong-type");
}

#[test]
fn deep_block_nesting_is_refused_without_recursion() {
    // Compact nested lists: `- - - … x`, ten thousand levels on one line.
    let text = format!("{}x\n", "- ".repeat(10_000));
    let err = parse_file_all::<serde::de::IgnoredAny>(&file(&text)).unwrap_err();
    assert_eq!(places(&err), [(1, 2 * MAX_DEPTH + 1, "nested-too-deep")]);
}

#[test]
fn unknown_enum_value_is_located() {
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Width {
        Half,
        Full,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Field {
        width: Width,
    }
    let err = parse_file_all::<Field>(&file("width: hlaf\n")).unwrap_err();
    assert_eq!(places(&err), [(1, 8, "unknown-value")], "{err:?}");
    assert!(err[0]
        .help
        .as_deref()
        .unwrap()
        .contains("did you mean `half`?"));
}

#[test]
fn written_yaml_reads_back_the_same() {
    let value = serde_json::json!({
        "name": "Fjordvik kommune",
        "number": "4601",
        "yes": "no",
        "empty": "",
        "colon": "Helse: stasjon",
        "hash": "a #b",
        "dash": "- punkt",
        "quote": "“Sitat”",
        "spaces": " innrykk ",
        "lines": "første\nandre\n",
        "lines_no_end": "første\n\nandre",
        "lines_many_ends": "x\n\n",
        "indented_lines": "  kode\nmer",
        "tab": "a\tb",
        "count": 3,
        "ratio": 1.5,
        "flag": true,
        "nothing": null,
        "list": ["a", 1, {"b": "c", "d": ["e"]}, [], {}],
        "nested": {"deep": {"deeper": ["x", ["y", "z"]]}},
        "æøå": "Bjørkedal"
    });
    let text = to_string(&value);
    let back: serde_json::Value = from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(back, value, "{text}");
    assert!(text.contains("name: Fjordvik kommune\n"), "{text}");
    assert!(text.contains("number: \"4601\"\n"), "{text}");
    assert!(text.contains("lines: |\n  første\n  andre\n"), "{text}");
}
