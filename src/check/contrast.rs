//! WCAG 2.1 contrast ratio between two colours.

/// Parse `#rgb` or `#rrggbb`.
pub fn parse_hex(color: &str) -> Option<(u8, u8, u8)> {
    let hex = color.trim().strip_prefix('#')?;
    let expand = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        3 => {
            let c: Vec<u8> = hex
                .chars()
                .map(|c| expand(&c.to_string().repeat(2)))
                .collect::<Option<_>>()?;
            Some((c[0], c[1], c[2]))
        }
        6 => Some((
            expand(&hex[0..2])?,
            expand(&hex[2..4])?,
            expand(&hex[4..6])?,
        )),
        _ => None,
    }
}

fn channel(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// Contrast ratio from 1 to 21.
pub fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21() {
        let r = ratio(parse_hex("#000").unwrap(), parse_hex("#ffffff").unwrap());
        assert!((r - 21.0).abs() < 0.01);
    }

    #[test]
    fn known_ratio() {
        // #767676 on white is the classic 4.54:1 grey.
        let r = ratio(parse_hex("#767676").unwrap(), parse_hex("#fff").unwrap());
        assert!((r - 4.54).abs() < 0.01, "{r}");
    }

    #[test]
    fn rejects_bad_colours() {
        assert!(parse_hex("blue").is_none());
        assert!(parse_hex("#12345").is_none());
    }
}
