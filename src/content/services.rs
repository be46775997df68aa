//! `tjenester/`: services and measures, who offers what to whom.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    pub struct Service {
        pub name: String,
        pub description: String,
        pub category: String,
        pub ages: Ages,
        #[serde(default)]
        pub levels: Vec<u8>,
        pub contact: ServiceContact,
        pub referral: String,
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ages {
    pub from: u8,
    pub to: u8,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceContact {
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub opening_hours: Option<String>,
    #[serde(default)]
    pub web: Option<String>,
}

impl Ages {
    pub fn problem(&self) -> Option<String> {
        if self.from > self.to {
            Some(format!(
                "`from` ({}) is above `to` ({})",
                self.from, self.to
            ))
        } else if self.to > 24 {
            Some(format!("`to` is {}; the guide covers ages 0–24", self.to))
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
