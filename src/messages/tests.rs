//! The Fluent files and the code that uses them are kept in step: every language has every
//! message with the same variables, and every `msg!` in the code names a message that
//! exists with exactly the arguments it uses.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// message id → the variables its text uses (in every variant and attribute).
fn messages_of(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let prefix = format!("{}/", lang.code());
    let mut messages = BTreeMap::new();
    for (path, text) in FILES.iter().filter(|(p, _)| p.starts_with(&prefix)) {
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errors)| panic!("locales/{path}: {errors:?}"));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_vars(value, &mut vars);
                }
                for attribute in &message.attributes {
                    pattern_vars(&attribute.value, &mut vars);
                }
                let id = message.id.name.to_string();
                assert!(
                    messages.insert(id.clone(), vars).is_none(),
                    "locales/{path}: {id} is defined twice in {}",
                    lang.code()
                );
            }
        }
    }
    messages
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let nb = messages_of(Lang::Nb);
    assert!(!nb.is_empty());
    for lang in [Lang::Nn, Lang::En] {
        let other = messages_of(lang);
        let missing: Vec<_> = nb.keys().filter(|id| !other.contains_key(*id)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        let extra: Vec<_> = other.keys().filter(|id| !nb.contains_key(*id)).collect();
        assert!(
            extra.is_empty(),
            "{} has {extra:?}, which nb lacks",
            lang.code()
        );
        for (id, vars) in &nb {
            assert_eq!(
                vars,
                &other[id],
                "{id}: {} uses other variables than nb",
                lang.code()
            );
        }
    }
}

/// Every `msg!("id", name = …)` in src/: (file, id, argument names).
fn uses_in_code() -> Vec<(String, String, BTreeSet<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut uses = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let file = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .display()
            .to_string();
        if file == "messages/tests.rs" {
            continue; // its own search pattern
        }
        let mut from = 0;
        while let Some(at) = text[from..].find("msg!(") {
            let at = from + at;
            from = at + 5;
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            if text[line_start..at].trim_start().starts_with("//") {
                continue;
            }
            let Some((id, args)) = parse_invocation(&text[from..]) else {
                continue;
            };
            uses.push((file.clone(), id, args));
        }
    }
    uses
}

/// The id and argument names of a `msg!(` invocation whose text follows: `"id", a = …)`.
fn parse_invocation(text: &str) -> Option<(String, BTreeSet<String>)> {
    let text = text.trim_start();
    let text = text.strip_prefix('"')?;
    let end = text.find('"')?;
    let id = text[..end].to_string();
    let mut args = BTreeSet::new();
    // Split the rest at top-level commas up to the closing parenthesis.
    let (mut depth, mut in_string, mut escaped) = (0i32, false, false);
    let mut part = String::new();
    let mut parts = Vec::new();
    for c in text[end + 1..].chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            part.push(c);
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                parts.push(std::mem::take(&mut part));
                break;
            }
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut part));
                continue;
            }
            _ => {}
        }
        part.push(c);
    }
    for part in parts {
        if let Some((name, _)) = part.split_once('=') {
            let name = name.trim();
            if !name.is_empty() {
                args.insert(name.to_string());
            }
        }
    }
    Some((id, args))
}

#[test]
fn every_message_the_code_uses_exists_with_the_arguments_it_is_given() {
    let nb = messages_of(Lang::Nb);
    let uses = uses_in_code();
    let mut problems = Vec::new();
    for (file, id, args) in &uses {
        match nb.get(id) {
            None => problems.push(format!("src/{file}: no message {id} in locales/nb")),
            Some(vars) if vars != args => problems.push(format!(
                "src/{file}: {id} is given {args:?} but its text uses {vars:?}"
            )),
            Some(_) => {}
        }
    }
    // Texts looked up by a name made at run time (the `--help` of each command and
    // option) start with `help-`; every other message must be used somewhere.
    let used: BTreeSet<&str> = uses.iter().map(|(_, id, _)| id.as_str()).collect();
    for id in nb.keys() {
        if !id.starts_with("help-") && !used.contains(id.as_str()) {
            problems.push(format!("locales/nb: {id} is used nowhere in src/"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_message_is_shown_in_the_language_asked_for_with_its_arguments() {
    let nb = format_in(
        Lang::Nb,
        "summary-checked",
        &[
            ("kommuner", Arg::from(1usize)),
            ("errors", Arg::from(0usize)),
            ("warnings", Arg::from(2usize)),
        ],
    );
    assert!(nb.contains("Sjekket 1 kommune"), "{nb}");
    assert!(nb.contains("2 advarsler"), "{nb}");
    let nn = format_in(
        Lang::Nn,
        "summary-checked",
        &[
            ("kommuner", Arg::from(1usize)),
            ("errors", Arg::from(0usize)),
            ("warnings", Arg::from(2usize)),
        ],
    );
    assert!(nn.contains("Sjekka 1 kommune"), "{nn}");
    assert!(nn.contains("2 åtvaringar"), "{nn}");
    let en = format_in(
        Lang::En,
        "summary-checked",
        &[
            ("kommuner", Arg::from(2usize)),
            ("errors", Arg::from(1usize)),
            ("warnings", Arg::from(1usize)),
        ],
    );
    assert!(
        en.contains("Checked 2 kommuner: 1 error, 1 warning"),
        "{en}"
    );
    assert!(
        !en.contains('\u{2068}'),
        "no isolation marks in terminal text: {en:?}"
    );
}

#[test]
fn locales_are_read_from_the_environment_forms() {
    assert_eq!(Lang::parse("nb_NO.UTF-8"), Some(Lang::Nb));
    assert_eq!(Lang::parse("no"), Some(Lang::Nb));
    assert_eq!(Lang::parse("nn-NO"), Some(Lang::Nn));
    assert_eq!(Lang::parse("en_GB.utf8"), Some(Lang::En));
    assert_eq!(Lang::parse("C.UTF-8"), None);
    assert_eq!(Lang::parse("POSIX"), None);
    assert_eq!(Lang::parse("de_DE"), None);
}

#[test]
fn the_kommunes_language_is_chosen_when_the_project_has_one_kommune() {
    let dir = tempfile::tempdir().unwrap();
    let kommune = dir.path().join("content/nordvik");
    std::fs::create_dir_all(&kommune).unwrap();
    std::fs::write(
        kommune.join("kommune.yaml"),
        "name: Nordvik\nlanguages: [nn, en]\n",
    )
    .unwrap();
    assert_eq!(kommune_language(dir.path(), None), Some(Lang::Nn));
    assert_eq!(choose(Some(Lang::En), None, dir.path(), None), Lang::En);
    let other = dir.path().join("content/sorvik");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("kommune.yaml"), "languages: [nb]\n").unwrap();
    assert_eq!(kommune_language(dir.path(), None), None, "two kommuner");
    assert_eq!(kommune_language(dir.path(), Some("sorvik")), Some(Lang::Nb));
    assert_eq!(
        kommune_language(dir.path(), Some("nordvik")),
        Some(Lang::Nn)
    );
}
