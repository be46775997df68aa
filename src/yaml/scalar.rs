//! How plain scalars read (YAML 1.2 core schema, as serde_yaml read them): `~`, `null` and
//! nothing are null; `true`/`false` in three spellings; decimal, `0x` and `0o` integers;
//! floats with `.inf` and `.nan`. Everything else is text.

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
