//! Command-line interface: `build`, `check`, `serve`, `init`, `new`, `schemas`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::build::{self, BuildOptions, Report};
use crate::diagnostics::JsonDiagnostic;
use crate::messages::Lang;
use crate::msg;

mod help;

// The doc comments are the English `--help`; what is shown comes from locales/*/cli.ftl
// (see help.rs), in the language chosen for the run.
#[derive(Parser)]
#[command(
    name = "veiviser",
    version,
    about = "Builds a kommune's BTI guide into an accessible website",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Project folder (holds veiviser.yaml, content/ and themes/).
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    /// Show every warning with its snippet, instead of one line per kind of warning.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// Language of messages and help: nb (bokmål), nn (nynorsk) or en (English).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Print help.
    #[arg(long, short, global = true, action = ArgAction::Help)]
    pub help: Option<bool>,
    /// Print the version.
    #[arg(long, short = 'V', action = ArgAction::Version)]
    pub version: Option<bool>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Build the site into the output folder.
    Build {
        /// Build only this kommune, at the root of the output.
        #[arg(long)]
        kommune: Option<String>,
        /// Output folder, relative to --root (replaced only when the build succeeds).
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Override base_url from veiviser.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Skip the print PDFs (trykk/*.pdf); the Trykksaker page lists them without links.
        #[arg(long)]
        no_pdf: bool,
        /// Write every internal link relative to its page, so the site works from a
        /// folder, a file share or file:// (canonical links and the sitemap stay absolute).
        #[arg(long)]
        relative_urls: bool,
        /// Build even though placeholders from `veiviser new` are left (as warnings), to
        /// try a site out; a site to publish is built without it.
        #[arg(long)]
        allow_placeholders: bool,
        /// Make everything again, using nothing from the cache of earlier builds.
        #[arg(long)]
        clean: bool,
        /// Where builds keep what the next build can reuse (print PDFs, the manifest of
        /// what each kommune was made from). Default:
        /// `.veiviser-cache/` beside the output folder.
        #[arg(long)]
        cache_dir: Option<PathBuf>,
    },
    /// Live preview: build into memory, serve on 127.0.0.1, rebuild and reload on save.
    Serve {
        #[arg(long)]
        kommune: Option<String>,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on. Anything but loopback makes the preview visible to others.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Run every check without writing anything.
    Check {
        #[arg(long)]
        kommune: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also list, per kommune, which files are local, overridden, inherited (and from
        /// which base) or excluded.
        #[arg(long)]
        origins: bool,
    },
    /// Write the JSON Schemas of the content files (for completion and errors in editors).
    Schemas {
        /// Folder to write `<name>.schema.json` into.
        #[arg(long, default_value = "schemas")]
        out: PathBuf,
    },
    /// Create a new project (veiviser.yaml and content/ with one kommune) in an empty folder.
    Init {
        /// The new project's folder (created if it does not exist; must be empty if it does).
        folder: PathBuf,
        /// Folder name of the first kommune (default: the project folder's name, if it is
        /// a-z, 0-9 and -).
        #[arg(long)]
        kommune: Option<String>,
        /// The site's and the kommune's language: nb (bokmål, default) or nn (nynorsk).
        #[arg(long, default_value = "nb")]
        language: String,
    },
    /// Explain a diagnostic code (in Norwegian), or list every code with --all.
    Explain {
        /// The code, as shown with each message, e.g. `unknown-key`.
        code: Option<String>,
        /// Print the table of every code (Markdown; docs/redaktor/feilkoder.md).
        #[arg(long, conflicts_with = "code")]
        all: bool,
    },
    /// Create a new kommune folder in content/, with placeholders the preview shows at once.
    New {
        /// Folder name of the new kommune (a-z, 0-9 and -), e.g. `nordvik`.
        slug: String,
        /// Inherit a shared base (a folder in content/ with region.yaml), e.g. `felles`.
        #[arg(long)]
        inherits: Option<String>,
        /// Write the kommune in nb (bokmål) or nn (nynorsk): comments, front page and
        /// `languages:` (default: the site's default_language).
        #[arg(long)]
        language: Option<String>,
        /// The kommune's full name, e.g. "Nordvik kommune" (default: made from the slug).
        #[arg(long)]
        name: Option<String>,
        /// The kommunenummer, four digits, e.g. 3401 (default: a placeholder to fill in).
        #[arg(long)]
        number: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    match text {
        "nb" | "nn" | "en" => Ok(Lang::parse(text).expect("a known language")),
        _ => Err(msg!("cli-error-lang", value = text)),
    }
}

/// The language for this run, chosen before the command line is parsed so that `--help`
/// and the parser's own errors are shown in it too.
fn choose_language(args: &[std::ffi::OsString]) -> Lang {
    let value_of = |name: &str| {
        let with_equals = format!("{name}=");
        args.iter().enumerate().find_map(|(i, arg)| {
            let arg = arg.to_str()?;
            if arg == name {
                args.get(i + 1).and_then(|v| v.to_str()).map(str::to_string)
            } else {
                arg.strip_prefix(&with_equals).map(str::to_string)
            }
        })
    };
    let flag = value_of("--lang").and_then(|v| Lang::parse(&v));
    let root = value_of("--root").unwrap_or_else(|| ".".into());
    let kommune = value_of("--kommune");
    // `new --language nn` and `init --language nn` speak the language they write.
    let command = args
        .iter()
        .skip(1)
        .enumerate()
        .find(|(i, arg)| {
            let arg = arg.to_str().unwrap_or("");
            let after_option = *i > 0 && matches!(args[*i].to_str(), Some("--root" | "--lang"));
            !arg.starts_with('-') && !after_option
        })
        .and_then(|(_, arg)| arg.to_str());
    let written = match command {
        Some("new" | "init") => value_of("--language")
            .and_then(|v| Lang::parse(&v))
            .filter(|lang| *lang != Lang::En),
        _ => None,
    };
    crate::messages::choose(
        flag,
        written,
        std::path::Path::new(&root),
        kommune.as_deref(),
    )
}

/// Parse the command line with `--help` and the parser's errors in the chosen language.
fn parse_command_line() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    crate::messages::set_language(choose_language(&args));
    let parse = |command: clap::Command| {
        command
            .try_get_matches_from(&args)
            .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
    };
    // The texts show only in `--help`, `--version` and errors, so they are put in the
    // chosen language only then: it takes a millisecond, a visible part of a small build.
    match parse(Cli::command()).or_else(|_| parse(help::localize(Cli::command()))) {
        Ok(cli) => cli,
        Err(err) => help::exit_with(err),
    }
}

pub fn run() -> ExitCode {
    let cli = parse_command_line();
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let today = build::today();
    match cli.command {
        Command::Build {
            kommune,
            out,
            base_url,
            no_pdf,
            relative_urls,
            allow_placeholders,
            clean,
            cache_dir,
        } => {
            let out = if out.is_absolute() {
                out
            } else {
                cli.root.join(out)
            };
            let cache_dir = cache_dir.unwrap_or_else(|| {
                out.parent()
                    .unwrap_or(std::path::Path::new("."))
                    .join(".veiviser-cache")
            });
            let report = build::build_with(
                &BuildOptions {
                    root: cli.root.clone(),
                    kommune,
                    out: out.clone(),
                    base_url,
                    relative_urls,
                    today,
                    allow_placeholders,
                    cache_dir: Some(cache_dir),
                    clean,
                    preview: false,
                },
                &crate::progress::Progress::for_terminal(),
                !no_pdf,
            );
            print_human(&report, color, cli.verbose);
            if report.failed() {
                eprintln!("{}", msg!("summary-build-failed", out = out.display()));
                ExitCode::FAILURE
            } else {
                eprintln!(
                    "{}",
                    msg!(
                        "summary-built",
                        pages = report.pages,
                        kommuner = report.kommuner,
                        seconds = format!("{:.2}", report.elapsed.as_secs_f64()),
                        warnings = report.warnings(),
                        out = out.display()
                    )
                );
                if report.pdfs_reused > 0 {
                    eprintln!(
                        "{}",
                        msg!(
                            "summary-pdfs-cached",
                            made = report.pdfs_made,
                            reused = report.pdfs_reused
                        )
                    );
                }
                ExitCode::SUCCESS
            }
        }
        Command::Serve {
            kommune,
            port,
            bind,
            open,
        } => crate::serve::run(crate::serve::ServeOptions {
            root: cli.root.clone(),
            kommune,
            port,
            bind,
            open,
            verbose: cli.verbose,
            color,
        }),
        Command::Check {
            kommune,
            format,
            origins,
        } => {
            let mut report = Report::default();
            let checked = build::check(&cli.root, kommune.as_deref(), today, &mut report);
            let origins = origins.then(|| match &checked {
                Some((project, kommuner)) => crate::origins::reports(project, kommuner),
                None => Vec::new(),
            });
            match format {
                Format::Json => {
                    let list: Vec<JsonDiagnostic> = report
                        .diagnostics
                        .iter()
                        .map(JsonDiagnostic::from)
                        .collect();
                    let json = match origins {
                        Some(kommuner) => serde_json::to_string_pretty(
                            &serde_json::json!({ "kommuner": kommuner, "diagnostics": list }),
                        ),
                        None => serde_json::to_string_pretty(&list),
                    };
                    println!("{}", json.unwrap_or_default());
                }
                Format::Human => {
                    for kommune in origins.iter().flatten() {
                        println!("{}", crate::origins::render_human(kommune));
                    }
                    print_human(&report, color, cli.verbose);
                    let errors = report.diagnostics.len() - report.warnings();
                    eprintln!(
                        "{}",
                        msg!(
                            "summary-checked",
                            kommuner = report.kommuner,
                            errors = errors,
                            warnings = report.warnings()
                        )
                    );
                }
            }
            if report.failed() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Schemas { out } => {
            let out = if out.is_absolute() {
                out
            } else {
                cli.root.join(out)
            };
            match crate::schemas::write(&out) {
                Ok(paths) => {
                    for p in paths {
                        println!("{}", p.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!(
                        "{}",
                        msg!(
                            "schemas-cannot-write",
                            out = out.display(),
                            reason = e.to_string()
                        )
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Command::Init {
            folder,
            kommune,
            language,
        } => crate::init::run(&folder, kommune.as_deref(), &language, color),
        Command::Explain { code, all } => match (code, all) {
            (_, true) => {
                print!("{}", crate::codes::markdown());
                ExitCode::SUCCESS
            }
            (Some(code), false) => match crate::codes::explain(&code) {
                Ok(text) => {
                    print!("{text}");
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    eprintln!("{}", d.render(color));
                    ExitCode::FAILURE
                }
            },
            (None, false) => {
                eprintln!("{}", msg!("explain-needs-code"));
                ExitCode::FAILURE
            }
        },
        Command::New {
            slug,
            inherits,
            language,
            name,
            number,
        } => {
            let new = crate::scaffold::NewKommune {
                slug: &slug,
                inherits: inherits.as_deref(),
                language: language.as_deref(),
                name: name.as_deref(),
                number: number.as_deref(),
            };
            crate::scaffold::run(&cli.root, &new, color)
        }
    }
}

/// Errors in full; warnings in full with `--verbose`, else one line per kind (code) with a
/// count and an example, so a few real problems are not lost among many of one kind.
fn print_human(report: &Report, color: bool, verbose: bool) {
    for d in report.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{}", d.render(color));
    }
    print_warnings(report, color, verbose);
}

/// The warnings as `check` and `build` show them (`serve` too, after each build).
pub fn print_warnings(report: &Report, color: bool, verbose: bool) {
    let warnings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .collect();
    if verbose {
        for d in &warnings {
            eprintln!("{}", d.render(color));
        }
        return;
    }
    for line in warning_summary(&warnings) {
        eprintln!("{line}");
    }
}

/// One line per kind of warning, most frequent first: count, code and the first one.
pub fn warning_summary(warnings: &[&crate::diagnostics::Diagnostic]) -> Vec<String> {
    if warnings.is_empty() {
        return Vec::new();
    }
    let mut kinds: Vec<(&str, Vec<&crate::diagnostics::Diagnostic>)> = Vec::new();
    for d in warnings {
        match kinds.iter_mut().find(|(code, _)| *code == d.code) {
            Some((_, list)) => list.push(d),
            None => kinds.push((d.code, vec![d])),
        }
    }
    kinds.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let width = kinds.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    let mut lines = vec![msg!("summary-warnings-by-kind", count = warnings.len())];
    for (code, list) in kinds {
        let first = list[0];
        let example = match first.location() {
            l if l.is_empty() => first.message.clone(),
            l => format!("{l}: {}", first.message),
        };
        let example: String = if example.chars().count() > 110 {
            example.chars().take(109).chain(['…']).collect()
        } else {
            example
        };
        let example = if list.len() > 1 {
            msg!("summary-warnings-example", example = example)
        } else {
            example
        };
        lines.push(format!("  {:>4} × {code:<width$}  {example}", list.len()));
    }
    lines
}
