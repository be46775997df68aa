//! Messages for people: every diagnostic, hint, summary line and `--help` text, in bokmål,
//! nynorsk or English. The texts live in Fluent files (`locales/<lang>/*.ftl`, built into
//! the binary by build.rs), not in code; code names a message by its id with [`msg!`].
//!
//! The language is one setting for the whole process ([`set_language`]), chosen once by
//! the command line (see [`choose`]): messages are formatted when they are made, so a
//! diagnostic keeps plain text all the way to the terminal, the JSON output and the
//! preview's overlay.

use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

#[cfg(test)]
mod tests;

/// A language messages can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nb,
    Nn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// `nb`, `nn`, `en`, `no`, or a locale such as `nb_NO.UTF-8` or `en-GB`; `None` for
    /// anything else (`C`, `POSIX`, `de_DE`).
    pub fn parse(text: &str) -> Option<Lang> {
        let lang = text
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "nb" | "no" | "nob" => Some(Lang::Nb),
            "nn" | "nno" => Some(Lang::Nn),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

const UNSET: u8 = u8::MAX;
static LANGUAGE: AtomicU8 = AtomicU8::new(UNSET);

/// Show every message from now on in `lang`.
pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are shown in: the one set, else the environment's
/// ([`from_environment`]), else bokmål. Unit tests default to English, which their
/// assertions are written in.
pub fn language() -> Lang {
    if let Some(lang) = THREAD_LANGUAGE.get() {
        return lang;
    }
    match LANGUAGE.load(Ordering::Relaxed) {
        0 => Lang::Nb,
        1 => Lang::Nn,
        2 => Lang::En,
        _ => {
            let lang = if cfg!(test) {
                Lang::En
            } else {
                from_environment().unwrap_or(Lang::Nb)
            };
            set_language(lang);
            lang
        }
    }
}

thread_local! {
    static THREAD_LANGUAGE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Run `f` with messages of this thread in `lang` (for tests, which run in parallel and
/// must not change the language of the others).
pub fn with_language<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = THREAD_LANGUAGE.replace(Some(lang));
    let result = f();
    THREAD_LANGUAGE.set(before);
    result
}

/// `VEIVISER_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set),
/// when it names bokmål, nynorsk or English.
pub fn from_environment() -> Option<Lang> {
    explicit_from_environment().or_else(locale_from_environment)
}

fn explicit_from_environment() -> Option<Lang> {
    std::env::var("VEIVISER_LANG")
        .ok()
        .and_then(|v| Lang::parse(&v))
}

fn locale_from_environment() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::parse(&value))
}

/// Choose the language for a run of the command line, most specific first: `--lang`;
/// `VEIVISER_LANG`; the language a new kommune or project is written in (`new`/`init
/// --language`, as `written`); the kommune's own language (bokmål or nynorsk) when the run
/// is about one kommune (`--kommune`, or a project with only one); the environment's
/// locale when it names bokmål, nynorsk or English; bokmål.
pub fn choose(
    flag: Option<Lang>,
    written: Option<Lang>,
    root: &Path,
    kommune: Option<&str>,
) -> Lang {
    flag.or_else(explicit_from_environment)
        .or(written)
        .or_else(|| kommune_language(root, kommune))
        .or_else(locale_from_environment)
        .unwrap_or(Lang::Nb)
}

/// The first language of the kommune's `kommune.yaml`, if it is bokmål or nynorsk and the
/// run is about that one kommune. Read leniently: a broken file is reported by the check
/// that follows, in the language chosen without it.
fn kommune_language(root: &Path, kommune: Option<&str>) -> Option<Lang> {
    #[derive(serde::Deserialize)]
    struct Languages {
        #[serde(default)]
        languages: Vec<String>,
    }
    let content = root.join("content");
    let folder = match kommune {
        Some(slug) => content.join(slug),
        None => {
            let mut kommuner = std::fs::read_dir(&content)
                .ok()?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.join("kommune.yaml").is_file());
            let only = kommuner.next()?;
            if kommuner.next().is_some() {
                return None;
            }
            only
        }
    };
    let text = std::fs::read_to_string(folder.join("kommune.yaml")).ok()?;
    let parsed: Languages = serde_yaml_lenient(&text)?;
    match parsed.languages.first().and_then(|l| Lang::parse(l)) {
        Some(Lang::En) | None => None,
        lang => lang,
    }
}

fn serde_yaml_lenient<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    let file = std::sync::Arc::new(crate::source::SourceFile::new(
        "kommune.yaml".into(),
        text.to_string(),
    ));
    crate::yaml::parse(&file, text, 0).ok()
}

/// A value given to a message: text, or a number (which Fluent can choose a plural by).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(v.to_string())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(v.clone())
    }
}
impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(v: std::borrow::Cow<'_, str>) -> Self {
        Arg::Text(v.into_owned())
    }
}
impl From<std::path::Display<'_>> for Arg {
    fn from(v: std::path::Display<'_>) -> Self {
        Arg::Text(v.to_string())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Number(v as f64)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32, f64);

/// The text of message `id` in the current language, with `args` filled in. Use [`msg!`].
pub fn format(id: &str, args: &[(&str, Arg)]) -> String {
    format_in(language(), id, args)
}

/// The text of message `id` in `lang`. A message missing from nynorsk falls back to
/// bokmål, and one missing everywhere shows its id (a unit test keeps every id in every
/// language, so neither happens in a release).
pub fn format_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let order: &[Lang] = match lang {
        Lang::Nn => &[Lang::Nn, Lang::Nb, Lang::En],
        Lang::Nb => &[Lang::Nb, Lang::En],
        Lang::En => &[Lang::En, Lang::Nb],
    };
    for lang in order {
        let bundle = bundle_of(*lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        debug_assert!(errors.is_empty(), "message {id} ({lang:?}): {errors:?}");
        return text.into_owned();
    }
    debug_assert!(false, "no message {id} in locales/");
    id.to_string()
}

/// Whether message `id` exists (for texts looked up by a name made at run time, such as
/// the `--help` of each command).
pub fn has(id: &str) -> bool {
    bundle_of(Lang::Nb).has_message(id)
}

/// Every `locales/<lang>/<file>.ftl` built into the binary: (path, text).
pub(crate) const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The messages of `lang`, parsed when first asked for: a run needs its own language and
/// seldom a fallback, and parsing all three was a millisecond of every command.
fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    BUNDLES[lang.index()].get_or_init(|| bundle(lang))
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language id");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The texts go to a terminal, where Unicode isolation marks show as garbage.
    bundle.set_use_isolating(false);
    let prefix = format!("{}/", lang.code());
    for (path, text) in FILES.iter().filter(|(path, _)| path.starts_with(&prefix)) {
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{path}: {errors:?}"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("locales/{path}: {errors:?}"));
    }
    bundle
}

/// Format message `id` of `locales/*/*.ftl` in the current language, with named
/// arguments: `msg!("missing-file", path = file.display())`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::format(
            $id,
            &[$((stringify!($name), $crate::messages::Arg::from($value))),*],
        )
    };
}
