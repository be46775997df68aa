//! `kommune.yaml` and `region.yaml`: who the site is for and where it inherits from.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KommuneConfig {
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    pub number: String,
    #[serde(default)]
    pub inherits: Option<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub branding: Branding,
    #[serde(default)]
    pub emergency: Emergency,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub feedback: Option<Feedback>,
    pub accessibility_statement: String,
    #[serde(default)]
    pub review_interval_months: Option<u32>,
}

impl KommuneConfig {
    pub fn short(&self) -> &str {
        self.short_name.as_deref().unwrap_or_else(|| {
            self.name
                .strip_suffix(" kommune")
                .or_else(|| self.name.strip_suffix(" kommune"))
                .unwrap_or(&self.name)
        })
    }

    pub fn review_interval(&self) -> u32 {
        self.review_interval_months.unwrap_or(12)
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Branding {
    #[serde(default)]
    pub logo: Option<String>,
    #[serde(default)]
    pub logo_alt: Option<String>,
    #[serde(default)]
    pub primary_color: Option<String>,
    #[serde(default)]
    pub text_color: Option<String>,
}

pub const DEFAULT_PRIMARY: &str = "#1d4f73";
pub const DEFAULT_TEXT_ON_PRIMARY: &str = "#ffffff";

impl Branding {
    pub fn primary(&self) -> &str {
        self.primary_color.as_deref().unwrap_or(DEFAULT_PRIMARY)
    }
    pub fn text(&self) -> &str {
        self.text_color
            .as_deref()
            .unwrap_or(DEFAULT_TEXT_ON_PRIMARY)
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Emergency {
    #[serde(default)]
    pub child_welfare_phone: Option<String>,
    #[serde(default)]
    pub child_welfare_after_hours: Option<String>,
    #[serde(default)]
    pub police_phone: Option<String>,
    #[serde(default)]
    pub report_url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RegionConfig {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub inherits: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
}

/// `tel:` URL for a phone number written for people ("10 20 30 40").
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    if digits.len() == 8 {
        format!("tel:+47{digits}")
    } else {
        format!("tel:{digits}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_links_are_international() {
        assert_eq!(tel_href("10 20 30 40"), "tel:+4710203040");
        assert_eq!(tel_href("112"), "tel:112");
        assert_eq!(tel_href("+47 10 20 30 40"), "tel:+4710203040");
    }
}
