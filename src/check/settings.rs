//! What the settings mean for the output, checked with the content so that `check`,
//! `build` (with or without PDFs) and `serve` report the same warnings: interface texts
//! the theme lacks in a kommune's languages, and print products whose QR codes and
//! addresses lead where readers cannot go.

use crate::config::{BaseUrl, Unreachable};
use crate::diagnostics::Diagnostic;
use crate::load::Project;
use crate::msg;
use crate::route::Route;
use crate::site::Kommune;

/// `alone`: one kommune is checked or built by itself (`--kommune`); `base_url`: the
/// build's `--base-url`.
pub fn check(
    project: &Project,
    kommuner: &[Kommune],
    alone: bool,
    base_url: &Option<String>,
) -> Vec<Diagnostic> {
    let mut diags = ui_strings(project, kommuner);
    let site = crate::build::site_base_url(project, kommuner, alone, base_url);
    // An invalid address is the build's error (invalid-base-url), not a warning here.
    if let Ok(site) = BaseUrl::parse(&site) {
        for kommune in kommuner {
            diags.extend(print_address(
                project,
                kommune,
                &site,
                !alone,
                base_url.is_some(),
            ));
        }
    }
    diags
}

/// The theme's interface texts missing in the languages of the kommuner (the same
/// languages the build loads the theme for). The texts are kept in `project.ui_texts`.
fn ui_strings(project: &Project, kommuner: &[Kommune]) -> Vec<Diagnostic> {
    let langs = crate::build::theme_languages(project, kommuner, std::iter::empty());
    // A theme that cannot be read is the build's error; here it only has no warnings.
    let Ok((strings, warnings)) =
        crate::theme_files::ThemeFiles::load_texts(&project.root, &project.config.theme)
            .and_then(|files| crate::i18n::Strings::load(&files, &langs))
    else {
        return Vec::new();
    };
    *project.ui_texts.lock().unwrap_or_else(|e| e.into_inner()) = Some((langs, strings));
    warnings
}

/// A warning when `kommune` has print products whose QR codes and addresses lead where
/// readers cannot go (plain http, this computer, a domain reserved for examples).
fn print_address(
    project: &Project,
    kommune: &Kommune,
    site: &BaseUrl,
    regional: bool,
    base_from_command_line: bool,
) -> Option<Diagnostic> {
    if crate::render::prints::print_files(kommune).is_empty() {
        return None;
    }
    let urls = crate::build::print_urls(kommune, site, regional, base_from_command_line);
    let problem = match urls.base.unreachable_for_readers()? {
        // The demo's invented addresses are meant.
        Unreachable::ReservedForExamples if project.config.demo => return None,
        Unreachable::ReservedForExamples => msg!("print-address-reserved"),
        Unreachable::ThisComputer => msg!("print-address-this-computer"),
        Unreachable::NotHttps => msg!("print-address-not-https"),
    };
    let address = urls.absolute(kommune.default_lang(), &Route::Front);
    let file = &kommune.config_file;
    let mut d = Diagnostic::warning(
        "print-address",
        msg!(
            "print-address",
            kommune = kommune.config.name.as_str(),
            address = address,
            problem = problem
        ),
    )
    .in_file(file);
    if let Some(at) = crate::yaml::locate_in_key(file, "base_url", "http") {
        d = d.at_offset(at, 4);
    }
    Some(d.with_help(msg!("print-address-help")))
}
