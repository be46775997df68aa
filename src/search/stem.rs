//! Light stemmers and stop words. Mirrored by `stem` in `themes/standard/static/js/search.js`.
//!
//! Norwegian (`nb`, `nn`, `no`): the Snowball Norwegian algorithm (R1 region, main suffix,
//! `dt`/`vt`, derivational suffixes) run on *folded* tokens (`æ` → `ae`, … see `tokenize`),
//! with extra suffixes for agent nouns in both written standards (`lærere`, `lærerne`,
//! `lærarar`, `lærarane` all meet `lærer`/`lærar`). Only tokens of ASCII letters are stemmed.
//! English (`en`): plural `-s`/`-es`/`-ies` only. Other languages: tokens are kept as they are.
//!
//! Apart from `ies` → `y` in English, a stem is always a prefix of its token, so a query
//! that is the start of a word still prefix-matches the word's stem in most cases.

use super::tokenize::normalize_word;

fn is_arabic_letter(c: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&c) || c == '\u{0671}'
}

/// Arabic: the alef forms (أ إ آ ٱ) written as bare alef, taa marbuta (ة) as haa (ه), alef
/// maksura (ى) as yaa (ي), and the article ال dropped from a word that keeps at least two
/// letters, so that `طوارئ` finds `الطوارئ` and `الأسرة` finds `أسره`. Harakat and tatweel
/// are dropped by the tokenizer already.
fn arabic(token: &str) -> String {
    let folded: String = token
        .chars()
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            c => c,
        })
        .collect();
    match folded.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_string(),
        _ => folded,
    }
}

/// Main suffixes (Snowball step 1 plus agent-noun endings), longest first.
const STEP1: &[&str] = &[
    "hetenes", "hetene", "hetens", "arane", "endes", "erens", "ernes", "heten", "heter", "ande",
    "arar", "aren", "edes", "ende", "enes", "eren", "erne", "erte", "ane", "ast", "ede", "ene",
    "ens", "ere", "ers", "ert", "ets", "het", "ar", "as", "en", "er", "es", "et", "a", "e", "s",
];

/// Derivational suffixes (Snowball step 3), longest first.
const STEP3: &[&str] = &[
    "hetslov", "eleg", "elig", "elov", "slov", "eig", "els", "leg", "lig", "lov", "ig",
];

const NORWEGIAN_STOP: &str = "aa alle andre at av baade bare begge ble blei bli blir blitt \
    da de dei deim deira deires dem den denne der dere deres det dette di din disse ditt du \
    dykk dykkar eg ein eit eitt eller elles en enn er et ett etter for fordi fra ha hadde han \
    hans har hennar henne hennes her hjaa ho honom hun hva hvem hver hvilke hvilken \
    hvis hvor hvordan hvorfor i ikke ikkje ingen inn jeg kan kom korleis korso kun kunne kva \
    kvar kven kvi kvifor man mange me med medan meg men mi min mine mitt mot mykje naa naar \
    ned no noe noen noka noko nokon nokor nokre og ogsaa om opp oss over paa saa samme seg selv si sia \
    sidan siden sin sine sitt sjoel skal skulle slik so som somme somt til um upp ut uten var \
    vart varte ved vere verte vi vil ville vore vors vort vaar vaere vaert";

const ENGLISH_STOP: &str = "a an and are as at be by for from in is it not of on or our \
    that the their they this to was we were with you your";

/// The stop words of `lang`, in token (folded) form. They are left out of the index, and out
/// of a query unless the query has nothing else.
pub fn stop_words(lang: &str) -> Vec<&'static str> {
    let list = match lang {
        "nb" | "nn" | "no" => NORWEGIAN_STOP,
        "en" => ENGLISH_STOP,
        _ => "",
    };
    list.split_whitespace().collect()
}

/// Stems one token for `lang`. The token is normalized first (see `tokenize`), so raw words
/// such as `"Barnet"` are accepted too.
pub fn stem(token: &str, lang: &str) -> String {
    stem_normalized(&normalize_word(token), lang)
}

/// [`stem`] for a token that is already normalized.
pub fn stem_normalized(token: &str, lang: &str) -> String {
    // Arabic words are normalised whatever the page's language (an Arabic query on a
    // Norwegian page, Arabic text in a fallback).
    if token.chars().any(is_arabic_letter) {
        return arabic(token);
    }
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_lowercase()) {
        return token.to_string();
    }
    match lang {
        "nb" | "nn" | "no" => norwegian(token),
        "en" => english(token),
        _ => token.to_string(),
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Start of region R1: after the first non-vowel that follows a vowel, and at least 3.
fn r1(w: &[u8]) -> usize {
    let n = w.len();
    let mut i = 0;
    while i < n && !is_vowel(w[i]) {
        i += 1;
    }
    while i < n && is_vowel(w[i]) {
        i += 1;
    }
    if i < n {
        (i + 1).max(3).min(n)
    } else {
        n
    }
}

/// The longest of `list` (sorted longest first) that ends `w` and lies inside R1.
fn suffix_in_r1(w: &str, p1: usize, list: &[&'static str]) -> Option<&'static str> {
    list.iter()
        .copied()
        .find(|s| w.len() >= p1 + s.len() && w.ends_with(s))
}

fn norwegian(token: &str) -> String {
    let mut w = token.to_string();
    let p1 = r1(token.as_bytes());
    if let Some(s) = suffix_in_r1(&w, p1, STEP1) {
        let b = w.as_bytes();
        let n = b.len();
        match s {
            "s" => {
                let before = b[n - 2];
                let s_ending = b"bcdfghjlmnoprtvyz".contains(&before);
                if s_ending || (before == b'k' && !is_vowel(b[n - 3])) {
                    w.truncate(n - 1);
                }
            }
            "erte" | "ert" => {
                w.truncate(n - s.len());
                w.push_str("er");
            }
            _ => w.truncate(n - s.len()),
        }
    }
    if w.len() >= p1 + 2 && (w.ends_with("dt") || w.ends_with("vt")) {
        w.pop();
    }
    if let Some(s) = suffix_in_r1(&w, p1, STEP3) {
        w.truncate(w.len() - s.len());
    }
    w
}

fn english(w: &str) -> String {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    if n > 4
        && ["sses", "shes", "ches", "xes"]
            .iter()
            .any(|s| w.ends_with(s))
    {
        return w[..n - 2].to_string();
    }
    if n > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nb(w: &str) -> String {
        stem(w, "nb")
    }

    fn all_meet(words: &[&str], lang: &str) {
        let first = stem(words[0], lang);
        for w in words {
            assert_eq!(stem(w, lang), first, "{w} should stem like {}", words[0]);
        }
    }

    #[test]
    fn inflected_forms_meet() {
        all_meet(
            &["barn", "barnet", "barna", "barnas", "barns", "barnets"],
            "nb",
        );
        all_meet(
            &[
                "tjeneste",
                "tjenesten",
                "tjenestene",
                "tjenester",
                "tjenestens",
            ],
            "nb",
        );
        all_meet(&["samtykke", "samtykket", "samtykkets"], "nb");
        all_meet(
            &["bekymring", "bekymringen", "bekymringer", "bekymringene"],
            "nb",
        );
        all_meet(&["lærer", "lærere", "lærerne", "læreren", "lærerens"], "nb");
        all_meet(
            &["opplevelse", "opplevelsen", "opplevelser", "opplevelsene"],
            "nb",
        );
    }

    #[test]
    fn nynorsk_forms_meet() {
        all_meet(&["born", "borna", "borns"], "nn");
        all_meet(&["teneste", "tenesta", "tenester", "tenestene"], "nn");
        all_meet(&["lærar", "lærarar", "læraren", "lærarane"], "nn");
        all_meet(&["jente", "jenta", "jenter", "jentene"], "nn");
    }

    #[test]
    fn snowball_details() {
        assert_eq!(nb("barnehagen"), "barnehag");
        assert_eq!(nb("hus"), "hus"); // R1 is empty
        assert_eq!(nb("verks"), "verk"); // k + non-vowel before s
        assert_eq!(nb("rikes"), "rik"); // "es" is a main suffix
        assert_eq!(nb("tales"), "tal");
        assert_eq!(nb("skeis"), "skeis"); // R1 is empty
        assert_eq!(nb("kartlagt"), "kartlagt"); // "gt" is no pair
        assert_eq!(nb("gravdt"), "gravd"); // dt → d
        assert_eq!(nb("viktige"), "vikt"); // e, then -ig
        assert_eq!(nb("ensomheten"), "ensom");
        assert_eq!(nb("kontrollert"), "kontroller"); // ert → er
    }

    #[test]
    fn folded_spellings_stem_alike() {
        assert_eq!(nb("kjære"), nb("kjaere"));
        assert_eq!(nb("høringene"), nb("hoeringene"));
        assert_eq!(nb("Barnet"), "barn");
    }

    #[test]
    fn stem_is_a_prefix_of_the_token() {
        for w in [
            "barnevernstjenesten",
            "kontrollerte",
            "hetslov",
            "foreldrenes",
            "aas",
        ] {
            let t = normalize_word(w);
            assert!(t.starts_with(&nb(w)), "{w}");
        }
    }

    #[test]
    fn arabic_article_alef_forms_and_taa_marbuta_meet() {
        assert_eq!(stem("الطوارئ", "ar"), stem("طوارئ", "ar"));
        assert_eq!(stem("الأسرة", "ar"), "اسره");
        assert_eq!(stem("أسرة", "ar"), "اسره");
        assert_eq!(stem("إبلاغ", "ar"), stem("ابلاغ", "ar"));
        assert_eq!(stem("آمن", "ar"), "امن");
        assert_eq!(stem("مستشفى", "ar"), "مستشفي");
        // Harakat (tashkeel) and tatweel go in the tokenizer.
        assert_eq!(stem("الطِّفْل", "ar"), "طفل");
        assert_eq!(stem("الطفـل", "ar"), "طفل");
        // Too short to lose the article; the same on a Norwegian page.
        assert_eq!(stem("الي", "ar"), "الي");
        assert_eq!(stem("الطوارئ", "nb"), "طوارئ");
    }

    #[test]
    fn other_languages() {
        assert_eq!(stem("children's", "en"), "children");
        assert_eq!(stem("forms", "en"), "form");
        assert_eq!(stem("families", "en"), "family");
        assert_eq!(stem("classes", "en"), "class");
        assert_eq!(stem("status", "en"), "status");
        assert_eq!(stem("barnet", "ar"), "barnet");
        assert_eq!(stem("الأطفال", "ar"), "اطفال");
        assert_eq!(stem("Дитина", "uk"), "дитина");
        // Non-ASCII tokens in a Norwegian text are left alone.
        assert_eq!(stem("mánát", "se"), "manat");
        assert_eq!(stem("čálli", "nb"), "čalli");
    }

    #[test]
    fn stop_words_are_folded_tokens() {
        let stop = stop_words("nb");
        assert!(stop.contains(&"paa") && stop.contains(&"ikkje"));
        for w in &stop {
            assert_eq!(&normalize_word(w), w);
        }
        assert!(stop_words("ar").is_empty());
    }
}
