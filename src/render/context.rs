//! The context every page template gets: the site chrome (`site`), the page (`page`)
//! and the UI strings (`t`).

use serde::Serialize;

use crate::route::{self, Route};

use super::KommuneRenderer;
use crate::content::Common;
use crate::i18n;

#[derive(Serialize, Clone, Default)]
pub struct Link {
    pub label: String,
    pub url: String,
    /// Language and direction of `label` where the link names a document: it may be a
    /// translation inside fallback content, or a fallback on a translated page.
    pub lang: Option<String>,
    pub dir: Option<&'static str>,
}

impl Link {
    /// A link to a document, labelled in the document's language.
    pub fn to_doc(label: String, url: String, lang: &str) -> Link {
        Link {
            label,
            url,
            lang: Some(lang.to_string()),
            dir: Some(i18n::dir(lang)),
        }
    }
}

#[derive(Serialize, Clone)]
pub struct NavItem {
    pub label: String,
    pub url: String,
    /// The section the item leads to; the current page's section is marked.
    #[serde(skip)]
    pub section: &'static str,
    pub current: bool,
}

#[derive(Serialize, Clone)]
pub struct LanguageLink {
    pub code: String,
    pub name: String,
    pub url: String,
    pub current: bool,
    pub dir: &'static str,
    /// The page's text exists in this language (else it is shown there in a fallback);
    /// only translations are `hreflang` alternates.
    pub translated: bool,
}

#[derive(Serialize, Clone)]
pub struct ContactCtx {
    pub name: String,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub tel: Option<String>,
    pub email: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct EmergencyCtx {
    pub child_welfare_phone: Option<String>,
    pub child_welfare_tel: Option<String>,
    pub after_hours_phone: Option<String>,
    pub after_hours_tel: Option<String>,
    pub police_phone: String,
    pub police_tel: String,
    pub report_url: Option<String>,
    /// Alarmtelefonen for barn og unge (116 111), unless turned off.
    pub child_helpline_phone: Option<String>,
    pub child_helpline_tel: Option<String>,
}

/// The site chrome, the same on every page of one kommune and language.
#[derive(Serialize, Clone)]
pub struct SiteCtx {
    pub title: String,
    pub name: String,
    pub short_name: String,
    pub number: String,
    pub lang: String,
    pub dir: &'static str,
    /// Href of this language's front page (ends with `/`).
    pub root: String,
    pub css_url: String,
    pub search_url: String,
    /// The A–Å index.
    pub keywords_url: String,
    pub search_index_url: Option<String>,
    pub search_script_url: Option<String>,
    pub forms_script_url: Option<String>,
    pub logo_url: Option<String>,
    pub logo_alt: Option<String>,
    pub nav: Vec<NavItem>,
    pub footer_links: Vec<Link>,
    /// Glossary, meeting arenas and resource persons, when the kommune has them.
    pub section_links: Vec<Link>,
    pub contacts: Vec<ContactCtx>,
    pub feedback_email: Option<String>,
    pub feedback_url: Option<String>,
    pub accessibility_statement: String,
    pub emergency: EmergencyCtx,
    pub regional_home: Option<String>,
    /// The page for parents ("For foreldre"), when the kommune has one.
    pub parents_url: Option<String>,
    /// The page for parents in every language of the site, each labelled in its own
    /// language (for the front page).
    pub parents_links: Vec<ParentsLink>,
}

#[derive(Serialize, Clone)]
pub struct ParentsLink {
    pub code: String,
    pub dir: &'static str,
    /// The language's own name.
    pub language: String,
    /// "For foreldre" in that language.
    pub label: String,
    pub url: String,
}

/// What is specific to one page in the chrome.
#[derive(Serialize, Clone, Default)]
pub struct PageCtx {
    pub title: String,
    pub description: Option<String>,
    /// Section key (`veileder`, `skjema`, …) for highlighting the navigation.
    pub section: String,
    pub url: String,
    pub canonical: String,
    pub breadcrumbs: Vec<Link>,
    pub languages: Vec<LanguageLink>,
    pub owner: Option<String>,
    pub reviewed: Option<String>,
    /// Set when the text is shown in another language than the page's.
    pub fallback_lang_name: Option<String>,
    pub content_lang: Option<String>,
    pub content_dir: Option<&'static str>,
    pub feedback_href: Option<String>,
}

impl KommuneRenderer<'_> {
    /// Page context for `route` in `lang`, whose content exists in `available` languages.
    pub fn page_ctx(&self, lang: &str, route: &Route, title: &str, available: &[&str]) -> PageCtx {
        let section = route.section();
        let t = self.theme.strings.for_lang(lang);
        let mut breadcrumbs = vec![Link {
            label: t_get(t, "home"),
            url: self.urls.lang_root(lang),
            ..Default::default()
        }];
        if let Some(index) = Route::section_index(section).filter(|i| i != route) {
            if let Some(label) = section_label(t, section) {
                breadcrumbs.push(Link {
                    label,
                    url: self.urls.href(lang, &index),
                    ..Default::default()
                });
            }
        }
        let languages = self
            .kommune
            .languages
            .iter()
            .map(|l| LanguageLink {
                translated: available.contains(&l.as_str()),
                code: l.clone(),
                name: i18n::language(l).map_or(l.as_str(), |x| x.name).to_string(),
                url: self.urls.href(l, route),
                current: l == lang,
                dir: i18n::dir(l),
            })
            .collect();
        let url = self.urls.href(lang, route);
        let canonical = self.urls.absolute(lang, route);
        let feedback_href = self.feedback_href(title, &canonical);
        PageCtx {
            title: title.to_string(),
            section: section.to_string(),
            url,
            canonical,
            breadcrumbs,
            languages,
            feedback_href,
            ..PageCtx::default()
        }
    }

    /// Fill in owner, review date and the fallback note from a document.
    pub fn with_doc<T: Common>(
        &self,
        mut page: PageCtx,
        lang: &str,
        doc_lang: &str,
        data: &T,
    ) -> PageCtx {
        page.owner = data.owner().map(str::to_string);
        page.reviewed = data.reviewed().map(|d| d.format("%d.%m.%Y").to_string());
        if doc_lang != lang {
            page.fallback_lang_name = i18n::language(doc_lang).map(|l| l.name.to_string());
            page.content_lang = Some(doc_lang.to_string());
            page.content_dir = Some(i18n::dir(doc_lang));
        }
        page
    }

    fn feedback_href(&self, title: &str, url: &str) -> Option<String> {
        let feedback = self.kommune.config.feedback.as_ref()?;
        let subject = format!("Tilbakemelding: {title}");
        let body = format!("Side: {title}\nAdresse: {url}\n\n");
        if let Some(email) = &feedback.email {
            Some(format!(
                "mailto:{email}?subject={}&body={}",
                encode(&subject),
                encode(&body)
            ))
        } else {
            feedback.url.as_ref().map(|u| {
                let sep = if u.contains('?') { '&' } else { '?' };
                format!("{u}{sep}side={}&tittel={}", encode(url), encode(title))
            })
        }
    }
}

pub fn t_get(t: &std::collections::BTreeMap<String, String>, key: &str) -> String {
    t.get(key).cloned().unwrap_or_else(|| key.to_string())
}

pub fn section_label(
    t: &std::collections::BTreeMap<String, String>,
    section: &str,
) -> Option<String> {
    let key = match section {
        route::GUIDE => "nav_guide",
        route::FORMS => "nav_forms",
        route::SERVICES => "nav_services",
        route::TRAINING => "nav_training",
        route::ARENAS => "nav_arenas",
        route::GLOSSARY => "nav_glossary",
        route::CONTACTS => "nav_contacts",
        route::PRINTS => "nav_print",
        _ => return None,
    };
    Some(t_get(t, key))
}

/// Percent-encode for URL query values (RFC 3986 unreserved characters kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_query_values() {
        assert_eq!(super::encode("Nivå 1: x/y"), "Niv%C3%A5%201%3A%20x%2Fy");
    }
}
