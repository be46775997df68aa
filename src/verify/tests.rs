//! Helpers for the tests of the whole check, and those tests.

use super::*;
use crate::write::MemorySink;

pub(super) fn base() -> BaseUrl {
    BaseUrl::parse("https://x.example/bti/").unwrap()
}

/// A page with the given body in the theme's usual frame (minified-looking).
pub(super) fn html(body: &str) -> String {
    format!(
        "<!doctype html><html lang=nb><head><meta charset=utf-8><title>T</title>\
         <link rel=stylesheet href=/bti/f/assets/main.abc.css>\
         <link rel=canonical href=https://x.example/bti/f/></head>\
         <body><a class=skip-link href=#hovedinnhold>Til innhold</a>\
         <main id=hovedinnhold>{body}</main></body></html>"
    )
}

/// An output in memory and its index: pages are written to both, and verifying reads
/// the pages it reports back from the output.
pub(super) struct Site {
    out: MemorySink,
    index: LinkIndex,
}

impl Site {
    pub(super) fn new(base: &BaseUrl) -> Site {
        Site {
            out: MemorySink::default(),
            index: LinkIndex::new(base),
        }
    }
    pub(super) fn page(&self, rel: &str, html: &[u8], source: Option<&str>) {
        self.out.write(rel, html).unwrap();
        self.index.page(rel, html, source);
    }
    pub(super) fn file(&self, rel: &str) {
        self.index.file(rel);
    }
    pub(super) fn url(&self, origin: &str, url: &str) {
        self.index.url(origin, url);
    }
    pub(super) fn url_in(&self, origin: &str, dir: &str, url: &str) {
        self.index.url_in(origin, dir, url);
    }
    pub(super) fn verify(self) -> Vec<Diagnostic> {
        self.index.verify_reading(&self.out)
    }
}

/// A site with the frame's targets written.
pub(super) fn index() -> Site {
    let site = Site::new(&base());
    site.file("f/assets/main.abc.css");
    site.page("f/index.html", html("Hjem").as_bytes(), None);
    site
}

pub(super) fn messages(diags: &[Diagnostic]) -> Vec<String> {
    diags.iter().map(|d| d.message.clone()).collect()
}

pub(super) fn one_broken(site: Site) -> Diagnostic {
    let diags = site.verify();
    assert_eq!(diags.len(), 1, "{:#?}", messages(&diags));
    let d = diags.into_iter().next().unwrap();
    assert_eq!(d.code, CODE);
    assert!(d.is_error());
    d
}

#[test]
fn a_good_site_has_no_broken_links() {
    let index = index();
    index.file("f/bilder/a.png");
    index.file("f/bilder/a-2x.png");
    index.file("f/sok/indeks.js");
    index.page(
        "f/skjema/samtykke/index.html",
        html(
            "<h2 id=steg-1>Steg</h2><a href=/bti/f/>Hjem</a>\
             <a href=../../ordliste/#stafett>Stafett</a>\
             <a href=#steg-1>Steg 1</a><a href=#>Topp</a>\
             <img src=../../bilder/a.png srcset=\"../../bilder/a.png 1x, ../../bilder/a-2x.png 2x\" alt=A>\
             <a href=https://www.nav.no/>NAV</a><a href=mailto:a@b.no>E-post</a>\
             <script src=/bti/f/sok/indeks.js></script>",
        )
        .as_bytes(),
        Some("content/f/skjema/samtykke.yaml"),
    );
    index.page(
        "f/ordliste/index.html",
        html("<dl><dt id=stafett>Stafett</dt></dl>").as_bytes(),
        None,
    );
    index.url("sitemap.xml", "https://x.example/bti/f/ordliste/");
    index.url_in("f/sok/indeks.js", "f/", "skjema/samtykke/#steg-1");
    let diags = index.verify();
    assert!(diags.is_empty(), "{:#?}", messages(&diags));
}

#[test]
fn an_anchor_present_on_the_target_page_passes() {
    let index = index();
    // The target page is recorded after the page that links to it.
    index.page(
        "f/a/index.html",
        html("<a href=\"../ordliste/#stafett\">S</a><a href='/bti/f/ordliste/#Ordet'>O</a><a href=#top>Topp</a>").as_bytes(),
        None,
    );
    index.page(
        "f/ordliste/index.html",
        html("<dt id=stafett>S</dt><a name=Ordet></a>").as_bytes(),
        None,
    );
    assert!(index.verify().is_empty());
}

#[test]
fn a_missing_anchor_on_the_same_page_is_reported() {
    let index = index();
    index.page(
        "f/a/index.html",
        html("<a href=#nei>Nei</a>").as_bytes(),
        None,
    );
    let d = one_broken(index);
    assert!(d.message.contains("id=\"nei\""), "{}", d.message);
}

#[test]
fn sitemap_and_search_index_urls_are_checked() {
    let index = index();
    index.page(
        "f/skjema/index.html",
        html("<h2 id=a>A</h2>").as_bytes(),
        None,
    );
    index.url("sitemap.xml", "https://x.example/bti/f/skjema/");
    index.url("sitemap.xml", "https://x.example/bti/f/nei/");
    index.url_in("f/sok/indeks.js", "f/", "skjema/#a");
    index.url_in("f/sok/indeks.js", "f/", "skjema/#b");
    index.url(
        "f/trykk/plakat-a4.pdf (QR code)",
        "https://x.example/bti/f/",
    );
    let mut msgs = messages(&index.verify());
    msgs.sort();
    assert_eq!(msgs.len(), 2, "{msgs:#?}");
    assert!(
        msgs[0].starts_with("f/sok/indeks.js: the URL `skjema/#b`"),
        "{msgs:#?}"
    );
    assert!(
        msgs[1].starts_with("sitemap.xml: the URL `https://x.example/bti/f/nei/`"),
        "{msgs:#?}"
    );
}

#[test]
fn a_path_without_slash_or_extension_may_be_a_folder() {
    let index = index();
    index.page("f/skjema/index.html", html("").as_bytes(), None);
    index.file("f/LISENS");
    index.page(
        "f/a/index.html",
        html("<a href=/bti/f/skjema>S</a><a href=/bti/f/LISENS>L</a><a href=/bti/f>H</a><a href=/bti/f/nei>N</a>").as_bytes(),
        None,
    );
    let d = one_broken(index);
    assert!(
        d.message.contains("`f/nei` or `f/nei/index.html`"),
        "{}",
        d.message
    );
}

#[test]
fn recording_sink_records_pages_and_files_and_forwards_them() {
    let memory = MemorySink::default();
    let index = LinkIndex::new(&base());
    let sink = RecordingSink::new(&memory, &index);
    sink.write("f/assets/main.abc.css", b"body{}").unwrap();
    sink.write("f/index.html", html("<a href=nei/>Nei</a>").as_bytes())
        .unwrap();
    sink.write("../x", b"").unwrap_err();
    assert_eq!(sink.read("f/assets/main.abc.css").unwrap(), b"body{}");
    index.page_source("f/index.html", "content/f/forside.md");
    let diags = index.verify_reading(&memory);
    assert_eq!(diags.len(), 1, "{:#?}", messages(&diags));
    let d = &diags[0];
    assert!(
        d.message
            .starts_with("f/index.html: the link `nei/` (“Nei”) leads to `f/nei/index.html`"),
        "{}",
        d.message
    );
    assert!(d.help.as_ref().unwrap().contains("content/f/forside.md"));
    assert_eq!(memory.into_files().len(), 2);
}

#[test]
fn broken_links_are_read_back_from_the_staging_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let staging = crate::write::Staging::new(&tmp.path().join("public")).unwrap();
    let index = LinkIndex::new(&base());
    let sink = RecordingSink::new(&staging, &index);
    sink.write("f/assets/main.abc.css", b"").unwrap();
    sink.write("f/index.html", html("<a href=./nei/>Nei</a>").as_bytes())
        .unwrap();
    let diags = index.verify_reading(&staging);
    assert_eq!(diags.len(), 1, "{:#?}", messages(&diags));
    let d = &diags[0];
    assert!(
        d.message
            .starts_with("f/index.html: the link `./nei/` (“Nei”)"),
        "{}",
        d.message
    );
    staging.abandon();
}

#[test]
fn pages_recorded_from_many_threads_are_all_seen() {
    use rayon::prelude::*;
    let index = index();
    (0..200).into_par_iter().for_each(|i| {
        let next = (i + 1) % 200;
        index.page(
            &format!("f/p{i}/index.html"),
            html(&format!(
                "<h2 id=h{i}>H</h2><a href=../p{next}/#h{next}>Neste</a>"
            ))
            .as_bytes(),
            None,
        );
    });
    let diags = index.verify();
    assert!(diags.is_empty(), "{:#?}", messages(&diags));
}

/// Pages written with their shared parts marked (as the build writes them) are read as
/// if whole: a part's broken link is reported for each page that holds it, its ids are
/// fragment targets, and the part is read only once.
#[test]
fn shared_parts_are_read_once_and_count_for_every_page_that_holds_them() {
    use crate::write::{MinifiedPage, MinifiedPart};
    use std::sync::Arc;
    let shared = Arc::new(MinifiedPart {
        bytes: b"<footer><h2 id=kontakt>K</h2><a href=/bti/f/borte/>Borte</a></footer>"[..].into(),
        links: Default::default(),
    });
    let page = |own: &str| {
        let head = format!(
            "<!doctype html><html lang=nb><head><title>T</title></head><body><main>{own}</main>"
        );
        let mut bytes = head.clone().into_bytes();
        bytes.extend_from_slice(&shared.bytes);
        let range = head.len()..bytes.len();
        bytes.extend_from_slice(b"</body></html>");
        MinifiedPage {
            bytes,
            parts: vec![(range, shared.clone())],
            skeleton: None,
        }
    };
    assert_a_missing_fragment_and_a_shared_broken_link_on_both_pages(
        &page("<a href=/bti/f/a/#kontakt>A</a>"),
        &page("<a href=/bti/f/#mangler>Hjem</a>"),
    );
    assert!(shared.links.read(), "the part was read");
}

/// Writes `first` as `f/index.html` and `second` as `f/a/index.html`, and checks that the
/// proof reports `second`'s link to the missing `/bti/f/#mangler` and, once for both
/// pages, the link to `/bti/f/borte/` that they share.
fn assert_a_missing_fragment_and_a_shared_broken_link_on_both_pages(
    first: &crate::write::MinifiedPage,
    second: &crate::write::MinifiedPage,
) {
    let out = MemorySink::default();
    let index = LinkIndex::new(&base());
    let sink = RecordingSink::new(&out, &index);
    sink.write_page("f/index.html", first).unwrap();
    sink.write_page("f/a/index.html", second).unwrap();
    let mut msgs = messages(&index.verify_reading(&out));
    msgs.sort();
    assert_eq!(msgs.len(), 2, "{msgs:#?}");
    assert!(msgs[0].contains("`/bti/f/#mangler`"), "{msgs:#?}");
    assert!(msgs[1].contains("`/bti/f/borte/` (“Borte”)"), "{msgs:#?}");
    assert!(
        msgs[1].contains("f/a/index.html") && msgs[1].contains("f/index.html"),
        "{msgs:#?}"
    );
}

/// Pages written with a skeleton they share (as the build writes the pages of one kind)
/// are read as if whole: the skeleton's ids are fragment targets on every page, its broken
/// link is reported for each page that holds it, and it is read only once.
#[test]
fn a_skeleton_many_pages_share_is_read_once_and_counts_for_every_page_that_holds_it() {
    use crate::write::{MinifiedPage, MinifiedPart};
    use std::sync::Arc;
    const SLOT: &str = "<veiviser-shared></veiviser-shared>";
    let skeleton = Arc::new(MinifiedPart::new(
        format!("<!doctype html><html lang=nb><head>{SLOT}</head><body><main id=m>{SLOT}</main><a href=/bti/f/borte/>Borte</a></body></html>")
            .into_bytes(),
    ));
    let page = |title: &str, own: &str| {
        let mut rest = std::str::from_utf8(&skeleton.bytes).unwrap();
        let mut bytes = Vec::new();
        let mut parts = Vec::new();
        for part in [format!("<title>{title}</title>"), own.to_string()] {
            let at = rest.find(SLOT).unwrap();
            bytes.extend_from_slice(&rest.as_bytes()[..at]);
            let start = bytes.len();
            bytes.extend_from_slice(part.as_bytes());
            parts.push((
                start..bytes.len(),
                Arc::new(MinifiedPart::new(part.into_bytes())),
            ));
            rest = &rest[at + SLOT.len()..];
        }
        bytes.extend_from_slice(rest.as_bytes());
        MinifiedPage {
            bytes,
            parts,
            skeleton: Some(skeleton.clone()),
        }
    };
    assert_a_missing_fragment_and_a_shared_broken_link_on_both_pages(
        &page("A", "<a href=/bti/f/a/#m>A</a>"),
        &page("B", "<a href=/bti/f/#mangler>Hjem</a>"),
    );
    assert!(skeleton.links.read(), "the skeleton was read");
}

/// A page of `own` text in `<main>`, then `part` (a part many pages share).
fn own_text_then(
    own: &str,
    part: &std::sync::Arc<crate::write::MinifiedPart>,
) -> crate::write::MinifiedPage {
    let head = format!("<!doctype html><title>T</title><main>{own}</main>");
    let mut bytes = head.clone().into_bytes();
    bytes.extend_from_slice(&part.bytes);
    crate::write::MinifiedPage {
        parts: vec![(head.len()..bytes.len(), part.clone())],
        bytes,
        skeleton: None,
    }
}

/// A page's own text is read without the texts of its links (only a message shows one):
/// a link broken before the output is looked at (outside the base path) is still reported
/// with its text, and the page's other links and ids still count.
#[test]
fn a_broken_link_in_a_pages_own_text_is_reported_with_its_text() {
    use crate::write::MinifiedPart;
    use std::sync::Arc;
    let shared = Arc::new(MinifiedPart::new(
        b"<footer><a href=/bti/f/>Hjem</a></footer>"[..].into(),
    ));
    let page = |own: &str| own_text_then(own, &shared);
    let out = MemorySink::default();
    let index = LinkIndex::new(&base());
    let sink = RecordingSink::new(&out, &index);
    sink.write_page(
        "f/index.html",
        &page("<h2 id=a>A</h2><a href=/bti/f/#a>B</a>"),
    )
    .unwrap();
    sink.write_page(
        "f/b/index.html",
        &page("<a href=/utenfor/>Til <em>utsiden</em></a> <a href=/bti/f/#borte>C</a>"),
    )
    .unwrap();
    let mut msgs = messages(&index.verify_reading(&out));
    msgs.sort();
    assert_eq!(msgs.len(), 2, "{msgs:#?}");
    assert!(msgs[0].contains("`/bti/f/#borte` (“C”)"), "{msgs:#?}");
    assert!(msgs[1].contains("`/utenfor/` (“Til utsiden”)"), "{msgs:#?}");
}

/// A part many pages share is resolved once per thread for its links that lead to the same
/// place from every page; its relative links are resolved for each page. Written from many
/// threads, every page still counts: a relative link broken on some pages is reported for
/// those, a fixed one for all, and the links that leave a kommune's folder are kept for
/// each folder.
#[test]
fn a_shared_parts_fixed_links_count_for_every_page_and_its_relative_links_for_each() {
    use crate::write::MinifiedPart;
    use rayon::prelude::*;
    use std::sync::Arc;
    let shared = Arc::new(MinifiedPart::new(
        b"<nav><a href=../>Opp</a><a href=/utenfor/>Ut</a><a href=/bti/g/>Annen</a>\
          <a href=https://x.example/bti/f/c/#c>C</a><img srcset=\"../a.png 1x, /bti/f/a.png 2x\" alt=A></nav>"
            .to_vec(),
    ));
    let page = |own: &str| own_text_then(own, &shared);
    let out = MemorySink::default();
    let index = LinkIndex::new(&base());
    let sink = RecordingSink::new(&out, &index);
    index.file("f/a.png");
    index.file("f/s1/a.png");
    sink.write_page("f/index.html", &page("Hjem")).unwrap();
    sink.write_page("f/c/index.html", &page("<p id=c>C"))
        .unwrap();
    // Pages one folder down (`../` is f/) and two (`../` is f/sN/, missing but for s1).
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap();
    pool.install(|| {
        (0..60).into_par_iter().for_each(|i| {
            let rel = match i % 2 {
                0 => format!("f/p{i}/index.html"),
                _ => format!("f/s{i}/x/index.html"),
            };
            sink.write_page(&rel, &page(&format!("<h2 id=h{i}>{i}</h2>")))
                .unwrap();
        });
    });
    // Another kommune's page with the part: its links leave its folder for f/.
    sink.write_page("h/index.html", &page("H")).unwrap();
    let leaving = |folder| index.leaving(folder);
    assert_eq!(
        leaving("h"),
        [
            "a.png",
            "f/a.png",
            "f/c/index.html#c",
            "g/index.html",
            "index.html"
        ]
        .map(|t| format!("/bti/{t}"))
    );
    // From f/index.html, `../` leaves f/.
    assert_eq!(
        leaving("f"),
        ["a.png", "g/index.html", "index.html"].map(|t| format!("/bti/{t}"))
    );
    let msgs = messages(&index.verify_reading(&out));
    let with = |link: &str| msgs.iter().filter(|m| m.contains(link)).collect::<Vec<_>>();
    // The fixed links: one message each, for the 63 pages of every thread that hold them.
    for link in ["`/bti/g/` (“Annen”)", "`/utenfor/` (“Ut”)"] {
        let found = with(link);
        assert!(
            found.len() == 1 && found[0].contains("62 more places"),
            "{msgs:#?}"
        );
    }
    // The relative ones, for each page: `../` misses the 30 folders f/sN/ and the root's
    // index.html (from f/ and h/); `../a.png` all but f/s1/a.png, and the root's.
    assert_eq!(with("`../` (“Opp”)").len(), 31, "{msgs:#?}");
    assert_eq!(with("`../a.png`").len(), 30, "{msgs:#?}");
    assert_eq!(msgs.len(), 63, "{msgs:#?}");
}
