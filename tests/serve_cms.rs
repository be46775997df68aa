//! The browser editor of `veiviser serve` (issue 19), over real HTTP against a running
//! preview: the editor and its generated configuration are served at /admin/, a save
//! writes the file and the preview rebuilds, and every request the file API must refuse
//! is refused (foreign Origin or Host, paths outside content/, `..`, absolute paths,
//! symbolic links, non-JSON bodies). `build` never writes the editor.

mod common;
use common::*;

use std::io::{BufRead, BufReader};

use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use common::serve::{start, Server};

/// The preview's event stream: (event name, data) as they come.
fn subscribe(base: &str) -> std::sync::mpsc::Receiver<(String, String)> {
    let mut response = ureq::get(&format!("{base}__veiviser/events"))
        .call()
        .expect("event stream");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let reader = BufReader::new(response.body_mut().as_reader());
        let (mut name, mut data) = (String::new(), String::new());
        for line in reader.lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("event:") {
                name = n.trim().to_string();
            } else if let Some(d) = line.strip_prefix("data:") {
                data.push_str(d.trim_start());
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

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn get(url: &str) -> (u16, String) {
    let mut response = agent().get(url).call().expect("request");
    let status = response.status().as_u16();
    (
        status,
        response.body_mut().read_to_string().unwrap_or_default(),
    )
}

/// POST to the file API with the headers a browser on the preview sends, replaced or
/// added to by `headers`.
fn api(s: &Server, body: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let origin = format!("http://127.0.0.1:{}", s.port);
    let mut all: Vec<(&str, &str)> =
        vec![("Content-Type", "application/json"), ("Origin", &origin)];
    for (name, value) in headers {
        all.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        all.push((name, value));
    }
    let mut request = agent().post(&format!("{}admin/api/v1", s.url));
    for (name, value) in all {
        request = request.header(name, value);
    }
    let mut response = request.send(body).expect("request");
    let status = response.status().as_u16();
    (
        status,
        response.body_mut().read_to_string().unwrap_or_default(),
    )
}

fn persist(path: &str, raw: &str) -> String {
    serde_json::json!({
        "action": "persistEntry",
        "params": {"dataFiles": [{"path": path, "raw": raw}], "assets": []}
    })
    .to_string()
}

#[test]
fn the_editor_and_its_configuration_are_served_at_admin() {
    let f = Fixture::kommune();
    let s = start(&f);
    let (status, html) = get(&format!("{}admin/", s.url));
    assert_eq!(status, 200);
    assert!(html.contains("decap-cms.js"), "{html}");
    let (status, js) = get(&format!("{}admin/decap-cms.js", s.url));
    assert_eq!(status, 200);
    assert!(js.len() > 1_000_000, "the pinned bundle is served");
    let (status, config) = get(&format!("{}admin/config.yml", s.url));
    assert_eq!(status, 200);
    let config: serde_json::Value = veiviser::yaml::from_str(&config).unwrap();
    assert_eq!(config["backend"]["name"], "proxy");
    let names: Vec<&str> = config["collections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    for wanted in [
        "testvik-veileder",
        "testvik-skjema",
        "testvik-tjenester",
        "testvik-filer",
    ] {
        assert!(names.contains(&wanted), "{wanted} in {names:?}");
    }
}

#[test]
fn a_save_writes_the_file_and_the_preview_shows_it() {
    let f = Fixture::kommune();
    let s = start(&f);
    let path = "content/testvik/tjenester/helsestasjon.yaml";
    let (status, body) = api(
        &s,
        &serde_json::json!({"action": "getEntry", "params": {"path": path}}).to_string(),
        &[],
    );
    assert_eq!(status, 200, "{body}");
    let entry: serde_json::Value = serde_json::from_str(&body).unwrap();
    let mut edited: serde_json::Value =
        veiviser::yaml::from_str(entry["data"].as_str().unwrap()).unwrap();
    edited["description"] = "Nytt nummer 99 88 77 66.".into();
    let raw = veiviser::yaml::to_string(&edited);
    let (status, body) = api(&s, &persist(path, &raw), &[]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(std::fs::read_to_string(f.root().join(path)).unwrap(), raw);
    let leftovers: Vec<_> = std::fs::read_dir(f.root().join("content/testvik/tjenester"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file is left: {leftovers:?}"
    );
    let started = Instant::now();
    loop {
        let (_, page) = get(&format!("{}tjenester/helsestasjon/", s.url));
        if page.contains("Nytt nummer 99 88 77 66.") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the preview never showed the save"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn an_invalid_save_shows_the_error_and_keeps_the_last_good_preview() {
    let f = Fixture::kommune();
    let s = start(&f);
    let (_, before) = get(&format!("{}tjenester/helsestasjon/", s.url));
    assert!(before.contains("Helsestasjonen følger opp barn."));
    let events = subscribe(&s.url);
    let path = "content/testvik/tjenester/helsestasjon.yaml";
    let (status, body) = api(
        &s,
        &persist(path, "name: \"Helsestasjonen\"\nages: {from: 0, to: 99}\n"),
        &[],
    );
    assert_eq!(status, 200, "{body}");
    // The open pages get the error for their overlay, naming the file.
    let started = Instant::now();
    let error = loop {
        let (name, data) = events
            .recv_timeout(Duration::from_secs(60).saturating_sub(started.elapsed()))
            .expect("a build error is reported");
        if name == "build-error" {
            break data;
        }
    };
    assert!(error.contains("helsestasjon.yaml"), "{error}");
    let (status, after) = get(&format!("{}tjenester/helsestasjon/", s.url));
    assert_eq!(status, 200);
    assert!(
        after.contains("Helsestasjonen følger opp barn."),
        "the last good page is still served"
    );
}

#[test]
fn the_file_api_refuses_what_it_must() {
    let f = Fixture::kommune();
    let outside = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), f.root().join("content/testvik/lenke")).unwrap();
    let s = start(&f);
    let ok = persist("content/testvik/tjenester/ny.yaml", "name: x\n");
    let foreign_origin = api(&s, &ok, &[("Origin", "http://evil.example")]);
    assert_eq!(foreign_origin.0, 403, "{}", foreign_origin.1);
    let foreign_host = raw_post(&s, &format!("evil.example:{}", s.port), &ok);
    assert!(foreign_host.starts_with("HTTP/1.1 403"), "{foreign_host}");
    let cross_site = api(&s, &ok, &[("Sec-Fetch-Site", "cross-site")]);
    assert_eq!(cross_site.0, 403, "{}", cross_site.1);
    let not_json = api(&s, &ok, &[("Content-Type", "text/plain")]);
    assert_eq!(not_json.0, 403, "{}", not_json.1);
    assert!(!f.root().join("content/testvik/tjenester/ny.yaml").exists());
    let cases = [
        ("content/../veiviser.yaml", "«..»"),
        ("content/testvik/../../veiviser.yaml", "«..»"),
        ("/etc/passwd", "relative"),
        ("veiviser.yaml", "content/"),
        ("themes/standard/templates/base.html", "content/"),
        #[cfg(unix)]
        ("content/testvik/lenke/x.yaml", "symbolsk lenke"),
    ];
    for (path, why) in cases {
        let (status, body) = api(&s, &persist(path, "x: 1\n"), &[]);
        assert_eq!(status, 403, "{path}: {body}");
        assert!(body.contains(why), "{path}: {body}");
        let read = serde_json::json!({"action": "getEntry", "params": {"path": path}}).to_string();
        assert_eq!(api(&s, &read, &[]).0, 403, "reading {path}");
    }
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

/// A POST with a Host header of our choosing (HTTP clients set their own), as a page on a
/// DNS name rebound to 127.0.0.1 would send it.
fn raw_post(s: &Server, host: &str, body: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    write!(
        stream,
        "POST /admin/api/v1 HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
}

#[test]
fn build_never_writes_the_editor() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--no-pdf"]));
    let admin: Vec<_> = walkdir::WalkDir::new(f.out())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "admin" || e.file_name() == "decap-cms.js")
        .collect();
    assert!(admin.is_empty(), "{admin:?}");
}
