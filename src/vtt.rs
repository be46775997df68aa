//! WebVTT captions (<https://www.w3.org/TR/webvtt1/>): a small, strict parser for the
//! files editors put beside a film (`bilder/film.nb.vtt`), and the plain-text transcript
//! made from them.
//!
//! The parser follows the file structure of the specification: the `WEBVTT` signature,
//! blocks separated by blank lines, `NOTE`, `STYLE` and `REGION` blocks, and cues (an
//! optional identifier, a timing line `00:01.000 --> 00:04.000` with optional settings, and
//! the cue's text). Where a browser would silently drop a cue, this reports an error at its
//! line, so a caption never goes missing unnoticed.

/// One cue: when it is shown and its text (with the cue's markup removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Start and end in milliseconds.
    pub start: u64,
    pub end: u64,
    /// The cue's words, lines joined by a space, without `<v Name>`, `<i>` … tags and with
    /// the character references (`&amp;`) decoded.
    pub text: String,
    /// The line the cue's timing is on (from 1).
    pub line: usize,
}

/// A problem in a WebVTT file, at a line (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VttError {
    pub line: usize,
    pub message: String,
    pub help: String,
}

fn error(line: usize, message: impl Into<String>, help: impl Into<String>) -> VttError {
    VttError {
        line,
        message: message.into(),
        help: help.into(),
    }
}

/// Parse a WebVTT file. Every cue problem is reported, not just the first.
pub fn parse(text: &str) -> Result<Vec<Cue>, Vec<VttError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let first = lines.first().copied().unwrap_or("");
    let signature_ok = first
        .strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
    if !signature_ok {
        return Err(vec![error(
            1,
            crate::msg!("vtt-no-header"),
            crate::msg!("vtt-no-header-help"),
        )]);
    }
    let mut errors = Vec::new();
    let mut cues: Vec<Cue> = Vec::new();
    // Skip the header: everything up to the first blank line.
    let mut i = 1;
    while i < lines.len() && !lines[i].trim().is_empty() {
        if lines[i].contains("-->") {
            errors.push(error(
                i + 1,
                crate::msg!("vtt-no-empty-line"),
                crate::msg!("vtt-no-empty-line-help"),
            ));
        }
        i += 1;
    }
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        let mut block: Vec<&str> = Vec::new();
        while i < lines.len() && !lines[i].trim().is_empty() {
            block.push(lines[i]);
            i += 1;
        }
        let head = block[0];
        if head == "NOTE" || head.starts_with("NOTE ") || head.starts_with("NOTE\t") {
            continue;
        }
        if (head == "STYLE" || head == "REGION") && !block.iter().any(|l| l.contains("-->")) {
            if !cues.is_empty() {
                errors.push(error(
                    start + 1,
                    crate::msg!("vtt-block-after-cue", block = head),
                    crate::msg!("vtt-block-after-cue-help"),
                ));
            }
            continue;
        }
        // A cue: an optional identifier line, then the timing line.
        let (timing_at, timing) = if head.contains("-->") {
            (0, head)
        } else if block.len() > 1 && block[1].contains("-->") {
            (1, block[1])
        } else {
            errors.push(error(
                start + 1,
                crate::msg!(
                    "vtt-not-a-cue",
                    text = head.chars().take(60).collect::<String>()
                ),
                crate::msg!("vtt-not-a-cue-help"),
            ));
            continue;
        };
        let line = start + timing_at + 1;
        let payload = &block[timing_at + 1..];
        match timing_line(timing) {
            Err(message) => errors.push(error(line, message, crate::msg!("vtt-timing-help"))),
            Ok((start_ms, end_ms)) => {
                if end_ms <= start_ms {
                    errors.push(error(
                        line,
                        crate::msg!(
                            "vtt-ends-before-start",
                            end = clock(end_ms),
                            start = clock(start_ms)
                        ),
                        crate::msg!("vtt-ends-before-start-help"),
                    ));
                } else if let Some(prev) = cues.last().filter(|c| start_ms < c.start) {
                    errors.push(error(
                        line,
                        crate::msg!(
                            "vtt-out-of-order",
                            start = clock(start_ms),
                            line = prev.line,
                            previous = clock(prev.start)
                        ),
                        crate::msg!("vtt-out-of-order-help"),
                    ));
                } else if payload.is_empty() {
                    errors.push(error(
                        line,
                        crate::msg!("vtt-no-text"),
                        crate::msg!("vtt-no-text-help"),
                    ));
                } else if let Some(bad) = payload.iter().position(|l| l.contains("-->")) {
                    errors.push(error(
                        line + 1 + bad,
                        crate::msg!("vtt-timing-in-text"),
                        crate::msg!("vtt-timing-in-text-help"),
                    ));
                } else {
                    cues.push(Cue {
                        start: start_ms,
                        end: end_ms,
                        text: plain(&payload.join(" ")),
                        line,
                    });
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(cues)
    } else {
        Err(errors)
    }
}

/// `00:01.000 --> 00:04.000 line:90%` → the two times in milliseconds.
fn timing_line(line: &str) -> Result<(u64, u64), String> {
    let (left, right) = line
        .split_once("-->")
        .ok_or_else(|| crate::msg!("vtt-no-arrow"))?;
    let start = timestamp(left.trim())
        .ok_or_else(|| crate::msg!("vtt-start-not-a-time", time = left.trim()))?;
    let right = right.trim_start();
    let end_text = right.split_whitespace().next().unwrap_or("");
    let end =
        timestamp(end_text).ok_or_else(|| crate::msg!("vtt-end-not-a-time", time = end_text))?;
    Ok((start, end))
}

/// `hh:mm:ss.ttt` or `mm:ss.ttt` (hours may have more digits) in milliseconds.
pub fn timestamp(s: &str) -> Option<u64> {
    let (clock, millis) = s.split_once('.')?;
    if millis.len() != 3 || !millis.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    let number = |p: &str, exact: bool| -> Option<u64> {
        let ok = !p.is_empty()
            && p.bytes().all(|b| b.is_ascii_digit())
            && (!exact || p.len() == 2)
            && p.len() <= 10;
        ok.then(|| p.parse().ok()).flatten()
    };
    let (h, m, sec) = match parts.as_slice() {
        [m, s] => (0, number(m, true)?, number(s, true)?),
        [h, m, s] if h.len() >= 2 => (number(h, false)?, number(m, true)?, number(s, true)?),
        _ => return None,
    };
    if m > 59 || sec > 59 {
        return None;
    }
    Some(((h * 60 + m) * 60 + sec) * 1000 + millis.parse::<u64>().ok()?)
}

/// Milliseconds as `m:ss` (or `h:mm:ss`), rounded down to the second.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// A cue's text without its tags, with character references decoded.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = match rest[at..].find('>') {
            Some(end) => &rest[at + end + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&lrm;", "\u{200e}")
        .replace("&rlm;", "\u{200f}")
        .replace("&amp;", "&");
    crate::bytes::collapse_whitespace(&decoded)
}

/// The transcript: the cues' words in paragraphs, a new paragraph where the film pauses
/// for two seconds or more.
pub fn transcript(cues: &[Cue]) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut last_end: Option<u64> = None;
    for cue in cues {
        let new = match last_end {
            None => true,
            Some(end) => cue.start >= end + 2000,
        };
        match paragraphs.last_mut() {
            Some(p) if !new => {
                p.push(' ');
                p.push_str(&cue.text);
            }
            _ => paragraphs.push(cue.text.clone()),
        }
        last_end = Some(cue.end);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\u{feff}WEBVTT - informasjonsfilm\r\nKind: captions\r\n\r\nNOTE laget for demoen\r\n\r\nSTYLE\r\n::cue { color: yellow }\r\n\r\n1\r\n00:00.000 --> 00:01.500\r\n<v Leder>Hei &amp; velkommen</v>\r\n\r\n00:00:01.500 --> 00:00:02.900 line:90% align:center\r\nTil <i>BTI</i>.\r\nTo linjer.\r\n\r\n00:06.000 --> 00:08.000\r\nEtter en pause.\r\n";

    #[test]
    fn a_valid_file_gives_cues_and_a_transcript() {
        let cues = parse(GOOD).unwrap();
        assert_eq!(cues.len(), 3);
        assert_eq!((cues[0].start, cues[0].end, cues[0].line), (0, 1500, 10));
        assert_eq!(cues[0].text, "Hei & velkommen");
        assert_eq!(cues[1].text, "Til BTI. To linjer.");
        assert_eq!(cues[1].end, 2900);
        assert_eq!(
            transcript(&cues),
            vec!["Hei & velkommen Til BTI. To linjer.", "Etter en pause."]
        );
    }

    #[test]
    fn timestamps() {
        assert_eq!(timestamp("00:01.000"), Some(1000));
        assert_eq!(timestamp("01:02:03.004"), Some(3_723_004));
        assert_eq!(timestamp("100:00:00.000"), Some(360_000_000));
        for bad in [
            "1:02.000",
            "00:60.000",
            "00:01,000",
            "00:01.00",
            "00:01",
            "x",
            "1:00:00.000",
        ] {
            assert_eq!(timestamp(bad), None, "{bad}");
        }
        assert_eq!(clock(200_000), "3:20");
        assert_eq!(clock(3_723_004), "1:02:03");
    }

    fn errors(text: &str) -> Vec<(usize, String)> {
        parse(text)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.line, e.message))
            .collect()
    }

    #[test]
    fn a_missing_signature_is_an_error_at_line_1() {
        assert_eq!(errors("00:00.000 --> 00:01.000\nHei\n")[0].0, 1);
        assert_eq!(errors("WEBVTTX\n")[0].0, 1);
        assert!(parse("WEBVTT\n").unwrap().is_empty());
    }

    #[test]
    fn broken_cues_are_errors_at_their_lines() {
        let text = "WEBVTT\n\n00:00.000 --> 00:01.000\nOk\n\n00:01,000 --> 00:02.000\nKomma\n\n00:03.000 --> 00:02.000\nBaklengs\n\n00:04.000 --> 00:05.000\n\nBare tekst uten tid\n\n00:06.000 --> 00:07.000\nA\n00:07.000 --> 00:08.000\nB\n";
        let found = errors(text);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![6, 9, 12, 14, 18], "{found:?}");
        assert!(found[0].1.contains("00:01,000"), "{found:?}");
        assert!(found[1].1.contains("ends"), "{found:?}");
        assert!(found[2].1.contains("no text"), "{found:?}");
        assert!(found[3].1.contains("not a cue"), "{found:?}");
    }

    #[test]
    fn cues_out_of_order_are_an_error() {
        let found = errors("WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n");
        assert_eq!(found[0].0, 6);
    }

    #[test]
    fn a_cue_with_an_identifier() {
        let cues = parse("WEBVTT\n\nintro\n00:00.000 --> 00:01.000\nHei\n").unwrap();
        assert_eq!(cues[0].line, 4);
    }
}
