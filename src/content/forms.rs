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
    fn unknown_field_type_is_rejected() {
        assert!(serde_yaml::from_str::<Field>("type: slider\nlabel: x\n").is_err());
    }
}
