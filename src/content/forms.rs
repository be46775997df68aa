//! `skjema/`: forms that can be filled in and printed in the browser.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    pub struct Form {
        pub title: String,
        pub description: String,
        #[serde(default)]
        pub levels: Vec<u8>,
        #[serde(default)]
        pub intro: Option<String>,
        pub sections: Vec<Section>,
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Text,
    Textarea,
    Date,
    Checkbox,
    Radio,
    Checkboxes,
    Signature,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Width {
    Short,
    Medium,
    Long,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    #[serde(rename = "type")]
    pub kind: FieldKind,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub autocomplete: Option<String>,
    #[serde(default)]
    pub width: Option<Width>,
    #[serde(default)]
    pub rows: Option<u16>,
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub text: Option<String>,
}

impl Field {
    /// The field's HTML id stem: explicit id or a slug of the label.
    pub fn stem(&self) -> String {
        self.id.clone().unwrap_or_else(|| {
            crate::slug::slugify(
                self.label
                    .as_deref()
                    .or(self.text.as_deref())
                    .unwrap_or("info"),
            )
        })
    }

    /// What is wrong with this field's keys for its type, if anything.
    pub fn problem(&self) -> Option<String> {
        use FieldKind::*;
        match self.kind {
            Info if self.text.is_none() => Some("an `info` field needs `text:`".into()),
            Info => None,
            _ if self.label.is_none() => {
                Some("this field needs a `label:` (the visible question)".into())
            }
            Radio | Checkboxes if self.options.len() < 2 => {
                Some("a `radio` or `checkboxes` field needs at least two `options:`".into())
            }
            Text | Textarea | Date | Checkbox | Signature if !self.options.is_empty() => {
                Some("`options:` only applies to `radio` and `checkboxes` fields".into())
            }
            _ => None,
        }
    }
}

/// Autofill tokens (HTML Living Standard) that make sense on a one-line text field.
const SINGLE_LINE_TOKENS: &[&str] = &[
    "name",
    "honorific-prefix",
    "given-name",
    "additional-name",
    "family-name",
    "honorific-suffix",
    "nickname",
    "organization-title",
    "organization",
    "address-line1",
    "address-line2",
    "address-line3",
    "address-level1",
    "address-level2",
    "address-level3",
    "address-level4",
    "country",
    "country-name",
    "postal-code",
    "email",
    "tel",
    "tel-national",
    "tel-country-code",
    "tel-local",
    "bday",
    "bday-day",
    "bday-month",
    "bday-year",
    "sex",
    "url",
    "language",
    "username",
];

/// What is wrong with an `autocomplete` token on a field of `kind`, if anything.
pub fn autocomplete_problem(kind: FieldKind, token: &str) -> Option<String> {
    let token = token.trim();
    if token == "off" || token == "on" {
        return None;
    }
    match kind {
        FieldKind::Textarea if token == "street-address" || SINGLE_LINE_TOKENS.contains(&token) => None,
        FieldKind::Text | FieldKind::Date if SINGLE_LINE_TOKENS.contains(&token) => None,
        FieldKind::Text | FieldKind::Date if token == "street-address" => Some(
            "`street-address` is for multi-line fields; use `address-line1` on a one-line `text` field, or make it a `textarea`".into(),
        ),
        FieldKind::Text | FieldKind::Date | FieldKind::Textarea => Some(format!("`{token}` is not an autofill token browsers know")),
        _ => Some("`autocomplete` only applies to `text`, `textarea` and `date` fields".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(yaml: &str) -> Field {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn radio_needs_options() {
        assert!(field("type: radio\nlabel: Hvem?\n").problem().is_some());
        assert!(field("type: radio\nlabel: Hvem?\noptions: [a, b]\n")
            .problem()
            .is_none());
    }

    #[test]
    fn inputs_need_labels() {
        assert!(field("type: text\n").problem().is_some());
        assert!(field("type: info\ntext: Les dette\n").problem().is_none());
    }

    #[test]
    fn autocomplete_tokens_fit_the_field() {
        assert!(autocomplete_problem(FieldKind::Text, "street-address").is_some());
        assert!(autocomplete_problem(FieldKind::Textarea, "street-address").is_none());
        assert!(autocomplete_problem(FieldKind::Text, "name").is_none());
        assert!(autocomplete_problem(FieldKind::Text, "navn").is_some());
        assert!(autocomplete_problem(FieldKind::Checkbox, "name").is_some());
        assert!(autocomplete_problem(FieldKind::Text, "off").is_none());
    }

    #[test]
    fn unknown_field_type_is_rejected() {
        assert!(serde_yaml::from_str::<Field>("type: slider\nlabel: x\n").is_err());
    }
}
