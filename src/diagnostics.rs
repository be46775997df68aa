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
                let offset = file.offset(self.line, self.column.max(1));
                let length = self.length.min(file.text.len().saturating_sub(offset));
                diag = diag.with_label(miette::LabeledSpan::at(offset..offset + length, "here"));
                let mut text = file.text.clone();
                if self.redact {
                    // Personal data is shown masked, in the snippet too.
                    let masked: String = text[offset..offset + length]
                        .chars()
                        .enumerate()
                        .map(|(i, c)| if i >= 2 && c.is_ascii_digit() { '*' } else { c })
                        .collect();
                    text.replace_range(offset..offset + length, &masked);
                }
                miette::Report::new(diag)
                    .with_source_code(miette::NamedSource::new(file.display.clone(), text))
            }
            _ => miette::Report::new(diag),
        }
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
