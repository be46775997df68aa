//! `veiviser.yaml`: site-wide settings.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
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
    /// Theme: a folder under themes/ (default standard).
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Intro text of the landing page.
    #[serde(default)]
    pub description: Option<String>,
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
                format!("no veiviser.yaml in {}", root.display()),
            )
            .with_help("run veiviser from the folder that holds veiviser.yaml and content/, or create veiviser.yaml with at least `title:` and `base_url:`"));
        }
        let file = SourceFile::read(&path, "veiviser.yaml".into())?;
        let config: SiteConfig = crate::yaml::parse_file(&file)?;
        Ok((config, file))
    }
}

/// A base URL split into its origin and its path, e.g. `https://x.no` and `/bti/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    pub origin: String,
    pub path: String,
}

impl BaseUrl {
    pub fn parse(url: &str) -> Result<BaseUrl, String> {
        let url = url.trim();
        let (scheme, rest) = url.split_once("://").ok_or_else(|| {
            format!("`{url}` is not an absolute URL; write it like https://www.example.no/bti/")
        })?;
        if scheme != "http" && scheme != "https" {
            return Err(format!("`{url}` must start with https:// or http://"));
        }
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if host.is_empty() {
            return Err(format!("`{url}` has no host name"));
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
