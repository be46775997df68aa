//! Command-line interface: `build`, `check`, `serve`, `new`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::build::{self, BuildOptions, Report};
use crate::diagnostics::JsonDiagnostic;

#[derive(Parser)]
#[command(
    name = "veiviser",
    version,
    about = "Builds a kommune's BTI guide into an accessible website"
)]
pub struct Cli {
    /// Project folder (holds veiviser.yaml, content/ and themes/).
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
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
        /// Output folder (replaced only when the build succeeds).
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Override base_url from veiviser.yaml.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Run every check without writing anything.
    Check {
        #[arg(long)]
        kommune: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let today = build::today();
    match cli.command {
        Command::Build {
            kommune,
            out,
            base_url,
        } => {
            let out = if out.is_absolute() {
                out
            } else {
                cli.root.join(out)
            };
            let report = build::build(&BuildOptions {
                root: cli.root.clone(),
                kommune,
                out: out.clone(),
                base_url,
                today,
            });
            print_human(&report, color);
            if report.failed() {
                eprintln!(
                    "Build failed: nothing was written; {} is unchanged.",
                    out.display()
                );
                ExitCode::FAILURE
            } else {
                eprintln!(
                    "Built {} pages for {} kommune{} in {:.2} s ({} warning{}) → {}",
                    report.pages,
                    report.kommuner,
                    if report.kommuner == 1 { "" } else { "r" },
                    report.elapsed.as_secs_f64(),
                    report.warnings(),
                    if report.warnings() == 1 { "" } else { "s" },
                    out.display()
                );
                ExitCode::SUCCESS
            }
        }
        Command::Check { kommune, format } => {
            let mut report = Report::default();
            build::check(&cli.root, kommune.as_deref(), today, &mut report);
            match format {
                Format::Json => {
                    let list: Vec<JsonDiagnostic> = report
                        .diagnostics
                        .iter()
                        .map(JsonDiagnostic::from)
                        .collect();
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&list).unwrap_or_default()
                    );
                }
                Format::Human => {
                    print_human(&report, color);
                    let errors = report.diagnostics.len() - report.warnings();
                    eprintln!(
                        "Checked {} kommune(r): {errors} error(s), {} warning(s).",
                        report.kommuner,
                        report.warnings()
                    );
                }
            }
            if report.failed() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

fn print_human(report: &Report, color: bool) {
    for d in &report.diagnostics {
        eprintln!("{}", d.render(color));
    }
}
