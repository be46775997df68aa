//! `kontakter.yaml`: resource persons per unit.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    pub struct ResourcePersons {
        pub units: Vec<Unit>,
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub name: String,
    pub kind: UnitKind,
    pub contacts: Vec<Person>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}
