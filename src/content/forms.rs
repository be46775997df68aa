//! `skjema/`: forms that can be filled in and printed in the browser.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    /// A form (`skjema/<id>.yaml`) that can be filled in and printed in the browser.
    pub struct Form {
        /// The form's title.
        pub title: String,
        /// What the form is for (Markdown).
        pub description: String,
        /// Level numbers the form is used on.
        #[serde(default)]
        pub levels: Vec<u8>,
        /// Instructions shown above the form (Markdown).
        #[serde(default)]
        pub intro: Option<String>,
        /// The form's sections, each a fieldset.
        #[schemars(length(min = 1))]
        pub sections: Vec<Section>,
    }
}

/// One section of a form.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's title (the fieldset legend).
    pub title: String,
    /// Text under the title.
    #[serde(default)]
    pub description: Option<String>,
    /// The fields, in order.
    pub fields: Vec<Field>,
}

/// The kind of a form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
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

impl FieldKind {
    /// The name as written in the form file (`type: textarea`), which templates also use.
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Textarea => "textarea",
            FieldKind::Date => "date",
            FieldKind::Checkbox => "checkbox",
            FieldKind::Radio => "radio",
            FieldKind::Checkboxes => "checkboxes",
            FieldKind::Signature => "signature",
            FieldKind::Info => "info",
        }
    }
}

/// The width of a text or date field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Width {
    Short,
    Medium,
    Long,
}

/// One field of a form.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The field's type: text, textarea, date, checkbox, radio, checkboxes, signature or info.
    #[serde(rename = "type")]
    pub kind: FieldKind,
    /// The visible question (required for every type but info).
    #[serde(default)]
    pub label: Option<String>,
    /// The field's id; default: the label as a slug.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Option<String>,
    /// Short help text under the label.
    #[serde(default)]
    pub hint: Option<String>,
    /// Whether the field must be filled in.
    #[serde(default)]
    pub required: bool,
    /// HTML autocomplete token, e.g. name, tel, email, or "off".
    #[serde(default)]
    pub autocomplete: Option<String>,
    /// Width of a text or date field.
    #[serde(default)]
    pub width: Option<Width>,
    /// Number of lines of a textarea.
    #[serde(default)]
    pub rows: Option<u16>,
    /// The choices of a radio or checkboxes field (at least two).
    #[serde(default)]
    pub options: Vec<String>,
    /// The text of an info field (Markdown).
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
            Info if self.text.is_none() => Some(crate::msg!("field-info-needs-text")),
            Info => None,
            _ if self.label.is_none() => Some(crate::msg!("field-needs-label")),
            Radio | Checkboxes if self.options.len() < 2 => {
                Some(crate::msg!("field-needs-options"))
            }
            Text | Textarea | Date | Checkbox | Signature if !self.options.is_empty() => {
                Some(crate::msg!("field-options-not-here"))
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
        FieldKind::Textarea if token == "street-address" || SINGLE_LINE_TOKENS.contains(&token) => {
            None
        }
        FieldKind::Text | FieldKind::Date if SINGLE_LINE_TOKENS.contains(&token) => None,
        FieldKind::Text | FieldKind::Date if token == "street-address" => {
            Some(crate::msg!("autocomplete-street-address"))
        }
        FieldKind::Text | FieldKind::Date | FieldKind::Textarea => {
            Some(crate::msg!("autocomplete-unknown", token = token))
        }
        _ => Some(crate::msg!("autocomplete-not-here")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(yaml: &str) -> Field {
        crate::yaml::from_str(yaml).unwrap()
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
        assert!(crate::yaml::from_str::<Field>("type: slider\nlabel: x\n").is_err());
    }
}
