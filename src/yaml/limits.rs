//! Cheap scans that refuse hostile YAML before the parser spends time on it.

/// Byte index in `yaml` of the first `[` or `{` that opens a flow collection nested
/// deeper than `limit`, if any. A light linear scan, not a parser: quoted scalars,
/// comments and block scalars (`|`, `>`) are skipped, and outside flow collections a
/// bracket counts only where a value starts, so brackets in plain text (Markdown links)
/// do not add up.
pub fn flow_too_deep(yaml: &str, limit: usize) -> Option<usize> {
    // Each level opens with a bracket: a text with no more of them than the limit (every
    // file of a site, in practice) cannot nest deeper, and counting them is much quicker.
    if yaml.bytes().filter(|&b| b == b'[' || b == b'{').count() <= limit {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    // Indentation of the line that started a block scalar, while in one.
    let mut block_scalar: Option<usize> = None;
    let mut line_start = 0;
    for line in yaml.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let blank = line.trim().is_empty();
        if let Some(parent) = block_scalar {
            if quote.is_none() && (blank || indent > parent) {
                line_start += line.len();
                continue;
            }
            block_scalar = None;
        }
        // Whether a value can start here (outside flow collections), and the last
        // character that was not a space (inside them).
        let mut node_start = true;
        let mut last: Option<u8> = None;
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            let next_is_space = bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
            if let Some(q) = quote {
                if q == b'"' && c == b'\\' {
                    i += 2;
                    continue;
                }
                if c == q {
                    if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    quote = None;
                    node_start = false;
                    last = Some(c);
                }
                i += 1;
                continue;
            }
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if c == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) {
                break;
            }
            if depth > 0 {
                match c {
                    b'[' | b'{' => {
                        depth += 1;
                        if depth > limit {
                            return Some(line_start + i);
                        }
                    }
                    b']' | b'}' => depth -= 1,
                    b'"' | b'\'' if last.is_none_or(|l| b"[{,:".contains(&l)) => quote = Some(c),
                    _ => {}
                }
                node_start = false;
            } else if node_start {
                match c {
                    b'[' | b'{' => {
                        depth = 1;
                        if depth > limit {
                            return Some(line_start + i);
                        }
                    }
                    b'"' | b'\'' => quote = Some(c),
                    b'|' | b'>' => {
                        block_scalar = Some(indent);
                        break;
                    }
                    b'-' | b'?' | b':' if next_is_space => {}
                    b'&' | b'!' => {
                        // An anchor or a tag: the value follows it.
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                            i += 1;
                        }
                        continue;
                    }
                    _ => node_start = false,
                }
            } else if c == b':' && next_is_space {
                node_start = true;
            }
            last = Some(c);
            i += 1;
        }
        line_start += line.len();
    }
    None
}

/// Byte index of the first anchor (`&name`) in `yaml`, if it may have one. Text without
/// `&` followed by a name has no anchors, so no alias can expand: most files.
pub fn first_anchor(yaml: &str) -> Option<usize> {
    yaml.as_bytes()
        .windows(2)
        .position(|w| w[0] == b'&' && (w[1].is_ascii_alphanumeric() || w[1] == b'_'))
}
