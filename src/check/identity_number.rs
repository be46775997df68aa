//! Detection of Norwegian national identity numbers in free text.
//!
//! Recognised forms (11 digits `DDMMYY` + individual number `III` + check
//! digits `K1 K2`, optionally written `DDMMYY IIIKK` with one space or
//! non-breaking space):
//!
//! * fødselsnummer: plain date;
//! * D-nummer: day + 40 (41–71);
//! * H-nummer: month + 40 (41–52), also used by NAV's synthetic numbers;
//! * synthetic test numbers from Skatteetaten's Tenor: month + 80 (81–92).
//!   A month offset wins over a day offset when classifying.
//!
//! Check digits use the weights 3 7 6 1 8 9 4 5 2 (K1) and 5 4 3 2 7 6 5 4 3 2
//! (K2). Numbers issued from 1 January 2032 use a relaxed K1: the remainder of
//! (weighted sum of the first nine digits + K1) mod 11 may be 0, 1, 2 or 3
//! instead of only 0; K2 is unchanged. Source: Skatteetaten, "Nytt
//! fødselsnummer fra 2032" (folkeregisteret-api-dokumentasjon,
//! `om-tjenestene/nyttfnr2032`).

/// Which kind of number matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityKind {
    Fodselsnummer,
    DNumber,
    HNumber,
    Synthetic,
}

impl IdentityKind {
    /// Norwegian description, suitable for error messages.
    pub fn describe(&self) -> &'static str {
        match self {
            IdentityKind::Fodselsnummer => "fødselsnummer",
            IdentityKind::DNumber => "D-nummer",
            IdentityKind::HNumber => "H-nummer",
            IdentityKind::Synthetic => "syntetisk testnummer",
        }
    }
}

/// One identity number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityMatch {
    /// Byte offset of the first digit.
    pub start: usize,
    /// Byte offset just past the last digit.
    pub end: usize,
    pub kind: IdentityKind,
    /// The first two digits followed by `*`; a separating space is kept.
    pub masked: String,
}

const K1_WEIGHTS: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
/// UTF-8 encoding of U+00A0 NO-BREAK SPACE.
const NBSP: [u8; 2] = [0xC2, 0xA0];
/// Characters that join digit groups into one longer number ("12-…", "….5").
const JOINERS: &[u8] = b".-/";

/// Finds all valid identity numbers in `text`. Offsets are byte offsets.
pub fn find_identity_numbers(text: &str) -> Vec<IdentityMatch> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some(start) = next_digit(bytes, pos) {
        let run_end = digit_run_end(bytes, start);
        pos = run_end;
        let end = match run_end - start {
            11 => Some(run_end),
            6 => spaced_end(bytes, run_end),
            _ => None,
        };
        let Some(end) = end.filter(|&end| standalone(bytes, start, end)) else {
            continue;
        };
        let Some(kind) = classify(&text[start..end]) else {
            continue;
        };
        let masked = mask(&text[start..end]);
        found.push(IdentityMatch {
            start,
            end,
            kind,
            masked,
        });
        pos = end;
    }
    found
}

/// The first ASCII digit at or after `from`: every content file is searched, and most of
/// their bytes are no digits.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let from = from.min(bytes.len());
    crate::bytes::position(&bytes[from..], |b| b.is_ascii_digit()).map(|n| from + n)
}

fn digit_run_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|b| !b.is_ascii_digit())
        .map_or(bytes.len(), |n| from + n)
}

/// After a six-digit run ending at `pos`: one space or NBSP followed by
/// exactly five digits. Returns the end of those five digits.
fn spaced_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let rest = &bytes[pos..];
    let sep = if rest.first() == Some(&b' ') {
        1
    } else if rest.starts_with(&NBSP) {
        2
    } else {
        return None;
    };
    let digits = pos + sep;
    let end = digit_run_end(bytes, digits);
    (end - digits == 5).then_some(end)
}

/// The candidate must not touch a digit, nor a joiner that touches a digit.
fn standalone(bytes: &[u8], start: usize, end: usize) -> bool {
    let at = |i: Option<usize>| i.and_then(|i| bytes.get(i)).copied();
    let joined = |next: Option<u8>, beyond: Option<u8>| match next {
        Some(b) if b.is_ascii_digit() => true,
        Some(b) if JOINERS.contains(&b) => beyond.is_some_and(|b| b.is_ascii_digit()),
        _ => false,
    };
    !joined(at(start.checked_sub(1)), at(start.checked_sub(2)))
        && !joined(at(Some(end)), at(Some(end + 1)))
}

/// Validates an 11-digit candidate (possibly containing one separator) and
/// returns its kind.
fn classify(candidate: &str) -> Option<IdentityKind> {
    let mut d = [0u32; 11];
    let mut digits = candidate.bytes().filter(u8::is_ascii_digit);
    for slot in d.iter_mut() {
        *slot = u32::from(digits.next()? - b'0');
    }

    let rem1 = (weighted(&d[..9], &K1_WEIGHTS) + d[9]) % 11;
    let rem2 = (weighted(&d[..10], &K2_WEIGHTS) + d[10]) % 11;
    if rem1 > 3 || rem2 != 0 {
        return None;
    }
    let classic = rem1 == 0;

    let raw_day = d[0] * 10 + d[1];
    let raw_month = d[2] * 10 + d[3];
    let year = d[4] * 10 + d[5];
    let individual = d[6] * 100 + d[7] * 10 + d[8];

    let (day, d_number) = if raw_day > 40 {
        (raw_day - 40, true)
    } else {
        (raw_day, false)
    };
    let (month, kind) = match raw_month {
        1..=12 if d_number => (raw_month, IdentityKind::DNumber),
        1..=12 => (raw_month, IdentityKind::Fodselsnummer),
        41..=52 => (raw_month - 40, IdentityKind::HNumber),
        81..=92 => (raw_month - 80, IdentityKind::Synthetic),
        _ => return None,
    };
    let days = match month {
        2 if could_be_leap_year(year, individual, classic) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&day).then_some(kind)
}

fn weighted(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

/// Whether the two-digit `year` can be a leap year. The century follows from
/// the individual number; when it cannot be determined (numbers only valid
/// under the 2032 rule, which no longer encode the century, or combinations
/// outside the table) every century is considered.
fn could_be_leap_year(year: u32, individual: u32, classic: bool) -> bool {
    let centuries = [
        (1900, individual <= 499),
        (1800, (500..=749).contains(&individual) && year >= 54),
        (2000, individual >= 500 && year <= 39),
        (1900, individual >= 900 && year >= 40),
    ];
    let known = classic && centuries.iter().any(|&(_, fits)| fits);
    // Gregorian: divisible by 4 but not by 100, or divisible by 400.
    let leap = |y: u32| matches!((y % 4, y % 100, y % 400), (0, 1.., _) | (_, _, 0));
    centuries
        .iter()
        .any(|&(century, fits)| (fits || !known) && leap(century + year))
}

fn mask(candidate: &str) -> String {
    candidate
        .chars()
        .enumerate()
        .map(|(i, c)| if i >= 2 && c.is_ascii_digit() { '*' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    //! Every number here is computed from an invented prefix. Ordinary
    //! fødselsnumre and D-numre use individual numbers 800–849 with years
    //! 40–99, a combination never assigned under the pre-2032 rules.
    use super::*;

    const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const W2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    fn sum(digits: &str, weights: &[u32]) -> u32 {
        let values = digits.bytes().map(|b| u32::from(b - b'0'));
        values.zip(weights).map(|(d, w)| d * w).sum()
    }

    /// Completes a nine-digit prefix with the given K1 and the matching K2.
    fn with_k1(prefix: &str, k1: u32) -> Option<String> {
        let ten = format!("{prefix}{k1}");
        let k2 = (11 - sum(&ten, &W2) % 11) % 11;
        (k2 < 10).then(|| format!("{ten}{k2}"))
    }

    /// Classic K1 for a nine-digit prefix (None when it would be 10).
    fn classic_k1(prefix: &str) -> Option<u32> {
        let k1 = (11 - sum(prefix, &W1) % 11) % 11;
        (k1 < 10).then_some(k1)
    }

    /// First number with classic check digits for `date` and an individual
    /// number from `individual` upwards.
    fn number(date: &str, individual: u32) -> String {
        (individual..individual + 50)
            .find_map(|i| {
                let prefix = format!("{date}{i:03}");
                with_k1(&prefix, classic_k1(&prefix)?)
            })
            .expect("some individual number has valid check digits")
    }

    fn kinds(text: &str) -> Vec<IdentityKind> {
        find_identity_numbers(text).iter().map(|m| m.kind).collect()
    }

    #[test]
    fn finds_plain_fodselsnummer() {
        let fnr = number("150570", 800);
        let found = find_identity_numbers(&fnr);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end), (0, 11));
        assert_eq!(found[0].kind, IdentityKind::Fodselsnummer);
        assert_eq!(found[0].masked, "15*********");
        for text in [format!("fnr:{fnr}"), format!("abc{fnr}def.")] {
            assert_eq!(kinds(&text), [IdentityKind::Fodselsnummer], "{text}");
        }
        assert_eq!(IdentityKind::Fodselsnummer.describe(), "fødselsnummer");
        // A wrong K2 is never accepted (K1 is covered by the 2032 test).
        for wrong in (0..10).filter(|&k| k != fnr.as_bytes()[10] - b'0') {
            let bad = format!("{}{wrong}", &fnr[..10]);
            assert!(find_identity_numbers(&bad).is_empty(), "{bad}");
        }
    }

    #[test]
    fn finds_d_h_and_synthetic_numbers() {
        use IdentityKind::*;
        for (date, individual, kind) in [
            ("550570", 800, DNumber),
            ("154570", 800, HNumber),
            ("158570", 100, Synthetic),
            ("558570", 100, Synthetic), // synthetic D-nummer
            ("554570", 100, HNumber),   // D-nummer with month + 40 (NAV Dolly)
        ] {
            assert_eq!(kinds(&number(date, individual)), [kind], "{date}");
        }
        assert_eq!(DNumber.describe(), "D-nummer");
        assert_eq!(HNumber.describe(), "H-nummer");
        assert_eq!(Synthetic.describe(), "syntetisk testnummer");
    }

    #[test]
    fn rejects_impossible_dates_and_offsets() {
        for date in [
            "310270", "300270", "290270", "310470", "000570", "400570", "720570", "150070",
            "151370", "156570", "159370", "311170", "324570",
        ] {
            assert!(kinds(&number(date, 800)).is_empty(), "{date}");
        }
        for date in ["290272", "310170", "710570", "319270"] {
            assert_eq!(kinds(&number(date, 800)).len(), 1, "{date}");
        }
    }

    #[test]
    fn accepts_one_space_or_nbsp() {
        let fnr = number("150570", 800);
        let (date, rest) = fnr.split_at(6);
        let spaced = format!("Nr. {date} {rest} ok");
        let found = find_identity_numbers(&spaced);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end), (4, 16));
        assert_eq!(found[0].masked, "15**** *****");

        let nbsp = format!("{date}\u{a0}{rest}");
        let found = find_identity_numbers(&nbsp);
        assert_eq!((found.len(), found[0].end), (1, nbsp.len()));
        assert_eq!(found[0].masked, "15****\u{a0}*****");

        for sep in ["  ", "-", "\t", "\n", " \u{a0}"] {
            let bad = format!("{date}{sep}{rest}");
            assert!(find_identity_numbers(&bad).is_empty(), "{bad:?}");
        }
    }

    #[test]
    fn leap_day_2000_depends_on_century() {
        // Synthetic numbers, so no real person can be concerned.
        assert_eq!(kinds(&number("298200", 500)), [IdentityKind::Synthetic]);
        assert!(kinds(&number("298200", 100)).is_empty(), "1900: no leap");
        // Under the 2032 rule the individual number no longer gives the century.
        let prefix = "298200100";
        let relaxed = (0..10)
            .filter(|&k1| (1..=3).contains(&((sum(prefix, &W1) + k1) % 11)))
            .find_map(|k1| with_k1(prefix, k1))
            .expect("a K1 with remainder 1-3");
        assert_eq!(kinds(&relaxed), [IdentityKind::Synthetic]);
    }

    #[test]
    fn relaxed_2032_rule_for_k1() {
        let mut accepted = [0; 11];
        for individual in 800..830 {
            let prefix = format!("150570{individual}");
            for k1 in 0..10 {
                let Some(candidate) = with_k1(&prefix, k1) else {
                    continue;
                };
                let remainder = ((sum(&prefix, &W1) + k1) % 11) as usize;
                // Remainder 0 is exactly the classic rule.
                assert_eq!(remainder == 0, classic_k1(&prefix) == Some(k1));
                let found = !find_identity_numbers(&candidate).is_empty();
                assert_eq!(found, remainder <= 3, "{candidate}: rest {remainder}");
                accepted[remainder] += usize::from(found);
            }
        }
        assert!(accepted[..4].iter().all(|&n| n > 0), "{accepted:?}");
    }

    #[test]
    fn ignores_numbers_inside_longer_digit_runs() {
        let fnr = number("150570", 800);
        let spaced = format!("{} {}", &fnr[..6], &fnr[6..]);
        let with = |before: &str, after: &str| format!("{before}{fnr}{after}");
        let joined = ["1", "9", "12-", ".5", "3/"];
        for (before, after) in joined.iter().flat_map(|&j| [(j, ""), ("", j)]) {
            assert!(find_identity_numbers(&with(before, after)).is_empty());
            let text = format!("{before}{spaced}{after}");
            assert!(find_identity_numbers(&text).is_empty(), "{text}");
        }
        assert!(find_identity_numbers(&format!("{fnr}{fnr}")).is_empty());
        // Punctuation without digits beyond it, and words, are boundaries.
        for (before, after) in [("(", "), "), ("nr 12 ", "."), ("-", "-"), ("3: ", " 4")] {
            assert_eq!(find_identity_numbers(&with(before, after)).len(), 1);
        }
    }

    #[test]
    fn the_first_digit_is_found_at_every_place_in_a_chunk() {
        for len in 0..40 {
            for at in 0..len {
                let mut text = vec![b'x'; len];
                text[at] = b'7';
                for from in 0..=len {
                    let want = (from <= at).then_some(at);
                    assert_eq!(
                        next_digit(&text, from),
                        want,
                        "len {len} at {at} from {from}"
                    );
                }
            }
            assert_eq!(next_digit(&vec![0xC3; len], 0), None);
        }
        // Bytes just outside the digits, and UTF-8 continuation bytes, are no digits.
        assert_eq!(next_digit(b"/:/:/:/:/:/:/:/:/:/:\xC3\xA50", 0), Some(22));
    }

    #[test]
    fn multiple_matches_with_byte_offsets() {
        let a = number("150570", 800);
        let b = number("558570", 100);
        let (b_date, b_rest) = b.split_at(6);
        let text = format!("Søknad fra Åse: {a}, og Ærlige Øystein: {b_date} {b_rest} – ferdig");
        let found = find_identity_numbers(&text);
        assert_eq!(found.len(), 2);
        let a_start = text.find(&a).unwrap();
        let b_start = text.find(b_date).unwrap();
        assert_eq!((found[0].start, found[0].end), (a_start, a_start + 11));
        assert_eq!((found[1].start, found[1].end), (b_start, b_start + 12));
        assert_eq!(&text[found[0].start..found[0].end], a);
        assert_eq!(found[1].kind, IdentityKind::Synthetic);
        assert_eq!(found[1].masked, "55**** *****");
    }

    #[test]
    fn ignores_phone_numbers_and_short_numbers() {
        let phones = ["Ring 10 20 30 40", "tlf. +47 22 33 44 55", "99 88 77 66"];
        let others = ["12345678", "2024-01-15", "kontonr 1234.56.78903", ""];
        for text in phones.into_iter().chain(others) {
            assert!(find_identity_numbers(text).is_empty(), "{text}");
        }
    }
}
