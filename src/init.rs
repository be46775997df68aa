//! `veiviser init <folder>`: a new project (veiviser.yaml and content/ with one kommune that
//! builds at once) made with nothing but the binary. The theme is built into the binary, so
//! the project gets no themes/ folder; the kommune is written by `scaffold::create`, the
//! same as `veiviser new`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::build::Report;
use crate::diagnostics::Diagnostic;

/// The first kommune's folder name when the project folder's name is not a valid one.
const FALLBACK_SLUG: &str = "min-kommune";

/// What `create` made.
#[derive(Debug)]
pub struct Initialised {
    pub root: PathBuf,
    pub slug: String,
}

/// The kommune `init <folder>` creates: `kommune` if given, else the folder's own name when
/// it is a valid slug (`veiviser init nordvik` gives content/nordvik/), else `min-kommune`.
pub fn slug_for(folder: &Path, kommune: Option<&str>) -> String {
    if let Some(slug) = kommune {
        return slug.to_string();
    }
    folder
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .filter(|n| crate::slug::is_valid(n))
        .unwrap_or_else(|| FALLBACK_SLUG.to_string())
}

/// Create the project in `folder`, which must not exist or be empty. Writes nothing when it
/// refuses, and removes what it wrote when it fails halfway.
pub fn create(
    folder: &Path,
    kommune: Option<&str>,
    language: &str,
) -> Result<Initialised, Diagnostic> {
    let slug = slug_for(folder, kommune);
    if !crate::scaffold::LANGUAGES.contains(&language) {
        return Err(Diagnostic::error(
            "unknown-language",
            crate::msg!("init-unknown-language", language = language),
        )
        .with_help(crate::msg!("init-unknown-language-help")));
    }
    if !crate::slug::is_valid(&slug) {
        return Err(Diagnostic::error(
            "invalid-slug",
            crate::msg!("init-invalid-slug", slug = &slug),
        )
        .with_help(crate::msg!("init-invalid-slug-help")));
    }
    let existed = folder.exists();
    if existed {
        let empty = std::fs::read_dir(folder)
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(Diagnostic::error(
                "folder-not-empty",
                crate::msg!("init-folder-not-empty", folder = folder.display()),
            )
            .with_help(crate::msg!("init-folder-not-empty-help")));
        }
    }
    let written = write_project(folder, &slug, language);
    if let Err(d) = written {
        if existed {
            let _ = std::fs::remove_file(folder.join("veiviser.yaml"));
            let _ = std::fs::remove_file(folder.join(".gitignore"));
            let _ = std::fs::remove_dir_all(folder.join("content"));
        } else {
            let _ = std::fs::remove_dir_all(folder);
        }
        return Err(d);
    }
    Ok(Initialised {
        root: folder.to_path_buf(),
        slug,
    })
}

fn write_project(folder: &Path, slug: &str, language: &str) -> Result<(), Diagnostic> {
    let io = |path: &Path, e: std::io::Error| crate::write::cannot_write(path, &e);
    std::fs::create_dir_all(folder).map_err(|e| io(folder, e))?;
    let config = folder.join("veiviser.yaml");
    std::fs::write(&config, site_yaml(slug, language)).map_err(|e| io(&config, e))?;
    // The build output and the cache of earlier builds: keep them out of version control.
    let ignore = folder.join(".gitignore");
    std::fs::write(&ignore, "public/\n.veiviser-cache/\n").map_err(|e| io(&ignore, e))?;
    crate::scaffold::create(folder, &crate::scaffold::NewKommune::new(slug)).map(|_| ())
}

fn site_yaml(slug: &str, language: &str) -> String {
    let name = crate::scaffold::display_name(slug);
    let mut context = tera::Context::new();
    context.insert("short", name.strip_suffix(" kommune").unwrap_or(&name));
    context.insert("slug", slug);
    crate::scaffold::render(language, "veiviser.yaml", &mut context)
}

/// The command: create, check that it builds, and say what to do next.
pub fn run(folder: &Path, kommune: Option<&str>, language: &str, color: bool) -> ExitCode {
    let made = match create(folder, kommune, language) {
        Ok(made) => made,
        Err(d) => {
            eprintln!("{}", d.render(color));
            return ExitCode::FAILURE;
        }
    };
    let mut report = Report::default();
    crate::build::check(
        &made.root,
        Some(&made.slug),
        crate::build::today(),
        &mut report,
    );
    crate::check::placeholders::allow(&mut report.diagnostics);
    if report.failed() {
        for d in report.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{}", d.render(color));
        }
        eprintln!(
            "{}",
            crate::msg!("new-does-not-build", folder = folder.display())
        );
        return ExitCode::FAILURE;
    }
    let slug = &made.slug;
    println!("{}", crate::msg!("init-created", folder = folder.display()));
    let kommune = format!("content/{slug}/");
    let width = kommune.chars().count().max("veiviser.yaml".len());
    println!(
        "  {:<width$}  {}",
        "veiviser.yaml",
        crate::msg!("init-site-settings")
    );
    println!("  {kommune:<width$}  {}", crate::msg!("init-kommune-pages"));
    println!();
    println!("{}", crate::msg!("new-next-steps"));
    println!("  cd {}", folder.display());
    println!(
        "  veiviser serve             {}",
        crate::msg!("init-step-serve")
    );
    println!(
        "  veiviser build             {}",
        crate::msg!("init-step-build")
    );
    println!("{}", crate::msg!("init-fill-in", slug = slug));
    crate::scaffold::print_placeholders(&report);
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kommune_is_named_after_the_folder_when_it_can_be() {
        assert_eq!(slug_for(Path::new("/tmp/nordvik"), None), "nordvik");
        assert_eq!(slug_for(Path::new("Nordvik"), None), "nordvik");
        assert_eq!(slug_for(Path::new("min side"), None), FALLBACK_SLUG);
        assert_eq!(slug_for(Path::new("x"), Some("sorvik")), "sorvik");
    }

    #[test]
    fn refuses_a_folder_that_is_not_empty_and_writes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("notat.txt"), "mine").unwrap();
        let err = create(tmp.path(), Some("nordvik"), "nb").unwrap_err();
        assert_eq!(err.code, "folder-not-empty");
        assert!(!tmp.path().join("veiviser.yaml").exists());
    }

    #[test]
    fn an_empty_folder_gets_settings_and_one_kommune() {
        let tmp = tempfile::tempdir().unwrap();
        let made = create(tmp.path(), Some("nordvik"), "nb").unwrap();
        assert_eq!(made.slug, "nordvik");
        assert!(tmp.path().join("veiviser.yaml").is_file());
        assert!(tmp.path().join("content/nordvik/kommune.yaml").is_file());
        assert!(!tmp.path().join("themes").exists());
    }
}
