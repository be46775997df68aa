//! `veiviser new <slug> [--inherits <base>]`: a new kommune folder that builds at once.
//!
//! The kommune.yaml it writes is commented in Norwegian for the editor, and every value in
//! it is a valid placeholder (invented phone numbers starting with 10, `.example`
//! addresses). Without a base it also writes a guide with one level; with a base it writes
//! a placeholder for each service the base's text refers to, since services are local.

use crate::registry::ContentKind;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::build::Report;
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::write::cannot_write;

mod files;
mod services;

pub use files::{render, LANGUAGES};
pub use services::referenced_services;
use services::{missing_services, service_yaml};

pub use files::{Placeholder, PLACEHOLDERS};

/// What `veiviser new` is asked to make.
pub struct NewKommune<'a> {
    /// Folder name, e.g. `nordvik`.
    pub slug: &'a str,
    /// The base it inherits (`--inherits`).
    pub inherits: Option<&'a str>,
    /// `nb` or `nn` (`--language`); the site's default language when not given.
    pub language: Option<&'a str>,
    /// The kommune's full name (`--name`); made from the slug when not given.
    pub name: Option<&'a str>,
    /// The kommunenummer (`--number`); a placeholder when not given.
    pub number: Option<&'a str>,
}

impl<'a> NewKommune<'a> {
    pub fn new(slug: &'a str) -> Self {
        NewKommune {
            slug,
            inherits: None,
            language: None,
            name: None,
            number: None,
        }
    }
}

/// What `create` wrote.
#[derive(Debug)]
pub struct Created {
    /// The new folder, `content/<slug>`.
    pub dir: PathBuf,
    /// Files written, relative to the new folder, with a note for placeholders.
    pub files: Vec<(String, Option<String>)>,
}

/// Create `content/<slug>/` under `root`. Refuses an invalid slug, an existing folder and a
/// base that does not exist. Writes nothing when it refuses.
pub fn create(root: &Path, new: &NewKommune) -> Result<Created, Diagnostic> {
    let (site, _) = crate::config::SiteConfig::load(root)?;
    let (slug, inherits) = (new.slug, new.inherits);
    check_slug(slug)?;
    let language = new.language.unwrap_or(&site.default_language);
    if !files::LANGUAGES.contains(&language) {
        return Err(Diagnostic::error(
            "unknown-language",
            msg!("new-unknown-language", language = language),
        )
        .with_help(msg!("new-unknown-language-help")));
    }
    if let Some(number) = new.number {
        if !(number.len() == 4 && number.chars().all(|c| c.is_ascii_digit())) {
            return Err(Diagnostic::error(
                "invalid-number",
                msg!("new-invalid-number", number = number),
            )
            .with_help(msg!("new-invalid-number-help")));
        }
    }
    let content = root.join("content");
    let dir = content.join(slug);
    if dir.symlink_metadata().is_ok() {
        return Err(
            Diagnostic::error("kommune-exists", msg!("new-kommune-exists", slug = slug))
                .with_help(msg!("new-kommune-exists-help", slug = slug)),
        );
    }
    if let Some(base) = inherits {
        check_base(&content, base)?;
    }

    let name = match new.name.map(str::trim) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => display_name(slug),
    };
    let mut files: Vec<(String, String, Option<String>)> = vec![
        (
            "kommune.yaml".into(),
            kommune_yaml(new, &name, language, &content),
            None,
        ),
        (
            ContentKind::Front.path_of("index"),
            front_page(&name, language),
            None,
        ),
    ];
    if inherits.is_none() {
        let intro = ContentKind::GuideIntro.path_of("index");
        files.push((intro, plain(language, "veileder-index.md"), None));
        files.push((
            ContentKind::Level.path_of("niva-0"),
            plain(language, "niva-0.md"),
            None,
        ));
    }
    std::fs::create_dir_all(&content).map_err(|e| cannot_write(&content, &e))?;
    std::fs::create_dir(&dir).map_err(|e| cannot_write(&dir, &e))?;
    let write_all = |files: &[(String, String, Option<String>)]| -> Result<(), Diagnostic> {
        for (rel, text, _) in files {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| cannot_write(parent, &e))?;
            }
            std::fs::write(&path, text).map_err(|e| cannot_write(&path, &e))?;
        }
        Ok(())
    };
    let result = write_all(&files).and_then(|()| {
        if inherits.is_none() {
            return Ok(Vec::new());
        }
        // Services are the kommune's own: give each one the base refers to a placeholder,
        // so the inherited guide's links and contact cards resolve.
        let services = missing_services(root, slug);
        let placeholders: Vec<(String, String, Option<String>)> = services
            .iter()
            .map(|id| {
                (
                    ContentKind::Service.path_of(id),
                    service_yaml(root, slug, id, language),
                    Some(msg!("new-service-placeholder", id = id.as_str())),
                )
            })
            .collect();
        write_all(&placeholders)?;
        Ok(placeholders)
    });
    match result {
        Ok(placeholders) => {
            files.extend(placeholders);
            Ok(Created {
                dir,
                files: files
                    .into_iter()
                    .map(|(rel, _, note)| (rel, note))
                    .collect(),
            })
        }
        Err(d) => {
            let _ = std::fs::remove_dir_all(&dir);
            Err(d)
        }
    }
}

/// The command: create, check that the new kommune builds, and say what to do next.
pub fn run(root: &Path, new: &NewKommune, color: bool) -> ExitCode {
    let (slug, inherits) = (new.slug, new.inherits);
    let created = match create(root, new) {
        Ok(c) => c,
        Err(d) => {
            eprintln!("{}", d.render(color));
            return ExitCode::FAILURE;
        }
    };
    let shown = |rel: &str| format!("content/{slug}/{rel}");
    match inherits {
        Some(base) => println!("{}", msg!("new-created-inherits", slug = slug, base = base)),
        None => println!("{}", msg!("new-created", slug = slug)),
    }
    let width = created
        .files
        .iter()
        .map(|(rel, _)| shown(rel).chars().count())
        .max()
        .unwrap_or(0);
    for (rel, note) in &created.files {
        match note {
            Some(note) => println!("  {:<width$}  ({note})", shown(rel)),
            None => println!("  {}", shown(rel)),
        }
    }

    let mut report = Report::default();
    crate::build::check(root, Some(slug), crate::build::today(), &mut report);
    crate::check::placeholders::allow(&mut report.diagnostics);
    let root_arg = if root == Path::new(".") {
        String::new()
    } else {
        format!(" --root {}", root.display())
    };
    if report.failed() {
        for d in report.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{}", d.render(color));
        }
        eprintln!(
            "{}",
            msg!("new-does-not-build", folder = format!("content/{slug}/"))
        );
        return ExitCode::FAILURE;
    }
    let placeholders = report
        .diagnostics
        .iter()
        .filter(|d| d.code == crate::check::placeholders::CODE)
        .count();
    let warnings = report.warnings() - placeholders;
    println!();
    if warnings > 0 {
        let command = format!("veiviser check --kommune {slug}{root_arg}");
        println!(
            "{}",
            msg!(
                "new-preview-works-warnings",
                warnings = warnings,
                command = command
            )
        );
    } else {
        println!("{}", msg!("new-preview-works"));
    }
    println!();
    println!("{}", msg!("new-next-steps"));
    println!("  1. {}", msg!("new-step-fill-in", slug = slug));
    let mut step = 2;
    if created.files.iter().any(|(_, note)| note.is_some()) {
        println!("  {step}. {}", msg!("new-step-services", slug = slug));
        step += 1;
    }
    println!("  {step}. {}", msg!("new-step-front-page", slug = slug));
    step += 1;
    match inherits {
        Some(base) => {
            println!(
                "  {step}. {}",
                msg!("new-step-override", base = base, slug = slug)
            );
            println!("     {}", msg!("new-step-exclude"));
            step += 1;
            let command = format!("veiviser check --kommune {slug} --origins{root_arg}");
            println!(
                "  {step}. {}",
                msg!("new-step-origins", base = base, command = command)
            );
        }
        None => println!("  {step}. {}", msg!("new-step-levels", slug = slug)),
    }
    step += 1;
    println!(
        "  {step}. {}",
        msg!(
            "new-step-serve",
            command = format!("veiviser serve --kommune {slug}{root_arg}")
        )
    );
    println!(
        "     {}",
        msg!(
            "new-step-build",
            command = format!("veiviser build --kommune {slug}{root_arg}"),
            out = root.join("public").display()
        )
    );
    print_placeholders(&report);
    ExitCode::SUCCESS
}

/// The placeholders `build` refuses until they are filled in, one line each.
pub fn print_placeholders(report: &Report) {
    let lines: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == crate::check::placeholders::CODE)
        .map(|d| format!("  {}: {}", d.location(), d.message))
        .collect();
    if lines.is_empty() {
        return;
    }
    println!();
    println!("{}", msg!("new-placeholders"));
    for line in lines {
        println!("{line}");
    }
}

fn check_slug(slug: &str) -> Result<(), Diagnostic> {
    if crate::slug::is_valid(slug) {
        return Ok(());
    }
    let suggestion = crate::slug::slugify(slug);
    let help = if crate::slug::is_valid(&suggestion) {
        msg!("new-invalid-slug-suggestion", suggestion = &suggestion)
    } else {
        msg!("new-invalid-slug-help")
    };
    Err(Diagnostic::error("invalid-slug", msg!("new-invalid-slug", slug = slug)).with_help(help))
}

fn check_base(content: &Path, base: &str) -> Result<(), Diagnostic> {
    if crate::slug::is_valid(base) && content.join(base).join("region.yaml").is_file() {
        return Ok(());
    }
    let bases = bases(content);
    let listing = if bases.is_empty() {
        msg!("new-no-bases")
    } else {
        let list = bases.join(", ");
        match crate::diagnostics::suggest(base, bases.iter().map(String::as_str)) {
            Some(near) => msg!("resolve-unknown-base-near", near = near, bases = &list),
            None => msg!("resolve-bases", bases = &list),
        }
    };
    let message = if content.join(base).join("kommune.yaml").is_file() {
        msg!("resolve-inherits-kommune", base = base)
    } else {
        msg!("new-unknown-base", base = base)
    };
    Err(Diagnostic::error("unknown-base", message).with_help(listing))
}

/// Folders under `content/` with a region.yaml, by name.
fn bases(content: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(content)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("region.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// "nord-fron" → "Nord-Fron kommune".
pub(crate) fn display_name(slug: &str) -> String {
    let words: Vec<String> = slug
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    format!("{} kommune", words.join("-"))
}

/// The kommune.yaml `new` writes, commented for the editor in `language`.
fn kommune_yaml(new: &NewKommune, name: &str, language: &str, content: &Path) -> String {
    let short = name.strip_suffix(" kommune").unwrap_or(name);
    let mut context = tera::Context::new();
    context.insert("name", name);
    context.insert("name_q", &files::quoted(name));
    context.insert("short_q", &files::quoted(short));
    context.insert("slug", new.slug);
    context.insert(
        "number",
        new.number.unwrap_or(files::values(language).number),
    );
    context.insert("inherits", &new.inherits);
    if let Some(base) = new.inherits {
        context.insert("example", &base_example(&content.join(base)));
    }
    context.insert("language", language);
    files::render(language, "kommune.yaml", &mut context)
}

/// An inherited file to show in the commented `exclude:` example.
fn base_example(base: &Path) -> String {
    walkdir::WalkDir::new(base)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = crate::source::relative_display(e.path(), base);
            let name = crate::parse::FileName::parse(&rel);
            (!name.dir.is_empty()
                && name.lang.is_none()
                && name.id != "index"
                && matches!(name.ext.as_str(), "md" | "yaml"))
            .then_some(rel)
        })
        .min_by_key(|rel| (!rel.starts_with("opplaering/"), rel.clone()))
        .unwrap_or_else(|| "sider/om.md".into())
}

fn front_page(name: &str, language: &str) -> String {
    let mut context = tera::Context::new();
    context.insert("short", name.strip_suffix(" kommune").unwrap_or(name));
    files::render(language, "index.md", &mut context)
}

fn plain(language: &str, file: &str) -> String {
    files::render(language, file, &mut tera::Context::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_slug() {
        assert_eq!(display_name("nordvik"), "Nordvik kommune");
        assert_eq!(display_name("nord-fron"), "Nord-Fron kommune");
    }

    #[test]
    fn invalid_slugs_suggest_a_valid_one() {
        let d = check_slug("Sølvberg").unwrap_err();
        assert_eq!(d.code, "invalid-slug");
        assert!(d.help.unwrap().contains("veiviser new solvberg"));
        assert!(check_slug("nord-fron").is_ok());
    }

    /// Everything `new` can write in `language`, as one text.
    fn everything_written(language: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let new = NewKommune::new("nordvik");
        [
            kommune_yaml(&new, "Nordvik kommune", language, dir.path()),
            front_page("Nordvik kommune", language),
            plain(language, "veileder-index.md"),
            plain(language, "niva-0.md"),
            service_yaml(dir.path(), "nordvik", "helsestasjon", language),
        ]
        .concat()
    }

    #[test]
    fn every_placeholder_is_written_by_new_exactly_as_listed() {
        let written: String = files::LANGUAGES.map(everything_written).concat();
        for p in &PLACEHOLDERS {
            assert!(written.contains(p.written), "{}", p.written);
            assert!(p.written.contains(p.value), "{}", p.value);
        }
        // Each language's texts are its own.
        let nn = everything_written("nn");
        assert!(nn.contains("Skriv kva tenesta gjer"), "{nn}");
        assert!(!nn.contains("Skriv hva tjenesten"), "{nn}");
        assert!(nn.contains("# Kommunenummeret: fire siffer, i hermeteikn."));
    }

    #[test]
    fn the_kommune_yaml_parses_in_both_languages() {
        let dir = tempfile::tempdir().unwrap();
        for language in files::LANGUAGES {
            for inherits in [None, Some("felles")] {
                let new = NewKommune {
                    inherits,
                    ..NewKommune::new("nordvik")
                };
                let text = kommune_yaml(&new, "Nordvik kommune", language, dir.path());
                let config: crate::content::kommune::KommuneConfig =
                    crate::yaml::from_str(&text).unwrap();
                assert_eq!(config.number, "9999");
                assert_eq!(config.inherits.as_deref(), inherits);
                assert_eq!(config.short(), "Nordvik");
                assert_eq!(config.languages, [language]);
            }
        }
        let new = NewKommune {
            number: Some("3401"),
            ..NewKommune::new("nordvik")
        };
        let text = kommune_yaml(&new, "Nordvik kommune", "nn", dir.path());
        assert!(text.contains("number: \"3401\""), "{text}");
    }
}
