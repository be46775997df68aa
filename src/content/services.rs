//! `tjenester/`: services and measures, who offers what to whom.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    /// A service or measure (`tjenester/<id>.yaml`).
    pub struct Service {
        /// The service's name.
        pub name: String,
        /// What the service does (Markdown).
        pub description: String,
        /// Category; the overview groups services by it.
        pub category: String,
        /// The ages the service is for, 0–24.
        pub ages: Ages,
        /// Level numbers the service works on.
        #[serde(default)]
        pub levels: Vec<u8>,
        /// How to reach the service.
        pub contact: ServiceContact,
        /// How to refer or make contact (Markdown).
        pub referral: String,
    }
}

/// An age range, in years.
#[derive(Debug, Clone, Copy, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ages {
    /// Youngest age.
    #[schemars(range(max = 24))]
    pub from: u8,
    /// Oldest age.
    #[schemars(range(max = 24))]
    pub to: u8,
}

/// How to reach a service.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceContact {
    /// Phone number, e.g. "10 20 31 00".
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Street address.
    #[serde(default)]
    pub address: Option<String>,
    /// Opening hours, e.g. "Mandag–fredag 08.00–15.30".
    #[serde(default)]
    pub opening_hours: Option<String>,
    /// Web address.
    #[serde(default)]
    pub web: Option<String>,
}

impl Ages {
    pub fn problem(&self) -> Option<String> {
        if self.from > self.to {
            Some(crate::msg!(
                "ages-from-above-to",
                from = self.from,
                to = self.to
            ))
        } else if self.to > 24 {
            Some(crate::msg!("ages-above-24", to = self.to))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_range_is_checked() {
        assert!(Ages { from: 6, to: 3 }.problem().is_some());
        assert!(Ages { from: 0, to: 30 }.problem().is_some());
        assert!(Ages { from: 0, to: 24 }.problem().is_none());
    }
}
