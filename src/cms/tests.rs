//! The generated editor configuration against the content model, on the demo project.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use super::config;
use super::fields::Labels;
use crate::registry::ContentKind;

fn demo() -> Value {
    config::generate(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        None,
        "http://127.0.0.1:1111/admin/api/v1",
    )
}

/// Every property path of a schema (`contact.phone`, `steps.how`), `$ref`s followed.
fn schema_paths(schema: &Value, object: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    let resolve = |v: &Value| -> Value {
        let mut v = v.clone();
        for _ in 0..4 {
            if let Some(r) = v["$ref"].as_str() {
                v = schema["definitions"][r.trim_start_matches("#/definitions/")].clone();
            } else if let Some(first) = ["allOf", "anyOf"].iter().find_map(|c| {
                v[*c]
                    .as_array()
                    .and_then(|a| a.iter().find(|x| x["type"] != "null"))
                    .cloned()
            }) {
                v = first;
            }
        }
        v
    };
    let object = resolve(object);
    let Some(props) = object["properties"].as_object() else {
        return;
    };
    for (key, prop) in props {
        let path = format!("{prefix}{key}");
        out.insert(path.clone());
        let prop = resolve(prop);
        let inner = if prop["items"].is_object() {
            resolve(&prop["items"])
        } else {
            prop
        };
        schema_paths(schema, &inner, &format!("{path}."), out);
    }
}

/// Every field path of a list of Decap fields.
fn field_paths(fields: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    for field in fields.as_array().into_iter().flatten() {
        let path = format!("{prefix}{}", field["name"].as_str().unwrap());
        out.insert(path.clone());
        field_paths(&field["fields"], &format!("{path}."), out);
    }
}

fn schema_json(kind: ContentKind) -> Value {
    serde_json::from_str(&crate::schemas::content_schema(kind).json).unwrap()
}

/// The fields the editor shows for files of `kind` (a folder collection or a single file).
fn fields_for(config: &Value, kind: ContentKind) -> Vec<Value> {
    let collections = config["collections"].as_array().unwrap();
    let mut found = Vec::new();
    for c in collections {
        let folder_kind = c["folder"].as_str().and_then(|f| {
            let folder = f.rsplit('/').next()?;
            (kind.fixed_id().is_none() && kind.folder() == folder).then_some(())
        });
        if folder_kind.is_some() {
            found.push(c["fields"].clone());
        }
        for file in c["files"].as_array().into_iter().flatten() {
            if let Some(id) = kind.fixed_id() {
                if file["file"].as_str().unwrap().ends_with(&kind.path_of(id)) {
                    found.push(file["fields"].clone());
                }
            }
        }
    }
    found
}

#[test]
fn every_content_field_has_a_place_in_the_editor() {
    let config = demo();
    for kind in ContentKind::ALL {
        let schema = schema_json(kind);
        let mut wanted = BTreeSet::new();
        schema_paths(&schema, &schema, "", &mut wanted);
        let places = fields_for(&config, kind);
        assert!(
            !places.is_empty(),
            "{kind:?} has no collection in the editor"
        );
        for fields in places {
            let mut have = BTreeSet::new();
            field_paths(&fields, "", &mut have);
            let missing: Vec<_> = wanted.difference(&have).collect();
            assert!(missing.is_empty(), "{kind:?}: no field for {missing:?}");
        }
    }
    // The settings files too.
    for (name, file) in [("kommune", "kommune.yaml"), ("region", "region.yaml")] {
        let schema: Value = serde_json::from_str(
            &crate::schemas::all()
                .into_iter()
                .find(|s| s.name == name)
                .unwrap()
                .json,
        )
        .unwrap();
        let mut wanted = BTreeSet::new();
        schema_paths(&schema, &schema, "", &mut wanted);
        let entry = config["collections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["files"].as_array().cloned().unwrap_or_default())
            .find(|f| f["file"].as_str().unwrap().ends_with(file))
            .unwrap_or_else(|| panic!("{file} is in the editor"));
        let mut have = BTreeSet::new();
        field_paths(&entry["fields"], "", &mut have);
        let missing: Vec<_> = wanted.difference(&have).collect();
        assert!(missing.is_empty(), "{file}: no field for {missing:?}");
    }
}

#[test]
fn every_schema_key_has_a_norwegian_label() {
    let labels = Labels::load();
    let mut keys = BTreeSet::new();
    for s in crate::schemas::all()
        .into_iter()
        .filter(|s| s.name != "veiviser")
    {
        let schema: Value = serde_json::from_str(&s.json).unwrap();
        schema_paths(&schema, &schema, "", &mut keys);
    }
    let missing: Vec<_> = keys
        .iter()
        .map(|p| p.rsplit('.').next().unwrap())
        .filter(|k| !labels.has(k))
        .collect();
    assert!(
        missing.is_empty(),
        "add to src/cms/labels.yaml: {missing:?}"
    );
}

fn field<'a>(fields: &'a Value, path: &str) -> &'a Value {
    let mut current = fields;
    let mut found = &Value::Null;
    for part in path.split('.') {
        found = current
            .as_array()
            .and_then(|a| a.iter().find(|f| f["name"] == part))
            .unwrap_or_else(|| panic!("no field {path}"));
        current = &found["fields"];
    }
    found
}

#[test]
fn fields_get_the_widget_of_their_type() {
    let config = demo();
    let level = &fields_for(&config, ContentKind::Level)[0];
    for markdown in [
        "purpose",
        "lead",
        "decision",
        "steps.how",
        "steps.who",
        "steps.tools",
        "body",
    ] {
        assert_eq!(field(level, markdown)["widget"], "markdown", "{markdown}");
    }
    assert_eq!(field(level, "reviewed")["widget"], "datetime");
    assert_eq!(field(level, "reviewed")["format"], "YYYY-MM-DD");
    assert_eq!(field(level, "level")["widget"], "number");
    assert_eq!(field(level, "level")["label"], "Nivå");
    assert_eq!(field(level, "steps")["widget"], "list");
    // References offer the existing items of the kind they name.
    let names: Vec<&str> = config["collections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    for (key, collection) in [
        ("forms", "felles-skjema"),
        ("arenas", "felles-arenaer"),
        ("steps.forms", "felles-skjema"),
    ] {
        let f = field(level, key);
        assert_eq!(f["widget"], "relation", "{key}");
        assert_eq!(f["collection"], collection, "{key}");
        assert!(names.contains(&collection));
    }
    // The glossary's `forms` are words (inflections, synonyms), not ids of forms.
    let glossary = &fields_for(&config, ContentKind::Glossary)[0];
    let words = field(glossary, "terms.forms");
    assert_eq!(words["widget"], "list", "{words}");
    assert!(words.get("collection").is_none(), "{words}");
    // Level numbers are chosen among the levels the unit has.
    let service = &fields_for(&config, ContentKind::Service)[0];
    assert_eq!(field(service, "levels")["widget"], "select");
    assert_eq!(field(service, "levels")["multiple"], true);
    assert_eq!(field(service, "levels")["options"][1]["value"], 1);
    let form = &fields_for(&config, ContentKind::Form)[0];
    assert_eq!(field(form, "sections.fields.type")["widget"], "select");
    assert!(field(form, "sections.fields.type")["options"]
        .as_array()
        .unwrap()
        .contains(&"signature".into()));
    let service = &fields_for(&config, ContentKind::Service)[0];
    assert_eq!(field(service, "contact.phone")["widget"], "string");
    assert_eq!(field(service, "contact.phone")["label"], "Telefon");
}

#[test]
fn kommune_services_refer_to_their_own_folder_and_bases_say_they_are_shared() {
    let config = demo();
    let collections = config["collections"].as_array().unwrap();
    let fjordvik_levels = collections
        .iter()
        .find(|c| c["name"] == "fjordvik-veileder")
        .unwrap();
    assert_eq!(
        field(&fjordvik_levels["fields"], "services")["collection"],
        "fjordvik-tjenester"
    );
    let base = collections
        .iter()
        .find(|c| c["name"] == "felles-skjema")
        .unwrap();
    let description = base["description"].as_str().unwrap();
    assert!(
        description.contains("alle kommunene") && description.contains("fjordvik"),
        "{description}"
    );
    // Translations beside their original, one locale list per unit.
    assert_eq!(base["i18n"]["structure"], "multiple_files");
    assert_eq!(base["i18n"]["default_locale"], "nb");
    let bjorkedal = collections
        .iter()
        .find(|c| c["name"] == "bjorkedal-tjenester")
        .unwrap();
    assert_eq!(bjorkedal["i18n"]["default_locale"], "nn");
}
