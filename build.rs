//! Builds the standard theme (themes/standard: templates, CSS, scripts, UI texts, print
//! templates and fonts) into the binary, so an editor needs nothing but the binary.
//!
//! It writes `$OUT_DIR/theme_standard.rs`, a sorted table of (path inside the theme,
//! `include_bytes!(…)`) that `src/theme_files.rs` includes. A build script rather than a
//! crate such as `include_dir`: cargo re-runs it when any file under themes/standard/ is
//! added, changed or removed (`rerun-if-changed` on a folder scans it), which a macro that
//! only includes the files it saw cannot notice, and it adds no dependency.
//!
//! It also writes `$OUT_DIR/cms_bundle.rs`, the same kind of table for `assets/cms/` (the
//! browser editor that `veiviser serve` offers at /admin/, see src/cms/), and
//! `$OUT_DIR/messages.rs` for the Fluent files in `locales/` (src/messages.rs).

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let theme = manifest.join("themes").join("standard");
    println!("cargo:rerun-if-changed=themes/standard");
    let mut files = Vec::new();
    walk(&theme, &theme, &mut files);
    files.sort();
    assert!(
        files.iter().any(|(rel, _)| rel == "templates/base.html"),
        "themes/standard/ is incomplete: no templates/base.html"
    );
    let mut table = String::from("&[\n");
    for (rel, abs) in &files {
        table.push_str(&format!("    ({rel:?}, include_bytes!({abs:?})),\n"));
    }
    table.push_str("]\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("theme_standard.rs"), table).expect("write theme_standard.rs");

    // The pinned Decap CMS bundle that `veiviser serve` offers at /admin/ (src/cms/).
    let cms = manifest.join("assets").join("cms");
    println!("cargo:rerun-if-changed=assets/cms");
    let mut files = Vec::new();
    walk(&cms, &cms, &mut files);
    files.sort();
    let mut table = String::from("&[\n");
    for (rel, abs) in &files {
        table.push_str(&format!("    ({rel:?}, include_bytes!({abs:?})),\n"));
    }
    table.push_str("]\n");
    std::fs::write(out.join("cms_bundle.rs"), table).expect("write cms_bundle.rs");

    // The messages for people (diagnostics, summaries, --help) in locales/<lang>/*.ftl,
    // read by src/messages.rs.
    let locales = manifest.join("locales");
    println!("cargo:rerun-if-changed=locales");
    let mut files = Vec::new();
    walk(&locales, &locales, &mut files);
    files.sort();
    let mut table = String::from("&[\n");
    for (rel, abs) in files.iter().filter(|(rel, _)| rel.ends_with(".ftl")) {
        table.push_str(&format!("    ({rel:?}, include_str!({abs:?})),\n"));
    }
    table.push_str("]\n");
    std::fs::write(out.join("messages.rs"), table).expect("write messages.rs");

    // On Linux the binary is linked at a fixed address (no PIE). As a PIE, the dynamic
    // loader relocates about 150,000 pointers in the 11 MB of the libraries' tables
    // (`.data.rel.ro`) at every start, copying each page it writes: 6 ms of CPU before
    // `main`, where a build of one kommune takes about 70 ms (docs/benchmarks.md). Hugo's
    // binaries are linked the same way.
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// Every file under `dir`, as (path from `theme` with `/` on every platform, absolute path).
/// Hidden files (`.DS_Store`, editor swap files) are left out.
fn walk(theme: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.expect("read the theme folder");
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(theme, &path, out);
        } else {
            let rel: Vec<String> = path
                .strip_prefix(theme)
                .expect("under the theme")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push((rel.join("/"), path.to_string_lossy().into_owned()));
        }
    }
}
