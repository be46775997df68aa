//! The search index and its file format (version 2).
//!
//! The index of one kommune and language is a main file, `sok/indeks.js`, and for larger sites
//! *parts* in `sok/indeks/`, loaded on demand. Every file is a script (loaded with
//! `<script src>`, never `fetch`), so search works from `file://` too.
//!
//! Main file: one statement, keys in alphabetical order (any order is valid):
//!
//! ```text
//! window.VEIVISER_SEARCH={"chunk":8,"id":"3fa9c1d2e0","kinds":["Tjeneste","Skjema"],
//!   "lang":"nb","n":412,"shards":["","barnev","fo",…],"stop":"aa alle …","v":2,
//!   "parts":{…}};
//! ```
//!
//! - `v`: format version (2). `lang`: language of the pages; picks the stemmer in search.js.
//! - `stop`: the stop words of `lang`, space separated, in token form. They are not indexed,
//!   and a query drops them unless it has nothing else.
//! - `kinds`: distinct `SearchDocument::kind` labels.
//! - `n`: number of documents; the document id is the position in the build's list.
//! - `shards`: the term dictionary is cut into *term shards*; entry i is the first term of
//!   shard i (entry 0 is always `""`). A stem's terms and the terms it is a prefix of are
//!   in the shard whose start is the greatest one `<=` the stem, and in the following
//!   shards whose start begins with the stem.
//! - `chunk`: documents per *document chunk*: chunk k holds documents k·chunk … k·chunk+chunk−1.
//! - `id`: a hash of all parts; part files are named `indeks/<id>-<part>.js`, so a cached
//!   old part is never mixed with a new main file.
//! - `parts` (only when the whole index is small, see [`Layout`]): every part inline, keyed
//!   by part name; then no part files are written.
//!
//! Part files: `(window.VEIVISER_SEARCH_PARTS||(window.VEIVISER_SEARCH_PARTS={}))["<id>/<part>"]=…;`
//!
//! - Term shard `t<i>`: `{"terms":…,"post":…}`.
//!   - `terms`: the shard's stemmed tokens (see `tokenize` and `stem`), sorted by UTF-16
//!     code units (JavaScript's `<`, so search.js can binary-search them), front coded: each
//!     entry is one character `A`+n (n = 0–25) saying how many UTF-16 units it shares with
//!     the previous term of the shard, then the rest of the term. Tokens are lowercase, so
//!     `A`–`Z` never occur in them.
//!   - `post`: one postings entry per term, in term order, separated by `,`. An entry is up to
//!     four lists separated by `.`: body, title, keywords, name (trailing empty lists are left
//!     out). *Name* is the page's own short name: the last segment of its URL, or the
//!     fragment for a step (`tjenester/barnevern/` → `barnevern`), hyphens removed, stemmed;
//!     the editor chose it as the page's identity, so an exact match ranks a page above its
//!     siblings that only mention the word. Each list holds the ids of the documents that
//!     have the term in that field, ascending, delta coded as `gap = id − previous id − 1`
//!     (previous starts at −1). Term frequencies are not stored: they cost about 15 % more
//!     postings for little better ranking. Numbers are written in base 32, most significant
//!     digit first: the last digit from `0-9a-v`, earlier digits from `w-zA-Z-_` (so 5 → `5`,
//!     40 → `x8`).
//! - Document chunk `d<k>`: `[[url, title, kind index, excerpt], …]`. `url` is relative to
//!   the language root and may end with a `#fragment`. `excerpt` is the start of the body
//!   text, whitespace collapsed, cut at a word before [`EXCERPT_CHARS`] characters and ended
//!   with `…` when cut; search.js shows the part around the first matching word, with matches
//!   in `<mark>`.
//!
//! A query loads the main file, the term shards of its words (usually one each) and then the
//! document chunks of the results it shows (ten at a time), so what a browser downloads for
//! the first query grows slowly with the size of the site. `docs/benchmarks.md` has numbers.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde_json::{json, Map, Value};

use super::stem::{stem_normalized, stop_words};
use super::tokenize::{for_each_word, normalize_word};
use super::SearchDocument;

/// Format version written as `v`.
pub const FORMAT_VERSION: u32 = 2;
/// Longest excerpt kept per document, in characters.
pub const EXCERPT_CHARS: usize = 220;
/// Folder of the part files, relative to the main file.
pub const PARTS_DIR: &str = "indeks/";
/// Documents from which an index reads its words in two halves at once.
const SPLIT_DOCS: usize = 64;

const FINAL_DIGITS: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE_DIGITS: &[u8; 32] = b"wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// How an index is split into files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// When all parts together are at most this many bytes, they go inline into the main
    /// file and no part files are written.
    pub inline_bytes: usize,
    /// A term shard is closed once its terms and postings reach this many bytes.
    pub shard_bytes: usize,
    /// Documents per document chunk.
    pub chunk_docs: usize,
}

impl Layout {
    /// Sizes picked with `scripts/bench-search.mjs`: a small kommune (the demo's fjordvik:
    /// 75 documents, 36 KB, 17 KB gzipped) stays one file; a large one loads a term shard of
    /// about 8 KB gzipped per query word and about 1.2 KB per eight results shown.
    pub const DEFAULT: Layout = Layout {
        inline_bytes: 48 * 1024,
        shard_bytes: 16 * 1024,
        chunk_docs: 8,
    };
    /// Everything in the main file, whatever the size.
    pub const SINGLE: Layout = Layout {
        inline_bytes: usize::MAX,
        ..Layout::DEFAULT
    };
}

/// The files of one index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexFiles {
    /// Content of the main file (`sok/indeks.js`).
    pub main: String,
    /// Part files: (path relative to the main file's folder, content).
    pub parts: Vec<(String, String)>,
}

#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
struct Hit {
    title: bool,
    keyword: bool,
    body: bool,
    name: bool,
}

/// The index before it is cut into files.
struct Prepared {
    kinds: Vec<String>,
    /// One row per document: `[url, title, kind index, excerpt]`.
    table: Vec<Value>,
    /// Sorted by UTF-16 units: (term, encoded postings).
    terms: Vec<(String, String)>,
}

/// The page's own short name as a stemmed token (see the module documentation).
fn url_name(url: &str, lang: &str) -> Option<String> {
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (url, None),
    };
    let segment = fragment
        .filter(|f| !f.is_empty())
        .or_else(|| path.trim_end_matches('/').rsplit('/').next())
        .filter(|s| !s.is_empty())?;
    let joined: String = segment.chars().filter(|c| *c != '-').collect();
    let token = normalize_word(&joined);
    (!token.is_empty() && token.chars().all(|c| c.is_alphanumeric()))
        .then(|| stem_normalized(&token, lang))
}

fn prepare(docs: &[SearchDocument], lang: &str) -> Prepared {
    prepare_splitting(docs, lang, SPLIT_DOCS)
}

/// [`prepare`], reading the words in two halves at once from `split` documents on.
fn prepare_splitting(docs: &[SearchDocument], lang: &str, split: usize) -> Prepared {
    let stop: HashSet<&str> = stop_words(lang).into_iter().collect();
    // A large index (most of a kommune in one language) is read in two halves at once, and
    // its table of documents made beside them: with one kommune it is the last thing a build
    // waits for.
    let ((stems, postings), (kinds, table)) = if docs.len() >= split {
        rayon::join(|| terms_in_halves(docs, lang, &stop), || table_of(docs))
    } else {
        (terms_of(docs, 0, lang, &stop), table_of(docs))
    };
    let mut terms: Vec<(String, String)> = stems
        .into_iter()
        .zip(&postings)
        .map(|(t, p)| (t, encode_postings(p)))
        .collect();
    terms.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    Prepared {
        kinds,
        table,
        terms,
    }
}

/// The kinds of `docs` (in the order they first come), and one row per document.
fn table_of(docs: &[SearchDocument]) -> (Vec<String>, Vec<Value>) {
    let mut kinds: Vec<String> = Vec::new();
    let mut table = Vec::with_capacity(docs.len());
    for doc in docs {
        let kind = match kinds.iter().position(|k| *k == doc.kind) {
            Some(i) => i,
            None => {
                kinds.push(doc.kind.clone());
                kinds.len() - 1
            }
        };
        table.push(json!([doc.url, doc.title, kind, excerpt(&doc.text)]));
    }
    (kinds, table)
}

/// [`terms_of`] every document, the two halves of their text read at once.
fn terms_in_halves(
    docs: &[SearchDocument],
    lang: &str,
    stop: &HashSet<&str>,
) -> (Vec<String>, Vec<Vec<(usize, Hit)>>) {
    // Halves of about the same text: documents differ in length by hundreds of times.
    let size = |d: &SearchDocument| d.text.len() + d.title.len() + 16;
    let total: usize = docs.iter().map(size).sum();
    let mut sum = 0;
    let middle = docs
        .iter()
        .position(|d| {
            sum += size(d);
            sum >= total / 2
        })
        .map_or(docs.len() / 2, |i| i + 1);
    let (first, second) = docs.split_at(middle);
    let ((mut stems, mut postings), (more_stems, more_postings)) = rayon::join(
        || terms_of(first, 0, lang, stop),
        || terms_of(second, first.len(), lang, stop),
    );
    // The second half's documents come after the first's: a term in both keeps its
    // postings in ascending order.
    let known: HashMap<&str, usize> = stems
        .iter()
        .enumerate()
        .map(|(i, stem)| (stem.as_str(), i))
        .collect();
    let mut new = Vec::new();
    for (stem, list) in more_stems.into_iter().zip(more_postings) {
        match known.get(stem.as_str()) {
            Some(&i) => postings[i].extend(list),
            None => new.push((stem, list)),
        }
    }
    drop(known);
    for (stem, list) in new {
        stems.push(stem);
        postings.push(list);
    }
    (stems, postings)
}

/// The terms (stems) of `docs`, whose ids start at `first`, each with its postings (in
/// ascending document order).
fn terms_of(
    docs: &[SearchDocument],
    first: usize,
    lang: &str,
    stop: &HashSet<&str>,
) -> (Vec<String>, Vec<Vec<(usize, Hit)>>) {
    /// A raw word that is a stop word or has no token.
    const SKIP: u32 = u32::MAX;
    // Raw word as written → term id (most words repeat, so most lookups need no allocation);
    // stem → term id; term id → stem and postings (documents in ascending order).
    // Looked up once for every word of every page: a fast hash (the keys are our own text).
    let mut words: HashMap<&str, u32> = HashMap::default();
    // Most words are short: those are looked up by their bytes packed in a number, which
    // hashes and compares without a call (a string key is compared with `memcmp`).
    let mut short_words: HashMap<u128, u32> = HashMap::default();
    let mut stem_ids: HashMap<String, u32> = HashMap::default();
    let mut stems: Vec<String> = Vec::new();
    let mut postings: Vec<Vec<(usize, Hit)>> = Vec::new();
    let mut term_of = |stem: String, stems: &mut Vec<String>, postings: &mut Vec<Vec<_>>| {
        *stem_ids.entry(stem).or_insert_with_key(|s| {
            stems.push(s.clone());
            postings.push(Vec::new());
            (stems.len() - 1) as u32
        })
    };
    for (id, doc) in (first..).zip(docs) {
        let fields = std::iter::once((0, doc.title.as_str()))
            .chain(doc.keywords.iter().map(|k| (1, k.as_str())))
            .chain(std::iter::once((2, doc.text.as_str())));
        for (field, text) in fields {
            for_each_word(text, |raw, _| {
                let term_of_raw = || {
                    let token = normalize_word(raw);
                    if token.is_empty() || stop.contains(token.as_str()) {
                        SKIP
                    } else {
                        term_of(stem_normalized(&token, lang), &mut stems, &mut postings)
                    }
                };
                let term = match packed(raw) {
                    Some(key) => *short_words.entry(key).or_insert_with(term_of_raw),
                    None => *words.entry(raw).or_insert_with(term_of_raw),
                };
                if term == SKIP {
                    return;
                }
                let list = &mut postings[term as usize];
                if list.last().is_none_or(|(d, _)| *d != id) {
                    list.push((id, Hit::default()));
                }
                let hit = &mut list.last_mut().expect("just pushed").1;
                match field {
                    0 => hit.title = true,
                    1 => hit.keyword = true,
                    _ => hit.body = true,
                }
            });
        }
        if let Some(name) = url_name(&doc.url, lang) {
            let term = term_of(name, &mut stems, &mut postings);
            let list = &mut postings[term as usize];
            if list.last().is_none_or(|(d, _)| *d != id) {
                list.push((id, Hit::default()));
            }
            list.last_mut().expect("just pushed").1.name = true;
        }
    }
    (stems, postings)
}

/// A word of at most 15 bytes as one number: its bytes, and its length in the last byte
/// (so `a` and `a\0` differ).
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut key = [0u8; 16];
    key[..bytes.len()].copy_from_slice(bytes);
    key[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(key))
}

/// Builds the index of `docs` (pages in `lang`) as files cut by `layout`.
pub fn build(docs: &[SearchDocument], lang: &str, layout: Layout) -> IndexFiles {
    let prepared = prepare(docs, lang);

    // Term shards: consecutive terms until a shard reaches `shard_bytes`.
    let mut shards: Vec<&[(String, String)]> = Vec::new();
    let mut start = 0;
    let mut size = 0;
    for (i, (term, post)) in prepared.terms.iter().enumerate() {
        size += term.len() + post.len() + 2;
        if size >= layout.shard_bytes.max(1) {
            shards.push(&prepared.terms[start..=i]);
            start = i + 1;
            size = 0;
        }
    }
    if start < prepared.terms.len() || shards.is_empty() {
        shards.push(&prepared.terms[start..]);
    }
    let shard_starts: Vec<&str> = shards
        .iter()
        .enumerate()
        .map(|(i, s)| if i == 0 { "" } else { s[0].0.as_str() })
        .collect();

    let chunk = layout.chunk_docs.max(1);
    let mut parts: Vec<(String, Value)> = shards
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let terms = front_code(s.iter().map(|(t, _)| t.as_str()));
            let post: Vec<&str> = s.iter().map(|(_, p)| p.as_str()).collect();
            (
                format!("t{i}"),
                json!({ "terms": terms, "post": post.join(",") }),
            )
        })
        .collect();
    parts.extend(
        prepared
            .table
            .chunks(chunk)
            .enumerate()
            .map(|(k, rows)| (format!("d{k}"), Value::Array(rows.to_vec()))),
    );
    let serialized: Vec<String> = parts.iter().map(|(_, v)| json_text(v)).collect();
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for (name, text) in parts.iter().map(|(n, _)| n).zip(&serialized) {
        hasher.update(name.as_bytes());
        hasher.update(text.as_bytes());
    }
    hasher.update(lang.as_bytes());
    let id = format!("{:016x}", hasher.digest())[..10].to_string();
    let inline = serialized.iter().map(String::len).sum::<usize>() <= layout.inline_bytes;

    let mut main = json!({
        "v": FORMAT_VERSION,
        "id": id,
        "lang": lang,
        "stop": stop_words(lang).join(" "),
        "kinds": prepared.kinds,
        "n": prepared.table.len(),
        "chunk": chunk,
        "shards": shard_starts,
    });
    let mut files = Vec::new();
    if inline {
        let map: Map<String, Value> = parts.into_iter().collect();
        main["parts"] = Value::Object(map);
    } else {
        for ((name, _), text) in parts.iter().zip(serialized) {
            files.push((
                format!("{PARTS_DIR}{id}-{name}.js"),
                format!(
                    "(window.VEIVISER_SEARCH_PARTS||(window.VEIVISER_SEARCH_PARTS={{}}))[\"{id}/{name}\"]={text};\n"
                ),
            ));
        }
    }
    IndexFiles {
        main: to_js(&main),
        parts: files,
    }
}

/// The whole index in one value, every part inline (for tests and small sites).
pub fn build_index(docs: &[SearchDocument], lang: &str) -> Value {
    let js = build(docs, lang, Layout::SINGLE).main;
    let json = &js["window.VEIVISER_SEARCH=".len()..js.len() - 2];
    serde_json::from_str(json).expect("the index is valid JSON")
}

/// JSON text safe inside a script (U+2028 and U+2029 escaped for old engines).
fn json_text(value: &Value) -> String {
    value
        .to_string()
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Serializes the index as `window.VEIVISER_SEARCH=…;`.
pub fn to_js(index: &Value) -> String {
    format!("window.VEIVISER_SEARCH={};\n", json_text(index))
}

/// The start of `text`, whitespace collapsed, at most [`EXCERPT_CHARS`] characters.
pub fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in crate::bytes::words(text) {
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

/// Encodes one term's postings: (document id, fields), ids ascending.
fn encode_postings(postings: &[(usize, Hit)]) -> String {
    let mut lists = [String::new(), String::new(), String::new(), String::new()];
    let mut prev = [-1i64; 4];
    for &(id, hit) in postings {
        let id = id as i64;
        for (list, on) in [
            (0, hit.body),
            (1, hit.title),
            (2, hit.keyword),
            (3, hit.name),
        ] {
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
    use std::collections::BTreeMap;

    fn encode(p: &BTreeMap<usize, Hit>) -> String {
        encode_postings(&p.iter().map(|(&d, &h)| (d, h)).collect::<Vec<_>>())
    }

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

    /// (terms, postings) of every term shard of an inline index, in order.
    fn all_terms(ix: &Value) -> Vec<(String, String)> {
        let shards = ix["shards"].as_array().unwrap().len();
        (0..shards)
            .flat_map(|i| {
                let part = &ix["parts"][format!("t{i}")];
                let terms = decode_front(part["terms"].as_str().unwrap());
                let post: Vec<String> = part["post"]
                    .as_str()
                    .unwrap()
                    .split(',')
                    .map(String::from)
                    .collect();
                assert_eq!(terms.len(), post.len());
                terms.into_iter().zip(post)
            })
            .collect()
    }

    #[test]
    fn an_index_read_in_two_halves_is_the_index_read_in_one() {
        // Words in one half only, in both, stop words, keywords and page names; more
        // documents than a kommune's index has before it is split.
        let words = [
            "barnehage",
            "skole",
            "og",
            "helsestasjon",
            "bekymring",
            "Ungdom",
        ];
        let docs: Vec<SearchDocument> = (0..SPLIT_DOCS + 7)
            .map(|i| {
                let text = format!(
                    "{} {} ord{} {}",
                    words[i % words.len()],
                    words[(i * 5 + 1) % words.len()],
                    i % 9,
                    if i < SPLIT_DOCS / 2 { "tidlig" } else { "sent" }
                );
                let mut d = doc(
                    &format!("/x/side-{i}/"),
                    &format!("Side {i}"),
                    &["kw"],
                    &text,
                );
                if i % 3 == 0 {
                    d.kind = "Skjema".into();
                }
                d
            })
            .collect();
        let halves = prepare_splitting(&docs, "nb", SPLIT_DOCS);
        let whole = prepare_splitting(&docs, "nb", usize::MAX);
        assert_eq!(halves.terms, whole.terms);
        assert_eq!(halves.kinds, whole.kinds);
        assert_eq!(halves.table, whole.table);
        // Both halves' documents are in it: a term of each, and one of both.
        let postings = |word: &str| {
            let term = stem_normalized(&normalize_word(word), "nb");
            let (_, p) = whole.terms.iter().find(|(t, _)| *t == term).unwrap();
            p.clone()
        };
        assert_ne!(postings("tidlig"), postings("sent"));
        assert_ne!(postings("barnehage"), postings("helsestasjon"));
    }

    #[test]
    fn packed_words_differ_as_their_text_does() {
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "ba",
            "barnevern",
            "æøå",
            "fifteen-bytes!!",
        ];
        let keys: Vec<u128> = words.iter().map(|w| packed(w).unwrap()).collect();
        for (i, a) in keys.iter().enumerate() {
            for (j, b) in keys.iter().enumerate() {
                assert_eq!(a == b, i == j, "{:?} {:?}", words[i], words[j]);
            }
        }
        assert_eq!(packed("sixteen-bytes!!!"), None);
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
        let hit = |title, keyword, body, name| Hit {
            title,
            keyword,
            body,
            name,
        };
        let mut p = BTreeMap::new();
        p.insert(0, hit(true, false, true, false));
        p.insert(3, hit(false, true, true, false));
        p.insert(40, hit(true, false, false, false));
        // body: docs 0, 3 (gaps 0, 2); title: docs 0, 40 (gaps 0, 39); keywords: doc 3
        assert_eq!(encode(&p), "02.0x7.3");
        let mut body_only = BTreeMap::new();
        body_only.insert(2, hit(false, false, true, false));
        body_only.insert(100, hit(false, false, true, false));
        assert_eq!(encode(&body_only), "2z1");
        let mut title_only = BTreeMap::new();
        title_only.insert(1, hit(true, false, false, false));
        assert_eq!(encode(&title_only), ".1");
        let mut named = BTreeMap::new();
        named.insert(4, hit(true, false, false, true));
        assert_eq!(encode(&named), ".4..4");
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
    fn url_names() {
        assert_eq!(
            url_name("tjenester/barnevern/", "nb").as_deref(),
            Some("barnevern")
        );
        assert_eq!(
            url_name("skjema/samtykke/", "nb").as_deref(),
            Some("samtykk")
        );
        assert_eq!(
            url_name("veileder/niva-0/#snakk-med-leder", "nb").as_deref(),
            Some("snakkmedled")
        );
        assert_eq!(url_name("foreldre/", "en").as_deref(), Some("foreldre"));
        assert_eq!(url_name("", "nb"), None);
    }

    #[test]
    fn index_structure() {
        let docs = [
            doc("a/", "Barnet", &["samtykke"], "Barna og tjenesten."),
            doc("b/", "Om oss", &[], "Barneverntjenesten hjelper barn."),
        ];
        let ix = build_index(&docs, "nb");
        assert_eq!(ix["v"], 2);
        assert_eq!(ix["n"], 2);
        assert_eq!(ix["shards"], json!([""]));
        let terms = all_terms(&ix);
        let names: Vec<&str> = terms.iter().map(|(t, _)| t.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        let at = |t: &str| terms.iter().find(|(x, _)| x == t).unwrap().1.as_str();
        // "barn": doc 0 title + body (barna), doc 1 body.
        assert_eq!(at("barn"), "00.0");
        assert_eq!(at("samtykk"), "..0");
        // Page "b/" is named "b"; "a/" is named "a".
        assert_eq!(at("b"), "...1");
        assert!(!names.contains(&"og") && !names.contains(&"oss"));
        assert_eq!(
            ix["parts"]["d0"][1],
            json!(["b/", "Om oss", 0, "Barneverntjenesten hjelper barn."])
        );
        assert_eq!(ix["kinds"], json!(["Side"]));
    }

    /// Many documents with many distinct words, cut into small shards and chunks.
    #[test]
    fn large_index_is_cut_into_parts() {
        let docs: Vec<SearchDocument> = (0..50)
            .map(|i| {
                let words: Vec<String> = (0..40)
                    .map(|j| format!("ord{}x{}", i % 7, j * 13 + i))
                    .collect();
                doc(
                    &format!("side-{i}/"),
                    &format!("Side nummer {i}"),
                    &[],
                    &words.join(" "),
                )
            })
            .collect();
        let layout = Layout {
            inline_bytes: 1000,
            shard_bytes: 2000,
            chunk_docs: 8,
        };
        let files = build(&docs, "nb", layout);
        let main: Value = serde_json::from_str(
            &files.main["window.VEIVISER_SEARCH=".len()..files.main.len() - 2],
        )
        .unwrap();
        assert!(main.get("parts").is_none());
        let id = main["id"].as_str().unwrap();
        let shards: Vec<&str> = main["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert!(shards.len() > 3, "{shards:?}");
        assert_eq!(main["chunk"], 8);
        assert_eq!(main["n"], 50);
        // Part files: one per shard and per chunk of 8 documents, named by the index id.
        assert_eq!(files.parts.len(), shards.len() + 7);
        let prefix =
            format!("(window.VEIVISER_SEARCH_PARTS||(window.VEIVISER_SEARCH_PARTS={{}}))[\"{id}/");
        let mut inline = main.clone();
        let mut map = Map::new();
        for (path, js) in &files.parts {
            assert!(path.starts_with(&format!("indeks/{id}-")) && path.ends_with(".js"));
            let rest = js.strip_prefix(&prefix).unwrap();
            let (name, json) = rest.split_once("\"]=").unwrap();
            assert_eq!(path, &format!("indeks/{id}-{name}.js"));
            map.insert(
                name.into(),
                serde_json::from_str(json.trim_end().trim_end_matches(';')).unwrap(),
            );
        }
        inline["parts"] = Value::Object(map);
        // Every shard starts with the term named in `shards`, and all terms stay sorted.
        let terms = all_terms(&inline);
        for (i, start) in shards.iter().enumerate().skip(1) {
            let first = decode_front(inline["parts"][format!("t{i}")]["terms"].as_str().unwrap());
            assert_eq!(&first[0], start);
        }
        let names: Vec<&String> = terms.iter().map(|(t, _)| t).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
        // The same terms as the single-file index.
        assert_eq!(terms, all_terms(&build_index(&docs, "nb")));
        let rows: Vec<Value> = (0..7)
            .flat_map(|k| inline["parts"][format!("d{k}")].as_array().unwrap().clone())
            .collect();
        assert_eq!(rows.len(), 50);
        assert_eq!(rows[49][0], "side-49/");
        // Small indexes stay in one file.
        let small = build(&docs[..2], "nb", Layout::DEFAULT);
        assert!(small.parts.is_empty() && small.main.contains("\"parts\":{"));
    }

    #[test]
    fn js_is_one_assignment() {
        let js = to_js(&json!({"a": "x\u{2028}y"}));
        assert_eq!(js, "window.VEIVISER_SEARCH={\"a\":\"x\\u2028y\"};\n");
    }
}
