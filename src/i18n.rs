//! Languages and UI strings. Strings live in `themes/<theme>/i18n/<lang>.yaml`; a missing
//! string falls back to English (with a warning), and English to bokmål.

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::source::SourceFile;

#[derive(Debug, Clone, Copy)]
pub struct Language {
    pub code: &'static str,
    /// The language's own name, for the language switcher.
    pub name: &'static str,
    pub rtl: bool,
}

pub const LANGUAGES: &[Language] = &[
    Language {
        code: "nb",
        name: "Norsk bokmål",
        rtl: false,
    },
    Language {
        code: "nn",
        name: "Norsk nynorsk",
        rtl: false,
    },
    Language {
        code: "en",
        name: "English",
        rtl: false,
    },
    Language {
        code: "ar",
        name: "العربية",
        rtl: true,
    },
    Language {
        code: "ti",
        name: "ትግርኛ",
        rtl: false,
    },
    Language {
        code: "uk",
        name: "Українська",
        rtl: false,
    },
    Language {
        code: "se",
        name: "Davvisámegiella",
        rtl: false,
    },
    Language {
        code: "so",
        name: "Soomaali",
        rtl: false,
    },
    Language {
        code: "pl",
        name: "Polski",
        rtl: false,
    },
];

pub fn language(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

pub fn dir(code: &str) -> &'static str {
    if language(code).is_some_and(|l| l.rtl) {
        "rtl"
    } else {
        "ltr"
    }
}

/// UI strings for every language a build needs, with fallbacks applied.
#[derive(Debug, Default)]
pub struct Strings {
    by_lang: BTreeMap<String, BTreeMap<String, String>>,
    /// Per language, the texts as HTML for element content (`tt` in templates): escaped,
    /// and wrapped in `<span lang dir>` where the text is in another language than the
    /// page's (a key that fell back to English or bokmål).
    marked: BTreeMap<String, BTreeMap<String, String>>,
    /// The same, with every text wrapped in its language: for labels inside a fallback
    /// container (`lang="nb"` content on an Arabic page), where the page language must be
    /// restated.
    marked_all: BTreeMap<String, BTreeMap<String, String>>,
}

/// `text` escaped for HTML, in a span carrying `lang` and its direction.
fn lang_span(lang: &str, text: &str) -> String {
    format!(
        "<span lang=\"{lang}\" dir=\"{}\">{}</span>",
        dir(lang),
        crate::render::theme::escape_html(text)
    )
}

/// A theme's texts in one language (`i18n/<code>.yaml`); `None` when it has none.
type Texts = Result<Option<BTreeMap<String, String>>, Diagnostic>;

fn read_texts(theme: &crate::theme_files::ThemeFiles, code: &str) -> Texts {
    let rel = format!("i18n/{code}.yaml");
    let Some(file) = theme.get(&rel) else {
        return Ok(None);
    };
    let file = SourceFile::from_bytes(theme.display(&rel), file.bytes.to_vec())?;
    crate::yaml::parse_file(&file).map(Some)
}

/// A theme's bokmål and English texts, read once: every language falls back to them, so a
/// build reads them while it compiles the theme, before it knows its languages.
#[derive(Default)]
pub struct FallbackTexts(Option<(Texts, Texts)>);

impl FallbackTexts {
    pub fn read(theme: &crate::theme_files::ThemeFiles) -> FallbackTexts {
        FallbackTexts(Some((read_texts(theme, "nb"), read_texts(theme, "en"))))
    }
}

impl Strings {
    /// Load strings for `langs` from a theme's `i18n/` files.
    pub fn load(
        theme: &crate::theme_files::ThemeFiles,
        langs: &[String],
    ) -> Result<(Strings, Vec<Diagnostic>), Diagnostic> {
        Strings::load_with(theme, &FallbackTexts::default(), langs)
    }

    /// [`Strings::load`], with the bokmål and English texts in `fallbacks` when read
    /// beforehand.
    pub fn load_with(
        theme: &crate::theme_files::ThemeFiles,
        fallbacks: &FallbackTexts,
        langs: &[String],
    ) -> Result<(Strings, Vec<Diagnostic>), Diagnostic> {
        let read = |code: &str| match (code, &fallbacks.0) {
            ("nb", Some((nb, _))) => nb.clone(),
            ("en", Some((_, en))) => en.clone(),
            _ => read_texts(theme, code),
        };
        let nb = read("nb")?.ok_or_else(|| {
            Diagnostic::error(
                "missing-strings",
                msg!("theme-missing-file", file = theme.display("i18n/nb.yaml")),
            )
        })?;
        let en = read("en")?.unwrap_or_default();
        let mut warnings = Vec::new();
        let mut by_lang = BTreeMap::new();
        let mut marked = BTreeMap::new();
        let mut marked_all = BTreeMap::new();
        for code in langs {
            if by_lang.contains_key(code) {
                continue;
            }
            let own = read(code)?.unwrap_or_default();
            let missing: Vec<&String> = nb.keys().filter(|k| !own.contains_key(*k)).collect();
            if !missing.is_empty() {
                warnings.push(
                    Diagnostic::warning(
                        "missing-ui-strings",
                        msg!(
                            "theme-missing-ui-strings",
                            missing = missing.len(),
                            total = nb.len(),
                            code = code
                        ),
                    )
                    .with_help(msg!(
                        "theme-missing-ui-strings-help",
                        code = code,
                        first = missing
                            .iter()
                            .take(5)
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
            }
            let text_lang = |key: &str| -> &str {
                if own.contains_key(key) || code == "nb" {
                    code
                } else if en.contains_key(key) {
                    "en"
                } else {
                    "nb"
                }
            };
            let mut merged = nb.clone();
            merged.extend(en.clone());
            merged.extend(own.clone());
            let mut inline = BTreeMap::new();
            let mut all = BTreeMap::new();
            for (key, text) in &merged {
                let text_lang = text_lang(key);
                let span = lang_span(text_lang, text);
                let plain = if text_lang == code {
                    crate::render::theme::escape_html(text)
                } else {
                    span.clone()
                };
                inline.insert(key.clone(), plain);
                all.insert(key.clone(), span);
            }
            marked.insert(code.clone(), inline);
            marked_all.insert(code.clone(), all);
            by_lang.insert(code.clone(), merged);
        }
        Ok((
            Strings {
                by_lang,
                marked,
                marked_all,
            },
            warnings,
        ))
    }

    pub fn for_lang(&self, lang: &str) -> &BTreeMap<String, String> {
        static EMPTY: BTreeMap<String, String> = BTreeMap::new();
        self.by_lang.get(lang).unwrap_or(&EMPTY)
    }

    /// The texts of `lang` as HTML for element content (`tt`), each marked with its own
    /// language where that is not the surrounding one: `in_foreign` says the labels sit in
    /// a container of another language (a page's content shown in a fallback language).
    pub fn marked(&self, lang: &str, in_foreign: bool) -> &BTreeMap<String, String> {
        static EMPTY: BTreeMap<String, String> = BTreeMap::new();
        let map = if in_foreign {
            &self.marked_all
        } else {
            &self.marked
        };
        map.get(lang).unwrap_or(&EMPTY)
    }

    pub fn get<'a>(&'a self, lang: &str, key: &'a str) -> &'a str {
        self.for_lang(lang)
            .get(key)
            .map(String::as_str)
            .unwrap_or(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of a built-in `i18n/<code>.yaml`, in file order.
    fn builtin_keys(code: &str) -> Option<Vec<String>> {
        let bytes = crate::theme_files::builtin_file(&format!("i18n/{code}.yaml"))?;
        let file = SourceFile::from_bytes(format!("i18n/{code}.yaml"), bytes.to_vec()).unwrap();
        let map: BTreeMap<String, String> = crate::yaml::parse_file(&file).unwrap();
        let text = std::str::from_utf8(bytes).unwrap();
        let order: Vec<String> = text
            .lines()
            .filter_map(|l| l.split_once(':').map(|(k, _)| k))
            .filter(|k| !k.starts_with('#') && map.contains_key(*k))
            .map(str::to_string)
            .collect();
        assert_eq!(order.len(), map.len(), "{code}.yaml: one key per line");
        Some(order)
    }

    #[test]
    fn every_supported_language_has_every_interface_text_in_the_reference_order() {
        let reference = builtin_keys("nb").unwrap();
        for lang in LANGUAGES {
            let keys = builtin_keys(lang.code)
                .unwrap_or_else(|| panic!("the standard theme has no i18n/{}.yaml", lang.code));
            let missing: Vec<&String> = reference.iter().filter(|k| !keys.contains(k)).collect();
            assert!(missing.is_empty(), "{}.yaml lacks {missing:?}", lang.code);
            let extra: Vec<&String> = keys.iter().filter(|k| !reference.contains(k)).collect();
            assert!(
                extra.is_empty(),
                "{}.yaml has keys nb.yaml lacks: {extra:?}",
                lang.code
            );
            assert_eq!(
                keys, reference,
                "{}.yaml is in nb.yaml's key order",
                lang.code
            );
        }
    }

    #[test]
    fn no_interface_text_is_left_empty() {
        for lang in LANGUAGES {
            let bytes =
                crate::theme_files::builtin_file(&format!("i18n/{}.yaml", lang.code)).unwrap();
            let file = SourceFile::from_bytes("x".into(), bytes.to_vec()).unwrap();
            let map: BTreeMap<String, String> = crate::yaml::parse_file(&file).unwrap();
            for (k, v) in map {
                assert!(!v.trim().is_empty(), "{}: {k} is empty", lang.code);
            }
        }
    }

    #[test]
    fn arabic_is_rtl() {
        assert_eq!(dir("ar"), "rtl");
        assert_eq!(dir("nb"), "ltr");
    }
}
