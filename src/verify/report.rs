//! Diagnostics from the broken links: grouped, capped, and shown as written.

use super::html::collect;
use super::intern::Map;
use super::resolve::{Problem, Resolved, Resolver};
use super::shard::{Form, Holder, Shard, Tables};
use super::CODE;
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::write::Sink;

/// Broken links reported one by one; the rest are counted in one more diagnostic.
pub(super) const MAX_DIAGNOSTICS: usize = 100;
/// Other pages named in a diagnostic about a link that is on many pages.
const PAGES_NAMED: usize = 3;

/// A broken link: where it is, and what is wrong.
pub(super) struct Broken<'a> {
    pub(super) shard: usize,
    pub(super) holder: u32,
    /// The output path it leads to, and its fragment (empty for a [`What::Problem`]).
    pub(super) target: &'a str,
    pub(super) frag: &'a str,
    /// Its href and text, when they were kept (for a [`What::Problem`]).
    pub(super) label: Option<(&'a str, &'a str)>,
    pub(super) what: What,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum What {
    /// The build wrote nothing at the target.
    Missing,
    /// The page (of the shard) at the target has no element with the id.
    NoId {
        shard: usize,
        holder: u32,
    },
    /// The page at the target, taken over from the previous output, has no element with
    /// the id.
    NoIdTaken,
    Problem(Problem),
}

pub(super) struct Report<'a> {
    pub(super) shards: &'a [Shard],
    pub(super) tables: &'a [Tables<'a>],
    pub(super) sources: &'a Map<&'a str, &'a str>,
    pub(super) resolver: &'a Resolver,
    pub(super) output: Option<&'a dyn Sink>,
}

/// Where a broken link is: the page's output path or the origin's name.
type Place<'a, 'b> = (&'a str, &'b Broken<'a>);

impl<'a> Report<'a> {
    fn holder(&self, b: &Broken) -> &'a Holder {
        &self.shards[b.shard].holders[b.holder as usize]
    }

    fn name(&self, b: &Broken) -> &'a str {
        let t = &self.tables[b.shard];
        let holder = self.holder(b);
        match holder.form {
            Form::Page => t.paths[holder.name as usize],
            _ => t.names[holder.name as usize],
        }
    }

    pub(super) fn diagnostics(&self, broken: Vec<Broken<'a>>) -> Vec<Diagnostic> {
        // The same broken link on many pages (a template's) is one diagnostic. Problems are
        // grouped by how they are written, the rest by where they lead.
        type Key<'k> = (What, &'k str, &'k str, &'k str);
        let mut groups: Map<Key, Vec<Place>> = Map::default();
        for b in &broken {
            let href = b.label.map_or("", |(href, _)| href);
            groups
                .entry((b.what, b.target, b.frag, href))
                .or_default()
                .push((self.name(b), b));
        }
        fn order<'a>(p: &Place<'a, '_>) -> (&'a str, &'a str, &'a str, &'a str) {
            let href = p.1.label.map_or("", |(href, _)| href);
            (p.0, p.1.target, p.1.frag, href)
        }
        let mut groups: Vec<Vec<Place>> = groups.into_values().collect();
        for places in &mut groups {
            places.sort_by(|a, b| order(a).cmp(&order(b)));
        }
        groups.sort_by(|a, b| order(&a[0]).cmp(&order(&b[0])));
        let total = groups.len();
        let mut out: Vec<Diagnostic> = groups
            .iter()
            .take(MAX_DIAGNOSTICS)
            .map(|places| self.diagnostic(places))
            .collect();
        if total > MAX_DIAGNOSTICS {
            out.push(
                Diagnostic::error(
                    CODE,
                    msg!("verify-more-not-shown", count = total - MAX_DIAGNOSTICS),
                )
                .with_help(msg!("verify-internal")),
            );
        }
        out
    }

    /// The href and text of a broken link as written: kept for problems, found again in
    /// the page's HTML for the rest (when the output can be read).
    fn written(&self, name: &str, b: &Broken) -> Option<(String, String)> {
        if let Some((href, text)) = b.label {
            return Some((href.to_string(), text.to_string()));
        }
        if !matches!(self.holder(b).form, Form::Page) {
            return None;
        }
        let bytes = self.output?.read(name)?;
        let found = collect(&bytes);
        self.resolver
            .links(name, found.base.as_deref(), found.link_refs())
            .into_iter()
            .find_map(|(resolved, url, text)| match resolved {
                Resolved::Internal { path, frag } if path == b.target && frag == b.frag => {
                    Some((url.to_string(), text.to_string()))
                }
                _ => None,
            })
    }

    fn diagnostic(&self, places: &[Place]) -> Diagnostic {
        let (name, first) = places[0];
        let holder = self.holder(first);
        let mut message = match (self.written(name, first), holder.form) {
            (Some((href, text)), Form::Page) if !text.is_empty() => {
                msg!("verify-link-text", page = name, href = &href, text = &text)
            }
            (Some((href, _)), Form::Page) => msg!("verify-link", page = name, href = &href),
            (Some((href, _)), _) => msg!("verify-url", page = name, href = &href),
            (None, form) => {
                let dir = match form {
                    Form::Relative(dir) => self.tables[first.shard].names[dir as usize],
                    _ => "",
                };
                let url = self.resolver.display(first.target, first.frag, form, dir);
                match form {
                    Form::Page => msg!("verify-link-to", page = name, href = &url),
                    _ => msg!("verify-url", page = name, href = &url),
                }
            }
        };
        let mut hint = None;
        match first.what {
            What::Missing => {
                let target = first.target;
                let expected = if target.rsplit('/').next().is_some_and(|l| !l.contains('.')) {
                    msg!("verify-expected-folder", target = target)
                } else {
                    format!("`{target}`")
                };
                message.push(' ');
                message.push_str(&msg!("verify-missing", expected = &expected));
            }
            What::NoId { shard, holder } => {
                let t = &self.tables[shard];
                let page = &self.shards[shard].holders[holder as usize];
                message.push(' ');
                message.push_str(&msg!(
                    "verify-no-id",
                    page = t.paths[page.name as usize],
                    id = first.frag
                ));
                hint = crate::diagnostics::suggest(
                    first.frag,
                    page.ids.iter().map(|&id| t.frags[id as usize]),
                )
                .map(|near| format!(" {}", msg!("verify-did-you-mean", near = near)));
            }
            What::Problem(Problem::OtherHost) => {
                message.push_str(&format!(" {}", msg!("verify-other-host")))
            }
            What::NoIdTaken => {
                message.push(' ');
                message.push_str(&msg!("verify-no-id", page = first.target, id = first.frag));
            }
            What::Problem(Problem::OutsideBase) => message.push_str(&format!(
                " {}",
                msg!("verify-outside-base", path = &self.resolver.path)
            )),
            What::Problem(Problem::AboveRoot) => {
                message.push_str(&format!(" {}", msg!("verify-above-root")))
            }
        }
        let others = places.len() - 1;
        if others > 0 {
            let named: Vec<&str> = places[1..].iter().take(PAGES_NAMED).map(|p| p.0).collect();
            let more = if others > PAGES_NAMED { ", …" } else { "" };
            message.push_str("; ");
            message.push_str(&msg!(
                "verify-also-in",
                count = others,
                pages = named.join(", "),
                more = more
            ));
        }
        let mut help = msg!("verify-internal");
        if let Some((page, source)) = places
            .iter()
            .find_map(|p| self.sources.get(p.0).map(|s| (p.0, s)))
        {
            let made_from = if page == places[0].0 {
                msg!("verify-made-from-this", source = source.to_string())
            } else {
                msg!("verify-made-from", page = page, source = source.to_string())
            };
            help.push(' ');
            help.push_str(&made_from);
        }
        if let Some(hint) = hint {
            help.push_str(&hint);
        }
        Diagnostic::error(CODE, message).with_help(help)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::tests::{base, html, index, messages, one_broken};
    use crate::verify::LinkIndex;

    #[test]
    fn a_link_to_a_page_that_was_not_written_is_reported() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/mangler/>Mangler  her\n</a>").as_bytes(),
            Some("content/f/a.md"),
        );
        let d = one_broken(index);
        assert!(
            d.message
                .starts_with("f/a/index.html: the link `/bti/f/mangler/` (“Mangler her”)"),
            "{}",
            d.message
        );
        assert!(
            d.message.contains("`f/mangler/index.html`"),
            "{}",
            d.message
        );
        let help = d.help.unwrap();
        assert!(help.contains("internal error in veiviser"), "{help}");
        assert!(help.contains("content/f/a.md"), "{help}");
    }

    #[test]
    fn a_missing_anchor_is_reported_with_the_nearest_id() {
        let index = index();
        index.page(
            "f/ordliste/index.html",
            html("<dt id=stafettholder>S</dt>").as_bytes(),
            None,
        );
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/ordliste/#stafetholder>Stafett</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(
            d.message.contains(
                "leads to f/ordliste/index.html, which has no element with id=\"stafetholder\""
            ),
            "{}",
            d.message
        );
        assert!(d.help.unwrap().contains("`#stafettholder`"));
    }

    #[test]
    fn a_link_broken_on_many_pages_is_one_diagnostic() {
        let index = index();
        for i in 0..10 {
            index.page(
                &format!("f/p{i}/index.html"),
                html("<a href=/bti/f/meny/>Meny</a>").as_bytes(),
                Some(&format!("content/f/p{i}.md")),
            );
        }
        let d = one_broken(index);
        assert!(
            d.message
                .starts_with("f/p0/index.html: the link `/bti/f/meny/`"),
            "{}",
            d.message
        );
        assert!(
            d.message.contains(
                "also in 9 more places: f/p1/index.html, f/p2/index.html, f/p3/index.html, …"
            ),
            "{}",
            d.message
        );
        assert!(d.help.unwrap().contains("content/f/p0.md"));
    }

    #[test]
    fn without_the_output_a_broken_link_is_shown_as_it_resolved() {
        let index = LinkIndex::new(&base());
        index.file("f/assets/main.abc.css");
        index.page(
            "f/index.html",
            html("<a href=../f/nei/#x>Nei</a>").as_bytes(),
            None,
        );
        index.url("sitemap.xml", "https://x.example/bti/f/borte/");
        index.url_in("f/sok/indeks.js", "f/", "vekk/");
        let mut msgs = messages(&index.verify());
        msgs.sort();
        assert_eq!(
            msgs,
            [
                "f/index.html: a link to `/bti/f/nei/#x` leads to `f/nei/index.html`, which this build did not write",
                "f/sok/indeks.js: the URL `vekk/` leads to `f/vekk/index.html`, which this build did not write",
                "sitemap.xml: the URL `https://x.example/bti/f/borte/` leads to `f/borte/index.html`, which this build did not write",
            ]
        );
    }

    #[test]
    fn the_number_of_diagnostics_is_capped() {
        let index = index();
        for i in 0..150 {
            index.page(
                &format!("f/p{i}/index.html"),
                html(&format!("<a href=/bti/f/nei-{i}/>N</a>")).as_bytes(),
                None,
            );
        }
        let diags = index.verify();
        assert_eq!(diags.len(), MAX_DIAGNOSTICS + 1);
        assert!(diags[MAX_DIAGNOSTICS]
            .message
            .starts_with("50 more broken links"));
    }
}
