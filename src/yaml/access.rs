//! serde's access to lists, mappings and enum variants of the node tree (see `de.rs`).

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::de::{Context, De};
use super::error::{Error, Kind};
use super::node::Node;

pub struct SeqAcc<'a> {
    items: std::slice::Iter<'a, Node>,
    index: usize,
    context: &'a Context,
}

impl<'a> SeqAcc<'a> {
    pub fn new(items: &'a [Node], context: &'a Context) -> Self {
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
pub type StructInfo = (&'static str, &'static [&'static str], bool);

pub struct MapAcc<'a> {
    all: &'a [(Node, Node)],
    entries: std::slice::Iter<'a, (Node, Node)>,
    value: Option<&'a Node>,
    pub last_key: Option<&'a Node>,
    strukt: Option<StructInfo>,
    context: &'a Context,
}

impl<'a> MapAcc<'a> {
    pub fn new(
        entries: &'a [(Node, Node)],
        strukt: Option<StructInfo>,
        context: &'a Context,
    ) -> Self {
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

pub struct Variant<'a> {
    pub key: &'a Node,
    pub value: &'a Node,
    pub context: &'a Context,
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
