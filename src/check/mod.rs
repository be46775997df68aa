//! Check stage: validations over a resolved kommune. Writes nothing; `build` runs the
//! same checks and stops on errors.

pub mod contrast;
mod film;
pub mod identity_number;
mod markdown;
pub mod placeholders;
mod references;
pub mod settings;
mod texts;
mod translations;
mod values;

use std::collections::HashSet;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::site::Kommune;
use crate::source::SourceFile;
pub use texts::TextReads;

/// Highest level number (`level:` in `veileder/*.md`).
pub const MAX_LEVEL: u8 = 9;

/// Run every check for one kommune, with the default raw HTML policy.
pub fn check_kommune(kommune: &Kommune, today: chrono::NaiveDate) -> Vec<Diagnostic> {
    check_kommune_with(
        kommune,
        today,
        &crate::sanitize::SANITIZE,
        crate::film::DEFAULT_MAX_MB,
        &TextReads::default(),
    )
}

/// Run every check for one kommune; `raw_html` is the site's policy (veiviser.yaml), and
/// `reads` the Markdown texts the build's other kommuner have read.
pub fn check_kommune_with(
    kommune: &Kommune,
    today: chrono::NaiveDate,
    raw_html: &crate::sanitize::RawHtml,
    film_max_mb: u64,
    reads: &TextReads,
) -> Vec<Diagnostic> {
    // The Markdown checks, the largest, beside the others (a build of one kommune has a
    // core to spare); the diagnostics in the same order as one after the other.
    let ((mut diags, markdown), (references, rest)) = rayon::join(
        || {
            let mut diags = Vec::new();
            check_config(kommune, &mut diags);
            values::check(kommune, &mut diags);
            let mut markdown = Vec::new();
            markdown::check(kommune, raw_html, film_max_mb, reads, &mut markdown);
            (diags, markdown)
        },
        || {
            let mut references = Vec::new();
            references::check(kommune, &mut references);
            let mut rest = Vec::new();
            check_pages(kommune, &mut rest);
            check_files(kommune, today, &mut rest);
            check_prints(kommune, today, &mut rest);
            (references, rest)
        },
    );
    diags.extend(references);
    diags.extend(markdown);
    diags.extend(rest);
    diags
}

/// The print PDFs' data, prepared as `build` prepares it (without compiling): characters
/// the fonts lack and images that cannot be printed, at their own file and line.
#[cfg(feature = "print")]
fn check_prints(kommune: &Kommune, today: chrono::NaiveDate, diags: &mut Vec<Diagnostic>) {
    let base = kommune
        .config
        .base_url
        .as_deref()
        .and_then(|b| crate::config::BaseUrl::parse(b).ok())
        .unwrap_or_else(|| {
            crate::config::BaseUrl::parse("https://veiviser.invalid/").expect("a valid URL")
        });
    let urls = crate::render::urls::Urls {
        base,
        prefix: String::new(),
        default_lang: kommune.default_lang().to_string(),
    };
    diags.extend(crate::print::prepare::check_all(kommune, &urls, today));
}

#[cfg(not(feature = "print"))]
fn check_prints(_: &Kommune, _: chrono::NaiveDate, _: &mut Vec<Diagnostic>) {}

/// Checks across every kommune of the run (one warning per shared file, not per kommune).
pub fn check_kommuner(kommuner: &[Kommune]) -> Vec<Diagnostic> {
    let mut diags = translations::check(kommuner);
    diags.extend(placeholders::check(kommuner));
    diags
}

/// Remove repeats (a base file checked once per kommune that inherits it).
pub fn dedupe(diags: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    diags.retain(|d| {
        seen.insert((
            d.file.as_ref().map(|f| f.display.clone()),
            d.line,
            d.column,
            d.code,
            d.message.clone(),
        ))
    });
}

fn check_config(kommune: &Kommune, diags: &mut Vec<Diagnostic>) {
    let config = &kommune.config;
    let file = &kommune.config_file;
    let at = |needle: &str| crate::yaml::locate(file, 0, usize::MAX, needle).unwrap_or(0);
    if let Some(url) = &config.base_url {
        if let Err(problem) = crate::config::BaseUrl::parse(url) {
            diags.push(
                Diagnostic::error(
                    "invalid-base-url",
                    msg!("check-invalid-base-url", problem = problem),
                )
                .in_file(file)
                .at_offset(at(url), url.len())
                .with_help(msg!("check-invalid-base-url-help")),
            );
        }
    }
    let branding = &config.branding;
    let colour = |value: &str, key: &str, diags: &mut Vec<Diagnostic>| {
        let parsed = contrast::parse_hex(value);
        if parsed.is_none() {
            diags.push(
                Diagnostic::error(
                    "invalid-colour",
                    msg!("check-invalid-colour", key = key, value = value),
                )
                .in_file(file)
                .at_offset(at(value), value.len())
                .with_help(msg!("check-invalid-colour-help")),
            );
        }
        parsed
    };
    let primary = colour(branding.primary(), "primary_color", diags);
    let text = colour(branding.text(), "text_color", diags);
    if let (Some(p), Some(t)) = (primary, text) {
        let ratio = contrast::ratio(p, t);
        if ratio < 4.5 {
            let value = branding.primary();
            diags.push(
                Diagnostic::error(
                    "low-contrast",
                    msg!(
                        "check-low-contrast",
                        value = value,
                        text = branding.text(),
                        ratio = format!("{ratio:.2}")
                    ),
                )
                .in_file(file)
                .at_offset(at(value), value.len())
                .with_help(msg!("check-low-contrast-help")),
            );
        }
    }
    for lang in &config.partial_languages {
        if !config.languages.contains(lang) {
            diags.push(
                Diagnostic::error(
                    "unknown-language",
                    msg!("check-partial-language", lang = lang),
                )
                .in_file(file)
                .at_offset(
                    crate::yaml::locate_in_key(file, "partial_languages", lang).unwrap_or(0),
                    lang.len(),
                )
                .with_help(msg!("check-partial-language-help", lang = lang)),
            );
        }
    }
    if !(config.number.len() == 4 && config.number.chars().all(|c| c.is_ascii_digit())) {
        diags.push(
            Diagnostic::error(
                "invalid-number",
                msg!("check-invalid-number", number = &config.number),
            )
            .in_file(file)
            .at_offset(at(&config.number), config.number.len())
            .with_help(msg!("check-invalid-number-help")),
        );
    }
    if let Some(logo) = &branding.logo {
        if !kommune.assets.contains_key(logo.as_str()) {
            diags.push(
                Diagnostic::error("missing-logo", msg!("check-missing-logo", logo = logo))
                    .in_file(file)
                    .at_offset(at(logo), logo.len())
                    .with_help(msg!("check-missing-logo-help")),
            );
        }
        if branding
            .logo_alt
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
        {
            diags.push(
                Diagnostic::error("missing-alt", msg!("check-logo-alt"))
                    .in_file(file)
                    .at_offset(at("logo"), 4)
                    .with_help(msg!("check-logo-alt-help")),
            );
        }
    }
    if let Some(feedback) = &config.feedback {
        if feedback.email.is_none() && feedback.url.is_none() {
            diags.push(
                Diagnostic::error("missing-key", msg!("check-feedback"))
                    .in_file(file)
                    .at_offset(at("feedback"), 8),
            );
        }
    }
    // A broken index.md has its own error already.
    if kommune.front.is_none() && !kommune.broken.contains("index.md") {
        diags.push(
            Diagnostic::error(
                "missing-front-page",
                msg!("check-missing-front-page", slug = &kommune.slug),
            )
            .in_file(file)
            .with_help(msg!("check-missing-front-page-help")),
        );
    }
}

fn check_pages(kommune: &Kommune, diags: &mut Vec<Diagnostic>) {
    for page in kommune.pages.values() {
        let reserved = crate::route::is_reserved_segment(&page.id)
            || crate::i18n::language(&page.id).is_some();
        if reserved {
            let doc = &page.docs[0];
            diags.push(
                Diagnostic::error("reserved-slug", msg!("check-reserved-slug", id = &page.id))
                    .in_file(&doc.file)
                    .with_help(msg!("check-reserved-slug-help", id = &page.id)),
            );
        }
    }
    // Translations need an original: an id whose every variant has a language suffix.
    let mut levels = std::collections::BTreeMap::new();
    for level in &kommune.levels {
        for doc in level.docs.iter().filter(|d| d.data.level > MAX_LEVEL) {
            diags.push(
                Diagnostic::error(
                    "invalid-level",
                    msg!(
                        "check-invalid-level",
                        level = doc.data.level,
                        max = MAX_LEVEL
                    ),
                )
                .in_file(&doc.file)
                .at_offset(doc.locate("level").unwrap_or(0), 5)
                .with_help(msg!("check-invalid-level-help")),
            );
        }
        let doc = level.primary(kommune.default_lang());
        if let Some(other) = levels.insert(doc.data.level, doc) {
            let offset = doc.locate("level").unwrap_or(0);
            diags.push(
                Diagnostic::error(
                    "duplicate-level",
                    msg!(
                        "check-duplicate-level",
                        level = doc.data.level,
                        other = &other.file.display
                    ),
                )
                .in_file(&doc.file)
                .at_offset(offset, 5)
                .with_help(msg!("check-duplicate-level-help")),
            );
        }
    }
}

/// Checks over every file's text: identity numbers, overdue reviews.
fn check_files(kommune: &Kommune, today: chrono::NaiveDate, diags: &mut Vec<Diagnostic>) {
    let mut files: Vec<Arc<SourceFile>> = vec![Arc::clone(&kommune.config_file)];
    let mut reviews: Vec<(Arc<SourceFile>, Option<String>, chrono::NaiveDate, usize)> = Vec::new();
    let months = kommune.config.review_interval();
    let overdue = |date: chrono::NaiveDate| {
        let due = date
            .checked_add_months(chrono::Months::new(months))
            .unwrap_or(date);
        due < today
    };
    for item in crate::registry::items(kommune) {
        for d in &item.docs {
            files.push(Arc::clone(d.file));
            // Located only when overdue: a search of the file's YAML.
            if let Some(date) = d.common.reviewed().filter(|&date| overdue(date)) {
                let offset = d.locate("reviewed").unwrap_or(0);
                reviews.push((
                    Arc::clone(d.file),
                    d.common.owner().map(str::to_string),
                    date,
                    offset,
                ));
            }
        }
    }

    for file in &files {
        for m in identity_number::find_identity_numbers(&file.text) {
            diags.push(
                Diagnostic::error(
                    "identity-number",
                    msg!(
                        "check-identity-number",
                        kind = m.kind.describe(),
                        masked = &m.masked
                    ),
                )
                .in_file(file)
                .at_offset(m.start, m.end - m.start)
                .redacted()
                .with_help(msg!("check-identity-number-help")),
            );
        }
    }
    for rel in kommune.assets.keys() {
        for m in identity_number::find_identity_numbers(rel) {
            diags.push(
                Diagnostic::error(
                    "identity-number",
                    msg!(
                        "check-identity-file-name",
                        name = rel.replace(&rel[m.start..m.end], &m.masked),
                        kind = m.kind.describe(),
                        masked = &m.masked
                    ),
                )
                .in_file(&kommune.config_file)
                .with_help(msg!("check-identity-file-name-help")),
            );
        }
    }

    for (file, owner, date, offset) in reviews {
        let date = date.to_string();
        let message = match owner {
            Some(owner) => msg!(
                "check-review-overdue-owner",
                date = &date,
                months = months,
                owner = owner
            ),
            None => msg!("check-review-overdue", date = &date, months = months),
        };
        diags.push(
            Diagnostic::warning("review-overdue", message)
                .in_file(&file)
                .at_offset(offset, 8)
                .with_help(msg!("check-review-overdue-help")),
        );
    }
}

/// Suffix naming the kommune when the file is shared (inherited from a base), so the editor
/// knows in which kommune it fails.
fn inherited_context(kommune: &Kommune, file: &SourceFile) -> String {
    if file
        .display
        .starts_with(&format!("content/{}/", kommune.slug))
    {
        String::new()
    } else {
        format!(" {}", msg!("check-inherited-context", slug = &kommune.slug))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn levels_above_nine_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("veiviser.yaml", "title: T\nbase_url: https://t.example/\n");
        write(
            "content/testvik/kommune.yaml",
            "name: Testvik kommune\nnumber: \"9911\"\naccessibility_statement: https://u.example/\n",
        );
        write("content/testvik/index.md", "---\ntitle: Hei\n---\nTekst.\n");
        write(
            "content/testvik/veileder/niva-12.md",
            "---\ntitle: Nivå 12\nlevel: 12\nsummary: S\npurpose: P\nlead: L\ndecision: D\nsteps:\n  - title: Steg\n    how: H\n    who: W\n---\n",
        );
        let project = crate::load::Project::load(dir.path()).unwrap();
        let (kommuner, _) = crate::resolve::resolve(&project, None);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let diags = super::check_kommune(&kommuner[0], today);
        let d = diags
            .iter()
            .find(|d| d.code == "invalid-level")
            .expect("level 12 is refused");
        assert_eq!(d.line, 3);
        assert!(d.message.contains("0 to 9"), "{}", d.message);
    }
}
