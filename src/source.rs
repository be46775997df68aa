//! Source files as read from disk, with line/column lookup and front matter splitting.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::Diagnostic;

/// A text file read from the content tree.
#[derive(Debug)]
pub struct SourceFile {
    /// Path shown to the editor, relative to the project root where possible.
    pub display: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(display: String, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            display,
            text,
            line_starts,
        }
    }

    /// Read a file, refusing invalid UTF-8 with a located diagnostic. A BOM is dropped and
    /// CRLF line endings are normalised so offsets match what editors show.
    pub fn read(path: &Path, display: String) -> Result<Arc<SourceFile>, Diagnostic> {
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostic::error("io", format!("{display}: cannot read the file: {e}"))
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let valid = err.utf8_error().valid_up_to();
                let bytes = err.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                let line = prefix.matches('\n').count() + 1;
                let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                let file = Arc::new(SourceFile::new(display, prefix));
                return Err(Diagnostic::error(
                    "invalid-utf8",
                    "the file is not valid UTF-8 text",
                )
                .in_file(&file)
                .at(line, column)
                .with_help(
                    "save the file as UTF-8 in your editor (in VS Code: click the encoding in the status bar and choose \"Save with Encoding\" → UTF-8)",
                ));
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.to_string()
        };
        Ok(Arc::new(SourceFile::new(display, text)))
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        (line, column)
    }

    /// Byte offset of a 1-based (line, column).
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let line_text = rest.split('\n').next().unwrap_or("");
        start
            + line_text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i)
    }
}

/// A Markdown file split into its YAML front matter and its body.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    /// Byte offset of the front matter's first line in the file.
    pub front_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

/// Split `---` front matter from a Markdown body.
pub fn split_front_matter(file: &Arc<SourceFile>) -> Result<Split<'_>, Diagnostic> {
    let text = file.text.as_str();
    let Some(after_open) = text.strip_prefix("---\n") else {
        return Err(Diagnostic::error(
            "missing-front-matter",
            "the page has no front matter",
        )
        .in_file(file)
        .at(1, 1)
        .with_help("start the file with a line `---`, the page's settings (at least `title: ...`), and another line `---`"));
    };
    let front_offset = 4;
    let mut pos = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let body_offset = front_offset + pos + line.len();
            return Ok(Split {
                front_matter: &after_open[..pos],
                front_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
        pos += line.len();
    }
    Err(
        Diagnostic::error("unclosed-front-matter", "the front matter is never closed")
            .in_file(file)
            .at(1, 1)
            .with_length(3)
            .with_help("add a line with only `---` after the last setting, before the page text"),
    )
}

/// Path relative to `base`, with `/` separators, for display and ids.
pub fn relative_display(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

pub fn to_path_buf(rel: &str) -> PathBuf {
    rel.split('/').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Arc<SourceFile> {
        Arc::new(SourceFile::new("f.md".into(), text.into()))
    }

    #[test]
    fn line_col_round_trips() {
        let f = file("ab\nçd\n\nx");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        assert_eq!(f.line_col(5), (2, 2));
        assert_eq!(f.line_col(f.text.len()), (4, 2));
        assert_eq!(f.offset(2, 2), 5);
        assert_eq!(f.offset(4, 1), 8);
    }

    #[test]
    fn splits_front_matter() {
        let f = file("---\ntitle: A\n---\n# Body\n");
        let s = split_front_matter(&f).unwrap();
        assert_eq!(s.front_matter, "title: A\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(f.line_col(s.body_offset).0, 4);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let f = file("---\ntitle: A\nbody\n");
        let err = split_front_matter(&f).unwrap_err();
        assert_eq!(err.code, "unclosed-front-matter");
    }

    #[test]
    fn missing_front_matter_is_an_error() {
        assert_eq!(
            split_front_matter(&file("# Hei\n")).unwrap_err().code,
            "missing-front-matter"
        );
    }
}
