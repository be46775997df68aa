//! Slugs: ids and URL segments made of `a-z`, `0-9` and `-`.

/// A URL-safe slug of any text, with Norwegian letters spelt out (æ→ae, ø→o, å→a).
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match c {
            'æ' => "ae",
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => "o",
            'å' | 'ä' | 'á' | 'à' | 'â' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'ü' | 'ú' => "u",
            'í' | 'ï' => "i",
            _ => "",
        };
        if !mapped.is_empty() {
            out.push_str(mapped);
            dash = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
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
    }

    #[test]
    fn validates_ids() {
        assert!(is_valid("niva-1"));
        assert!(!is_valid("Niva-1"));
        assert!(!is_valid("nivå"));
        assert!(!is_valid("a--b"));
        assert!(!is_valid(""));
    }
}
