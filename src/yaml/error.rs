//! The errors of reading content types from the node tree, in terms the messages explain.

use std::fmt;
use std::ops::Range;

use serde::de::{self, Unexpected};

/// What went wrong, in terms the messages can explain.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    UnknownField {
        key: String,
        known: &'static [&'static str],
        /// The keys written in the same mapping, which the key is not a typo of.
        present: Vec<String>,
    },
    MissingField(&'static str),
    InvalidType {
        found: Found,
        expected: String,
    },
    InvalidValue {
        found: String,
        expected: String,
    },
    UnknownVariant {
        value: String,
        known: &'static [&'static str],
    },
    DuplicateField(&'static str),
    Custom(String),
    /// A struct refused an unknown key; read the document again (see the module doc).
    Retry,
    /// An error that only follows from one already recorded (a required key that is
    /// there, misspelt).
    FollowUp,
}

/// The kind of value that was found where another was expected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Found {
    Text,
    Number,
    Bool,
    Nothing,
    List,
    Group,
    Other,
}

#[derive(Debug, Clone)]
pub struct Error {
    pub kind: Kind,
    /// Byte range (in the parsed text) of the node the error is about.
    pub span: Option<Range<usize>>,
    /// Keys and list positions from the top to the node (`steps`, `[1]`, `how`).
    pub path: Vec<String>,
}

impl Error {
    pub fn new(kind: Kind) -> Self {
        Error {
            kind,
            span: None,
            path: Vec::new(),
        }
    }

    pub fn at(mut self, span: &Range<usize>) -> Self {
        if self.span.is_none() {
            self.span = Some(span.clone());
        }
        self
    }

    /// The path as serde_yaml wrote it: `steps[1].how`.
    pub fn path_text(&self) -> String {
        let mut out = String::new();
        for part in &self.path {
            if !part.starts_with('[') && !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:?}", self.kind)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::new(Kind::Custom(msg.to_string()))
    }

    fn invalid_type(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        let found = match unexp {
            Unexpected::Bool(_) => Found::Bool,
            Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => Found::Number,
            Unexpected::Char(_) | Unexpected::Str(_) => Found::Text,
            Unexpected::Unit | Unexpected::Option => Found::Nothing,
            Unexpected::Seq => Found::List,
            Unexpected::Map => Found::Group,
            _ => Found::Other,
        };
        Error::new(Kind::InvalidType {
            found,
            expected: exp.to_string(),
        })
    }

    fn invalid_value(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        let found = match unexp {
            Unexpected::Unsigned(n) => n.to_string(),
            Unexpected::Signed(n) => n.to_string(),
            Unexpected::Float(n) => n.to_string(),
            Unexpected::Str(s) => s.to_string(),
            other => other.to_string(),
        };
        Error::new(Kind::InvalidValue {
            found,
            expected: exp.to_string(),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::new(Kind::UnknownVariant {
            value: variant.to_string(),
            known: expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error::new(Kind::UnknownField {
            key: field.to_string(),
            known: expected,
            present: Vec::new(),
        })
    }

    fn missing_field(field: &'static str) -> Self {
        Error::new(Kind::MissingField(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::new(Kind::DuplicateField(field))
    }
}

/// The known key an unknown `key` is most likely a typo of: one not written in the same
/// mapping already, else any.
pub fn nearest(key: &str, known: &[&'static str], present: &[String]) -> Option<&'static str> {
    let unused = known
        .iter()
        .copied()
        .filter(|k| !present.iter().any(|p| p == k));
    crate::diagnostics::suggest(key, unused)
        .or_else(|| crate::diagnostics::suggest(key, known.iter().copied()))
}
