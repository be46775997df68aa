//! YAML text → a tree of nodes, each with the byte range it was written at. Built from
//! saphyr-parser's events with an explicit stack (no recursion), so nesting depth, alias
//! expansion and duplicate keys are bounded and located here, before serde sees anything.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// Deepest nesting of collections (block or flow) a YAML text may have. Content needs
/// three or four; serde_yaml stopped at 128 too.
pub const MAX_DEPTH: usize = 128;

/// One YAML value and where it was written (byte offsets into the parsed text).
#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub enum Value {
    /// A scalar as written; `plain` when it had no quotes, block style or `!!str` tag, so
    /// that it may be read as null, a boolean or a number.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The scalar's text, for keys and messages.
    pub fn scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Whether this is a plain `~`, `null` or empty scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if is_null(text))
    }
}

pub fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// Why the text could not become a tree.
#[derive(Debug)]
pub enum TreeError {
    /// The YAML syntax is broken: the parser's (English) description, at a byte offset.
    Syntax { info: String, at: usize },
    /// Collections nested deeper than [`MAX_DEPTH`], at the first one too deep.
    TooDeep { at: usize },
    /// Aliases that expand beyond the budget.
    AliasExpansion,
    /// An alias (`*name`) whose anchor is not defined before it.
    UnknownAlias { at: usize },
    /// A key written twice in one mapping: the key and the second one's range.
    DuplicateKey { key: String, span: Range<usize> },
    /// A second document (`---`) in a text that holds one.
    SecondDocument { at: usize },
}

/// Saphyr's markers count characters; diagnostics want bytes.
struct Offsets(Option<Vec<usize>>);

impl Offsets {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Offsets(None);
        }
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Offsets(Some(bytes))
    }

    fn byte(&self, chars: usize) -> usize {
        match &self.0 {
            None => chars,
            Some(table) => table
                .get(chars)
                .copied()
                .unwrap_or(*table.last().unwrap_or(&0)),
        }
    }

    fn range(&self, span: Span) -> Range<usize> {
        self.byte(span.start.index())..self.byte(span.end.index())
    }
}

enum Frame {
    Seq {
        items: Vec<Node>,
        start: usize,
        anchor: usize,
        cost: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        seen: HashSet<String>,
        start: usize,
        anchor: usize,
        cost: usize,
    },
}

/// Parse `text` (one document) into a tree; `None` for an empty document. `budget` is the
/// most bytes the tree may stand for once aliases are expanded (each node counts its text
/// plus 16).
pub fn build(text: &str, budget: usize) -> Result<Option<Node>, TreeError> {
    let offsets = Offsets::new(text);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    let mut spent = 0usize;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| TreeError::Syntax {
            info: e.info().to_string(),
            at: offsets.byte(e.marker().index()),
        })?;
        let range = offsets.range(span);
        let mut alias = false;
        // A finished node with the bytes it stands for, and its anchor id (0: none).
        let done: (Node, usize, usize) = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(TreeError::SecondDocument { at: range.start });
                }
                continue;
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(TreeError::TooDeep { at: range.start });
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        items: Vec::new(),
                        start: range.start,
                        anchor,
                        cost: 16,
                    }
                } else {
                    Frame::Map {
                        entries: Vec::new(),
                        key: None,
                        seen: HashSet::new(),
                        start: range.start,
                        anchor,
                        cost: 16,
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = stack.pop().expect("the parser balances collections");
                // Block collections end with an empty span where the next token starts;
                // they end where their last child does.
                let end_of = |last: Option<&Node>, start: usize| {
                    if range.is_empty() {
                        last.map_or(start, |n| n.span.end)
                    } else {
                        range.end
                    }
                };
                match frame {
                    Frame::Seq {
                        items,
                        start,
                        anchor,
                        cost,
                    } => {
                        let end = end_of(items.last(), start);
                        (
                            Node {
                                value: Value::Seq(items),
                                span: start..end,
                            },
                            cost,
                            anchor,
                        )
                    }
                    Frame::Map {
                        entries,
                        start,
                        anchor,
                        cost,
                        ..
                    } => {
                        let end = end_of(entries.last().map(|(_, v)| v), start);
                        (
                            Node {
                                value: Value::Map(entries),
                                span: start..end,
                            },
                            cost,
                            anchor,
                        )
                    }
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let plain =
                    style == ScalarStyle::Plain && tag.as_ref().is_none_or(|t| t.suffix != "str");
                let cost = text.len() + 16;
                (
                    Node {
                        value: Value::Scalar {
                            text: text.into_owned(),
                            plain,
                        },
                        span: range,
                    },
                    cost,
                    anchor,
                )
            }
            Event::Alias(id) => {
                let Some((node, cost)) = anchors.get(&id) else {
                    return Err(TreeError::UnknownAlias { at: range.start });
                };
                if spent.saturating_add(*cost) > budget {
                    return Err(TreeError::AliasExpansion);
                }
                alias = true;
                // The copy keeps the anchor's position: that is where its text is.
                (node.clone(), *cost, 0)
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => continue,
        };
        let (node, cost, anchor) = done;
        // What this event adds: a scalar its text, a copy by an alias all of it, a closed
        // collection only itself (its children were counted as they came).
        let added = match (&node.value, alias) {
            (Value::Scalar { .. }, _) | (_, true) => cost,
            _ => 16,
        };
        spent = spent.saturating_add(added);
        if spent > budget {
            return Err(TreeError::AliasExpansion);
        }
        if anchor != 0 {
            anchors.insert(anchor, (node.clone(), cost));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, cost: c, .. }) => {
                *c = c.saturating_add(cost);
                items.push(node);
            }
            Some(Frame::Map {
                entries,
                key,
                seen,
                cost: c,
                ..
            }) => {
                *c = c.saturating_add(cost);
                match key.take() {
                    None => {
                        if let Some(name) = node.scalar() {
                            if !seen.insert(name.to_string()) {
                                return Err(TreeError::DuplicateKey {
                                    key: name.to_string(),
                                    span: node.span.clone(),
                                });
                            }
                        }
                        *key = Some(node);
                    }
                    Some(k) => entries.push((k, node)),
                }
            }
        }
    }
    Ok(root)
}
