//! A synthetic site like a national build's, for a test and the measurements.

use super::html::{collect, tokenize, Found, Texts};
use super::tests::{base, messages};
use super::LinkIndex;

const SECTIONS: [&str; 8] = [
    "veileder",
    "tjenester",
    "skjema",
    "arenaer",
    "kurs",
    "ordliste",
    "kontakt",
    "a-a",
];
/// Language folders: the default language has none.
const LANGUAGES: [&str; 5] = ["", "en/", "se/", "ar/", "uk/"];
const FOOTER: [&str; 3] = ["personvern", "tilgjengelighet", "om"];

/// Output path of page `i` of kommune `k` in language folder `l`.
fn synthetic_path(k: &str, l: &str, i: usize) -> String {
    format!("{k}/{l}side-{i}/index.html")
}

/// Page `i` (of `pages` per language) of kommune `k` in language folder `l`, like the
/// theme's, minified and unquoted: header, navigation, language switcher and footer (the
/// same on every page), and `parts` sections with an id and four links each (two into
/// the site, with and without a fragment, and two out of it). 20 parts: about 10 KB and
/// 100 links; 40: about 18 KB.
pub(super) fn synthetic_page(k: &str, l: &str, i: usize, pages: usize, parts: usize) -> String {
    use std::fmt::Write as _;
    let mut p = String::with_capacity(20_000);
    let _ = write!(
        p,
        "<!doctype html><html lang=nb dir=ltr><head><meta charset=utf-8><meta name=viewport content=\"width=device-width, initial-scale=1\">\
         <title>Side {i} – {k}</title><link rel=canonical href=https://x.example/bti/{k}/{l}side-{i}/>"
    );
    for other in LANGUAGES {
        let _ = write!(
            p,
            "<link rel=alternate hreflang={other} href=https://x.example/bti/{k}/{other}side-{i}/>"
        );
    }
    let _ = write!(
        p,
        "<link rel=stylesheet href=/bti/{k}/assets/main.abc.css></head><body><a class=skip-link href=#hovedinnhold>Hopp til innholdet</a>\
         <header class=site-header><div class=header-inner><a class=brand href=/bti/{k}/><img class=brand-logo src=/bti/{k}/bilder/logo.png alt=\"{k} kommune\" width=48 height=48>\
         <span class=brand-title>Bedre tverrfaglig innsats</span></a><form class=header-search role=search action=/bti/{k}/sok/ method=get>\
         <label for=header-q>Søk</label><span class=search-row><input id=header-q name=q type=search autocomplete=off><button type=submit>Søk</button></span></form></div>\
         <nav class=main-nav aria-label=Hovedmeny><ul>"
    );
    for s in SECTIONS {
        let _ = write!(p, "<li><a href=/bti/{k}/{s}/>{s}</a></li>");
    }
    p.push_str("</ul></nav></header><nav class=language-nav aria-label=Språk><ul>");
    for other in LANGUAGES {
        let _ = write!(
            p,
            "<li><a href=/bti/{k}/{other}side-{i}/ lang={other} hreflang={other} dir=ltr>{other}</a></li>"
        );
    }
    let _ = write!(
        p,
        "</ul></nav><nav class=breadcrumbs aria-label=Brødsmuler><ol><li><a href=/bti/{k}/>Forside</a></li><li aria-current=page>Side {i}</li></ol></nav>\
         <main id=hovedinnhold tabindex=-1><div class=page-content><h1>Side {i}</h1>"
    );
    for j in 0..parts {
        let n = (i * 7 + j * 13) % pages;
        let _ = write!(
            p,
            "<h2 id=del-{j}>Del {j}: når du er bekymret</h2><p>Når en ansatt er bekymret for et barn, skal hen snakke med barnet og \
             foreldrene, og dokumentere samtalen. Les mer i <a href=/bti/{k}/{l}side-{n}/#del-{j}>del {j} av side {n}</a> og på \
             <a href=../side-{n}/>side {n}</a>. Se også <a href=https://www.bufdir.no/>Bufdir</a> eller ring \
             <a href=tel:+4722222222>22 22 22 22</a> hele døgnet.</p>"
        );
    }
    let _ = write!(
        p,
        "</div></main><footer class=site-footer><div class=footer-inner><ul class=plain>"
    );
    for s in FOOTER {
        let _ = write!(p, "<li><a href=/bti/{k}/{s}/>{s}</a></li>");
    }
    let _ = write!(
        p,
        "<li><a href=mailto:post@{k}.kommune.no>post@{k}.kommune.no</a></li></ul></div></footer>\
         <script src=/bti/{k}/assets/search.abc.js></script></body></html>"
    );
    p
}

/// Record the files the synthetic pages of kommune `k` link to, other than the pages.
fn synthetic_files(index: &LinkIndex, k: &str) {
    for s in SECTIONS.iter().chain(&FOOTER).chain(&["sok"]) {
        index.file(&format!("{k}/{s}/index.html"));
    }
    for f in [
        "index.html",
        "assets/main.abc.css",
        "assets/search.abc.js",
        "bilder/logo.png",
    ] {
        index.file(&format!("{k}/{f}"));
    }
}

#[test]
fn the_synthetic_site_of_the_measurements_has_no_broken_links() {
    let index = LinkIndex::new(&base());
    synthetic_files(&index, "k");
    for l in LANGUAGES {
        for i in 0..20 {
            let page = synthetic_page("k", l, i, 20, 20);
            index.page(&synthetic_path("k", l, i), page.as_bytes(), None);
        }
    }
    let diags = index.verify();
    assert!(diags.is_empty(), "{:#?}", messages(&diags));
}

/// CPU time of this thread, in seconds: on a shared machine the wall clock also counts
/// the time other processes had the CPU.
fn thread_cpu_secs() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill in.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

/// Throughput of [`LinkIndex::page`] on one thread (CPU time) and on all (wall clock),
/// on pages of about 18 KB: run with
/// `cargo test --release --lib verify::bench::throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    use rayon::prelude::*;
    const PAGES: usize = 400;
    let pages: Vec<(String, String)> = LANGUAGES
        .iter()
        .flat_map(|l| {
            (0..PAGES).map(move |i| {
                (
                    synthetic_path("k", l, i),
                    synthetic_page("k", l, i, PAGES, 40),
                )
            })
        })
        .collect();
    let count = pages.len();
    let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
    let mb_s = |secs: f64| bytes as f64 / secs / 1e6;
    for round in 0..3 {
        for (reader, read) in [
            ("quick reader", collect as fn(&str) -> Found),
            ("html5gum", |page: &str| {
                tokenize(page.as_bytes(), Texts::Read)
            }),
        ] {
            let started = thread_cpu_secs();
            let mut links = 0;
            for (_, page) in &pages {
                links += read(page).links.len();
            }
            let secs = thread_cpu_secs() - started;
            println!(
                "round {round}: {reader} alone, 1 thread (CPU time): {count} pages of {:.1} KB with {} links: {:.0} MB/s, {:.0} pages/s",
                bytes as f64 / count as f64 / 1e3,
                links / count,
                mb_s(secs),
                count as f64 / secs
            );
        }
        let index = LinkIndex::new(&base());
        synthetic_files(&index, "k");
        let started = thread_cpu_secs();
        for (rel, page) in &pages {
            index.page(rel, page.as_bytes(), None);
        }
        let secs = thread_cpu_secs() - started;
        println!(
            "round {round}: page(), 1 thread (CPU time): {:.0} MB/s, {:.0} pages/s",
            mb_s(secs),
            count as f64 / secs
        );
        let started = thread_cpu_secs();
        let diags = index.verify();
        println!(
            "round {round}: verify(): {:.1} ms, {} diagnostics",
            (thread_cpu_secs() - started) * 1e3,
            diags.len()
        );
        assert!(diags.is_empty(), "{:#?}", messages(&diags));
        let index = LinkIndex::new(&base());
        let started = std::time::Instant::now();
        pages.par_iter().for_each(|(rel, page)| {
            index.page(rel, page.as_bytes(), None);
        });
        let secs = started.elapsed().as_secs_f64();
        println!(
            "round {round}: page(), {} threads (wall clock): {:.0} MB/s, {:.0} pages/s",
            rayon::current_num_threads(),
            mb_s(secs),
            count as f64 / secs
        );
    }
}

/// Memory and time for a national build's pages (357 kommuner of 30 pages in 5
/// languages, about 10 KB and 100 links each): run with
/// `cargo test --release --lib verify::bench::memory_of_a_national_build -- --ignored --nocapture`.
#[test]
#[ignore]
fn memory_of_a_national_build() {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    const KOMMUNER: usize = 357;
    const PAGES: usize = 30;
    let index = LinkIndex::new(&base());
    let (links, bytes, busy) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let started = std::time::Instant::now();
    (0..KOMMUNER).into_par_iter().for_each(|k| {
        let k = format!("k{k}");
        synthetic_files(&index, &k);
        (0..PAGES * LANGUAGES.len()).into_par_iter().for_each(|n| {
            let (l, i) = (LANGUAGES[n / PAGES], n % PAGES);
            let page = synthetic_page(&k, l, i, PAGES, 20);
            let recorded = thread_cpu_secs();
            index.page(&synthetic_path(&k, l, i), page.as_bytes(), None);
            let spent = (thread_cpu_secs() - recorded) * 1e6;
            busy.fetch_add(spent as usize, Ordering::Relaxed);
            links.fetch_add(collect(&page).links.len(), Ordering::Relaxed);
            bytes.fetch_add(page.len(), Ordering::Relaxed);
        });
    });
    let wall = started.elapsed().as_secs_f64();
    let pages = KOMMUNER * PAGES * LANGUAGES.len();
    let heap = index.heap_bytes();
    let links = links.load(Ordering::Relaxed);
    let bytes = bytes.load(Ordering::Relaxed);
    let busy = busy.load(Ordering::Relaxed) as f64 / 1e6;
    println!(
        "{pages} pages, {:.0} MB of HTML, {links} links ({} per page): page() {busy:.1} s of CPU ({:.0} MB/s per thread), \
         {wall:.1} s wall with making the pages; index ≈ {:.1} MB ({:.1} bytes per link)",
        bytes as f64 / 1e6,
        links / pages,
        bytes as f64 / busy / 1e6,
        heap as f64 / 1e6,
        heap as f64 / links as f64
    );
    let (mut paths, mut strings, mut encoded, mut ids) = (0, 0, 0, 0);
    for shard in index.shards.iter() {
        let shard = shard.lock().unwrap();
        paths += shard.paths.ends.len();
        strings += shard.paths.heap_bytes() + shard.frags.heap_bytes() + shard.names.heap_bytes();
        encoded += shard.holders.iter().map(|h| h.links.len()).sum::<usize>();
        ids += shard.holders.iter().map(|h| h.ids.len() * 4).sum::<usize>();
    }
    println!(
        "of which: {paths} paths, interned strings {:.1} MB, links {:.1} MB, ids {:.1} MB",
        strings as f64 / 1e6,
        encoded as f64 / 1e6,
        ids as f64 / 1e6
    );
    let started = std::time::Instant::now();
    let diags = index.verify();
    println!(
        "verify(): {:.2} s, {} diagnostics",
        started.elapsed().as_secs_f64(),
        diags.len()
    );
    assert!(
        diags.is_empty(),
        "{:#?}",
        messages(&diags[..diags.len().min(5)])
    );
}
