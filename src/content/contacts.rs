//! `kontakter.yaml`: resource persons per unit.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    /// `kontakter.yaml`: resource persons per unit.
    pub struct ResourcePersons {
        /// The units (kindergartens, schools, health stations …) and their resource persons.
        pub units: Vec<Unit>,
    }
}

/// A unit with its resource persons.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The unit's name, e.g. "Fjordvik barnehage".
    pub name: String,
    /// The kind of unit.
    pub kind: UnitKind,
    /// The unit's resource persons.
    pub contacts: Vec<Person>,
}

/// The kind of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Barnehage,
    Skole,
    Helsestasjon,
    Sfo,
    Ungdomsklubb,
    Annet,
}

impl UnitKind {
    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Barnehage => "barnehage",
            UnitKind::Skole => "skole",
            UnitKind::Helsestasjon => "helsestasjon",
            UnitKind::Sfo => "sfo",
            UnitKind::Ungdomsklubb => "ungdomsklubb",
            UnitKind::Annet => "annet",
        }
    }

    pub const ALL: [UnitKind; 6] = [
        UnitKind::Barnehage,
        UnitKind::Skole,
        UnitKind::Helsestasjon,
        UnitKind::Sfo,
        UnitKind::Ungdomsklubb,
        UnitKind::Annet,
    ];

    pub fn parse(s: &str) -> Option<UnitKind> {
        Self::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// A resource person.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The person's name.
    pub name: String,
    /// Role, e.g. "Pedagogisk leder".
    #[serde(default)]
    pub role: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
}
