//! The source map of one print: the texts it was made from with their [`Origin`]s, and what
//! will not print, as diagnostics at the content's own file, line and column.
//!
//! `check` prepares every print's data without compiling it and reports what the trace
//! found. When a PDF still fails to compile, [`Trace::locate_failure`] compiles the texts'
//! blocks alone (`print/probe.typ`), halving the set until one block is left, so the error
//! names the file and line of the text that causes it rather than the template.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use super::data;
use super::rich::{Block, Found, Problem, Rich};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::render::prints::PrintFile;
use crate::site::Kommune;
use crate::source::SourceFile;
use crate::theme_files::ThemeFiles;

/// A print's data, as its template reads it.
pub enum Data {
    Poster(data::Poster),
    /// The brochure and the file name of its booklet.
    Brochure(data::Brochure, String),
    Guide(data::Guide),
    Form(data::FormPrint),
    /// A booklet: made with its brochure.
    None,
}

impl Data {
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            Data::Poster(d) => serde_json::to_value(d),
            Data::Brochure(d, _) => serde_json::to_value(d),
            Data::Guide(d) => serde_json::to_value(d),
            Data::Form(d) => serde_json::to_value(d),
            Data::None => Ok(serde_json::Value::Null),
        };
        value.unwrap_or_default()
    }

    /// Calls `f` with every string [`Data::json`] would hold, without making it.
    pub fn each_string(&self, f: &mut dyn FnMut(&str)) {
        match self {
            Data::Poster(d) => super::strings::each_string(d, f),
            Data::Brochure(d, _) => super::strings::each_string(d, f),
            Data::Guide(d) => super::strings::each_string(d, f),
            Data::Form(d) => super::strings::each_string(d, f),
            Data::None => {}
        }
    }
}

/// What one print was made from.
#[derive(Default)]
pub struct Trace {
    /// Each converted text: its blocks, the offset in the text where each block starts,
    /// and where the text is in its file.
    pub texts: Vec<(Rich, Vec<usize>, Origin)>,
    /// What will not print, located.
    pub found: Vec<Diagnostic>,
    /// The images of the texts, by their name among the print's files.
    pub images: BTreeMap<String, Vec<u8>>,
    /// The characters reported missing from the fonts.
    pub glyphs: Vec<char>,
}

/// `'→' (U+2192)`: the same in every language, so a compiled PDF's warning can be matched.
pub fn describe_char(c: char) -> String {
    format!("«{c}» (U+{:04X})", c as u32)
}

impl Trace {
    /// Diagnostics for what a text's conversion found.
    pub fn note(&mut self, origin: &Origin, found: &[Found]) {
        for f in found {
            let start = origin.offset(f.at.start);
            let length = origin.offset(f.at.end).saturating_sub(start).max(1);
            let d = match &f.what {
                Problem::Glyph(c) => {
                    if !self.glyphs.contains(c) {
                        self.glyphs.push(*c);
                    }
                    glyph(&origin.file, *c)
                }
                Problem::Image { dest, reason } => Diagnostic::warning(
                    "print-image",
                    msg!(
                        "print-image",
                        image = dest.as_str(),
                        reason = reason.as_str()
                    ),
                )
                .in_file(&origin.file)
                .with_help(msg!("print-image-help")),
            };
            self.found.push(d.at_offset(start, length));
        }
    }

    /// Characters the fonts lack in the print's other texts (titles, names, numbers):
    /// reported where they are written in the kommune's files, or at the print's own file.
    pub fn stray_glyphs(&mut self, k: &Kommune, data: &Data, print: &PrintFile) {
        let mut chars = Vec::new();
        data.each_string(&mut |s| {
            // The fonts cover every ASCII character (`covers`): most texts need no look.
            if s.is_ascii() {
                return;
            }
            for c in s.chars().filter(|c| !c.is_ascii()) {
                if !c.is_whitespace()
                    && !c.is_control()
                    && !super::engine::covers(c)
                    && !self.glyphs.contains(&c)
                    && !chars.contains(&c)
                {
                    chars.push(c);
                }
            }
        });
        if chars.is_empty() {
            return;
        }
        let mut files: Vec<&Arc<SourceFile>> = vec![&k.config_file];
        let items = crate::registry::items(k);
        files.extend(items.iter().flat_map(|i| i.docs.iter().map(|d| d.file)));
        for c in chars {
            self.glyphs.push(c);
            let mut seen = false;
            for file in &files {
                if let Some(at) = file.text.find(c) {
                    seen = true;
                    self.found.push(glyph(file, c).at_offset(at, c.len_utf8()));
                }
            }
            if !seen {
                self.found.push(glyph(&print.file, c));
            }
        }
    }

    /// The text block that makes the template fail, compiled alone with the print's `meta`
    /// and files: a diagnostic at its file and line with Typst's message. `None` when no
    /// block fails alone (the failure is elsewhere in the print).
    pub fn locate_failure(
        &self,
        theme: &ThemeFiles,
        print: &str,
        meta: &serde_json::Value,
        extra: &[(&str, Vec<u8>)],
    ) -> Option<Diagnostic> {
        let blocks: Vec<(&Block, usize, &Origin)> = self
            .texts
            .iter()
            .flat_map(|(rich, starts, origin)| {
                rich.iter()
                    .zip(starts.iter().copied())
                    .map(move |(b, s)| (b, s, origin))
            })
            .collect();
        let fails = |part: &[(&Block, usize, &Origin)]| -> Option<String> {
            let blocks: Vec<&Block> = part.iter().map(|(b, _, _)| *b).collect();
            let data = serde_json::json!({ "meta": meta, "blocks": blocks });
            super::render(theme, "probe.typ", &data, extra, None).err()
        };
        let (mut lo, mut hi) = (0, blocks.len());
        // A template that fails without any text is at fault itself.
        if fails(&[]).is_some() {
            return None;
        }
        fails(&blocks)?;
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if fails(&blocks[lo..mid]).is_some() {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        let error = fails(&blocks[lo..hi])?;
        let (_, start, origin) = blocks[lo];
        let offset = origin.offset(start);
        let line = origin.file.text[offset..].lines().next().unwrap_or("");
        Some(
            Diagnostic::error(
                "print-failed",
                msg!("print-failed-here", print = print, reason = error),
            )
            .in_file(&origin.file)
            .at_offset(offset, line.len())
            .with_help(msg!("print-failed-here-help")),
        )
    }
}

fn glyph(file: &Arc<SourceFile>, c: char) -> Diagnostic {
    Diagnostic::warning(
        "print-missing-glyph",
        msg!("print-missing-glyph", char = describe_char(c)),
    )
    .in_file(file)
    .with_help(msg!("print-missing-glyph-help"))
}

/// Where a Markdown text comes from: its file, and a map from the text's byte offsets to
/// the file's. A body is one stretch of the file; a YAML value (a step's `how: |`) is
/// found line by line in its document's YAML, so its indented lines map back exactly.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: Arc<SourceFile>,
    /// (offset in the text, offset in the file), by offset in the text.
    marks: Vec<(usize, usize)>,
}

impl Origin {
    /// `text` as read from `file`, whose YAML is `yaml`: its body when `text` is a slice of
    /// the file's text, else a value in the YAML.
    pub fn of(file: &Arc<SourceFile>, yaml: Range<usize>, text: &str) -> Origin {
        let base = file.text.as_ptr() as usize;
        let at = text.as_ptr() as usize;
        if at >= base && at + text.len() <= base + file.text.len() {
            return Origin {
                file: Arc::clone(file),
                marks: vec![(0, at - base)],
            };
        }
        let end = yaml.end.min(file.text.len());
        let mut cursor = yaml.start.min(end);
        let mut marks = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            let lead = line.len() - line.trim_start().len();
            let hay = file.text.get(cursor..end).unwrap_or("");
            // A folded or quoted value is not in the file as written: its first words are.
            let found = hay.find(trimmed).map(|i| (i, trimmed.len())).or_else(|| {
                let words: String = trimmed.split(' ').take(3).collect::<Vec<_>>().join(" ");
                (!words.is_empty())
                    .then(|| hay.find(&words).map(|i| (i, words.len())))
                    .flatten()
            });
            if let (false, Some((i, len))) = (trimmed.is_empty(), found) {
                marks.push((offset + lead, cursor + i));
                cursor += i + len;
            }
            offset += line.len();
        }
        if marks.is_empty() {
            marks.push((0, yaml.start));
        }
        Origin {
            file: Arc::clone(file),
            marks,
        }
    }

    /// The file's byte offset of byte `at` of the text.
    pub fn offset(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|(t, _)| *t <= at);
        let (t, f) = self.marks[i.saturating_sub(1)];
        let mut out = (f + at.saturating_sub(t)).min(self.file.text.len());
        while !self.file.text.is_char_boundary(out) {
            out -= 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_values_map_back_line_by_line() {
        let text = "---\ntitle: T\nsteps:\n  - how: |\n      Første linje.\n      | a | b |\n---\n";
        let file = Arc::new(SourceFile::new("x.md".into(), text.into()));
        let value = "Første linje.\n| a | b |\n";
        let origin = Origin::of(&file, 4..text.len() - 4, value);
        let at = value.find("| a").unwrap();
        assert_eq!(file.line_col(origin.offset(at)), (6, 7));
        let body = &file.text[file.text.len() - 4..];
        assert_eq!(Origin::of(&file, 0..0, body).offset(0), text.len() - 4);
    }
}
