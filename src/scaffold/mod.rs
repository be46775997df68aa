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
            format!("`veiviser new` writes a kommune in nb (bokmål) or nn (nynorsk), not `{language}`"),
        )
        .with_help("use --language nb or --language nn; other languages are added as translations beside each file"));
    }
    if let Some(number) = new.number {
        if !(number.len() == 4 && number.chars().all(|c| c.is_ascii_digit())) {
            return Err(Diagnostic::error(
                "invalid-number",
                format!("`{number}` is not a kommunenummer"),
            )
            .with_help("the kommunenummer has four digits, e.g. --number 3401"));
        }
    }
    let content = root.join("content");
    let dir = content.join(slug);
    if dir.symlink_metadata().is_ok() {
        return Err(Diagnostic::error(
            "kommune-exists",
            format!("content/{slug}/ already exists"),
        )
        .with_help(format!(
            "choose another name, or edit the files in content/{slug}/ (delete the folder first to start again)"
        )));
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
    std::fs::create_dir_all(&content).map_err(|e| io_error(&content, &e))?;
    std::fs::create_dir(&dir).map_err(|e| io_error(&dir, &e))?;
    let write_all = |files: &[(String, String, Option<String>)]| -> Result<(), Diagnostic> {
        for (rel, text, _) in files {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
            }
            std::fs::write(&path, text).map_err(|e| io_error(&path, &e))?;
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
                    Some(format!(
                        "placeholder: the base refers to the service `{id}`"
                    )),
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
        Some(base) => println!("Created content/{slug}/, which inherits {base}:"),
        None => println!("Created content/{slug}/:"),
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
            "content/{slug}/ was created, but it does not build yet because of the errors above."
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
    println!(
        "The preview works as it is{}.",
        if warnings > 0 {
            format!(" ({warnings} warning(s): see `veiviser check --kommune {slug}{root_arg}`)")
        } else {
            String::new()
        }
    );
    println!();
    println!("Next steps:");
    println!(
        "  1. Fill in content/{slug}/kommune.yaml: name, number, languages, branding, emergency \
         numbers, contacts, feedback and the accessibility statement. The comments explain each key."
    );
    let mut step = 2;
    if created.files.iter().any(|(_, note)| note.is_some()) {
        println!(
            "  {step}. Write the kommune's own services in content/{slug}/tjenester/ (replace the placeholders)."
        );
        step += 1;
    }
    println!("  {step}. Write the front page: content/{slug}/index.md.");
    step += 1;
    match inherits {
        Some(base) => {
            println!(
                "  {step}. To change a page from {base}, copy it to the same path under content/{slug}/ and edit it there;"
            );
            println!("     list pages you do not want under `exclude:` in kommune.yaml.");
            step += 1;
            println!(
                "  {step}. See what is local and what comes from {base}: veiviser check --kommune {slug} --origins{root_arg}"
            );
        }
        None => println!(
            "  {step}. Add the levels of the action guide in content/{slug}/veileder/ (one .md per level)."
        ),
    }
    step += 1;
    println!(
        "  {step}. Look at it while you edit: veiviser serve --kommune {slug}{root_arg}\n     \
         Build it for publishing: veiviser build --kommune {slug}{root_arg} (writes {})",
        root.join("public").display()
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
    println!(
        "`veiviser build` refuses to publish these placeholders until they are filled in \
         (`veiviser serve` shows them in a banner; `build --allow-placeholders` tries the site out):"
    );
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
        format!("use `{suggestion}`: veiviser new {suggestion}")
    } else {
        "use lowercase a–z, 0–9 and - (no æ/ø/å, capitals or spaces), e.g. `nordvik`".into()
    };
    Err(Diagnostic::error(
        "invalid-slug",
        format!("`{slug}` cannot be a kommune's folder name: it becomes the URL, so it may only hold lowercase a–z, 0–9 and -"),
    )
    .with_help(help))
}

fn check_base(content: &Path, base: &str) -> Result<(), Diagnostic> {
    if crate::slug::is_valid(base) && content.join(base).join("region.yaml").is_file() {
        return Ok(());
    }
    let bases = bases(content);
    let listing = if bases.is_empty() {
        "there are no bases in content/ yet (a base is a folder with region.yaml); create one, or leave out --inherits".to_string()
    } else {
        let list = bases.join(", ");
        match crate::diagnostics::suggest(base, bases.iter().map(String::as_str)) {
            Some(near) => format!("did you mean `{near}`? Bases in content/: {list}"),
            None => format!("bases in content/: {list}"),
        }
    };
    let message = if content.join(base).join("kommune.yaml").is_file() {
        format!("`{base}` is a kommune; only a base (a folder with region.yaml) can be inherited")
    } else {
        format!("there is no base `{base}` in content/")
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

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error("io", format!("cannot write {}: {e}", path.display()))
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
