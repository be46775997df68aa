//! `veiviser.yaml`: site-wide settings.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::source::SourceFile;

/// `veiviser.yaml`: site-wide settings.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title (the regional landing page).
    pub title: String,
    /// Where the site is published, e.g. https://www.example.no/bti/ (sub-paths work).
    pub base_url: String,
    /// Language of files without a language code (default nb).
    #[serde(default = "default_language")]
    pub default_language: String,
    /// Theme (default standard, built into veiviser). A folder themes/<name>/ overrides the
    /// built-in files one by one.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Intro text of the landing page.
    #[serde(default)]
    pub description: Option<String>,
    /// Raw HTML in Markdown: `mode: sanitize` (default; an allow-list, see
    /// docs/content-format.md) or `mode: escape` (shown as text); `extra_tags` widens the
    /// allow-list.
    #[serde(default)]
    pub raw_html: crate::sanitize::RawHtml,
    /// Films larger than this many megabytes get a warning suggesting a smaller encoding
    /// (default 50).
    #[serde(default = "default_film_max_mb")]
    pub film_max_mb: u64,
    /// The site is a demonstration with invented kommuner (like veiviser's own demo): its
    /// addresses are under a domain reserved for examples (`.example`) on purpose, so print
    /// products are not warned about for leading there (default false).
    #[serde(default)]
    pub demo: bool,
}

fn default_film_max_mb() -> u64 {
    crate::film::DEFAULT_MAX_MB
}

fn default_language() -> String {
    "nb".into()
}

fn default_theme() -> String {
    "standard".into()
}

impl SiteConfig {
    pub fn load(root: &Path) -> Result<(SiteConfig, Arc<SourceFile>), Diagnostic> {
        let path = root.join("veiviser.yaml");
        if !path.is_file() {
            return Err(Diagnostic::error(
                "missing-config",
                msg!("config-missing", root = root.display()),
            )
            .with_help(msg!("config-missing-help")));
        }
        let file = SourceFile::read(&path, "veiviser.yaml".into())?;
        let config: SiteConfig = crate::yaml::parse_file(&file)?;
        if let Some(tag) = config
            .raw_html
            .extra_tags
            .iter()
            .find(|t| crate::sanitize::FORBIDDEN_TAGS.contains(&t.as_str()))
        {
            let at = crate::yaml::locate_in_key(&file, "raw_html", tag).unwrap_or(0);
            return Err(Diagnostic::error(
                "forbidden-html-tag",
                msg!("config-forbidden-tag", tag = tag),
            )
            .in_file(&file)
            .at_offset(at, tag.len())
            .with_help(msg!("config-forbidden-tag-help", tag = tag)));
        }
        if let Err(problem) = BaseUrl::parse(&config.base_url) {
            let at =
                crate::yaml::locate_in_key(&file, "base_url", config.base_url.trim()).unwrap_or(0);
            return Err(Diagnostic::error("invalid-base-url", problem)
                .in_file(&file)
                .at_offset(at, config.base_url.trim().len())
                .with_help(msg!("config-invalid-base-url-help")));
        }
        let theme_ok = !config.theme.is_empty()
            && config
                .theme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !theme_ok {
            let at = crate::yaml::locate_in_key(&file, "theme", &config.theme).unwrap_or(0);
            return Err(Diagnostic::error(
                "invalid-theme",
                msg!("config-invalid-theme", theme = &config.theme),
            )
            .in_file(&file)
            .at_offset(at, config.theme.len())
            .with_help(msg!("config-invalid-theme-help")));
        }
        Ok((config, file))
    }
}

/// Why readers cannot open an address (see [`BaseUrl::unreachable_for_readers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreachable {
    ThisComputer,
    ReservedForExamples,
    NotHttps,
}

/// A base URL split into its origin and its path, e.g. `https://x.no` and `/bti/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    pub origin: String,
    pub path: String,
}

impl BaseUrl {
    /// Whether the host is under a domain reserved for examples and tests (`.example`,
    /// `.test`, `.invalid`, `.localhost`, `.local`).
    fn is_reserved_for_examples(&self) -> bool {
        let name = self.host_name();
        let reserved = [".example", ".test", ".invalid", ".localhost", ".local"];
        reserved.iter().any(|r| name.ends_with(r)) || name == "example"
    }

    /// The host name, lowercase, without user, port or IPv6 brackets.
    fn host_name(&self) -> String {
        let host = self.origin.split_once("://").map_or("", |(_, h)| h);
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        match host.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or(v6),
            None => host.split(':').next().unwrap_or(host),
        }
        .to_ascii_lowercase()
    }

    /// Why a reader of a printed poster could not open this address, if they could not:
    /// plain http, the machine's own address, or a domain reserved for examples.
    pub fn unreachable_for_readers(&self) -> Option<Unreachable> {
        let (scheme, _) = self.origin.split_once("://")?;
        let name = self.host_name();
        if name == "localhost" || name.starts_with("127.") || name == "::1" || name == "0.0.0.0" {
            Some(Unreachable::ThisComputer)
        } else if self.is_reserved_for_examples() {
            Some(Unreachable::ReservedForExamples)
        } else if scheme == "http" {
            Some(Unreachable::NotHttps)
        } else {
            None
        }
    }

    pub fn parse(url: &str) -> Result<BaseUrl, String> {
        let url = url.trim();
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| msg!("config-base-url-relative", url = url))?;
        if scheme != "http" && scheme != "https" {
            return Err(msg!("config-base-url-scheme", url = url));
        }
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if host.is_empty() {
            return Err(msg!("config-base-url-host", url = url));
        }
        let mut path = path.split(['?', '#']).next().unwrap_or("/").to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl {
            origin: format!("{scheme}://{host}"),
            path,
        })
    }

    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.origin, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_addresses_readers_cannot_open_are_named() {
        let why = |u: &str| BaseUrl::parse(u).unwrap().unreachable_for_readers();
        assert!(why("https://www.fjordvik.kommune.no/bti/").is_none());
        assert!(why("http://www.fjordvik.kommune.no/").is_some());
        assert!(why("https://localhost:8000/").is_some());
        assert!(why("http://127.0.0.1:1111/").is_some());
        assert!(why("https://[::1]/").is_some());
        assert!(why("https://veileder.fjordvik.example/").is_some());
    }

    #[test]
    fn base_url_and_theme_are_checked_where_they_are_written() {
        let dir = tempfile::tempdir().unwrap();
        let load = |yaml: &str| {
            std::fs::write(dir.path().join("veiviser.yaml"), yaml).unwrap();
            SiteConfig::load(dir.path()).map(|_| ()).unwrap_err()
        };
        let err = load("title: T\nbase_url: \"www.example.no/bti/\"\n");
        assert_eq!(err.code, "invalid-base-url");
        assert_eq!((err.line, err.column), (2, 12));
        let err = load("title: T\nbase_url: https://x.example/\ntheme: ../../../etc\n");
        assert_eq!(err.code, "invalid-theme");
        assert_eq!(err.line, 3);
        std::fs::write(
            dir.path().join("veiviser.yaml"),
            "title: T\nbase_url: https://x.example/\ntheme: mitt-tema_2\n",
        )
        .unwrap();
        assert!(SiteConfig::load(dir.path()).is_ok());
    }

    #[test]
    fn parses_sub_path() {
        let b = BaseUrl::parse("https://www.fjordvik.kommune.example/bti").unwrap();
        assert_eq!(b.origin, "https://www.fjordvik.kommune.example");
        assert_eq!(b.path, "/bti/");
        assert_eq!(
            b.absolute("/bti/x/"),
            "https://www.fjordvik.kommune.example/bti/x/"
        );
        assert_eq!(BaseUrl::parse("http://127.0.0.1:8080").unwrap().path, "/");
        assert!(BaseUrl::parse("www.x.no").is_err());
    }
}
