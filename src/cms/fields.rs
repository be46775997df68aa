//! The editor's form fields, made from the JSON Schema of a content type (src/schemas.rs):
//! one Decap field per schema property, its widget chosen from the property's type
//! (Markdown text, date, enumeration, reference, list, group). Labels and hints come from
//! `labels.yaml`, in Norwegian.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{json, Map, Value};

/// `labels.yaml`: the words the editor shows.
#[derive(Debug, Deserialize)]
pub struct Labels {
    pub kinds: BTreeMap<String, String>,
    pub references: BTreeMap<String, String>,
    /// In the file's order, which is the order of the fields in a form.
    pub fields: InOrder<Label>,
}

/// A mapping read in the order it is written.
#[derive(Debug)]
pub struct InOrder<V>(pub Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for InOrder<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Entries<V> {
            type Value = InOrder<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<InOrder<V>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(InOrder(entries))
            }
        }
        d.deserialize_map(Entries(std::marker::PhantomData))
    }
}

impl<V> InOrder<V> {
    fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Label {
    Plain(String),
    Full { label: String, hint: Option<String> },
}

impl Labels {
    pub fn load() -> Labels {
        crate::yaml::from_str(include_str!("labels.yaml")).expect("src/cms/labels.yaml is valid")
    }

    /// The label and hint of a key (the key itself when it has none: a test catches it).
    pub fn field(&self, key: &str) -> (String, Option<String>) {
        match self.fields.get(key).cloned() {
            Some(Label::Plain(label)) => (label, None),
            Some(Label::Full { label, hint }) => (label, hint),
            None => (key.to_string(), None),
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.fields.get(key).is_some()
    }

    /// Where a key comes in a form (keys without a label last).
    fn position(&self, key: &str) -> usize {
        self.fields
            .0
            .iter()
            .position(|(k, _)| k == key)
            .unwrap_or(usize::MAX)
    }
}

/// What a reference field offers: the collection holding the named items and the field
/// its entries are shown by.
#[derive(Debug, Clone)]
pub struct Target {
    pub collection: String,
    pub display: String,
}

pub struct Fields<'a> {
    pub labels: &'a Labels,
    /// The schema the properties come from (for `#/definitions/…`).
    pub schema: &'a Value,
    /// Reference keys (`forms`, `services` …) and the collection each offers.
    pub targets: BTreeMap<String, Target>,
    /// The levels a unit has, as select options (`{label, value}` with the number).
    pub levels: Vec<Value>,
}

impl Fields<'_> {
    /// The fields of an object schema, in the schema's order.
    pub fn of_object(&self, object: &Value) -> Vec<Value> {
        let object = self.resolve(object);
        let required: Vec<&str> = object["required"]
            .as_array()
            .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let Some(properties) = object["properties"].as_object() else {
            return Vec::new();
        };
        let mut keys: Vec<&String> = properties.keys().collect();
        keys.sort_by_key(|k| self.labels.position(k));
        keys.into_iter()
            .map(|key| self.field(key, &properties[key], required.contains(&key.as_str())))
            .collect()
    }

    /// `{"$ref": …}`, `{"allOf": [{"$ref"}]}` and `{"anyOf": [{"$ref"}, {"type": "null"}]}`
    /// read as the definition they name.
    fn resolve<'v>(&'v self, value: &'v Value) -> &'v Value {
        if let Some(reference) = value["$ref"].as_str() {
            let name = reference.trim_start_matches("#/definitions/");
            return self.resolve(&self.schema["definitions"][name]);
        }
        for combinator in ["allOf", "anyOf", "oneOf"] {
            if let Some(first) = value[combinator]
                .as_array()
                .and_then(|alts| alts.iter().find(|a| a["type"] != "null"))
            {
                return self.resolve(first);
            }
        }
        value
    }

    fn field(&self, key: &str, property: &Value, required: bool) -> Value {
        let (label, hint) = self.labels.field(key);
        let mut field = Map::new();
        field.insert("name".into(), key.into());
        field.insert("label".into(), label.clone().into());
        if let Some(hint) = hint {
            field.insert("hint".into(), hint.into());
        }
        let nullable = type_names(property).contains(&"null")
            || property["anyOf"]
                .as_array()
                .is_some_and(|alts| alts.iter().any(|a| a["type"] == "null"));
        // A key with a default may be left out of the file.
        field.insert(
            "required".into(),
            (required && !nullable && property.get("default").is_none()).into(),
        );
        let widget = self.widget(key, &label, property);
        field.extend(widget);
        Value::Object(field)
    }

    /// The widget of a property and the widget's own settings.
    fn widget(&self, key: &str, label: &str, property: &Value) -> Map<String, Value> {
        let description = property["description"].as_str().unwrap_or("");
        let resolved = self.resolve(property);
        let types = type_names(resolved);
        let settings = if let Some(options) = resolved["enum"].as_array() {
            json!({"widget": "select", "options": options})
        } else if types.contains(&"array") {
            self.list(key, label, &resolved["items"], description)
        } else if types.contains(&"object") {
            json!({"widget": "object", "fields": self.of_object(resolved)})
        } else if types.contains(&"boolean") {
            json!({"widget": "boolean"})
        } else if types.contains(&"integer") || types.contains(&"number") {
            number(resolved)
        } else if resolved["format"] == "date" {
            date()
        } else if description.contains("Markdown") {
            json!({"widget": "markdown"})
        } else {
            let mut string = json!({"widget": "string"});
            if let Some(pattern) = resolved["pattern"].as_str() {
                string["pattern"] = json!([pattern, "Ugyldig verdi for dette feltet."]);
            }
            string
        };
        match settings {
            Value::Object(map) => map,
            _ => unreachable!("widgets are objects"),
        }
    }

    /// A list field; `description` is the property's (a reference says "Ids of …": the
    /// glossary's `forms` are words, not ids of forms).
    fn list(&self, key: &str, label: &str, items: &Value, description: &str) -> Value {
        let items = self.resolve(items);
        let item_types = type_names(items);
        let names_levels = self
            .labels
            .references
            .get(key)
            .is_some_and(|k| k == "Level");
        if names_levels && !self.levels.is_empty() {
            return json!({"widget": "select", "multiple": true, "options": self.levels});
        }
        let names_ids = description.starts_with("Ids of");
        if let Some(target) = self.targets.get(key).filter(|_| names_ids) {
            return json!({
                "widget": "relation",
                "collection": target.collection,
                "value_field": "{{slug}}",
                "search_fields": [target.display],
                "display_fields": [target.display],
                "multiple": true,
                "options_length": 200,
            });
        }
        if item_types.contains(&"object") {
            let fields = self.of_object(items);
            let summary = ["title", "label", "name", "term"]
                .into_iter()
                .find(|k| fields.iter().any(|f| f["name"] == *k))
                .map(|k| format!("{{{{fields.{k}}}}}"));
            let mut list = json!({"widget": "list", "collapsed": true, "fields": fields});
            if let Some(summary) = summary {
                list["summary"] = summary.into();
            }
            return list;
        }
        if item_types.contains(&"integer") || item_types.contains(&"number") {
            let mut inner = number(items);
            inner["name"] = key.into();
            inner["label"] = label.into();
            return json!({"widget": "list", "field": inner});
        }
        // A list of words: one per line of a text box, stored as a YAML list.
        json!({"widget": "list"})
    }
}

fn type_names(value: &Value) -> Vec<&str> {
    match &value["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => Vec::new(),
    }
}

fn number(schema: &Value) -> Value {
    let mut number = json!({"widget": "number", "value_type": "int"});
    if type_names(schema).contains(&"number") {
        number["value_type"] = "float".into();
    }
    for bound in ["minimum", "maximum"] {
        if let Some(n) = schema[bound].as_i64() {
            number[&bound[..3]] = n.into();
        }
    }
    number
}

/// A date without a time, written as the YAML date veiviser reads (`2026-08-15`).
fn date() -> Value {
    json!({
        "widget": "datetime",
        "format": "YYYY-MM-DD",
        "date_format": "DD.MM.YYYY",
        "time_format": false,
        "picker_utc": true,
    })
}
