//! URLs: every link is built here, so a sub-path base URL and language prefixes are
//! handled in one place.

use crate::config::BaseUrl;

#[derive(Debug, Clone)]
pub struct Urls {
    pub base: BaseUrl,
    /// Output prefix of this kommune: `fjordvik/` in a regional build, empty alone.
    pub prefix: String,
    pub default_lang: String,
}

impl Urls {
    /// Output path (relative to the output root) of a page: `fjordvik/en/skjema/x/`.
    pub fn out_path(&self, lang: &str, path: &str) -> String {
        format!("{}{}{path}", self.prefix, self.lang_segment(lang))
    }

    fn lang_segment(&self, lang: &str) -> String {
        if lang == self.default_lang {
            String::new()
        } else {
            format!("{lang}/")
        }
    }

    /// Site-absolute href of a page: `/bti/fjordvik/en/skjema/x/`.
    pub fn href(&self, lang: &str, path: &str) -> String {
        format!("{}{}", self.base.path, self.out_path(lang, path))
    }

    /// Full URL, for canonical links, sitemaps and QR codes.
    pub fn absolute(&self, lang: &str, path: &str) -> String {
        self.base.absolute(&self.href(lang, path))
    }

    /// Root of a language's pages (ends with `/`).
    pub fn lang_root(&self, lang: &str) -> String {
        self.href(lang, "")
    }

    /// Relative href from the folder of page `path` in `lang` up to [`Self::home`]:
    /// `sok/` → `../`, `en/sok/` → `../../`.
    pub fn up_to_home(&self, lang: &str, path: &str) -> String {
        let depth = format!("{}{path}", self.lang_segment(lang))
            .matches('/')
            .count();
        "../".repeat(depth)
    }

    /// Root of the kommune (assets live here, shared by languages).
    pub fn home(&self) -> String {
        format!("{}{}", self.base.path, self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_prefixed_urls() {
        let urls = Urls {
            base: BaseUrl::parse("https://x.example/bti/").unwrap(),
            prefix: "fjordvik/".into(),
            default_lang: "nb".into(),
        };
        assert_eq!(urls.href("nb", "skjema/"), "/bti/fjordvik/skjema/");
        assert_eq!(urls.href("en", "skjema/"), "/bti/fjordvik/en/skjema/");
        assert_eq!(urls.out_path("ar", ""), "fjordvik/ar/");
        assert_eq!(urls.absolute("nb", ""), "https://x.example/bti/fjordvik/");
        assert_eq!(urls.home(), "/bti/fjordvik/");
        assert_eq!(urls.up_to_home("nb", "sok/"), "../");
        assert_eq!(urls.up_to_home("en", "sok/"), "../../");
    }
}
