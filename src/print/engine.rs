//! The Typst engine: a [`World`] over the theme's files ([`ThemeFiles`]) plus in-memory files, the embedded
//! fonts, and compilation to PDF bytes.
//!
//! Files a template can read:
//! - `/data.json`: the data for this print (the JSON value given to [`render`]);
//! - every extra file given to [`render`], at `/<name>` (QR code, logo, a PDF to impose);
//! - any file of the theme, by its path inside the theme (`/print/common.typ`,
//!   `/print/labels.yaml`, `/i18n/nb.yaml`).
//!
//! No packages (`@preview/…`), no system fonts, no network: the output depends only on the
//! theme, the data and the fonts embedded in the binary, so it is the same on every machine.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::theme_files::{ThemeFile, ThemeFiles};
use std::sync::{Mutex, OnceLock};

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::layout::Frame;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

/// Fonts embedded in the binary with the built-in theme (SIL Open Font License; see
/// `themes/standard/fonts/OFL.txt`). Noto Sans covers Latin (æøå, Sámi), Cyrillic and Greek;
/// the next two cover Arabic and Ethiopic (Tigrinya, Amharic); the two Symbols subsets
/// cover arrows, ☐ ☒ ✓ and other common symbols. Typst falls back between them glyph by
/// glyph. Always the built-in ones, never a project's: prints look the same
/// everywhere and a theme cannot lose a script's glyphs.
const FONTS: &[&str] = &[
    "fonts/NotoSans-Regular.ttf",
    "fonts/NotoSans-Bold.ttf",
    "fonts/NotoSans-Italic.ttf",
    "fonts/NotoSansArabic-Regular.ttf",
    "fonts/NotoSansArabic-Bold.ttf",
    "fonts/NotoSansEthiopic-Regular.ttf",
    "fonts/NotoSansEthiopic-Bold.ttf",
    "fonts/NotoSansSymbols-Regular.ttf",
    "fonts/NotoSansSymbols2-Regular.ttf",
];

/// What stays the same between compilations: the standard library and the fonts.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Parsed theme sources by path inside the theme, reused while the file's text (its
    /// hash) is unchanged: one process builds many projects (tests, `serve`).
    sources: Mutex<HashMap<String, (u64, Source)>>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts = fonts().to_vec();
        Shared {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            sources: Mutex::new(HashMap::new()),
        }
    })
}

/// The embedded fonts, parsed once; without the standard library, which `check` does not
/// need (see [`covers`]).
fn fonts() -> &'static [Font] {
    static FONTS_LOADED: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS_LOADED.get_or_init(|| {
        FONTS
            .iter()
            .flat_map(|rel| {
                let data = crate::theme_files::builtin_file(rel)
                    .unwrap_or_else(|| panic!("{rel} is not built in (themes/standard/)"));
                Font::iter(Bytes::new(data))
            })
            .collect()
    })
}

/// The family names of the embedded fonts (for tests and diagnostics).
pub fn font_families() -> Vec<String> {
    let mut names: Vec<String> = shared()
        .fonts
        .iter()
        .map(|f| f.info().family.clone())
        .collect();
    names.dedup();
    names
}

/// Whether one of the embedded fonts has a glyph for `c` (else it prints as an empty box).
pub fn covers(c: char) -> bool {
    // Most text is Latin, which Noto Sans (the first font) covers.
    c.is_ascii() || fonts().iter().any(|f| f.info().coverage.contains(c as u32))
}

/// The format Typst reads an image as (`png`, `jpg`, `gif`, `webp`, `svg`), after decoding
/// a raster image as Typst would; else why it cannot.
pub fn image_format(bytes: &[u8]) -> Result<&'static str, String> {
    use typst::visualize::{ExchangeFormat, ImageFormat, RasterFormat, RasterImage, VectorFormat};
    let format = match ImageFormat::detect(bytes) {
        Some(ImageFormat::Raster(RasterFormat::Exchange(f))) => f,
        Some(ImageFormat::Vector(VectorFormat::Svg)) => return Ok("svg"),
        _ => return Err(String::new()),
    };
    RasterImage::plain(Bytes::new(bytes.to_vec()), format).map_err(|e| e.to_string())?;
    Ok(match format {
        ExchangeFormat::Png => "png",
        ExchangeFormat::Jpg => "jpg",
        ExchangeFormat::Gif => "gif",
        ExchangeFormat::Webp => "webp",
    })
}

/// A finished PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Size of the first page in PostScript points (width, height).
    pub page_size_pt: (f64, f64),
    /// Typst's warnings and any text drawn with a missing glyph (a box on paper).
    pub warnings: Vec<String>,
}

struct PrintWorld<'a> {
    shared: &'static Shared,
    theme: &'a ThemeFiles,
    main: FileId,
    /// Virtual files: `/data.json` and the extra files.
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

fn project_file(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| format!("bad path {path:?}: {e}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl PrintWorld<'_> {
    /// A template's file: its path inside the theme, and the theme's file there.
    fn theme_file(&self, id: FileId) -> FileResult<(String, &ThemeFile)> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some(
                crate::msg!("print-no-packages").into(),
            )));
        }
        let rel = id
            .vpath()
            .get_with_slash()
            .trim_start_matches('/')
            .to_string();
        match self.theme.get(&rel) {
            Some(file) => Ok((rel, file)),
            None if self.theme.is_dir(&rel) => Err(FileError::IsDirectory),
            None => Err(FileError::NotFound(PathBuf::from(self.theme.display(&rel)))),
        }
    }
}

impl World for PrintWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some(bytes) = self.files.get(&id) {
            let text = std::str::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
            return Ok(Source::new(id, text.to_string()));
        }
        let (rel, file) = self.theme_file(id)?;
        let hash = xxhash_rust::xxh3::xxh3_64(&file.bytes);
        let mut cache = self.shared.sources.lock().unwrap();
        if let Some((seen, source)) = cache.get(&rel) {
            if *seen == hash && source.id() == id {
                return Ok(source.clone());
            }
        }
        let text = std::str::from_utf8(&file.bytes).map_err(|_| FileError::InvalidUtf8)?;
        let source = Source::new(id, text.to_string());
        cache.insert(rel, (hash, source.clone()));
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        let (_, file) = self.theme_file(id)?;
        Ok(Bytes::new(file.bytes.clone()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Compile `print/<template>` from `theme` with `data` as `/data.json` and each extra file
/// as `/<name>`, and export it as a (tagged) PDF.
///
/// `today` is what `datetime.today()` returns in the template; pass the print's version date
/// so the output is reproducible. It is also the PDF's creation date unless the template
/// sets `document(date: ..)`.
pub fn render(
    theme: &ThemeFiles,
    template: &str,
    data: &serde_json::Value,
    extra_files: &[(&str, Vec<u8>)],
    today: Option<(i32, u8, u8)>,
) -> Result<Pdf, String> {
    super::workers::run(|| compile(theme, template, data, extra_files, today))
}

/// [`render`] on the current thread.
fn compile(
    theme: &ThemeFiles,
    template: &str,
    data: &serde_json::Value,
    extra_files: &[(&str, Vec<u8>)],
    today: Option<(i32, u8, u8)>,
) -> Result<Pdf, String> {
    let shared = shared();
    let main = project_file(&format!("/print/{template}"))?;
    let mut files = HashMap::new();
    let json = serde_json::to_vec(data).map_err(|e| e.to_string())?;
    files.insert(project_file("/data.json")?, Bytes::new(json.clone()));
    for (name, bytes) in extra_files {
        files.insert(
            project_file(&format!("/{name}"))?,
            Bytes::new(bytes.clone()),
        );
    }
    let today = today.and_then(|(y, m, d)| Datetime::from_ymd(y, m, d));
    let world = PrintWorld {
        shared,
        theme,
        main,
        files,
        today,
    };

    let warned = typst::compile::<PagedDocument>(&world);
    let mut warnings: Vec<String> = warned
        .warnings
        .iter()
        .map(|d| describe(&world, d))
        .collect();
    let document = warned.output.map_err(|errors| {
        let mut lines: Vec<String> = errors.iter().map(|d| describe(&world, d)).collect();
        lines.insert(0, crate::msg!("print-template-failed", template = template));
        lines.join("\n  ")
    })?;

    let mut missing = Vec::new();
    for page in document.pages() {
        missing_glyphs(&page.frame, &mut missing);
    }
    if !missing.is_empty() {
        missing.sort();
        missing.dedup();
        let chars: Vec<String> = missing
            .iter()
            .map(|c| super::trace::describe_char(*c))
            .collect();
        warnings.push(crate::msg!("print-no-glyph", chars = chars.join(", ")));
    }

    let options = typst_pdf::PdfOptions {
        // Stable across builds of the same print, different between prints (Typst hashes it).
        ident: Smart::Custom(format!("{template}\n{}", String::from_utf8_lossy(&json))),
        creator: Smart::Custom(Some("veiviser (Typst)".into())),
        timestamp: today.map(typst_pdf::Timestamp::new_utc),
        ..Default::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|d| describe(&world, d)).collect();
        format!(
            "{}\n  {}",
            crate::msg!("print-export-failed", template = template),
            lines.join("\n  ")
        )
    })?;
    let page_size_pt = document
        .pages()
        .first()
        .map(|p| (p.frame.width().to_pt(), p.frame.height().to_pt()))
        .unwrap_or_default();
    Ok(Pdf {
        bytes,
        pages: document.pages().len(),
        page_size_pt,
        warnings,
    })
}

/// Characters drawn with glyph 0 (`.notdef`): they would come out as empty boxes.
fn missing_glyphs(frame: &Frame, out: &mut Vec<char>) {
    use typst::layout::FrameItem;
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => missing_glyphs(&group.frame, out),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    let s = &text.text[glyph.range()];
                    out.extend(s.chars().filter(|c| !c.is_whitespace() && !c.is_control()));
                }
            }
            _ => {}
        }
    }
}

/// `print/poster.typ:12:5: error: …` with hints.
fn describe(world: &PrintWorld, diag: &SourceDiagnostic) -> String {
    let severity = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = String::new();
    if let Some(id) = diag.span.id() {
        out.push_str(id.vpath().get_with_slash().trim_start_matches('/'));
        if let (Some(range), Ok(source)) = (world.range(diag.span), world.source(id)) {
            if let Some((line, col)) = source.lines().byte_to_line_column(range.start) {
                out.push_str(&format!(":{}:{}", line + 1, col + 1));
            }
        }
        out.push_str(": ");
    }
    out.push_str(severity);
    out.push_str(": ");
    out.push_str(&diag.message);
    for hint in &diag.hints {
        out.push_str(&format!(" (hint: {})", hint.v));
    }
    out
}

/// Free memoized layout results that were not used in the last `max_age` compilations.
/// Call after a batch of prints (for example once per build) to bound memory.
pub fn evict_cache(max_age: usize) {
    typst::comemo::evict(max_age);
}
