//! `kommune.yaml` and `region.yaml`: who the site is for and where it inherits from.

use serde::{Deserialize, Serialize};

/// `content/<kommune>/kommune.yaml`: who the site is for and where it inherits from.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KommuneConfig {
    /// The kommune's full name, e.g. "Fjordvik kommune".
    pub name: String,
    /// Short name used in running text ({{ kommune }}), e.g. "Fjordvik".
    #[serde(default)]
    pub short_name: Option<String>,
    /// Kommunenummer: four digits, in quotes.
    #[schemars(regex(pattern = r"^[0-9]{4}$"))]
    pub number: String,
    /// Folder name of a shared base (a folder with region.yaml) to inherit every file from.
    #[serde(default)]
    pub inherits: Option<String>,
    /// Inherited files to drop, as paths relative to the base, e.g. tjenester/familiesenter.yaml.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Languages the site is published in; the first is the default: nb, nn, en, ar, ti, uk, se, so, pl.
    #[serde(default)]
    #[schemars(inner(regex(pattern = r"^(nb|nn|en|ar|ti|uk|se|so|pl)$")))]
    pub languages: Vec<String>,
    /// Languages of `languages` that only some pages are translated into (often the
    /// parents' page and the brochure): the other pages are shown in the default language
    /// with a note, without a `missing-translation` warning for each.
    #[serde(default)]
    #[schemars(inner(regex(pattern = r"^(nb|nn|en|ar|ti|uk|se|so|pl)$")))]
    pub partial_languages: Vec<String>,
    /// Logo and colours.
    #[serde(default)]
    pub branding: Branding,
    /// Phone numbers and the report address shown in the acute warning.
    #[serde(default)]
    pub emergency: Emergency,
    /// Key contacts shown in the footer and on posters.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Where readers send feedback (e-mail or web address).
    #[serde(default)]
    pub feedback: Option<Feedback>,
    /// Where this kommune's own guide is published, e.g.
    /// https://www.fjordvik.kommune.no/bti/. Used when it is built alone (`--kommune`) and
    /// for the addresses and QR codes of its print products; without it, the site's
    /// `base_url` from veiviser.yaml.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Web address of the accessibility statement (tilgjengelighetserklæring).
    pub accessibility_statement: String,
    /// Months after `reviewed:` before the check warns that a page is overdue (default 12).
    #[serde(default)]
    #[schemars(range(min = 1))]
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

/// The kommune's logo and colours.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Branding {
    /// Path of the logo inside the kommune (or base) folder, e.g. bilder/logo.svg.
    #[serde(default)]
    pub logo: Option<String>,
    /// Text alternative of the logo (required when `logo` is set), e.g. "Fjordvik kommune".
    #[serde(default)]
    pub logo_alt: Option<String>,
    /// Header and button colour, #rrggbb; must reach 4.5:1 against text_color.
    #[serde(default)]
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))]
    pub primary_color: Option<String>,
    /// Colour of text drawn on primary_color, #rrggbb (default #ffffff).
    #[serde(default)]
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))]
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

/// Numbers and addresses for acute situations.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Emergency {
    /// Barneverntjenesten, office hours.
    #[serde(default)]
    pub child_welfare_phone: Option<String>,
    /// Barnevernvakt (after hours).
    #[serde(default)]
    pub child_welfare_after_hours: Option<String>,
    /// The police (default 112).
    #[serde(default)]
    pub police_phone: Option<String>,
    /// The national portal for reports of concern (bekymringsmelding).
    #[serde(default)]
    pub report_url: Option<String>,
    /// Alarmtelefonen for barn og unge, shown beside the kommune's own numbers
    /// (default "116 111"; an empty string hides it).
    #[serde(default)]
    pub child_helpline_phone: Option<String>,
}

/// The national helpline for children and young people (Alarmtelefonen for barn og unge).
pub const CHILD_HELPLINE: &str = "116 111";

impl Emergency {
    /// Alarmtelefonen's number, unless the kommune has turned it off with "".
    pub fn child_helpline(&self) -> Option<String> {
        match self.child_helpline_phone.as_deref() {
            None => Some(CHILD_HELPLINE.to_string()),
            Some(p) if p.trim().is_empty() => None,
            Some(p) => Some(p.trim().to_string()),
        }
    }
}

/// A key contact.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name of the office or person.
    pub name: String,
    /// Role, e.g. "Koordinator for BTI".
    #[serde(default)]
    pub role: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
}

/// Where readers send feedback: `email`, `url` or both.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// E-mail address for feedback.
    #[serde(default)]
    pub email: Option<String>,
    /// Web address of a feedback form.
    #[serde(default)]
    pub url: Option<String>,
}

/// `content/<base>/region.yaml`: a shared regional base that kommuner inherit.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionConfig {
    /// The base's name, e.g. "Felles modell for Midtfjord-regionen".
    pub name: String,
    /// What the base is.
    #[serde(default)]
    pub description: Option<String>,
    /// Folder name of another base this one inherits.
    #[serde(default)]
    pub inherits: Option<String>,
    /// Languages of the base's files; the first is the language of files without a code.
    #[serde(default)]
    #[schemars(inner(regex(pattern = r"^(nb|nn|en|ar|ti|uk|se|so|pl)$")))]
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
    fn child_helpline_is_on_by_default_and_can_be_turned_off() {
        let mut e = Emergency::default();
        assert_eq!(e.child_helpline().as_deref(), Some("116 111"));
        e.child_helpline_phone = Some(String::new());
        assert_eq!(e.child_helpline(), None);
    }

    #[test]
    fn tel_links_are_international() {
        assert_eq!(tel_href("10 20 30 40"), "tel:+4710203040");
        assert_eq!(tel_href("112"), "tel:112");
        assert_eq!(tel_href("+47 10 20 30 40"), "tel:+4710203040");
    }
}
