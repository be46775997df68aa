//! A serde Deserializer over the spanned [`Node`] tree: every error carries the range of
//! the node it happened at, and unknown keys are collected (all of them) instead of
//! stopping at the first.
//!
//! Whether a struct refuses unknown keys (`#[serde(deny_unknown_fields)]`) is not visible
//! to a Deserializer, so it is learnt: an unknown key is first shown to the struct; when it
//! refuses it, its name goes into `deny` and the document is read again, now skipping (and
//! recording) every unknown key of that struct. A document needs one pass more than it has
//! struct types with unknown keys.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};

use super::node::{is_null, Node, Value};

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
    fn new(kind: Kind) -> Self {
        Error {
            kind,
            span: None,
            path: Vec::new(),
        }
    }

    fn at(mut self, span: &Range<usize>) -> Self {
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

/// What one reading of a document shares: the struct types known to refuse unknown keys,
/// and the unknown keys found in them.
#[derive(Default)]
pub struct Context {
    pub deny: RefCell<HashSet<&'static str>>,
    pub unknown: RefCell<Vec<Error>>,
}

/// Deserialize `T` from `root`, reading again while structs turn out to refuse unknown
/// keys. Returns every unknown key, then the error that stopped the reading (if any).
pub fn from_node<T: de::DeserializeOwned>(root: &Node) -> Result<T, Vec<Error>> {
    let context = Context::default();
    // Each pass adds a struct type to `deny`; content has a dozen types.
    for _ in 0..64 {
        context.unknown.borrow_mut().clear();
        let result = T::deserialize(De {
            node: root,
            context: &context,
        });
        let mut errors = context.unknown.take();
        match result {
            Err(e) if e.kind == Kind::Retry => continue,
            Err(e) if e.kind == Kind::FollowUp => {}
            Err(e) => errors.push(e),
            Ok(value) if errors.is_empty() => return Ok(value),
            Ok(_) => {}
        }
        return Err(errors);
    }
    Err(vec![Error::new(Kind::Custom(
        "too many struct types".into(),
    ))])
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

#[derive(Clone, Copy)]
pub struct De<'a> {
    node: &'a Node,
    context: &'a Context,
}

impl<'a> De<'a> {
    fn scalar(&self) -> Option<(&'a str, bool)> {
        match &self.node.value {
            Value::Scalar { text, plain } => Some((text.as_str(), *plain)),
            _ => None,
        }
    }

    fn unexpected(&self) -> Unexpected<'a> {
        match &self.node.value {
            Value::Scalar { .. } if self.node.is_null() => Unexpected::Unit,
            Value::Scalar { text, .. } => Unexpected::Str(text),
            Value::Seq(_) => Unexpected::Seq,
            Value::Map(_) => Unexpected::Map,
        }
    }

    fn wrong<V: de::Expected, T>(&self, exp: &V) -> Result<T, Error> {
        Err(de::Error::invalid_type(self.unexpected(), exp))
    }

    fn located<T>(&self, r: Result<T, Error>) -> Result<T, Error> {
        r.map_err(|e| e.at(&self.node.span))
    }

    fn plain_number(&self) -> Option<Number> {
        match self.scalar() {
            Some((text, true)) => parse_number(text),
            _ => None,
        }
    }
}

pub enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

pub fn parse_number(text: &str) -> Option<Number> {
    let t = text.replace('_', "");
    let (neg, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let radix = |prefix: &str, radix| {
        digits
            .strip_prefix(prefix)
            .and_then(|d| u64::from_str_radix(d, radix).ok())
    };
    let unsigned = if digits.chars().all(|c| c.is_ascii_digit()) && !digits.is_empty() {
        digits.parse::<u64>().ok()
    } else {
        radix("0x", 16).or_else(|| radix("0o", 8))
    };
    if let Some(n) = unsigned {
        return Some(if neg {
            Number::Signed(i64::try_from(n).ok()?.checked_neg()?)
        } else {
            Number::Unsigned(n)
        });
    }
    let float = match digits {
        ".inf" | ".Inf" | ".INF" => Some(f64::INFINITY),
        ".nan" | ".NaN" | ".NAN" => Some(f64::NAN),
        d if d.starts_with(|c: char| c.is_ascii_digit() || c == '.')
            && d.chars().any(|c| c.is_ascii_digit())
            && d.chars()
                .all(|c| c.is_ascii_digit() || "._eE+-".contains(c)) =>
        {
            d.parse::<f64>().ok()
        }
        _ => None,
    }?;
    Some(Number::Float(if neg { -float } else { float }))
}

pub fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

macro_rules! number {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let r = match self.plain_number() {
                Some(Number::Unsigned(n)) => visitor.visit_u64(n),
                Some(Number::Signed(n)) => visitor.visit_i64(n),
                Some(Number::Float(n)) => visitor.visit_f64(n),
                None => self.wrong(&visitor),
            };
            self.located(r)
        }
    )*};
}

impl<'de, 'a> de::Deserializer<'de> for De<'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Scalar { text, plain: true } => {
                if is_null(text) {
                    visitor.visit_unit()
                } else if let Some(b) = parse_bool(text) {
                    visitor.visit_bool(b)
                } else {
                    match parse_number(text) {
                        Some(Number::Unsigned(n)) => visitor.visit_u64(n),
                        Some(Number::Signed(n)) => visitor.visit_i64(n),
                        Some(Number::Float(n)) => visitor.visit_f64(n),
                        None => visitor.visit_str(text),
                    }
                }
            }
            Value::Scalar { text, .. } => visitor.visit_str(text),
            Value::Seq(items) => visitor.visit_seq(SeqAcc::new(items, self.context)),
            Value::Map(entries) => visitor.visit_map(MapAcc::new(entries, None, self.context)),
        };
        self.located(r)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match self.scalar() {
            Some((text, true)) => match parse_bool(text) {
                Some(b) => visitor.visit_bool(b),
                None => self.wrong(&visitor),
            },
            _ => self.wrong(&visitor),
        };
        self.located(r)
    }

    number! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // Any scalar reads as text (`title: 2026` is the text "2026"), but not an empty one.
        let r = match self.scalar() {
            Some(_) if self.node.is_null() => self.wrong(&visitor),
            Some((text, _)) => visitor.visit_str(text),
            None => self.wrong(&visitor),
        };
        self.located(r)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = self.wrong(&visitor);
        self.located(r)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.node.is_null() {
            self.located(visitor.visit_none())
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = if self.node.is_null() {
            visitor.visit_unit()
        } else {
            self.wrong(&visitor)
        };
        self.located(r)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Seq(items) => visitor.visit_seq(SeqAcc::new(items, self.context)),
            _ => self.wrong(&visitor),
        };
        self.located(r)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Map(entries) => visitor.visit_map(MapAcc::new(entries, None, self.context)),
            _ => self.wrong(&visitor),
        };
        self.located(r)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let Value::Map(entries) = &self.node.value else {
            let r = self.wrong(&visitor);
            return self.located(r);
        };
        let strict = self.context.deny.borrow().contains(name);
        let mut access = MapAcc::new(entries, Some((name, fields, strict)), self.context);
        let found_before = self.context.unknown.borrow().len();
        let r = visitor
            .visit_map(&mut access)
            .map_err(|e: Error| match e.kind {
                // serde names the second key only after reading it: point at it.
                Kind::DuplicateField(_) if e.span.is_none() => match access.last_key {
                    Some(key) => e.at(&key.span),
                    None => e,
                },
                // `titel:` for `title:` is one mistake, reported as the unknown key.
                Kind::MissingField(missing) => {
                    let unknown = self.context.unknown.borrow();
                    let misspelt = unknown[found_before..].iter().any(|u| match &u.kind {
                        Kind::UnknownField {
                            key,
                            known,
                            present,
                        } => nearest(key, known, present) == Some(missing),
                        _ => false,
                    });
                    if misspelt {
                        Error::new(Kind::FollowUp)
                    } else {
                        e
                    }
                }
                _ => e,
            });
        self.located(r)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Scalar { text, .. } => {
                visitor.visit_enum(de::value::StrDeserializer::<Error>::new(text))
            }
            Value::Map(entries) if entries.len() == 1 => visitor.visit_enum(Variant {
                key: &entries[0].0,
                value: &entries[0].1,
                context: self.context,
            }),
            _ => self.wrong(&visitor),
        };
        self.located(r)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

struct SeqAcc<'a> {
    items: std::slice::Iter<'a, Node>,
    index: usize,
    context: &'a Context,
}

impl<'a> SeqAcc<'a> {
    fn new(items: &'a [Node], context: &'a Context) -> Self {
        SeqAcc {
            items: items.iter(),
            index: 0,
            context,
        }
    }
}

impl<'de> de::SeqAccess<'de> for SeqAcc<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(node) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(De {
            node,
            context: self.context,
        })
        .map(Some)
        .map_err(|mut e| {
            e.path.insert(0, format!("[{index}]"));
            e
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A struct's name, its fields and whether it is known to refuse unknown keys.
type StructInfo = (&'static str, &'static [&'static str], bool);

struct MapAcc<'a> {
    all: &'a [(Node, Node)],
    entries: std::slice::Iter<'a, (Node, Node)>,
    value: Option<&'a Node>,
    last_key: Option<&'a Node>,
    strukt: Option<StructInfo>,
    context: &'a Context,
}

impl<'a> MapAcc<'a> {
    fn new(entries: &'a [(Node, Node)], strukt: Option<StructInfo>, context: &'a Context) -> Self {
        MapAcc {
            all: entries,
            entries: entries.iter(),
            value: None,
            last_key: None,
            strukt,
            context,
        }
    }
}

impl<'de> de::MapAccess<'de> for MapAcc<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        loop {
            let Some((key, value)) = self.entries.next() else {
                return Ok(None);
            };
            if let Some((_, fields, true)) = self.strukt {
                // A struct that refuses unknown keys: record each one and go on.
                if let Some(name) = key.scalar().filter(|k| !fields.contains(k)) {
                    let present = self
                        .all
                        .iter()
                        .filter_map(|(k, _)| k.scalar())
                        .map(String::from)
                        .collect();
                    let mut e = Error::new(Kind::UnknownField {
                        key: name.to_string(),
                        known: fields,
                        present,
                    });
                    e.span = Some(key.span.clone());
                    self.context.unknown.borrow_mut().push(e);
                    continue;
                }
            }
            self.value = Some(value);
            self.last_key = Some(key);
            let r = seed.deserialize(De {
                node: key,
                context: self.context,
            });
            return match r {
                Err(e) if matches!(e.kind, Kind::UnknownField { .. }) => match self.strukt {
                    Some((name, _, _)) => {
                        self.context.deny.borrow_mut().insert(name);
                        Err(Error::new(Kind::Retry))
                    }
                    None => Err(e),
                },
                other => other.map(Some),
            };
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self.value.take().expect("a key comes before its value");
        let key = self
            .last_key
            .and_then(Node::scalar)
            .unwrap_or("?")
            .to_string();
        seed.deserialize(De {
            node: value,
            context: self.context,
        })
        .map_err(|mut e| {
            e.path.insert(0, key);
            e
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Variant<'a> {
    key: &'a Node,
    value: &'a Node,
    context: &'a Context,
}

impl<'de, 'a> de::EnumAccess<'de> for Variant<'a> {
    type Error = Error;
    type Variant = De<'a>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, De<'a>), Error> {
        let key = De {
            node: self.key,
            context: self.context,
        };
        let v = key.located(seed.deserialize(key))?;
        Ok((
            v,
            De {
                node: self.value,
                context: self.context,
            },
        ))
    }
}

impl<'de> de::VariantAccess<'de> for De<'_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

impl<'de> IntoDeserializer<'de, Error> for De<'_> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}
