//! The search index and its file format.
//!
//! `build_index_js` returns one JavaScript statement, loaded with `<script src>` before
//! `search.js` (so search works from `file://`, where `fetch` is refused). One object, keys
//! in alphabetical order (any order is valid):
//!
//! ```text
//! window.VEIVISER_SEARCH={"docs":[["skjema/samtykke/","Samtykkeerklæring",1,"Med …"],…],
//!   "kinds":["Tjeneste","Skjema"],"lang":"nb","post":"0i8.0,…","stop":"aa alle …",
//!   "terms":"AbarnEehag…","v":1};
//! ```
//!
//! - `v`: format version (1). `lang`: language of the pages; picks the stemmer in search.js.
//! - `stop`: the stop words of `lang`, space separated, in token form. They are not indexed,
//!   and a query drops them unless it has nothing else.
//! - `kinds`: distinct `SearchDocument::kind` labels. `docs[i]` = `[url, title, kind index,
//!   excerpt]`; the document id is `i`. `url` is relative to the site root. `excerpt` is the
//!   start of the body text, whitespace collapsed, cut at a word before [`EXCERPT_CHARS`]
//!   characters and ended with `…` when cut; search.js shows the part around the first
//!   matching word, with matches in `<mark>`.
//! - `terms`: every distinct stemmed token (see `tokenize` and `stem`), sorted by UTF-16 code
//!   units (JavaScript's `<`, so search.js can binary-search it), front coded: each entry is
//!   one character `A`+n (n = 0–25) saying how many UTF-16 units it shares with the previous
//!   term, then the rest of the term. Tokens are lowercase, so `A`–`Z` never occur in them.
//! - `post`: one postings entry per term, in term order, separated by `,`. An entry is up to
//!   three lists separated by `.`: body, title, keywords (trailing empty lists are left out).
//!   Each list holds the ids of the documents that have the term in that field, ascending,
//!   delta coded as `gap = id − previous id − 1` (previous starts at −1). Term frequencies
//!   are not stored: they cost about 15 % more postings for little better ranking.
//!   Numbers are written in base 32, most significant digit first: the last digit from
//!   `0-9a-v`, earlier digits from `w-zA-Z-_` (so 5 → `5`, 40 → `x8`).
//!
//! Size: per document the index carries only the excerpt, not the whole text, so docs,
//! terms and postings each take about a third. Synthetic Norwegian text (150 documents of
//! 600 words, 5,700 distinct stems) gives 126 KB raw, 65 KB gzipped, downloaded once.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{json, Value};

use super::stem::{stem_normalized, stop_words};
use super::tokenize::tokenize;
use super::SearchDocument;

/// Format version written as `v`.
pub const FORMAT_VERSION: u32 = 1;
/// Longest excerpt kept per document, in characters.
pub const EXCERPT_CHARS: usize = 220;

const FINAL_DIGITS: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE_DIGITS: &[u8; 32] = b"wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
struct Hit {
    title: bool,
    keyword: bool,
    body: bool,
}

/// Builds the index as a JSON value (see the module documentation for the format).
pub fn build_index(docs: &[SearchDocument], lang: &str) -> Value {
    let stop: HashSet<&str> = stop_words(lang).into_iter().collect();
    let mut stems: HashMap<String, String> = HashMap::new();
    let mut postings: BTreeMap<String, BTreeMap<usize, Hit>> = BTreeMap::new();
    let mut kinds: Vec<&str> = Vec::new();
    let mut table = Vec::with_capacity(docs.len());

    for (id, doc) in docs.iter().enumerate() {
        let fields = std::iter::once((0, doc.title.as_str()))
            .chain(doc.keywords.iter().map(|k| (1, k.as_str())))
            .chain(std::iter::once((2, doc.text.as_str())));
        for (field, text) in fields {
            for token in tokenize(text) {
                if stop.contains(token.as_str()) {
                    continue;
                }
                let stem = stems
                    .entry(token)
                    .or_insert_with_key(|t| stem_normalized(t, lang));
                let hit = postings
                    .entry(stem.clone())
                    .or_default()
                    .entry(id)
                    .or_default();
                match field {
                    0 => hit.title = true,
                    1 => hit.keyword = true,
                    _ => hit.body = true,
                }
            }
        }
        let kind = match kinds.iter().position(|k| *k == doc.kind) {
            Some(i) => i,
            None => {
                kinds.push(&doc.kind);
                kinds.len() - 1
            }
        };
        table.push(json!([doc.url, doc.title, kind, excerpt(&doc.text)]));
    }

    let mut sorted: Vec<(String, BTreeMap<usize, Hit>)> = postings.into_iter().collect();
    sorted.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    let terms = front_code(sorted.iter().map(|(t, _)| t.as_str()));
    let post: Vec<String> = sorted.iter().map(|(_, p)| encode_postings(p)).collect();

    json!({
        "v": FORMAT_VERSION,
        "lang": lang,
        "stop": stop_words(lang).join(" "),
        "kinds": kinds,
        "docs": table,
        "terms": terms,
        "post": post.join(","),
    })
}

/// Serializes the index as `window.VEIVISER_SEARCH=…;`.
pub fn to_js(index: &Value) -> String {
    let json = index
        .to_string()
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!("window.VEIVISER_SEARCH={json};\n")
}

/// The start of `text`, whitespace collapsed, at most [`EXCERPT_CHARS`] characters.
pub fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let sep = usize::from(count > 0);
        if count + sep + len > EXCERPT_CHARS {
            if count == 0 {
                out.extend(word.chars().take(EXCERPT_CHARS - 1));
            }
            out.push('…');
            return out;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(word);
        count += sep + len;
    }
    out
}

/// Front codes sorted terms: shared prefix length (UTF-16 units, `A` = 0 … `Z` = 25), rest.
fn front_code<'a>(terms: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut prev: &str = "";
    for term in terms {
        let mut shared_units = 0;
        let mut shared_bytes = 0;
        for (a, b) in prev.chars().zip(term.chars()) {
            if a != b || shared_units + b.len_utf16() > 25 {
                break;
            }
            shared_units += b.len_utf16();
            shared_bytes += b.len_utf8();
        }
        out.push(char::from(b'A' + shared_units as u8));
        out.push_str(&term[shared_bytes..]);
        prev = term;
    }
    out
}

fn push_number(mut n: u64, out: &mut String) {
    let mut digits = [0u8; 13];
    let mut len = 0;
    loop {
        digits[len] = (n % 32) as u8;
        len += 1;
        n /= 32;
        if n == 0 {
            break;
        }
    }
    for i in (1..len).rev() {
        out.push(char::from(MORE_DIGITS[usize::from(digits[i])]));
    }
    out.push(char::from(FINAL_DIGITS[usize::from(digits[0])]));
}

fn encode_postings(postings: &BTreeMap<usize, Hit>) -> String {
    let mut lists = [String::new(), String::new(), String::new()];
    let mut prev = [-1i64; 3];
    for (&id, hit) in postings {
        let id = id as i64;
        for (list, on) in [(0, hit.body), (1, hit.title), (2, hit.keyword)] {
            if on {
                push_number((id - prev[list] - 1) as u64, &mut lists[list]);
                prev[list] = id;
            }
        }
    }
    let used = lists
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(1, |i| i + 1);
    lists[..used].join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_numbers(s: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut n = 0u64;
        for c in s.bytes() {
            if let Some(d) = FINAL_DIGITS.iter().position(|&x| x == c) {
                out.push(n * 32 + d as u64);
                n = 0;
            } else {
                n = n * 32 + MORE_DIGITS.iter().position(|&x| x == c).unwrap() as u64;
            }
        }
        out
    }

    fn decode_front(s: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut prev: Vec<u16> = Vec::new();
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            let keep = usize::from(c as u8 - b'A');
            let end = rest[1..]
                .find(|c: char| c.is_ascii_uppercase())
                .map_or(rest.len(), |i| i + 1);
            prev.truncate(keep);
            prev.extend(rest[1..end].encode_utf16());
            out.push(String::from_utf16(&prev).unwrap());
            rest = &rest[end..];
        }
        out
    }

    fn doc(url: &str, title: &str, keywords: &[&str], text: &str) -> SearchDocument {
        SearchDocument {
            url: url.into(),
            title: title.into(),
            kind: "Side".into(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            text: text.into(),
        }
    }

    #[test]
    fn numbers_round_trip() {
        let mut s = String::new();
        let values = [0, 5, 31, 32, 40, 1023, 1024, 99_999, u32::MAX as u64];
        for v in values {
            push_number(v, &mut s);
        }
        assert_eq!(decode_numbers(&s), values);
        let mut one = String::new();
        push_number(40, &mut one);
        assert_eq!(one, "x8");
    }

    #[test]
    fn front_coding_round_trips() {
        let terms = [
            "barn",
            "barnehag",
            "barnevern",
            "barneverntjenest",
            "ø",
            "𝔘x",
            "𝔘y",
        ];
        let coded = front_code(terms.iter().copied());
        assert!(coded.starts_with("Abarn"));
        assert_eq!(decode_front(&coded), terms);
        let long = ["a".repeat(30), format!("{}b", "a".repeat(30))];
        assert_eq!(
            decode_front(&front_code(long.iter().map(|s| s.as_str()))),
            long
        );
    }

    #[test]
    fn postings_encode_fields_and_counts() {
        let mut p = BTreeMap::new();
        p.insert(
            0,
            Hit {
                title: true,
                keyword: false,
                body: true,
            },
        );
        p.insert(
            3,
            Hit {
                title: false,
                keyword: true,
                body: true,
            },
        );
        p.insert(
            40,
            Hit {
                title: true,
                keyword: false,
                body: false,
            },
        );
        // body: docs 0, 3 (gaps 0, 2); title: docs 0, 40 (gaps 0, 39); keywords: doc 3
        assert_eq!(encode_postings(&p), "02.0x7.3");
        let mut body_only = BTreeMap::new();
        body_only.insert(
            2,
            Hit {
                body: true,
                ..Hit::default()
            },
        );
        body_only.insert(
            100,
            Hit {
                body: true,
                ..Hit::default()
            },
        );
        assert_eq!(encode_postings(&body_only), "2z1");
        let mut title_only = BTreeMap::new();
        title_only.insert(
            1,
            Hit {
                title: true,
                ..Hit::default()
            },
        );
        assert_eq!(encode_postings(&title_only), ".1");
    }

    #[test]
    fn excerpt_cuts_at_words() {
        assert_eq!(excerpt("  Kort\n tekst  "), "Kort tekst");
        let long = "ord ".repeat(100);
        let e = excerpt(&long);
        assert!(e.ends_with("ord…") && e.chars().count() <= EXCERPT_CHARS + 1);
        let one = "x".repeat(400);
        assert_eq!(excerpt(&one).chars().count(), EXCERPT_CHARS);
    }

    #[test]
    fn index_structure() {
        let docs = [
            doc("a/", "Barnet", &["samtykke"], "Barna og tjenesten."),
            doc("b/", "Om oss", &[], "Barneverntjenesten hjelper barn."),
        ];
        let ix = build_index(&docs, "nb");
        let terms = decode_front(ix["terms"].as_str().unwrap());
        let post: Vec<&str> = ix["post"].as_str().unwrap().split(',').collect();
        assert_eq!(terms.len(), post.len());
        let mut sorted = terms.clone();
        sorted.sort();
        assert_eq!(terms, sorted);
        let at = |t: &str| post[terms.iter().position(|x| x == t).unwrap()];
        // "barn": doc 0 title + body (barna), doc 1 body.
        assert_eq!(at("barn"), "00.0");
        assert_eq!(at("samtykk"), "..0");
        assert!(!terms.contains(&"og".to_string()) && !terms.contains(&"oss".to_string()));
        assert_eq!(
            ix["docs"][1],
            json!(["b/", "Om oss", 0, "Barneverntjenesten hjelper barn."])
        );
        assert_eq!(ix["kinds"], json!(["Side"]));
    }

    #[test]
    fn js_is_one_assignment() {
        let js = to_js(&json!({"a": "x\u{2028}y"}));
        assert_eq!(js, "window.VEIVISER_SEARCH={\"a\":\"x\\u2028y\"};\n");
    }
}
