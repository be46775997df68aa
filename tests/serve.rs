//! The live preview: serve a fixture on a free port, edit its source, and watch the
//! browser's event stream.

mod common;
use common::*;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use common::serve::{start, Server};

fn get(url: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().expect("request");
    let status = response.status().as_u16();
    (
        status,
        response.body_mut().read_to_string().unwrap_or_default(),
    )
}

/// Events from /__veiviser/events as (name, data) pairs.
fn subscribe(base: &str) -> Receiver<(String, String)> {
    let mut response = ureq::get(&format!("{base}__veiviser/events"))
        .call()
        .expect("event stream");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let reader = BufReader::new(response.body_mut().as_reader());
        let (mut name, mut data) = (String::new(), String::new());
        for line in reader.lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("event: ").or(line.strip_prefix("event:")) {
                name = n.trim().to_string();
            } else if let Some(d) = line.strip_prefix("data: ").or(line.strip_prefix("data:")) {
                data.push_str(d);
                data.push('\n');
            } else if line.is_empty()
                && !name.is_empty()
                && tx
                    .send((std::mem::take(&mut name), std::mem::take(&mut data)))
                    .is_err()
            {
                return;
            }
        }
    });
    rx
}

fn wait_for(rx: &Receiver<(String, String)>, wanted: &str) -> String {
    loop {
        let (name, data) = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("no `{wanted}` event"));
        if name == wanted {
            return data;
        }
    }
}

/// The page at `url` once it contains `wanted` (a burst of saves may reload more than once
/// before the last one is served); fails after ten seconds.
fn eventually(url: &str, wanted: &str) -> String {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (_, body) = get(url);
        if body.contains(wanted) || std::time::Instant::now() > until {
            assert!(
                body.contains(wanted),
                "{url} never showed {wanted:?}: {body}"
            );
            return body;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn raw_get(base: &str, path: &str) -> String {
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(host).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn edit_reload_error_overlay_and_recovery() {
    let f = Fixture::kommune();
    let server = start(&f);
    let (status, page) = get(&format!("{}veileder/niva-1/", server.url));
    assert_eq!(status, 200);
    assert!(page.contains("Nivå 1: Testnivå"));
    assert!(
        page.contains("/__veiviser/reload.js"),
        "serve adds the reload client"
    );

    let events = subscribe(&server.url);
    let path = f.root().join("content/testvik/veileder/niva-1.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Nivå 1: Testnivå", "Nivå 1: Endret tittel"),
    )
    .unwrap();
    wait_for(&events, "reload");
    assert!(get(&format!("{}veileder/niva-1/", server.url))
        .1
        .contains("Nivå 1: Endret tittel"));

    // A broken file: the error reaches the browser, the last good page is still served.
    std::fs::write(&path, "---\ntitle: [\n---\n").unwrap();
    let error = wait_for(&events, "build-error");
    assert!(
        error.contains("content/testvik/veileder/niva-1.md"),
        "{error}"
    );
    assert!(get(&format!("{}veileder/niva-1/", server.url))
        .1
        .contains("Nivå 1: Endret tittel"));

    // Fixed: updates resume.
    std::fs::write(
        &path,
        text.replace("Nivå 1: Testnivå", "Nivå 1: Rettet igjen"),
    )
    .unwrap();
    wait_for(&events, "reload");
    assert!(get(&format!("{}veileder/niva-1/", server.url))
        .1
        .contains("Nivå 1: Rettet igjen"));

    // A body-only edit (front matter unchanged) re-renders just that file's pages, and
    // the search index learns the new words.
    let fixed = std::fs::read_to_string(&path).unwrap();
    let index = |server: &Server| {
        get(&format!("{}sok/indeks.js", server.url))
            .1
            .to_lowercase()
    };
    assert!(!index(&server).contains("kvitregnbueord"));
    std::fs::write(
        &path,
        fixed.replace(
            "Mer tekst om nivå 1.",
            "Bare brødteksten er endret med kvitregnbueord.",
        ),
    )
    .unwrap();
    wait_for(&events, "reload");
    let page = eventually(
        &format!("{}veileder/niva-1/", server.url),
        "Bare brødteksten er endret",
    );
    let after = index(&server);
    assert!(
        after.contains("kvitregnbueord"),
        "the search index has the new word"
    );
    assert!(
        after.contains("helsestasjon"),
        "and keeps the other pages' entries"
    );
    assert!(page.contains("Nivå 1: Rettet igjen"));
    assert!(
        get(&format!("{}veileder/", server.url))
            .1
            .contains("Nivå 1: Rettet igjen"),
        "other pages still served"
    );

    // A new page in a new folder is picked up too.
    std::fs::create_dir_all(f.root().join("content/testvik/sider")).unwrap();
    std::fs::write(
        f.root().join("content/testvik/sider/ny.md"),
        "---\ntitle: Helt ny side\n---\nHei.\n",
    )
    .unwrap();
    wait_for(&events, "reload");
    // The reload may be one left over from the edit above: the page comes with the next.
    eventually(&format!("{}ny/", server.url), "Helt ny side");
}

#[test]
fn paths_outside_the_site_get_nothing() {
    let f = Fixture::kommune();
    let server = start(&f);
    for path in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc/passwd",
        "/veileder/../../Cargo.toml",
    ] {
        let response = raw_get(&server.url, path);
        assert!(!response.contains("root:"), "{path}: {response}");
        assert!(
            response.starts_with("HTTP/1.1 404") || response.starts_with("HTTP/1.1 400"),
            "{path}: {response}"
        );
    }
    let (status, body) = get(&format!("{}finnes-ikke/", server.url));
    assert_eq!(status, 404);
    assert!(body.contains("Fant ikke siden"), "the site's own 404 page");
    let css = raw_get(&server.url, "/veileder/");
    assert!(
        css.to_lowercase()
            .contains("content-type: text/html; charset=utf-8"),
        "{css}"
    );
}

#[test]
fn build_output_has_no_reload_client() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    assert!(!f.read("index.html").contains("__veiviser"));
}

/// Resident memory of a process in KB (Linux).
fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Issue 7: 1,000 saves as fast as the disk takes them, alternating body-only edits (the
/// incremental path) with front matter edits (full rebuilds) and, every hundredth save, a
/// broken file. The preview must keep answering, keep its memory bounded, and end on the
/// final content.
#[test]
fn thousand_rapid_edits_keep_serving_and_end_on_final_content() {
    let f = Fixture::kommune();
    let server = start(&f);
    let page = format!("{}veileder/", server.url);
    let path = f.root().join("content/testvik/veileder/index.md");
    assert_eq!(get(&page).0, 200);

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // A reader that keeps requesting the page while the edits run.
    let reader = {
        let stop = std::sync::Arc::clone(&stop);
        let page = page.clone();
        std::thread::spawn(move || {
            let mut answered = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let (status, body) = get(&page);
                assert_eq!(status, 200, "the preview answers during the edits");
                // The last element of every page (the end tags after it are left out).
                assert!(
                    body.contains("<span id=fotnote-tilbake hidden>"),
                    "a whole page, never a half-written one"
                );
                answered += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
            answered
        })
    };

    let mut rss_early = 0;
    for i in 0..1000 {
        let text = if i % 100 == 50 {
            // Broken front matter: an error, then fixed by the next save.
            "---\ntitle: [\n---\nØdelagt.\n".to_string()
        } else if i % 2 == 0 {
            format!("---\ntitle: \"Veilederen\"\n---\n## Om\n\nEndring {i}.\n")
        } else {
            format!("---\ntitle: \"Veilederen {i}\"\n---\n## Om\n\nEndring {i}.\n")
        };
        std::fs::write(&path, text).unwrap();
        if i == 100 {
            std::thread::sleep(Duration::from_millis(500));
            rss_early = rss_kb(server.child.id());
        }
    }
    // The last save (999) changed the title too.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let (status, body) = get(&page);
        if status == 200 && body.contains("Endring 999.") && body.contains("Veilederen 999") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the preview did not settle on the last save"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let answered = reader.join().expect("no failed request");
    assert!(
        answered > 10,
        "the page was requested during the edits ({answered})"
    );
    let rss_end = rss_kb(server.child.id());
    assert!(
        rss_end < 300_000,
        "serve uses {rss_end} KB after 1,000 edits"
    );
    assert!(
        rss_early == 0 || rss_end < rss_early * 3 + 50_000,
        "memory grows with edits: {rss_early} KB after 100, {rss_end} KB after 1,000"
    );
}

#[test]
fn placeholders_from_new_are_served_with_a_notice_and_go_away_when_filled_in() {
    let f = Fixture::kommune();
    let path = f.root().join("content/testvik/kommune.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let with_placeholder = yaml.replace("number: \"9911\"", "number: \"9999\"");
    assert_ne!(with_placeholder, yaml, "the fixture has number: \"9911\"");
    std::fs::write(&path, &with_placeholder).unwrap();

    // The preview serves the site (build would refuse it) and says what to fill in.
    let server = start(&f);
    let (status, _) = get(&format!("{}veileder/niva-1/", server.url));
    assert_eq!(status, 200);
    let events = subscribe(&server.url);
    let notice = wait_for(&events, "notice");
    assert!(
        notice.contains("content/testvik/kommune.yaml:2:10")
            && notice.contains("still has the placeholder `9999`"),
        "{notice}"
    );

    std::fs::write(&path, &yaml).unwrap();
    wait_for(&events, "reload");
    let events = subscribe(&server.url);
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        events.try_iter().all(|(name, _)| name != "notice"),
        "no notice once the placeholder is gone"
    );
}
