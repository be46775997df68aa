//! `--help` and the command-line parser's errors in the run's language. clap's own texts are
//! English only, so every visible text is replaced from locales/*/cli.ftl: a command's
//! `help-<command>`, an option's `help-<command>-<option>` or (for the options every
//! command has) `help-arg-<option>`, value names `help-value-<option>`, and the headings.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use crate::messages::{format, has};
use crate::msg;

/// `command` and its subcommands with their texts in the current language.
pub fn localize(command: Command) -> Command {
    localize_one(command, None).mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        localize_one(sub, Some(&name))
    })
}

fn text(id: &str) -> Option<String> {
    has(id).then(|| format(id, &[]))
}

fn localize_one(mut command: Command, name: Option<&str>) -> Command {
    let key = match name {
        Some(name) => format!("help-{name}"),
        None => "help-veiviser".to_string(),
    };
    if let Some(about) = text(&key) {
        command = command.about(about);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    let mut positionals = Vec::new();
    for id in ids {
        let help = text(&format!("{key}-{id}")).or_else(|| text(&format!("help-arg-{id}")));
        let value_name = text(&format!("help-value-{id}"));
        command = command.mut_arg(&id, |arg: Arg| {
            let heading = if arg.is_positional() {
                msg!("help-heading-arguments")
            } else {
                msg!("help-heading-options")
            };
            // clap's "[default: …]" and "[possible values: …]" are English; the default
            // is said in the help text instead, and the values are in every help text.
            let default = arg
                .get_default_values()
                .first()
                .map(|v| v.to_string_lossy().into_owned());
            let takes_values = arg.get_action().takes_values();
            let mut arg = arg.help_heading(heading);
            if takes_values {
                arg = arg.hide_default_value(true).hide_possible_values(true);
            }
            let help = help.or_else(|| arg.get_help().map(|h| h.to_string()));
            if let Some(help) = help {
                arg = arg.help(match default {
                    Some(value) if takes_values => {
                        format!("{help} {}", msg!("help-default", value = value))
                    }
                    _ => help,
                });
            }
            if let Some(value_name) = &value_name {
                arg = arg.value_name(value_name.clone());
            }
            arg
        });
        if let Some(arg) = command.get_arguments().find(|a| a.get_id() == id.as_str()) {
            if arg.is_positional() {
                let value = arg
                    .get_value_names()
                    .and_then(|names| names.first())
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| id.to_uppercase());
                positionals.push(if arg.is_required_set() {
                    format!("<{value}>")
                } else {
                    format!("[{value}]")
                });
            }
        }
    }
    let usage = match name {
        Some(name) => {
            let mut usage = format!("veiviser {name} {}", msg!("help-usage-options"));
            for positional in &positionals {
                usage.push(' ');
                usage.push_str(positional);
            }
            usage
        }
        None => format!(
            "veiviser {} {}",
            msg!("help-usage-options"),
            msg!("help-usage-command")
        ),
    };
    command
        .override_usage(usage)
        .subcommand_help_heading(msg!("help-heading-commands"))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            msg!("help-heading-usage")
        ))
}

/// Print a parser error (or the help or version asked for) in the current language and
/// end the process the way clap does: 0 for help and version, 2 for a mistake.
pub fn exit_with(err: clap::Error) -> ! {
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => err.exit(),
        _ => match translate(&err) {
            Some(text) => {
                eprintln!("{text}");
                eprintln!("{}", msg!("cli-error-see-help"));
                std::process::exit(2)
            }
            None => err.exit(),
        },
    }
}

fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The error in the current language, or `None` for the rare kinds left to clap.
fn translate(err: &clap::Error) -> Option<String> {
    let arg = || context(err, ContextKind::InvalidArg).unwrap_or_default();
    let suggestion = context(err, ContextKind::SuggestedArg)
        .or_else(|| context(err, ContextKind::SuggestedSubcommand))
        .map(|s| msg!("cli-error-did-you-mean", suggestion = s));
    let text = match err.kind() {
        ErrorKind::UnknownArgument => msg!("cli-error-unknown-argument", arg = arg()),
        ErrorKind::InvalidSubcommand => msg!(
            "cli-error-unknown-command",
            command = context(err, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = context(err, ContextKind::InvalidValue).unwrap_or_default();
            let valid = context(err, ContextKind::ValidValue)
                .map(|v| msg!("cli-error-valid-values", values = v))
                .or_else(|| std::error::Error::source(err).map(|s| s.to_string()));
            let mut text = msg!("cli-error-invalid-value", value = value, arg = arg());
            if let Some(valid) = valid {
                text = format!("{text}\n  {valid}");
            }
            text
        }
        ErrorKind::MissingRequiredArgument => msg!("cli-error-missing-argument", arg = arg()),
        ErrorKind::ArgumentConflict => msg!(
            "cli-error-conflict",
            arg = arg(),
            other = context(err, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues => {
            msg!("cli-error-value-count", arg = arg())
        }
        ErrorKind::MissingSubcommand => msg!("cli-error-missing-command"),
        _ => return None,
    };
    Some(match suggestion {
        Some(suggestion) => format!("{text}\n  {suggestion}"),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::messages::{with_language, Lang};

    /// clap checks a command's consistency only when it is built; build it in every
    /// language, with every command and option given a text of that language.
    #[test]
    fn help_is_complete_and_consistent_in_every_language() {
        for lang in Lang::ALL {
            with_language(lang, || check_help(lang));
        }
    }

    fn check_help(lang: Lang) {
        {
            let mut command = localize(super::super::Cli::command());
            command.build();
            command.clone().debug_assert();
            let help = command.render_long_help().to_string();
            let usage = format("help-heading-usage", &[]);
            assert!(help.contains(&usage), "{lang:?}: {help}");
            for sub in command.get_subcommands() {
                let name = sub.get_name();
                assert!(has(&format!("help-{name}")), "no help-{name}");
                for arg in sub.get_arguments() {
                    let id = arg.get_id().as_str();
                    assert!(
                        has(&format!("help-{name}-{id}")) || has(&format!("help-arg-{id}")),
                        "{name} --{id} has no text in locales/*/cli.ftl"
                    );
                }
            }
        }
    }
}
