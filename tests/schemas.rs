//! The JSON Schemas in schemas/ are generated from the Rust types and checked in, so editors
//! get them without building anything. This test fails when they are out of date.

mod common;
use common::*;

const HOW: &str = "regenerate them with `cargo run -- schemas` (writes schemas/*.schema.json) and commit the result";

#[test]
fn checked_in_schemas_are_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["schemas", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    let names = |d: &std::path::Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap_or_else(|e| panic!("{}: {e}; {HOW}", d.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".schema.json"))
            .collect();
        v.sort();
        v
    };
    let checked_in = repo().join("schemas");
    let generated = names(dir.path());
    assert_eq!(
        names(&checked_in),
        generated,
        "schemas/ does not hold exactly the generated schemas; {HOW}"
    );
    for name in &generated {
        let want = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let got = std::fs::read_to_string(checked_in.join(name)).unwrap();
        assert!(
            got == want,
            "schemas/{name} is out of date with the Rust types; {HOW}"
        );
    }
}

#[test]
fn every_schema_is_a_draft_07_object_schema_that_rejects_unknown_keys() {
    for entry in std::fs::read_dir(repo().join("schemas")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let v: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(v["type"], "object", "{}", path.display());
        assert_eq!(v["additionalProperties"], false, "{}", path.display());
        assert!(v["title"].is_string() && v["description"].is_string());
        // Every key has a description, so the editor can explain it on hover.
        let nested = v["definitions"]
            .as_object()
            .into_iter()
            .flat_map(|d| d.values());
        let objects = std::iter::once(&v).chain(nested);
        let properties = objects
            .filter_map(|o| o["properties"].as_object())
            .flatten();
        for (key, prop) in properties {
            assert!(
                prop["description"].is_string(),
                "{}: `{key}` has no description (add a /// comment on the field)",
                path.display()
            );
        }
    }
}
