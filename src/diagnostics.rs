//! Diagnostics: every problem found in content, with file, line, column and a hint.
//!
//! Stages collect diagnostics instead of stopping at the first one, so an editor sees
//! every problem of a run at once.

use std::fmt::Write as _;
use std::sync::Arc;

use serde::Serialize;

use crate::source::SourceFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in the content (or the project), located as precisely as we can.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code such as `unknown-key` or `missing-reference`.
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub file: Option<Arc<SourceFile>>,
    /// 1-based line and column; 0 when unknown.
    pub line: usize,
    pub column: usize,
    /// Length in bytes of the offending text, for underlining.
    pub length: usize,
    /// Mask the offending text in snippets (it is personal data).
    pub redact: bool,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            help: None,
            file: None,
            line: 0,
            column: 0,
            length: 0,
            redact: false,
        }
    }

    pub fn redacted(mut self) -> Self {
        self.redact = true;
        self
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, message)
        }
    }

    pub fn in_file(mut self, file: &Arc<SourceFile>) -> Self {
        self.file = Some(Arc::clone(file));
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Locate the diagnostic at a byte offset of its file.
    pub fn at_offset(mut self, offset: usize, length: usize) -> Self {
        if let Some(file) = &self.file {
            let (line, column) = file.line_col(offset);
            self.line = line;
            self.column = column;
        }
        self.length = length;
        self
    }

    pub fn with_length(mut self, length: usize) -> Self {
        self.length = length;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column` (or as much of it as is known).
    pub fn location(&self) -> String {
        match &self.file {
            None => String::new(),
            Some(file) if self.line == 0 => file.display.clone(),
            Some(file) if self.column == 0 => format!("{}:{}", file.display, self.line),
            Some(file) => format!("{}:{}:{}", file.display, self.line, self.column),
        }
    }

    /// Human-readable rendering with a source snippet, for the terminal.
    pub fn render(&self, color: bool) -> String {
        let report = self.to_miette();
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let handler = miette::GraphicalReportHandler::new_themed(theme)
            .with_context_lines(2)
            .with_width(100);
        let mut out = String::new();
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            let _ = write!(out, "{}: {}", self.location(), self.message);
        }
        // miette writes its own English label before the help; it is the last one.
        let label = crate::msg!("diagnostic-help");
        if label != "help" {
            if let Some(at) = out.rfind("  help: ") {
                // The help's own continuation lines are indented to follow the label.
                let indent = " ".repeat(label.chars().count() + 4);
                let tail = out[at + 8..].replace("\n        ", &format!("\n{indent}"));
                out.replace_range(at.., &format!("  {label}: {tail}"));
            }
        }
        out
    }

    fn to_miette(&self) -> miette::Report {
        let severity = match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        };
        let location = self.location();
        let message = if location.is_empty() {
            self.message.clone()
        } else {
            format!("{location}: {}", self.message)
        };
        let mut diag = miette::MietteDiagnostic::new(message)
            .with_code(self.code)
            .with_severity(severity);
        if let Some(help) = &self.help {
            diag = diag.with_help(help.clone());
        }
        match &self.file {
            Some(file) if self.line > 0 => {
                let text = &file.text;
                let offset = file.offset(self.line, self.column.max(1));
                let mut end = (offset + self.length).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                // Only the lines around the problem go to miette, which reads its source
                // from the start for every snippet: with the whole file, thousands of
                // diagnostics in a large file took minutes to print.
                let first = self.line.saturating_sub(CONTEXT_LINES).max(1);
                let last = file.line_col(end).0 + CONTEXT_LINES;
                let start = file.offset(first, 1).min(offset);
                let stop = file.offset(last + 1, 1).max(end);
                let mut window = text[start..stop].to_string();
                let (from, to) = (offset - start, end - start);
                if self.redact {
                    // Personal data is shown masked, in the snippet too.
                    let masked: String = window[from..to]
                        .chars()
                        .enumerate()
                        .map(|(i, c)| if i >= 2 && c.is_ascii_digit() { '*' } else { c })
                        .collect();
                    window.replace_range(from..to, &masked);
                }
                diag = diag.with_label(miette::LabeledSpan::at(
                    from..to,
                    crate::msg!("diagnostic-here"),
                ));
                miette::Report::new(diag).with_source_code(Snippet {
                    name: file.display.clone(),
                    text: window,
                    first_line: first - 1,
                })
            }
            _ => miette::Report::new(diag),
        }
    }
}

/// Lines shown before and after the problem in a snippet.
const CONTEXT_LINES: usize = 2;

/// The lines of a file around a diagnostic, numbered as in the whole file.
#[derive(Debug)]
struct Snippet {
    name: String,
    text: String,
    /// 0-based line number of the first line of `text` in the file.
    first_line: usize,
}

impl miette::SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette counts columns in bytes; editors (and `location()`) count characters.
        let column = match self.text.get(..span.offset()) {
            Some(before) if context_lines_before == 0 => {
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                before[line_start..].chars().count()
            }
            _ => inner.column(),
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            column,
            inner.line_count(),
        )))
    }
}

/// The stable JSON shape of a diagnostic, for `--format json`.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub file: Option<&'a str>,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub code: &'a str,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        JsonDiagnostic {
            file: d.file.as_ref().map(|f| f.display.as_str()),
            line: d.line,
            column: d.column,
            severity: d.severity,
            code: d.code,
            message: &d.message,
            help: d.help.as_deref(),
        }
    }
}

/// Sort diagnostics for stable output: by file, line, column, then message.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let fa = a.file.as_ref().map(|f| f.display.as_str()).unwrap_or("");
        let fb = b.file.as_ref().map(|f| f.display.as_str()).unwrap_or("");
        (fa, a.line, a.column, &a.message).cmp(&(fb, b.line, b.column, &b.message))
    });
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// The nearest candidate to `word`, if one is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_len = word.chars().count();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, c)| *distance <= word_len.max(c.chars().count()).div_ceil(2).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(suggest("titel", ["title", "level"]), Some("title"));
        assert_eq!(suggest("servces", ["services", "forms"]), Some("services"));
        assert_eq!(suggest("zzzzzz", ["title", "level"]), None);
        assert_eq!(suggest("leder", ["lead", "summary"]), Some("lead"));
    }

    #[test]
    fn snippets_are_numbered_as_in_the_whole_file() {
        let text: String = (1..=100).map(|n| format!("linje {n}: æøå\n")).collect();
        let file = Arc::new(SourceFile::new("content/a.md".into(), text));
        let d = Diagnostic::error("x", "feil")
            .in_file(&file)
            .at(50, 11)
            .with_length(3);
        let out = d.render(false);
        // The header and the message give the same column, counted in characters.
        assert!(out.contains("content/a.md:50:11: feil"), "{out}");
        assert!(out.contains("[content/a.md:50:11]"), "{out}");
        for n in 48..=52 {
            assert!(out.contains(&format!("{n} │ linje {n}: æøå")), "{out}");
        }
        assert!(
            !out.contains("linje 47:") && !out.contains("linje 53:"),
            "{out}"
        );
        // At the edges of the file, and past them, nothing panics.
        for (line, column, length) in [(1, 1, 5), (100, 1, 999), (101, 1, 1), (500, 3, 2)] {
            let _ = Diagnostic::error("x", "feil")
                .in_file(&file)
                .at(line, column)
                .with_length(length)
                .render(false);
        }
    }

    #[test]
    fn redacted_snippets_mask_the_number() {
        let file = Arc::new(SourceFile::new(
            "content/a.md".into(),
            "a\nNummer: 15831234587\nb\n".into(),
        ));
        let out = Diagnostic::error("identity-number", "nummer")
            .in_file(&file)
            .at(2, 9)
            .with_length(11)
            .redacted()
            .render(false);
        assert!(out.contains("Nummer: 15*********"), "{out}");
        assert!(!out.contains("831234587"), "{out}");
    }

    #[test]
    fn renders_location_and_snippet() {
        let file = Arc::new(SourceFile::new(
            "content/a.md".into(),
            "a: 1\nb: 2\n".into(),
        ));
        let d = Diagnostic::error("unknown-key", "unknown key `b`")
            .in_file(&file)
            .at(2, 1)
            .with_length(1)
            .with_help("remove it");
        assert_eq!(d.location(), "content/a.md:2:1");
        let text = d.render(false);
        assert!(text.contains("content/a.md:2:1"), "{text}");
        assert!(text.contains("b: 2"), "{text}");
        assert!(text.contains("remove it"), "{text}");
    }
}
