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

use serde::de::{self, Unexpected, Visitor};

use super::access::{MapAcc, SeqAcc, Variant};
use super::error::{nearest, Error, Kind};
use super::node::{is_null, Node, Value};
use super::scalar::{parse_bool, parse_number, Number};

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

#[derive(Clone, Copy)]
pub struct De<'a> {
    pub node: &'a Node,
    pub context: &'a Context,
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

    pub fn located<T>(&self, r: Result<T, Error>) -> Result<T, Error> {
        r.map_err(|e| e.at(&self.node.span))
    }

    fn plain_number(&self) -> Option<Number> {
        match self.scalar() {
            Some((text, true)) => parse_number(text),
            _ => None,
        }
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
