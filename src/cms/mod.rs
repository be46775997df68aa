//! The browser editor of `veiviser serve`, at /admin/: Decap CMS (pinned, embedded in the
//! binary from assets/cms/, MIT), its configuration made from the content model
//! ([`config`]), and the local file API it saves through ([`api`]). Only the preview
//! offers it; `build` never writes it.
//!
//! Safety: every request must name the preview itself as `Host` (and as `Origin` when the
//! browser sends one), so no other web page, and no DNS name rebound to 127.0.0.1, can
//! read or write files through it; the editor is off when the preview listens on more
//! than loopback; writes go only into content/ ([`files`]).

pub mod api;
pub mod config;
pub mod fields;
pub mod files;

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

/// The Decap CMS files, (name, bytes), made by build.rs from assets/cms/.
const BUNDLE: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/cms_bundle.rs"));
const INDEX: &str = include_str!("index.html");
/// Uploaded images and films come in one request, as base64.
const MAX_REQUEST: usize = 64 * 1024 * 1024;

pub struct CmsOptions {
    pub root: PathBuf,
    pub kommune: Option<String>,
    pub bind: IpAddr,
    pub port: u16,
}

struct Cms {
    root: PathBuf,
    kommune: Option<String>,
    loopback: bool,
    hosts: Vec<String>,
}

pub fn router(opts: CmsOptions) -> Router {
    let root = opts.root.canonicalize().unwrap_or(opts.root);
    let port = opts.port;
    let mut hosts = vec![
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ];
    if opts.bind.is_loopback() {
        hosts.push(match opts.bind {
            IpAddr::V4(ip) => format!("{ip}:{port}"),
            IpAddr::V6(ip) => format!("[{ip}]:{port}"),
        });
    }
    let cms = Arc::new(Cms {
        root,
        kommune: opts.kommune,
        loopback: opts.bind.is_loopback(),
        hosts,
    });
    Router::new()
        .route("/admin", get(|| async { redirect("/admin/") }))
        .route("/admin/", get(index))
        .route("/admin/config.yml", get(config_yml))
        .route("/admin/api/v1", post(api))
        .route("/admin/{file}", get(bundle_file))
        .layer(DefaultBodyLimit::max(MAX_REQUEST))
        .layer(middleware::from_fn_with_state(Arc::clone(&cms), guard))
        .with_state(cms)
}

fn redirect(to: &'static str) -> Response {
    (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, to)]).into_response()
}

fn refuse(status: StatusCode, text: String) -> Response {
    let body = serde_json::json!({ "error": text }).to_string();
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Only the preview's own pages may use the editor (see the module comment).
async fn guard(State(cms): State<Arc<Cms>>, request: Request, next: Next) -> Response {
    if !cms.loopback {
        return refuse(
            StatusCode::FORBIDDEN,
            "Redigering i nettleseren er slått av fordi forhåndsvisningen er åpen for andre maskiner (--bind). Start `veiviser serve` uten --bind for å redigere.".into(),
        );
    }
    match allowed(&cms, request.method(), request.headers()) {
        Ok(()) => next.run(request).await,
        Err(why) => refuse(StatusCode::FORBIDDEN, why),
    }
}

fn allowed(cms: &Cms, method: &Method, headers: &HeaderMap) -> Result<(), String> {
    let header = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let host = header(header::HOST).unwrap_or("");
    if !cms.hosts.iter().any(|h| h == host) {
        return Err(format!(
            "Avvist: adressen «{host}» er ikke forhåndsvisningen. Åpne redigeringen fra http://{}/admin/.",
            cms.hosts[0]
        ));
    }
    if let Some(origin) = header(header::ORIGIN) {
        if origin != format!("http://{host}") {
            return Err(format!(
                "Avvist: forespørselen kommer fra en annen nettside ({origin})."
            ));
        }
    }
    if method == Method::POST {
        let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
        if site.is_some_and(|s| s != "same-origin") {
            return Err("Avvist: forespørselen kommer fra en annen nettside.".into());
        }
        // A JSON body cannot be sent across sites without the browser asking first.
        let json = header(header::CONTENT_TYPE).is_some_and(|t| t.starts_with("application/json"));
        if !json {
            return Err("Avvist: forespørselen må være JSON.".into());
        }
    }
    Ok(())
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn index() -> Response {
    no_store(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], INDEX).into_response())
}

async fn config_yml(State(cms): State<Arc<Cms>>, headers: HeaderMap) -> Response {
    // The guard has checked that Host is the preview.
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1");
    let api_url = format!("http://{host}/admin/api/v1");
    let text = config::yaml(&cms.root, cms.kommune.as_deref(), &api_url);
    no_store(([(header::CONTENT_TYPE, "text/yaml; charset=utf-8")], text).into_response())
}

async fn bundle_file(UrlPath(name): UrlPath<String>) -> Response {
    let Some((_, bytes)) = BUNDLE.iter().find(|(n, _)| *n == name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mime = if name.ends_with(".js") {
        "text/javascript; charset=utf-8"
    } else if name.ends_with(".wasm") {
        "application/wasm"
    } else {
        "text/plain; charset=utf-8"
    };
    ([(header::CONTENT_TYPE, mime)], *bytes).into_response()
}

async fn api(State(cms): State<Arc<Cms>>, body: Bytes) -> Response {
    let request: api::Request = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, format!("Ugyldig forespørsel: {e}")),
    };
    let cms = Arc::clone(&cms);
    let answer = tokio::task::spawn_blocking(move || {
        let units = config::units(&cms.root, cms.kommune.as_deref());
        api::Api {
            root: &cms.root,
            units: &units,
        }
        .handle(&request)
    })
    .await;
    let (status, value) =
        answer.unwrap_or_else(|e| (500, serde_json::json!({ "error": e.to_string() })));
    if status != 200 {
        eprintln!(
            "{}",
            crate::msg!("cms-error", error = value["error"].as_str().unwrap_or(""))
        );
    }
    no_store(
        (
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            value.to_string(),
        )
            .into_response(),
    )
}

#[cfg(test)]
mod tests;
