//! Source files as read from disk, with line/column lookup and front matter splitting.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::msg;

/// A text file read from the content tree.
#[derive(Debug)]
pub struct SourceFile {
    /// Path shown to the editor, relative to the project root where possible.
    pub display: String,
    pub text: String,
    line_starts: Vec<usize>,
    /// The file as it was read from disk ([`SourceFile::read`]); `None` for text made
    /// otherwise.
    pub stamp: Option<Stamp>,
}

/// A file's size, modification time and the hash of its bytes as read: the build's
/// manifest notes them for each input (`build::incremental`), and a file the build loaded
/// need not be read again to hash it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stamp {
    pub size: u64,
    pub mtime: u128,
    pub hash: u128,
}

/// A file's modification time in nanoseconds since 1970 (0 when the system has none).
pub fn mtime(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

impl SourceFile {
    pub fn new(display: String, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Self {
            display,
            text,
            line_starts,
            stamp: None,
        }
    }

    /// Read a file, refusing invalid UTF-8 with a located diagnostic. A BOM is dropped and
    /// CRLF line endings are normalised so offsets match what editors show. Files over
    /// [`MAX_TEXT_BYTES`] are refused before they are read.
    pub fn read(path: &Path, display: String) -> Result<Arc<SourceFile>, Diagnostic> {
        use std::io::Read as _;
        let io = |e: std::io::Error| {
            Diagnostic::error(
                "io",
                msg!(
                    "source-cannot-read",
                    file = &display,
                    reason = e.to_string()
                ),
            )
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        let size = meta.len();
        if size > MAX_TEXT_BYTES {
            return Err(too_large(display, size));
        }
        // At most one byte over the limit, in case the file grows while it is read.
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(MAX_TEXT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > MAX_TEXT_BYTES {
            return Err(too_large(display, bytes.len() as u64));
        }
        // A file that changed size while it was read gets no stamp (it is hashed anew).
        let stamp = (bytes.len() as u64 == size).then(|| Stamp {
            size,
            mtime: mtime(&meta),
            hash: xxhash_rust::xxh3::xxh3_128(&bytes),
        });
        let mut file = SourceFile::from_bytes(display, bytes)?;
        if let Some(unique) = Arc::get_mut(&mut file) {
            unique.stamp = stamp;
        }
        Ok(file)
    }

    /// A file's bytes as [`SourceFile::read`] takes them: binary files (an image saved as
    /// `.md`), invalid UTF-8 and NUL characters are refused with a located diagnostic, a
    /// BOM is dropped and CRLF (and lone CR) become LF.
    pub fn from_bytes(display: String, bytes: Vec<u8>) -> Result<Arc<SourceFile>, Diagnostic> {
        if let Some(kind) = binary_kind(&bytes) {
            let utf16 = kind == "utf16";
            return Err(Diagnostic::error(
                if utf16 { "invalid-utf8" } else { "binary-file" },
                if utf16 {
                    msg!("source-utf16")
                } else {
                    msg!("source-binary", kind = kind)
                },
            )
            .in_file(&Arc::new(SourceFile::new(display, String::new())))
            .with_help(if utf16 {
                msg!("source-save-as-utf8")
            } else {
                msg!("source-binary-help")
            }));
        }
        let text = match crate::bytes::string_from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let valid = err.utf8_error().valid_up_to();
                let bytes = err.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                let line = prefix.matches('\n').count() + 1;
                let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                let file = Arc::new(SourceFile::new(display, prefix));
                return Err(
                    Diagnostic::error("invalid-utf8", msg!("source-invalid-utf8"))
                        .in_file(&file)
                        .at(line, column)
                        .with_help(msg!("source-save-as-utf8")),
                );
            }
        };
        // The `memchr` crate's search: std's is a fraction as fast, and every file is read.
        if let Some(nul) = memchr::memchr(0, text.as_bytes()) {
            let file = Arc::new(SourceFile::new(display, text.replace('\0', " ")));
            return Err(Diagnostic::error("nul-character", msg!("source-nul"))
                .in_file(&file)
                .at_offset(nul, 1)
                .with_help(msg!("source-nul-help")));
        }
        let mut text = text;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if memchr::memchr(b'\r', text.as_bytes()).is_some() {
            text = text.replace("\r\n", "\n").replace('\r', "\n");
        }
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

/// Largest text content file (Markdown or YAML) veiviser reads: 10 MB. The longest real
/// page is a few hundred kilobytes; a larger file is an export or a log pasted by mistake,
/// and would cost minutes and gigabytes to render and index.
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

fn too_large(display: String, size: u64) -> Diagnostic {
    let mb = |n: u64| n as f64 / (1024.0 * 1024.0);
    Diagnostic::error(
        "file-too-large",
        msg!(
            "source-too-large",
            size = format!("{:.1}", mb(size)),
            max = format!("{:.0}", mb(MAX_TEXT_BYTES))
        ),
    )
    .in_file(&Arc::new(SourceFile::new(display, String::new())))
    .with_help(msg!("source-too-large-help"))
}

/// What a file that is not text looks like, from its first bytes (None: it may be text):
/// a variant of the message `source-binary`, or `utf16`.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "png"),
        (b"\xff\xd8\xff", "jpeg"),
        (b"GIF87a", "gif"),
        (b"GIF89a", "gif"),
        (b"%PDF-", "pdf"),
        (b"PK\x03\x04", "zip"),
        (b"\xd0\xcf\x11\xe0", "office"),
        (b"{\\rtf", "rtf"),
        (b"\xff\xfe", "utf16"),
        (b"\xfe\xff", "utf16"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(&b"WEBP"[..]) {
        return Some("webp");
    }
    // Binary data: zero bytes and invalid UTF-8 near the start. (A zero byte in otherwise
    // valid text is reported at its line instead.)
    let head = &bytes[..bytes.len().min(8000)];
    (memchr::memchr(0, head).is_some() && std::str::from_utf8(head).is_err()).then_some("binary")
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
        return Err(
            Diagnostic::error("missing-front-matter", msg!("source-missing-front-matter"))
                .in_file(file)
                .at(1, 1)
                .with_help(msg!("source-missing-front-matter-help")),
        );
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
    Err(Diagnostic::error(
        "unclosed-front-matter",
        msg!("source-unclosed-front-matter"),
    )
    .in_file(file)
    .at(1, 1)
    .with_length(3)
    .with_help(msg!("source-unclosed-front-matter-help")))
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
    fn a_file_read_from_disk_is_stamped_with_the_hash_of_its_bytes_as_they_are_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("side.md");
        let bytes = b"---\r\ntitle: Side\r\n---\r\nTekst\r\n";
        std::fs::write(&path, bytes).unwrap();
        let read = SourceFile::read(&path, "content/x/side.md".into()).unwrap();
        assert_eq!(read.text, "---\ntitle: Side\n---\nTekst\n");
        let stamp = read.stamp.expect("a stamp");
        assert_eq!(stamp.size, bytes.len() as u64);
        assert_eq!(stamp.hash, xxhash_rust::xxh3::xxh3_128(bytes));
        assert_eq!(
            stamp.mtime,
            mtime(&std::fs::metadata(&path).unwrap()),
            "the time the manifest compares"
        );
        assert_eq!(file("x").stamp, None, "text not read from disk has none");
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
    fn from_bytes_normalises_like_read() {
        let f = SourceFile::from_bytes("f.md".into(), b"\xef\xbb\xbfa\r\nb\rc".to_vec()).unwrap();
        assert_eq!(f.text, "a\nb\nc");
        let err = SourceFile::from_bytes("f.md".into(), b"ab\n\xc3x\xff".to_vec()).unwrap_err();
        assert_eq!(err.code, "invalid-utf8");
        assert_eq!((err.line, err.column), (2, 1));
    }

    #[test]
    fn refuses_files_over_the_size_limit_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stor.md");
        let file = std::fs::File::create(&path).unwrap();
        // A sparse 50 MB file: the size is known without writing (or reading) 50 MB.
        file.set_len(50 * 1024 * 1024).unwrap();
        let err = SourceFile::read(&path, "content/x/sider/stor.md".into()).unwrap_err();
        assert_eq!(err.code, "file-too-large");
        assert!(err.message.contains("50.0 MB"), "{}", err.message);
        assert!(err.message.contains("at most 10 MB"), "{}", err.message);
        assert_eq!(err.location(), "content/x/sider/stor.md");
        std::fs::write(&path, "---\ntitle: A\n---\n").unwrap();
        assert!(SourceFile::read(&path, "x".into()).is_ok());
    }

    #[test]
    fn binary_files_are_named_not_decoded() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let err = SourceFile::from_bytes("plakat.md".into(), png).unwrap_err();
        assert_eq!(err.code, "binary-file");
        assert!(err.message.contains("a PNG image"), "{}", err.message);
        let docx = b"PK\x03\x04\x14\0\x06\0".to_vec();
        let err = SourceFile::from_bytes("om.md".into(), docx).unwrap_err();
        assert!(err.message.contains("Word"), "{}", err.message);
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("tittel".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let err = SourceFile::from_bytes("om.md".into(), utf16).unwrap_err();
        assert_eq!(err.code, "invalid-utf8");
        assert!(err.message.contains("UTF-16"), "{}", err.message);
    }

    #[test]
    fn nul_characters_are_located() {
        let err = SourceFile::from_bytes("om.md".into(), b"---\ntitle: A\n---\nTe\0kst\n".to_vec())
            .unwrap_err();
        assert_eq!(err.code, "nul-character");
        assert_eq!((err.line, err.column), (4, 3));
        assert!(!err.render(false).contains('\0'));
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
