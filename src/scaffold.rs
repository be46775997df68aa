//! `veiviser new <slug> [--inherits <base>]`: a new kommune folder that builds at once.
//!
//! The kommune.yaml it writes is commented in Norwegian for the editor, and every value in
//! it is a valid placeholder (invented phone numbers starting with 10, `.example`
//! addresses). Without a base it also writes a guide with one level; with a base it writes
//! a placeholder for each service the base's text refers to, since services are local.

use crate::registry::ContentKind;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::build::Report;
use crate::diagnostics::Diagnostic;
use crate::site::Kommune;

/// A value `new` writes that the kommune must replace before it publishes (see
/// `check::placeholders`).
pub struct Placeholder {
    /// The text exactly as `new` writes it (with its key where the value alone is common).
    pub written: &'static str,
    /// The part of `written` that is the placeholder.
    pub value: &'static str,
    /// Which field, for the message.
    pub what: &'static str,
    /// What to write instead.
    pub fill_in: &'static str,
}

impl Placeholder {
    /// Byte offset of the value in `written`, and the value.
    pub fn value_in_written(&self) -> (usize, &'static str) {
        (self.written.find(self.value).unwrap_or(0), self.value)
    }
}

const NUMBER: &str = "9999";
const CHILD_WELFARE_PHONE: &str = "10 00 00 40";
const AFTER_HOURS_PHONE: &str = "10 00 00 99";
const CONTACT_PHONE: &str = "10 00 00 00";
const SERVICE_DESCRIPTION: &str = "Skriv hva tjenesten gjør, og for hvem.";
const SERVICE_REFERRAL: &str = "Skriv hvordan foreldre og ansatte tar kontakt eller henviser.";
const FRONT_PAGE_TEXT: &str = "Skriv her hva en ansatt skal gjøre i de første minuttene";
const LEVEL_TEXT: &str = "Dette er et eksempel på et nivå.";

/// Every placeholder `new` writes; a unit test keeps the list and the files in step.
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        written: "number: \"9999\"",
        value: NUMBER,
        what: "`number` (the kommunenummer)",
        fill_in: "write the kommune's four-digit kommunenummer, e.g. number: \"3401\"",
    },
    Placeholder {
        written: "\"10 00 00 40\"",
        value: CHILD_WELFARE_PHONE,
        what: "`child_welfare_phone`",
        fill_in: "write the phone number of the kommune's barneverntjeneste",
    },
    Placeholder {
        written: "\"10 00 00 99\"",
        value: AFTER_HOURS_PHONE,
        what: "`child_welfare_after_hours`",
        fill_in: "write the phone number of the barnevernvakt, or remove the line",
    },
    Placeholder {
        written: "\"10 00 00 00\"",
        value: CONTACT_PHONE,
        what: "a contact's `phone`",
        fill_in: "write the real phone number, or remove the line",
    },
    Placeholder {
        written: SERVICE_DESCRIPTION,
        value: SERVICE_DESCRIPTION,
        what: "the service's `description`",
        fill_in: "describe what the service does and for whom",
    },
    Placeholder {
        written: SERVICE_REFERRAL,
        value: SERVICE_REFERRAL,
        what: "the service's `referral`",
        fill_in: "write how parents and employees contact the service or refer to it",
    },
    Placeholder {
        written: FRONT_PAGE_TEXT,
        value: FRONT_PAGE_TEXT,
        what: "the front page",
        fill_in: "write the front page's own text in index.md",
    },
    Placeholder {
        written: LEVEL_TEXT,
        value: LEVEL_TEXT,
        what: "the level's text",
        fill_in: "write the level's own text in veileder/niva-0.md",
    },
];

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
pub fn create(root: &Path, slug: &str, inherits: Option<&str>) -> Result<Created, Diagnostic> {
    let (site, _) = crate::config::SiteConfig::load(root)?;
    check_slug(slug)?;
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

    let name = display_name(slug);
    let mut files: Vec<(String, String, Option<String>)> = vec![
        (
            "kommune.yaml".into(),
            kommune_yaml(slug, &name, inherits, &site.default_language, &content),
            None,
        ),
        (ContentKind::Front.path_of("index"), front_page(&name), None),
    ];
    if inherits.is_none() {
        let intro = ContentKind::GuideIntro.path_of("index");
        files.push((intro, GUIDE_INTRO.into(), None));
        files.push((ContentKind::Level.path_of("niva-0"), level_0(), None));
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
                    service_yaml(root, slug, id),
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
pub fn run(root: &Path, slug: &str, inherits: Option<&str>, color: bool) -> ExitCode {
    let created = match create(root, slug, inherits) {
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

/// Text for a YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn kommune_yaml(
    slug: &str,
    name: &str,
    inherits: Option<&str>,
    default_lang: &str,
    content: &Path,
) -> String {
    let short = name.strip_suffix(" kommune").unwrap_or(name);
    let mut y = format!(
        r#"# Innstillinger for {name}.
#
# Laget med `veiviser new {slug}`. Verdiene er plassholdere som gjør at nettstedet kan
# bygges med en gang. Bytt dem ut med kommunens egne opplysninger før dere publiserer.
# Telefonnumre som begynner med 10, og adresser som slutter på .example, er oppdiktet.
# Hele formatet er beskrevet i docs/content-format.md.

# Kommunens fulle navn. Det står øverst på hver side og på plakatene.
name: {name_q}

# Kort navn til løpende tekst. Der en tekst har {{{{ kommune }}}}, står dette navnet.
short_name: {short_q}

# Kommunenummeret: fire sifre, i anførselstegn.
number: "{NUMBER}"
"#,
        name_q = quoted(name),
        short_q = quoted(short),
    );
    if let Some(base) = inherits {
        let example = base_example(&content.join(base));
        y.push_str(&format!(
            r#"
# Den regionale modellen kommunen bygger på (en mappe i content/ med region.yaml).
# Kommunen får alle filene derfra. En fil med samme sti i denne mappen erstatter
# modellens fil; den ser du med `veiviser check --kommune {slug} --origins`.
inherits: {base}

# Filer fra modellen som kommunen ikke skal ha med, med stien inne i modellens mappe.
# Oversettelsene av en fil forsvinner sammen med den. Fjern # foran linjene for å bruke det.
# exclude:
#   - {example}
"#
        ));
    }
    y.push_str(&format!(
        r##"
# Språkene nettstedet publiseres på. Det første er hovedspråket: en side som ikke er
# oversatt, vises på hovedspråket med en merknad om det. Koder: nb bokmål, nn nynorsk,
# en engelsk, ar arabisk, ti tigrinja, uk ukrainsk, se nordsamisk, so somali, pl polsk.
languages: [{default_lang}]

# Kommunens profil.
branding:
  # Logo: legg bildet i bilder/ og fjern # foran de to linjene under. Teksten i
  # logo_alt leses opp av skjermlesere og må være med når det er en logo.
  # logo: bilder/logo.svg
  # logo_alt: {name_q}
  # Fargen i toppfeltet og på knapper, skrevet som #rrggbb. Bygget sjekker at kontrasten
  # mot tekstfargen er minst 4,5:1, som WCAG 2.1 AA krever.
  primary_color: "#1d4f73"
  # Fargen på tekst som står på fargen over, vanligvis hvit.
  text_color: "#ffffff"

# Numrene i varselet om vold, overgrep og alvorlig omsorgssvikt. Varselet står på hver
# nivåside og på plakatene.
emergency:
  # Barneverntjenesten i kontortiden.
  child_welfare_phone: "{CHILD_WELFARE_PHONE}"
  # Barnevernvakten utenom kontortid.
  child_welfare_after_hours: "{AFTER_HOURS_PHONE}"
  # Politiet ved akutt fare.
  police_phone: "112"
  # Den nasjonale portalen for bekymringsmelding til barnevernet.
  report_url: "https://bekymringsmelding.example/"

# Nøkkelkontakter. De står nederst på hver side og på plakatene. Legg til flere med en
# ny linje som begynner med «- name:». role, phone og email kan utelates.
contacts:
  - name: "Oppvekstkontoret"
    role: "Koordinator for BTI"
    phone: "{CONTACT_PHONE}"
    email: "bti@{slug}.kommune.example"

# Hvor leserne melder fra om feil eller gir tilbakemelding: en e-postadresse (email)
# eller en nettside (url).
feedback:
  email: "tilbakemelding@{slug}.kommune.example"

# Lenke til kommunens tilgjengelighetserklæring for nettstedet (den publiseres på
# uustatus.no). Lenken står nederst på hver side, og loven krever den.
accessibility_statement: "https://uustatus.example/erklaringer/{slug}"

# Hvor mange måneder det kan gå fra «reviewed:» på en side til bygget minner om at
# siden bør gås gjennom igjen.
review_interval_months: 12
"##,
        name_q = quoted(name),
    ));
    y
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

fn front_page(name: &str) -> String {
    let short = name.strip_suffix(" kommune").unwrap_or(name);
    format!(
        r#"---
title: "Er du bekymret for et barn eller en ungdom?"
intro: {intro}
---
## Velkommen

Dette er forsiden til handlingsveilederen for {{{{ kommune }}}}. {FRONT_PAGE_TEXT}
når hen er bekymret for et barn, og hvem hen kan snakke med. Varselet om akutt fare og
oversikten over nivåene kommer automatisk.
"#,
        intro = quoted(&format!(
            "Du trenger ikke være sikker for å gjøre noe. Her får du hjelp til veien videre i {short}."
        )),
    )
}

const GUIDE_INTRO: &str = r#"---
title: "Handlingsveileder – fra uro til handling"
intro: "Hva gjør du når du er bekymret for et barn eller en ungdom? Veilederen viser veien fra den første uroen til riktig hjelp."
---
## Slik bruker du veilederen

Veilederen er delt i nivåer. Hvert nivå sier hva du gjør, hvem som gjør det, og hvilke
skjemaer og verktøy du bruker.

Legg til ett dokument per nivå i mappen veileder/, for eksempel niva-1.md og niva-2.md,
med `level:` i toppteksten.
"#;

const LEVEL_0: &str = r#"---
title: "Nivå 0: Er det grunn til bekymring?"
level: 0
short_title: "Er det grunn til bekymring?"
summary: "Du kjenner uro for et barn eller en ungdom, og finner ut om uroen er begrunnet."
purpose: "Å forstå hva uroen handler om, sammen med barnet og foreldrene, før dere bestemmer hva som skal skje videre."
lead: "Du som kjenner uroen, med støtte fra nærmeste leder."
deadline: "Bestem videre vei innen 14 dager."
decision: "Er uroen borte, avslutter dere. Er uroen bekreftet, setter tjenesten din i gang tiltak."
steps:
  - title: "Skriv ned det du ser og hører"
    how: "Noter konkret hva du ser og hører, når det skjer og i hvilken situasjon. Skriv det barnet sier og gjør, ikke hva du tror det betyr."
    who: "Du som kjenner uroen."
  - title: "Snakk med nærmeste leder"
    how: "Fortell leder om uroen så tidlig som mulig, og avtal hvem som gjør hva de neste dagene."
    who: "Du og nærmeste leder."
---
"#;

fn level_0() -> String {
    format!("{LEVEL_0}{LEVEL_TEXT} Skriv om teksten, og legg til de andre nivåene.\n")
}

/// Service ids the resolved kommune refers to but does not have.
fn missing_services(root: &Path, slug: &str) -> BTreeSet<String> {
    let mut report = Report::default();
    let Some((_, kommuner)) =
        crate::build::check(root, Some(slug), crate::build::today(), &mut report)
    else {
        return BTreeSet::new();
    };
    let Some(kommune) = kommuner.first() else {
        return BTreeSet::new();
    };
    referenced_services(kommune)
        .into_iter()
        .filter(|id| !kommune.services.contains_key(id) && crate::slug::is_valid(id))
        .collect()
}

/// Every service id named in a level's `services:` or in a service shortcode.
pub fn referenced_services(kommune: &Kommune) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut texts: Vec<&str> = Vec::new();
    macro_rules! texts {
        ($variants:expr) => {
            for v in $variants {
                for d in &v.docs {
                    texts.push(&d.file.text);
                }
            }
        };
    }
    texts!(kommune.front.iter());
    texts!(kommune.guide_intro.iter());
    texts!(kommune.levels.iter());
    texts!(kommune.forms.values());
    texts!(kommune.services.values());
    texts!(kommune.modules.values());
    texts!(kommune.pages.values());
    texts!(kommune.arenas.values());
    texts!(kommune.prints.values());
    texts!(kommune.glossary.iter());
    texts!(kommune.events.iter());
    for text in texts {
        for sc in crate::shortcodes::scan(text) {
            if matches!(sc.name.as_str(), "service" | "service_link") {
                ids.extend(sc.arg);
            }
        }
    }
    for level in &kommune.levels {
        for d in &level.docs {
            ids.extend(d.data.services.iter().cloned());
            for step in &d.data.steps {
                ids.extend(step.services.iter().cloned());
            }
        }
    }
    ids
}

/// A placeholder service. Name and category come from another kommune's service with the
/// same id when there is one (the base's text expects that service), else from the id.
fn service_yaml(root: &Path, slug: &str, id: &str) -> String {
    let (name, category) = sibling_service(root, slug, id).unwrap_or_else(|| {
        let mut c = id.chars();
        let name = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
            .replace('-', " ");
        (name, "Annet".to_string())
    });
    format!(
        r#"# Plassholder laget av `veiviser new`: den regionale modellen viser til tjenesten
# `{id}`, så kommunen må ha den. Fyll inn kommunens egne opplysninger.
# Formatet står i docs/content-format.md.
name: {name}
description: "{SERVICE_DESCRIPTION}"
category: {category}
ages: {{ from: 0, to: 24 }}
contact:
  phone: "{CONTACT_PHONE}"
  email: "{id}@{slug}.kommune.example"
referral: "{SERVICE_REFERRAL}"
"#,
        name = quoted(&name),
        category = quoted(&category),
    )
}

fn sibling_service(root: &Path, slug: &str, id: &str) -> Option<(String, String)> {
    #[derive(serde::Deserialize)]
    struct NameOnly {
        name: String,
        category: String,
    }
    let content = root.join("content");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&content)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != slug))
        .collect();
    dirs.sort();
    // The most common name wins, so one kommune in nynorsk does not name it for all.
    let mut found: Vec<((String, String), usize)> = Vec::new();
    for dir in dirs {
        let path = dir.join(ContentKind::Service.path_of(id));
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(service) = serde_yaml::from_str::<NameOnly>(&text) else {
            continue;
        };
        let key = (service.name, service.category);
        match found.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => found.push((key, 1)),
        }
    }
    let best = found.iter().map(|(_, n)| *n).max()?;
    found.into_iter().find(|(_, n)| *n == best).map(|(k, _)| k)
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

    #[test]
    fn every_placeholder_is_written_by_new_exactly_as_listed() {
        let dir = tempfile::tempdir().unwrap();
        let written = [
            kommune_yaml("nordvik", "Nordvik kommune", None, "nb", dir.path()),
            front_page("Nordvik kommune"),
            level_0(),
            service_yaml(dir.path(), "nordvik", "helsestasjon"),
        ]
        .concat();
        for p in PLACEHOLDERS {
            assert!(written.contains(p.written), "{}", p.written);
            assert!(p.written.contains(p.value), "{}", p.value);
        }
    }

    #[test]
    fn the_kommune_yaml_parses() {
        let dir = tempfile::tempdir().unwrap();
        for inherits in [None, Some("felles")] {
            let text = kommune_yaml("nordvik", "Nordvik kommune", inherits, "nb", dir.path());
            let config: crate::content::kommune::KommuneConfig =
                serde_yaml::from_str(&text).unwrap();
            assert_eq!(config.number, "9999");
            assert_eq!(config.inherits.as_deref(), inherits);
            assert_eq!(config.short(), "Nordvik");
        }
    }
}
