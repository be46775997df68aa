//! URLs: every link is built here, so a sub-path base URL and language prefixes are
//! handled in one place.

use crate::config::BaseUrl;
use crate::route::Route;

#[derive(Debug, Clone)]
pub struct Urls {
    pub base: BaseUrl,
    /// Output prefix of this kommune: `fjordvik/` in a regional build, empty alone.
    pub prefix: String,
    pub default_lang: String,
}

impl Urls {
    /// Output path (relative to the output root) of a route: `fjordvik/en/skjema/x/`.
    /// Shared files ([`Route::shared`]) are not under a language prefix.
    pub fn out_path(&self, lang: &str, route: &Route) -> String {
        let mut path = String::with_capacity(self.prefix.len() + 48);
        self.push_out_path(lang, route, &mut path);
        path
    }

    /// [`Urls::out_path`] added to the end of `out`.
    fn push_out_path(&self, lang: &str, route: &Route, out: &mut String) {
        out.push_str(&self.prefix);
        if !route.shared() && lang != self.default_lang {
            out.push_str(lang);
            out.push('/');
        }
        route.push_path(out);
    }

    fn lang_segment(&self, lang: &str) -> String {
        if lang == self.default_lang {
            String::new()
        } else {
            format!("{lang}/")
        }
    }

    /// Site-absolute href of a route: `/bti/fjordvik/en/skjema/x/`.
    pub fn href(&self, lang: &str, route: &Route) -> String {
        let mut href = String::with_capacity(self.base.path.len() + self.prefix.len() + 48);
        href.push_str(&self.base.path);
        self.push_out_path(lang, route, &mut href);
        href
    }

    /// Href of an element on a route's page: `/bti/fjordvik/veileder/niva-1/#steg-2`.
    pub fn anchor(&self, lang: &str, route: &Route, id: &str) -> String {
        format!("{}#{id}", self.href(lang, route))
    }

    /// Full URL, for canonical links, sitemaps and QR codes.
    pub fn absolute(&self, lang: &str, route: &Route) -> String {
        self.base.absolute(&self.href(lang, route))
    }

    /// Root of a language's pages (ends with `/`): where `/x/` in content leads.
    pub fn lang_root(&self, lang: &str) -> String {
        self.href(lang, &Route::Front)
    }

    /// Relative href from the folder of `route` in `lang` up to [`Self::home`]:
    /// `sok/` → `../`, `en/sok/` → `../../`.
    pub fn up_to_home(&self, lang: &str, route: &Route) -> String {
        let depth = format!("{}{}", self.lang_segment(lang), route.path())
            .matches('/')
            .count();
        "../".repeat(depth)
    }

    /// Root of the kommune (assets live here, shared by languages).
    pub fn home(&self) -> String {
        format!("{}{}", self.base.path, self.prefix)
    }

    /// Site-absolute href of a kommune file (`assets/main.x.css`, `bilder/logo.svg`).
    pub fn file(&self, rel: &str) -> String {
        format!("{}{rel}", self.home())
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
        assert_eq!(urls.href("nb", &Route::FormsIndex), "/bti/fjordvik/skjema/");
        assert_eq!(
            urls.href("en", &Route::FormsIndex),
            "/bti/fjordvik/en/skjema/"
        );
        assert_eq!(urls.out_path("ar", &Route::Front), "fjordvik/ar/");
        assert_eq!(
            urls.out_path("ar", &Route::PrintFile("plakat.pdf".into())),
            "fjordvik/trykk/plakat.pdf"
        );
        assert_eq!(
            urls.absolute("nb", &Route::Front),
            "https://x.example/bti/fjordvik/"
        );
        assert_eq!(urls.home(), "/bti/fjordvik/");
        assert_eq!(urls.up_to_home("nb", &Route::Search), "../");
        assert_eq!(urls.up_to_home("en", &Route::Search), "../../");
    }
}
