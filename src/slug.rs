//! Slugs: ids and URL segments made of `a-z`, `0-9` and `-`.

/// A URL-safe slug of any text. Letters are spelt in ASCII the Norwegian way (æ→ae, ø→o,
/// å→a), and every other letter by its usual transliteration ([`deunicode`]): Sámi
/// `Čáziid đuolbmás` → `caziid-duolbmas`, Polish `Zażółć` → `zazolc`, `ß` → `ss`,
/// Ukrainian `Київ` → `kiyiv`. Anything that is not a letter or digit (spaces,
/// punctuation, symbols, emoji) separates words; combining marks and invisible characters
/// (soft hyphens, zero-width joiners) are dropped.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    };
    for c in text.chars() {
        // ASCII is lowercased by `push`: only other characters go through `to_lowercase`.
        if c.is_ascii() {
            push(c, &mut out);
            continue;
        }
        for c in c.to_lowercase() {
            // Some lower to ASCII (the Kelvin sign is `k`).
            if c.is_ascii() {
                push(c, &mut out);
                continue;
            }
            // Norwegian first, whatever the transliteration table says.
            let spelt = match c {
                'æ' => Some("ae"),
                'ø' => Some("o"),
                'å' => Some("a"),
                // Symbols and emoji have names in the table ("EUR", "bulb"), not wanted here.
                c if c.is_alphanumeric() => deunicode::deunicode_char(c),
                c => deunicode::deunicode_char(c).filter(|s| s.is_empty()),
            };
            match spelt {
                Some(ascii) => ascii.chars().for_each(|a| push(a, &mut out)),
                None => push(' ', &mut out),
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether `id` is a valid id/slug: non-empty, `a-z0-9-`, no leading/trailing/double dash.
pub fn is_valid(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugifies_norwegian() {
        assert_eq!(
            slugify("Nivå 1: Tiltak i egen tjeneste"),
            "niva-1-tiltak-i-egen-tjeneste"
        );
        assert_eq!(slugify("Drøftingsteam"), "droftingsteam");
        assert_eq!(slugify("  Særlig   behov! "), "saerlig-behov");
        assert_eq!(slugify("ÆRE, ØYE OG ÅS"), "aere-oye-og-as");
        assert_eq!(
            slugify("Ärlig, Öre, Ütlig, Café, Naïv"),
            "arlig-ore-utlig-cafe-naiv"
        );
    }

    #[test]
    fn slugs_keep_sami_and_polish_letters_readable() {
        assert_eq!(slugify("Čáziid đuolbmás"), "caziid-duolbmas");
        assert_eq!(slugify("Zażółć gęślą jaźń"), "zazolc-gesla-jazn");
        // Northern Sámi: ŋ, ŧ, š, ž, č, đ, á.
        assert_eq!(slugify("Ŋ ŧ Š Ž č Đ á"), "ng-t-s-z-c-d-a");
        assert_eq!(
            slugify("Sámegiella ja ŋ-bustávva"),
            "samegiella-ja-ng-bustavva"
        );
        // Polish: ł, ś, ń, ć, ź, ż, ą, ę, ó.
        assert_eq!(slugify("Łódź, Gdańsk, Świętość"), "lodz-gdansk-swietosc");
        assert_eq!(slugify("Straße über"), "strasse-uber");
        // Other scripts are spelt in Latin letters rather than dropped.
        assert_eq!(slugify("Київ"), "kiyiv");
    }

    #[test]
    fn slugs_treat_symbols_as_separators_and_drop_invisible_marks() {
        assert_eq!(slugify("Tips 💡 og råd"), "tips-og-rad");
        assert_eq!(slugify("Pris – 100 €"), "pris-100");
        // Decomposed letters (C + combining caron), soft hyphen, zero-width space.
        assert_eq!(slugify("C\u{30C}a\u{301}ziid"), "caziid");
        assert_eq!(slugify("stafett\u{AD}holder"), "stafettholder");
        assert_eq!(slugify("a\u{200D}b"), "ab");
        // A zero-width space breaks words like a space.
        assert_eq!(slugify("a\u{200B}b"), "a-b");
        assert_eq!(slugify("«Hvem?» — «Hva?»"), "hvem-hva");
        assert_eq!(slugify("💡"), "");
    }

    #[test]
    fn capitals_outside_ascii_are_lowered_before_they_are_spelt() {
        // The Kelvin sign lowers to an ASCII `k`; a dotted capital I to `i` and a
        // combining dot, which is dropped.
        assert_eq!(slugify("\u{212A}elvin"), "kelvin");
        assert_eq!(slugify("\u{130}stanbul"), "istanbul");
        assert_eq!(slugify("ÆØÅ æøå"), "aeoa-aeoa");
        assert_eq!(slugify("MIXED Case-Text_42"), "mixed-case-text-42");
    }

    #[test]
    fn validates_ids() {
        assert!(is_valid("niva-1"));
        assert!(!is_valid("Niva-1"));
        assert!(!is_valid("nivå"));
        assert!(!is_valid("a--b"));
        assert!(!is_valid(""));
    }

    #[test]
    fn slugs_are_valid_ids() {
        for text in [
            "Čáziid đuolbmás",
            "Київ",
            "عربي",
            "ትግርኛ",
            "中文",
            "x – y",
            "1/2 ½",
        ] {
            let s = slugify(text);
            assert!(s.is_empty() || is_valid(&s), "{text:?} → {s:?}");
        }
    }
}
