//! Every string a print's data holds, as its template would read them, visited without
//! first converting the data to JSON: `check` looks at every print of every kommune for
//! characters the fonts lack, and the conversion cost more than the look.
//!
//! The strings are the ones `serde_json::to_value` would make: values, not the names of
//! fields or the keys of maps; a unit enum variant is its name.

use std::fmt;

use serde::ser::{self, Serialize};

/// Calls `f` with every string in `value`.
pub fn each_string<T: Serialize + ?Sized>(value: &T, f: &mut dyn FnMut(&str)) {
    // `Unreachable` is never made: the visitor cannot fail.
    let _ = value.serialize(Strings(f));
}

struct Strings<'f>(&'f mut dyn FnMut(&str));

impl Strings<'_> {
    fn visit<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unreachable> {
        value.serialize(Strings(&mut *self.0))
    }
}

#[derive(Debug)]
struct Unreachable;

impl fmt::Display for Unreachable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the string visitor does not fail")
    }
}

impl std::error::Error for Unreachable {}

impl ser::Error for Unreachable {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unreachable
    }
}

/// Serializer methods for values that hold no string.
macro_rules! no_strings {
    ($($method:ident($type:ty)),* $(,)?) => {
        $(fn $method(self, _: $type) -> Result<(), Unreachable> {
            Ok(())
        })*
    };
}

/// Serializer methods that begin a sequence, tuple, map or struct: the visitor itself
/// visits their parts.
macro_rules! compounds {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Self, Unreachable> {
            Ok(self)
        })*
    };
}

impl<'f> ser::Serializer for Strings<'f> {
    type Ok = ();
    type Error = Unreachable;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    no_strings!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_char(self, c: char) -> Result<(), Unreachable> {
        (self.0)(c.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, s: &str) -> Result<(), Unreachable> {
        (self.0)(s);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Unreachable> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unreachable> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unreachable> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unreachable> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unreachable> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unreachable> {
        value.serialize(self)
    }

    compounds!(
        serialize_seq(Option<usize>),
        serialize_tuple(usize),
        serialize_tuple_struct(&'static str, usize),
        serialize_tuple_variant(&'static str, u32, &'static str, usize),
        serialize_map(Option<usize>),
        serialize_struct(&'static str, usize),
        serialize_struct_variant(&'static str, u32, &'static str, usize),
    );
}

/// The parts of sequences and tuples: each element is visited.
macro_rules! elements {
    ($($trait:ident :: $method:ident),* $(,)?) => {
        $(impl ser::$trait for Strings<'_> {
            type Ok = ();
            type Error = Unreachable;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unreachable> {
                self.visit(value)
            }

            fn end(self) -> Result<(), Unreachable> {
                Ok(())
            }
        })*
    };
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

/// The parts of structs: each field's value is visited, not its name.
macro_rules! fields {
    ($($trait:ident),* $(,)?) => {
        $(impl ser::$trait for Strings<'_> {
            type Ok = ();
            type Error = Unreachable;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                _: &'static str,
                value: &T,
            ) -> Result<(), Unreachable> {
                self.visit(value)
            }

            fn end(self) -> Result<(), Unreachable> {
                Ok(())
            }
        })*
    };
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Strings<'_> {
    type Ok = ();
    type Error = Unreachable;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Unreachable> {
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unreachable> {
        self.visit(value)
    }

    fn end(self) -> Result<(), Unreachable> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::each_string;

    /// The strings `serde_json::to_value` makes of `value`, values only, in order.
    fn through_json(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| through_json(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| through_json(v, out)),
            _ => {}
        }
    }

    #[derive(Serialize)]
    enum Kind {
        Plain,
        Named(String),
        Pair(String, u8),
        Fields { note: String },
    }

    #[derive(Serialize)]
    struct Print {
        title: String,
        initial: char,
        missing: Option<String>,
        present: Option<String>,
        count: u32,
        kinds: Vec<Kind>,
        by_key: BTreeMap<String, String>,
        pair: (String, bool),
    }

    #[test]
    fn the_strings_are_the_ones_json_would_hold() {
        let print = Print {
            title: "Bekymring for et barn".into(),
            initial: 'Å',
            missing: None,
            present: Some("ሕፃን".into()),
            count: 3,
            kinds: vec![
                Kind::Plain,
                Kind::Named("نموذج".into()),
                Kind::Pair("Ordliste".into(), 2),
                Kind::Fields {
                    note: "merknad".into(),
                },
            ],
            by_key: BTreeMap::from([("nøkkel".into(), "verdi".into())]),
            pair: ("første".into(), true),
        };
        let mut visited = Vec::new();
        each_string(&print, &mut |s| visited.push(s.to_string()));
        let mut json = Vec::new();
        through_json(&serde_json::to_value(&print).unwrap(), &mut json);
        visited.sort();
        json.sort();
        assert_eq!(visited, json);
        assert!(visited.contains(&"ሕፃን".to_string()));
        assert!(
            !visited.contains(&"nøkkel".to_string()),
            "keys are not values"
        );
    }
}
