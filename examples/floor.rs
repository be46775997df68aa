//! The floor for build benchmarks: the least work a static site generator must do per page,
//! with no templates, no site model and no checks.
//!
//!     cargo run --release --example floor -- <content dir> <out dir>
//!
//! Reads every `.md` file under the content folder, drops the front matter, renders the
//! Markdown with pulldown-cmark (veiviser's options), minifies the HTML as veiviser does
//! (`veiviser::minify`) and writes `<out>/<path>/index.html`, in parallel with rayon like
//! veiviser does. `scripts/bench-build.sh` runs it on the Hugo corpus (one Markdown file
//! per page, the same pages as the veiviser site) and compares both generators with it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

/// The same allocator as the veiviser binary.
#[global_allocator]
static ALLOCATOR: veiviser::allocator::Allocator = veiviser::allocator::Allocator;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, out] = args.as_slice() else {
        eprintln!("usage: floor <content dir> <out dir>");
        std::process::exit(2);
    };
    let (content, out) = (Path::new(content), Path::new(out));
    let started = Instant::now();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(content)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let _ = std::fs::remove_dir_all(out);
    let bytes: usize = files
        .par_iter()
        .map(|path| {
            let source = std::fs::read_to_string(path).expect("read");
            let body = strip_front_matter(&source);
            let mut html = String::with_capacity(body.len() * 3 / 2 + 64);
            html.push_str("<!DOCTYPE html><html lang=\"nb\"><body>\n");
            let parser = pulldown_cmark::Parser::new_ext(body, veiviser::markdown::options());
            pulldown_cmark::html::push_html(&mut html, parser);
            html.push_str("</body></html>\n");
            let minified = veiviser::minify::minify_html(&html);
            let dest = out.join(page_dir(
                path.strip_prefix(content).expect("inside content"),
            ));
            std::fs::create_dir_all(&dest).expect("create dir");
            std::fs::write(dest.join("index.html"), &minified).expect("write");
            minified.len()
        })
        .sum();
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "Floor: {} pages, {bytes} bytes in {secs:.2} s ({:.0} pages/s)",
        files.len(),
        files.len() as f64 / secs
    );
}

/// `a/b.md` → `a/b`, `a/_index.md` or `a/index.md` → `a`.
fn page_dir(rel: &Path) -> PathBuf {
    let stem = rel.file_stem().unwrap_or_default();
    let parent = rel.parent().unwrap_or(Path::new("")).to_path_buf();
    if stem == "_index" || stem == "index" {
        parent
    } else {
        parent.join(stem)
    }
}

fn strip_front_matter(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
        .unwrap_or(text)
}
