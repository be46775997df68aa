//! The preview's HTTP side (axum): files from the in-memory build, the live-reload script
//! and the event stream. Paths never reach the file system, so nothing outside the site
//! can be served.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

use super::{LiveEvent, Shared};

const RELOAD_JS: &str = include_str!("reload.js");
const RELOAD_TAG: &str = "<script src=\"/__veiviser/reload.js\" defer></script>";

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/__veiviser/events", get(events))
        .route("/__veiviser/reload.js", get(reload_js))
        .fallback(get(file))
        .with_state(shared)
}

async fn reload_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        RELOAD_JS,
    )
        .into_response()
}

async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = shared.events.subscribe();
    let pending = shared
        .error
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let notice = shared
        .notice
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let initial = tokio_stream::iter(
        pending
            .map(|text| Ok(Event::default().event("build-error").data(text)))
            .into_iter()
            .chain(notice.map(|text| Ok(Event::default().event("notice").data(text)))),
    );
    let updates = BroadcastStream::new(receiver).filter_map(|message| match message {
        Ok(LiveEvent::Reload(generation)) => Some(Ok(Event::default()
            .event("reload")
            .data(generation.to_string()))),
        Ok(LiveEvent::Error(text)) => Some(Ok(Event::default().event("build-error").data(text))),
        Err(_) => None,
    });
    Sse::new(initial.chain(updates)).keep_alive(KeepAlive::default())
}

async fn file(State(shared): State<Arc<Shared>>, uri: Uri, headers: HeaderMap) -> Response {
    let raw = uri.path();
    let Ok(path) = percent_encoding::percent_decode_str(raw).decode_utf8() else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    let site = Arc::clone(&shared.site.read().unwrap_or_else(|e| e.into_inner()));
    let unsafe_path = path.contains('\0')
        || path.contains('\\')
        || path.split('/').any(|s| s == ".." || s == ".");
    if !unsafe_path {
        let key = path.trim_start_matches('/');
        let key = if key.is_empty() || key.ends_with('/') {
            format!("{key}index.html")
        } else {
            key.to_string()
        };
        if let Some(bytes) = site.get(&key) {
            if crate::film::is_film(&key) {
                return respond_film(&key, bytes, headers.get(header::RANGE));
            }
            return respond(&key, bytes, StatusCode::OK);
        }
        if site.contains_key(&format!("{key}/index.html")) {
            let location = format!("{raw}/");
            return (
                StatusCode::PERMANENT_REDIRECT,
                [(header::LOCATION, location)],
            )
                .into_response();
        }
    }
    not_found(&site, &path)
}

/// The site's own 404 page: the kommune's when the path is inside one, else the root's.
fn not_found(site: &std::collections::HashMap<String, Vec<u8>>, path: &str) -> Response {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let candidates = [format!("{first}/404.html"), "404.html".to_string()];
    for key in candidates {
        if let Some(bytes) = site.get(&key) {
            return respond(&key, bytes, StatusCode::NOT_FOUND);
        }
    }
    // No good build yet: a bare page that still gets the error overlay.
    let shell = format!("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>veiviser</title></head><body><h1>Ingen side her ennå</h1>{RELOAD_TAG}</body></html>");
    respond("404.html", shell.as_bytes(), StatusCode::NOT_FOUND)
}

/// A film, whole or the byte range the browser asks for (Safari plays a film only from a
/// server that answers range requests).
fn respond_film(key: &str, bytes: &[u8], range: Option<&HeaderValue>) -> Response {
    let wanted = range.and_then(|r| r.to_str().ok());
    let mut response = match wanted.map(|r| byte_range(r, bytes.len())) {
        None => respond(key, bytes, StatusCode::OK),
        Some(Some((start, end))) => {
            let mut response = respond(key, &bytes[start..=end], StatusCode::PARTIAL_CONTENT);
            let value = format!("bytes {start}-{end}/{}", bytes.len());
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(header::CONTENT_RANGE, value);
            }
            response
        }
        Some(None) => {
            let mut response = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            if let Ok(value) = HeaderValue::from_str(&format!("bytes */{}", bytes.len())) {
                response.headers_mut().insert(header::CONTENT_RANGE, value);
            }
            response
        }
    };
    response
        .headers_mut()
        .insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    response
}

/// `bytes=a-b`, `bytes=a-` or `bytes=-n` of a file of `len` bytes: the first and last byte,
/// or None when the range is not one the file has (several ranges are not offered).
fn byte_range(header: &str, len: usize) -> Option<(usize, usize)> {
    let spec = header.trim().strip_prefix("bytes=")?;
    if spec.contains(',') || len == 0 {
        return None;
    }
    let (a, b) = spec.split_once('-')?;
    let (a, b) = (a.trim(), b.trim());
    let (start, end) = if a.is_empty() {
        let n: usize = b.parse().ok()?;
        (len.checked_sub(n.min(len))?, len - 1)
    } else {
        let start: usize = a.parse().ok()?;
        let end = if b.is_empty() {
            len - 1
        } else {
            b.parse::<usize>().ok()?.min(len - 1)
        };
        (start, end)
    };
    (start <= end && end < len).then_some((start, end))
}

/// The Content-Type of a file of the site: films and their captions named outright, so a
/// browser plays them whatever the MIME table of the machine says.
fn content_type(key: &str) -> String {
    let ext = key.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("vtt") => return "text/vtt; charset=utf-8".into(),
        Some(e) => {
            if let Some((_, mime)) = crate::film::FORMATS.iter().find(|(f, _)| *f == e) {
                return (*mime).into();
            }
        }
        None => {}
    }
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    if mime.type_() == "text" || mime.essence_str() == "application/javascript" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    }
}

fn respond(key: &str, bytes: &[u8], status: StatusCode) -> Response {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let body: Vec<u8> = if is_html {
        inject_reload(bytes)
    } else {
        bytes.to_vec()
    };
    let content_type = content_type(key);
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn inject_reload(html: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{RELOAD_TAG}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{RELOAD_TAG}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reload_script_goes_before_body_end() {
        let out = String::from_utf8(inject_reload(b"<html><body><p>x</p></body></html>")).unwrap();
        assert!(out.ends_with(&format!("{RELOAD_TAG}</body></html>")));
    }

    #[test]
    fn films_are_served_in_byte_ranges() {
        assert_eq!(byte_range("bytes=0-", 10), Some((0, 9)));
        assert_eq!(byte_range("bytes=0-1", 10), Some((0, 1)));
        assert_eq!(byte_range("bytes=2-99", 10), Some((2, 9)));
        assert_eq!(byte_range("bytes=-3", 10), Some((7, 9)));
        assert_eq!(byte_range("bytes=10-", 10), None);
        assert_eq!(byte_range("bytes=5-2", 10), None);
        assert_eq!(byte_range("bytes=0-1,3-4", 10), None);
        assert_eq!(byte_range("items=0-1", 10), None);
        let range = HeaderValue::from_static("bytes=2-4");
        let response = respond_film("bilder/a.mp4", b"0123456789", Some(&range));
        assert_eq!(response.status(), StatusCode::PARTIAL_CONTENT);
        assert_eq!(response.headers()[header::CONTENT_RANGE], "bytes 2-4/10");
        assert_eq!(response.headers()[header::ACCEPT_RANGES], "bytes");
        let whole = respond_film("bilder/a.mp4", b"0123456789", None);
        assert_eq!(whole.status(), StatusCode::OK);
        assert_eq!(whole.headers()[header::CONTENT_TYPE], "video/mp4");
    }

    #[test]
    fn films_and_captions_have_their_mime_types() {
        assert_eq!(content_type("fjordvik/bilder/bti.mp4"), "video/mp4");
        assert_eq!(content_type("bilder/bti.WEBM"), "video/webm");
        assert_eq!(content_type("bilder/bti.nb.vtt"), "text/vtt; charset=utf-8");
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("bilder/a.png"), "image/png");
    }
}
