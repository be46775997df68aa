//! Resolving a URL as written to the output path it leads to.

use super::shard::Form;

/// Why a link is broken before the output is looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Problem {
    /// `//host/…`: protocol-relative, so it leaves the site (often a doubled slash).
    OtherHost,
    /// A site-absolute path outside the base path.
    OutsideBase,
    /// A relative path that climbs above the output root.
    AboveRoot,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Resolved<'u> {
    /// Not a link into the site (another website, mailto:, `#`).
    Skip,
    /// A link into the output: the decoded output path of the file (`x/y/index.html` for
    /// `x/y/`, `x/a.css`) and the fragment (empty when none).
    Internal {
        path: String,
        frag: &'u str,
    },
    Broken(Problem),
}

pub(super) struct Resolver {
    /// `https://x.example`
    pub(super) origin: String,
    /// `/bti/`
    pub(super) path: String,
}

impl Resolver {
    /// Resolve `url` as written in the document at output path `doc` (`x/y/index.html`;
    /// a folder `x/` for URLs relative to a folder).
    pub(super) fn resolve<'u>(&self, url: &'u str, doc: &str) -> Resolved<'u> {
        let url = url.trim_ascii();
        if url == "#" {
            return Resolved::Skip;
        }
        if url.starts_with("//") {
            return Resolved::Broken(Problem::OtherHost);
        }
        let (rest, frag) = url.split_once('#').unwrap_or((url, ""));
        let path = rest.split_once('?').map_or(rest, |(p, _)| p);
        let joined = if has_scheme(url) {
            // An absolute URL is internal only under the site's own origin and path.
            let Some(after) = strip_prefix_ignore_case(path, &self.origin) else {
                return Resolved::Skip;
            };
            let after = if after.is_empty() { "/" } else { after };
            match self.under_base(after) {
                Some(rel) => with_room(&[rel]),
                None => return Resolved::Skip,
            }
        } else if path.starts_with('/') {
            match self.under_base(path) {
                Some(rel) => with_room(&[rel]),
                None => return Resolved::Broken(Problem::OutsideBase),
            }
        } else if path.is_empty() {
            with_room(&[doc])
        } else {
            let folder = doc.rfind('/').map_or("", |i| &doc[..=i]);
            with_room(&[folder, path])
        };
        let Some(normal) = normalize(joined) else {
            let relative = !has_scheme(url) && !path.starts_with('/');
            return Resolved::Broken(if relative {
                Problem::AboveRoot
            } else {
                Problem::OutsideBase
            });
        };
        let mut path = if memchr::memchr(b'%', normal.as_bytes()).is_some() {
            percent_encoding::percent_decode_str(&normal)
                .decode_utf8_lossy()
                .into_owned()
        } else {
            normal
        };
        if path.is_empty() || path.ends_with('/') {
            path.push_str("index.html");
        }
        Resolved::Internal { path, frag }
    }

    /// The links of the page at `rel`, resolved: (resolved, url as written, text).
    /// Each link of a page at `rel` (URL, whether a srcset, text), resolved; `base` is the
    /// page's `<base href>`.
    pub(super) fn links<'f>(
        &self,
        rel: &str,
        base: Option<&str>,
        found: impl Iterator<Item = (&'f str, bool, &'f str)>,
    ) -> Vec<(Resolved<'f>, &'f str, &'f str)> {
        // The document relative links resolve against: the page, or its `<base href>`.
        let doc = match base.map(|b| self.resolve(b, rel)) {
            None => Some(rel.to_string()),
            Some(Resolved::Internal { path, .. }) => Some(path),
            // A base outside the site: relative links lead elsewhere.
            Some(_) => None,
        };
        let mut links = Vec::new();
        let mut urls: Vec<&str> = Vec::new();
        for (url, srcset, text) in found {
            urls.clear();
            if srcset {
                urls.extend(srcset_urls(url));
            } else {
                urls.push(url);
            }
            for &url in &urls {
                let resolved = match &doc {
                    Some(doc) => self.resolve(url, doc),
                    None if is_relative(url) => Resolved::Skip,
                    None => self.resolve(url, rel),
                };
                if !matches!(resolved, Resolved::Skip) {
                    links.push((resolved, url, text));
                }
            }
        }
        links
    }

    /// A link to `target` (an output path) and `frag` as the site would write it:
    /// `/bti/x/#frag`, `https://x.example/bti/x/`, or relative to `dir`.
    pub(super) fn display(&self, target: &str, frag: &str, form: Form, dir: &str) -> String {
        let path = if target == "index.html" {
            ""
        } else {
            target
                .strip_suffix("/index.html")
                .map_or(target, |folder| &target[..=folder.len()])
        };
        let mut url = match form {
            Form::Absolute => format!("{}{}{path}", self.origin, self.path),
            Form::Relative(_) if path.starts_with(dir) => path[dir.len()..].to_string(),
            Form::Page | Form::SiteAbsolute | Form::Relative(_) => format!("{}{path}", self.path),
        };
        if !frag.is_empty() {
            url.push('#');
            url.push_str(frag);
        }
        url
    }

    /// `path` (site-absolute) relative to the base path, if under it.
    fn under_base<'p>(&self, path: &'p str) -> Option<&'p str> {
        match path.strip_prefix(self.path.as_str()) {
            Some(rel) => Some(rel),
            None if path == self.path.trim_end_matches('/') => Some(""),
            None => None,
        }
    }
}

/// The texts joined, with room for the `index.html` a folder gets: one allocation for the
/// path of a link (resolving is done for every link of every page).
fn with_room(texts: &[&str]) -> String {
    let mut joined = String::with_capacity(texts.iter().map(|t| t.len()).sum::<usize>() + 10);
    texts.iter().for_each(|t| joined.push_str(t));
    joined
}

/// Remove `.` and `..` segments; None when `..` climbs above the root.
fn normalize(path: String) -> Option<String> {
    // Most paths have no dot at all (a quicker test than for the two-byte `./`).
    if memchr::memchr(b'.', path.as_bytes()).is_none()
        || (!path.contains("./") && !path.ends_with('.'))
    {
        return Some(path);
    }
    let mut out: Vec<&str> = Vec::new();
    let mut folder = false;
    let count = path.split('/').count();
    for (i, segment) in path.split('/').enumerate() {
        let last = i + 1 == count;
        match segment {
            "." => folder = last,
            ".." => {
                out.pop()?;
                folder = last;
            }
            "" if last => folder = true,
            s => {
                out.push(s);
                folder = false;
            }
        }
    }
    let mut normal = out.join("/");
    if folder && !normal.is_empty() {
        normal.push('/');
    }
    Some(normal)
}

/// `mailto:`, `https:`, `data:` …: a scheme before any `/`, `?` or `#`.
pub(super) fn has_scheme(url: &str) -> bool {
    let mut chars = url.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    for c in chars {
        match c {
            ':' => return true,
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => {}
            _ => return false,
        }
    }
    false
}

pub(super) fn is_relative(url: &str) -> bool {
    let url = url.trim_ascii();
    !url.starts_with('/') && !has_scheme(url)
}

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The URLs of a `srcset` (candidates separated by commas, each a URL and descriptors).
fn srcset_urls(srcset: &str) -> impl Iterator<Item = &str> {
    let mut rest = srcset;
    std::iter::from_fn(move || loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        rest = after;
        let url = if url.ends_with(',') {
            // No descriptors: the comma ends the candidate.
            url.trim_end_matches(',')
        } else {
            // Skip the descriptors, up to a comma outside parentheses.
            let mut depth = 0usize;
            let mut cut = rest.len();
            for (i, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => {
                        cut = i + 1;
                        break;
                    }
                    _ => {}
                }
            }
            rest = &rest[cut..];
            url
        };
        if !url.is_empty() {
            return Some(url);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BaseUrl;
    use crate::verify::tests::{html, index, one_broken, Site};

    #[test]
    fn a_double_slash_link_is_reported_as_leading_to_another_host() {
        let index = Site::new(&BaseUrl::parse("https://x.example/").unwrap());
        index.page("index.html", b"<a href=//f/skjema/>Skjema</a>", None);
        let d = one_broken(index);
        assert!(d.message.contains("`//f/skjema/`"), "{}", d.message);
        assert!(d.message.contains("another host"), "{}", d.message);
    }

    #[test]
    fn a_site_absolute_link_outside_the_base_path_is_reported() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<a href=/f/skjema/>S</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(
            d.message.contains("outside the site's folder `/bti/`"),
            "{}",
            d.message
        );
    }

    #[test]
    fn relative_links_resolve_against_the_pages_folder() {
        let index = index();
        index.page("f/en/skjema/index.html", html("").as_bytes(), None);
        index.page(
            "f/en/skjema/x/index.html",
            html("<a href=../>Up</a><a href=../../../>Home</a><a href=./>Self</a><a href=../y/>Y</a>")
                .as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(d.message.contains("`../y/`"), "{}", d.message);
        assert!(
            d.message.contains("`f/en/skjema/y/index.html`"),
            "{}",
            d.message
        );
    }

    #[test]
    fn a_relative_link_that_climbs_above_the_output_is_reported() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<a href=../../../x/>X</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(d.message.contains("climbs above"), "{}", d.message);
    }

    #[test]
    fn srcset_is_split_into_urls() {
        // As browsers do: a URL runs to whitespace (it may hold commas); a comma at its end
        // ends the candidate.
        let urls: Vec<&str> =
            srcset_urls(" a.png 1x, b,c.png 2x ,d.png, e.png 100w, f.png (x, y) , ,").collect();
        assert_eq!(urls, ["a.png", "b,c.png", "d.png", "e.png", "f.png"]);
    }

    #[test]
    fn absolute_urls_under_the_base_url_are_checked_and_others_skipped() {
        let index = index();
        index.page(
            "f/a/index.html",
            b"<link rel=canonical href=https://x.example/bti/f/a/>\
              <link rel=alternate hreflang=en href=HTTPS://X.EXAMPLE/bti/f/en/a/>\
              <a href=https://x.example/other/>Other folder on the same host</a>\
              <a href=https://x.example.evil/bti/f/nei/>Another host</a>\
              <a href=https://www.nav.no/nei/>NAV</a>",
            None,
        );
        let d = one_broken(index);
        assert!(
            d.message.contains("`HTTPS://X.EXAMPLE/bti/f/en/a/`"),
            "{}",
            d.message
        );
        assert!(d.message.contains("`f/en/a/index.html`"), "{}", d.message);
    }

    #[test]
    fn mailto_tel_data_and_javascript_links_are_skipped() {
        let index = index();
        index.page(
            "f/a/index.html",
            b"<a href=mailto:post@f.kommune.no>E</a><a href=\"tel:+47 22 22 22 22\">T</a>\
              <img src=data:image/png;base64,AAAA alt=x><a href=javascript:void(0)>J</a><a href=#>Top</a>",
            None,
        );
        assert!(index.verify().is_empty());
    }

    #[test]
    fn percent_encoded_paths_and_fragments_are_decoded() {
        let index = index();
        index.file("f/filer/bål og brann.pdf");
        index.page(
            "f/på-norsk/index.html",
            html("<h2 id=steg-å>Å</h2>").as_bytes(),
            None,
        );
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/filer/b%C3%A5l%20og%20brann.pdf>PDF</a><a href=/bti/f/p%C3%A5-norsk/#steg-%C3%A5>Å</a><a href=/bti/f/på-norsk/>Å</a>")
                .as_bytes(),
            None,
        );
        assert!(index.verify().is_empty());
    }

    #[test]
    fn query_strings_are_ignored() {
        let index = index();
        index.page(
            "f/sok/index.html",
            html("<div id=res></div>").as_bytes(),
            None,
        );
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/sok/?q=barnevern>S</a><a href=?side=2>Neste</a><a href=../sok/?q=x#res>R</a><form action=/bti/f/sok/ method=get></form>")
                .as_bytes(),
            None,
        );
        index.page(
            "f/b/index.html",
            html("<a href=/bti/f/nei/?q=x>S</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(d.message.contains("`f/nei/index.html`"), "{}", d.message);
    }

    #[test]
    fn base_href_changes_what_relative_links_resolve_against() {
        let index = index();
        index.page("f/b/c/index.html", html("").as_bytes(), None);
        index.page(
            "f/a/index.html",
            b"<base href=/bti/f/b/><a href=c/>C</a>",
            None,
        );
        assert!(index.verify().is_empty());
    }
}
