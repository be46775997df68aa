//! Entry points for the cargo-fuzz targets in `fuzz/` (see docs/fuzzing.md). Not an API:
//! each function takes a fuzzer's bytes and must never panic, whatever they are.
//!
//! The content targets put the input into a copy of a small kommune (`fuzz/fixture/`, loaded
//! once, with one of everything a page can refer to) and take it through the same stages
//! as `veiviser build`: the file is read (UTF-8, BOM, CRLF), parsed (front matter, YAML into
//! the content model), the kommune is checked, and only when the check finds no error (the
//! build stops there otherwise) its pages are rendered with the theme, minified and indexed
//! for search. Every new diagnostic on the way is rendered as the terminal and
//! `--format json` would show it.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::build::{Plan, Prepared, Select};
use crate::config::{BaseUrl, SiteConfig};
use crate::content::Doc;
use crate::diagnostics::{Diagnostic, JsonDiagnostic};
use crate::load::FileEntry;
use crate::parse::{parse_file, Parsed};
use crate::progress::Progress;
use crate::render::{KommuneRenderer, Theme};
use crate::route::Route;
use crate::search::{self, Layout, SearchDocument};
use crate::site::{Kommune, Variants};
use crate::source::SourceFile;

/// The fixture's kommune, whose copy each input goes into.
const KOMMUNE: &str = "minivik";

/// A diagnostic's identity, to tell the fixture's own warnings from new ones.
type DiagKey = (Option<String>, usize, usize, &'static str, String);

fn key(d: &Diagnostic) -> DiagKey {
    (
        d.file.as_ref().map(|f| f.display.clone()),
        d.line,
        d.column,
        d.code,
        d.message.clone(),
    )
}

/// What every input is rendered against, loaded once per process.
struct Fixture {
    config: SiteConfig,
    theme: Arc<Theme>,
    kommune: Kommune,
    base: BaseUrl,
    today: chrono::NaiveDate,
    /// The check's warnings about the fixture itself (not rendered again for every input).
    known: HashSet<DiagKey>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let project =
            crate::load::Project::load(&repo.join("fuzz/fixture")).expect("fuzz/fixture loads");
        let (mut kommuner, diags) = crate::resolve::resolve(&project, Some(KOMMUNE));
        assert!(
            !crate::diagnostics::has_errors(&diags),
            "fuzz/fixture resolves"
        );
        let kommune = kommuner.remove(0);
        let (theme, _) =
            Theme::load(repo, &project.config.theme, &kommune.languages).expect("the theme loads");
        let base = BaseUrl::parse(&project.config.base_url).expect("the fixture's base_url");
        // Fixed, so a crash reproduces on any day (review dates are compared to it).
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).expect("a valid date");
        let mut known = crate::check::check_kommune(&kommune, today);
        known.extend(crate::check::check_kommuner(std::slice::from_ref(&kommune)));
        assert!(
            !crate::diagnostics::has_errors(&known),
            "fuzz/fixture checks without errors"
        );
        Fixture {
            config: project.config.clone(),
            theme: Arc::new(theme),
            kommune,
            base,
            today,
            known: known.iter().map(key).collect(),
        }
    })
}

/// Load the fixture now, so the first input is not timed with it.
pub fn init() {
    fixture();
}

/// How far an input got, for tests of the targets (the fuzzers ignore it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reached {
    /// Not a text file (invalid UTF-8).
    Nothing,
    /// Read, but it does not parse as the content it stands for.
    Read,
    /// Parsed, but the check finds an error, so the build would stop there.
    Parsed,
    /// Checked without errors, rendered, minified and indexed.
    Rendered,
}

/// Markdown files the markdown target parses its input as (each path is a kind of page).
const MARKDOWN_PATHS: &[&str] = &[
    "veileder/fuzz.md",
    "opplaering/fuzz.md",
    "trykk/fuzz.md",
    "sider/fuzz.md",
    "index.md",
    "veileder/index.md",
];

/// The `markdown_page` target: `data` as a Markdown file with front matter.
pub fn markdown_page(data: &[u8]) -> Reached {
    let fx = fixture();
    let Some(text) = read(data) else {
        return Reached::Nothing;
    };
    let mut parsed = Vec::new();
    // A syntax error is the same for every kind of page: render each distinct one once.
    let mut seen = HashSet::new();
    for rel in MARKDOWN_PATHS {
        match parse(rel, &text) {
            Ok(p) => parsed.push(p),
            Err(d) => {
                if seen.insert((d.code, d.message.clone(), d.line, d.column)) {
                    show(&[d]);
                }
            }
        }
    }
    // Check and render one kind per input: the most specific that parsed. A front matter
    // with only `title:` is a free page, the front page and the guide's intro at once;
    // which of them is taken follows the input's length.
    let choice = parsed
        .iter()
        .position(|p| matches!(p, Parsed::Level(_) | Parsed::Module(_) | Parsed::Print(_)))
        .or_else(|| (!parsed.is_empty()).then(|| data.len() % parsed.len()));
    let Some(doc) = choice.map(|i| parsed.swap_remove(i)) else {
        return Reached::Read;
    };
    let mut k = copy(&fx.kommune);
    let routes: Vec<Route> = match doc {
        Parsed::Level(doc) => {
            let number = doc.data.level;
            let default = k.default_lang().to_string();
            k.levels
                .retain(|v| v.primary(&default).data.level != number);
            k.levels.push(one(doc));
            k.levels.sort_by_key(|v| v.primary(&default).data.level);
            vec![Route::Level("fuzz".into()), Route::GuideIndex]
        }
        Parsed::Module(doc) => {
            k.modules.insert("fuzz".into(), one(doc));
            vec![Route::Module("fuzz".into()), Route::TrainingIndex]
        }
        Parsed::Print(doc) => {
            k.prints.insert("fuzz".into(), one(doc));
            Vec::new()
        }
        Parsed::Page(doc) => {
            k.pages.insert("fuzz".into(), one(doc));
            vec![Route::Page("fuzz".into())]
        }
        Parsed::Front(doc) => {
            k.front = Some(one(doc));
            vec![Route::Front]
        }
        Parsed::GuideIntro(doc) => {
            k.guide_intro = Some(one(doc));
            vec![Route::GuideIndex]
        }
        _ => return Reached::Read,
    };
    check_and_render(&k, &routes, |_| {})
}

/// The `form_service_yaml` target: `data` as a form (`skjema/`) and as a service
/// (`tjenester/`).
/// Returns the furthest either got.
pub fn form_service_yaml(data: &[u8]) -> Reached {
    let fx = fixture();
    let Some(text) = read(data) else {
        return Reached::Nothing;
    };
    let form = match parse("skjema/fuzz.yaml", &text) {
        Ok(Parsed::Form(doc)) => {
            let mut k = copy(&fx.kommune);
            k.forms.insert("fuzz".into(), one(doc));
            let routes = [Route::Form("fuzz".into()), Route::FormsIndex];
            check_and_render(&k, &routes, |r| {
                r.md("nb", "Fyll ut {{ form fuzz }}.\n");
            })
        }
        Ok(_) => Reached::Read,
        Err(d) => {
            show(&[d]);
            Reached::Read
        }
    };
    let service = match parse("tjenester/fuzz.yaml", &text) {
        Ok(Parsed::Service(doc)) => {
            let mut k = copy(&fx.kommune);
            k.services.insert("fuzz".into(), one(doc));
            let routes = [Route::Service("fuzz".into()), Route::ServicesIndex];
            check_and_render(&k, &routes, |r| {
                r.md(
                    "nb",
                    "Se {{ service_link fuzz }}.\n\n{{ service fuzz }}\n\nOg {{ service fuzz }}.\n",
                );
            })
        }
        Ok(_) => Reached::Read,
        Err(d) => {
            show(&[d]);
            Reached::Read
        }
    };
    form.max(service)
}

/// The `search_tokenizer` target: `data` (as UTF-8, invalid sequences replaced) through the
/// tokenizer, the stemmer of every language and the index builder.
///
/// The input is cut into documents at NUL characters; in each, the first line is the title,
/// the second the keywords (separated by `,`) and the rest the body text.
pub fn search_tokenizer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let langs = crate::i18n::LANGUAGES.iter().map(|l| l.code);
    for token in search::tokenize(&text) {
        for lang in langs.clone() {
            let stem = search::stem_normalized(&token, lang);
            assert!(
                stem.len() <= token.len(),
                "a stem is never longer than its token"
            );
        }
    }
    for word in text.split_whitespace().take(64) {
        let normalized = search::normalize_word(word);
        for lang in langs.clone() {
            search::stem(&normalized, lang);
        }
    }
    search::for_each_token(&text, |token, start, end| {
        assert!(
            start <= end && end <= text.len(),
            "token span inside the text"
        );
        assert!(!token.is_empty(), "no empty tokens");
    });
    let excerpt = search::excerpt(&text);
    assert!(
        excerpt.chars().count() <= search::EXCERPT_CHARS + 1,
        "the excerpt is cut"
    );

    let docs: Vec<SearchDocument> = text
        .split('\0')
        .take(32)
        .enumerate()
        .map(|(i, part)| {
            let mut lines = part.splitn(3, '\n');
            let title = lines.next().unwrap_or_default();
            let keywords = lines.next().unwrap_or_default();
            SearchDocument {
                url: format!("side-{i}/"),
                title: title.to_string(),
                kind: if i % 2 == 0 { "Side" } else { "Skjema" }.into(),
                keywords: keywords
                    .split(',')
                    .filter(|k| !k.trim().is_empty())
                    .map(str::to_string)
                    .collect(),
                text: lines.next().unwrap_or_default().to_string(),
            }
        })
        .collect();
    let lang = ["nb", "nn", "en", "ar"][data.len() % 4];
    let index = search::build_index(&docs, lang);
    assert_eq!(index["n"], docs.len(), "every document is indexed");
    // The same documents cut into the smallest parts: every part is a script with JSON.
    let tiny = Layout {
        inline_bytes: 0,
        shard_bytes: 64,
        chunk_docs: 2,
    };
    let files = search::build(&docs, lang, tiny);
    for (_, part) in &files.parts {
        let json = part
            .split_once("]=")
            .map(|(_, rest)| rest.trim_end().trim_end_matches(';'))
            .unwrap_or_default();
        assert!(
            serde_json::from_str::<serde_json::Value>(json).is_ok(),
            "a part file holds valid JSON"
        );
    }
}

/// The `link_reader` target: the link proof's quicker reader (`verify::scan`) must find
/// in `data` what html5gum's tokenizer finds, or leave it to html5gum. Returns whether
/// the quicker reader read it.
pub fn link_reader(data: &[u8]) -> bool {
    crate::verify::quick_reader_agrees(data)
}

/// The `minifier` target: the quick minifier (`minify::quick`) must minify `data` as
/// minify-html-onepass does, or leave it to that minifier. Returns whether it took it.
pub fn minifier(data: &[u8]) -> bool {
    // minify-html-onepass panics on some inputs; the comparison catches that, and libFuzzer's
    // panic hook (which aborts) must not see it. Any other panic still reaches it.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(crate::minify::quiet_one_pass_panics);
    match crate::minify::quick::agrees_with_one_pass(data) {
        Ok(taken) => taken,
        Err(difference) => panic!("the minifiers differ\n{difference}"),
    }
}

/// The input as a source file's text, the way `load` reads a file.
fn read(data: &[u8]) -> Option<String> {
    match SourceFile::from_bytes(format!("content/{KOMMUNE}/fuzz"), data.to_vec()) {
        Ok(file) => Some(file.text.clone()),
        Err(d) => {
            show(&[d]);
            None
        }
    }
}

/// Parse `text` as the file `rel` of the kommune, as `parse_unit` does.
fn parse(rel: &str, text: &str) -> Result<Parsed, Diagnostic> {
    let file = Arc::new(SourceFile::new(
        format!("content/{KOMMUNE}/{rel}"),
        text.to_string(),
    ));
    let default_lang = fixture().kommune.default_lang().to_string();
    match parse_file(rel, &FileEntry::Text(file), &default_lang, &mut Vec::new())? {
        Some(parsed) => Ok(parsed),
        None => Err(Diagnostic::error("fuzz", "nothing parsed")),
    }
}

/// Check `k` like the build; when there is no error, render `jobs` in every language of the
/// kommune (in all but the default one, the input is shown as a fallback), minify the pages
/// and index them for search.
/// Then `more` gets the renderer, for more rendering.
fn check_and_render(k: &Kommune, routes: &[Route], more: impl FnOnce(&KommuneRenderer)) -> Reached {
    let fx = fixture();
    let mut diags = crate::check::check_kommune(k, fx.today);
    diags.extend(crate::check::check_kommuner(std::slice::from_ref(k)));
    crate::check::dedupe(&mut diags);
    crate::diagnostics::sort(&mut diags);
    diags.retain(|d| !fx.known.contains(&key(d)));
    show(&diags);
    if crate::diagnostics::has_errors(&diags) {
        return Reached::Parsed;
    }
    // The build's own rendering, into nowhere: render, minify and index for search.
    let prepared = Prepared {
        config: &fx.config,
        project: None,
        theme: Arc::clone(&fx.theme),
        base: fx.base.clone(),
        regional: true,
        base_from_command_line: false,
        relative: false,
        today: fx.today,
        #[cfg(feature = "print")]
        pdf_cache: None,
        incremental: None,
    };
    let plan = Plan {
        pdf: false,
        select: Select::Routes(routes),
        progress: &Progress::hidden(),
        keep_search: false,
        previous: None,
    };
    if let Err(diags) = crate::build::render(
        &prepared,
        std::slice::from_ref(k),
        plan,
        &crate::write::Discard,
    ) {
        show(&diags);
    }
    let urls = prepared.urls(k);
    let assets = crate::render::Assets {
        css_href: "assets/main.css".into(),
        search_script_href: Some("assets/search.js".into()),
        forms_script_href: Some("assets/forms.js".into()),
    };
    let renderer = KommuneRenderer::new(
        &fx.theme,
        k,
        &fx.config,
        urls,
        fx.today,
        &assets,
        Some(fx.base.path.clone()),
    );
    more(&renderer);
    Reached::Rendered
}

/// Render diagnostics as `check` prints them (terminal and JSON).
fn show(diags: &[Diagnostic]) {
    for d in diags {
        d.render(false);
        let _ = serde_json::to_string(&JsonDiagnostic::from(d));
    }
}

/// A kommune that shares every document with `k`, to be changed without touching it.
fn copy(k: &Kommune) -> Kommune {
    Kommune {
        slug: k.slug.clone(),
        config: k.config.clone(),
        config_file: Arc::clone(&k.config_file),
        languages: k.languages.clone(),
        front: k.front.as_ref().map(variants),
        guide_intro: k.guide_intro.as_ref().map(variants),
        levels: k.levels.iter().map(variants).collect(),
        forms: map(&k.forms),
        services: map(&k.services),
        modules: map(&k.modules),
        pages: map(&k.pages),
        arenas: map(&k.arenas),
        prints: map(&k.prints),
        glossary: k.glossary.as_ref().map(variants),
        glossary_layers: k
            .glossary_layers
            .iter()
            .map(|l| crate::content::glossary::Layer {
                unit: l.unit.clone(),
                files: variants(&l.files),
            })
            .collect(),
        contacts: k.contacts.as_ref().map(variants),
        events: k.events.as_ref().map(variants),
        assets: k.assets.clone(),
        origins: k.origins.clone(),
        broken: k.broken.clone(),
    }
}

fn variants<T>(v: &Variants<T>) -> Variants<T> {
    Variants {
        id: v.id.clone(),
        docs: v.docs.clone(),
    }
}

fn map<T>(
    m: &std::collections::BTreeMap<String, Variants<T>>,
) -> std::collections::BTreeMap<String, Variants<T>> {
    m.iter().map(|(id, v)| (id.clone(), variants(v))).collect()
}

fn one<T>(doc: Arc<Doc<T>>) -> Variants<T> {
    Variants {
        id: doc.id.clone(),
        docs: vec![doc],
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The inputs in `fuzz/corpus/<target>/`: all of them, or only the seeds (named after
    /// the files they come from; the fuzzers' additions are named by their SHA-1).
    pub(crate) fn corpus(target: &str, all: bool) -> Vec<(String, Vec<u8>)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(target);
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&p).unwrap())
            })
            .filter(|(name, _)| {
                all || !(name.len() == 40 && name.bytes().all(|b| b.is_ascii_hexdigit()))
            })
            .collect();
        files.sort();
        files
    }

    /// The fixture has everything the seeds refer to, so every seed page, form and service
    /// passes the check and is rendered (a seed that stops at the check leaves the renderer
    /// unfuzzed). Set VEIVISER_FUZZ_CORPUS=1 to run every input of the corpus too (what
    /// the fuzzers found stays fixed); that is slow in a debug build.
    #[test]
    fn seeds_go_all_the_way() {
        let all = std::env::var_os("VEIVISER_FUZZ_CORPUS").is_some();
        for (name, data) in corpus("markdown_page", all) {
            let reached = markdown_page(&data);
            if name.ends_with(".md") {
                assert_eq!(
                    reached,
                    Reached::Rendered,
                    "fuzz/corpus/markdown_page/{name}"
                );
            }
        }
        for (name, data) in corpus("form_service_yaml", all) {
            let reached = form_service_yaml(&data);
            if name.ends_with(".yaml") {
                assert_eq!(
                    reached,
                    Reached::Rendered,
                    "fuzz/corpus/form_service_yaml/{name}"
                );
            }
        }
        // Demo pages and tricky markup the quicker reader reads; odd markup it leaves.
        let pages = corpus("link_reader", all);
        assert!(pages.len() >= 40);
        for (name, page) in pages {
            let quick = link_reader(&page);
            if name.starts_with("demo-") || name.starts_with("tricky-") {
                assert!(quick, "fuzz/corpus/link_reader/{name} left to html5gum");
            } else if name.starts_with("odd-") {
                assert!(!quick, "fuzz/corpus/link_reader/{name} read quickly");
            }
        }
        // Parts of demo pages and tricky markup the quick minifier takes; odd markup it leaves.
        let parts = corpus("minifier", all);
        assert!(parts.len() >= 30);
        for (name, part) in parts {
            let quick = minifier(&part);
            if name.starts_with("demo-") || name.starts_with("tricky-") {
                assert!(
                    quick,
                    "fuzz/corpus/minifier/{name} left to the one-pass minifier"
                );
            } else if name.starts_with("odd-") {
                assert!(!quick, "fuzz/corpus/minifier/{name} minified quickly");
            }
        }
        let seeds = corpus("search_tokenizer", all);
        assert!(seeds.len() >= 10);
        for (_, data) in seeds {
            search_tokenizer(&data);
        }
    }

    #[test]
    fn every_shortcode_resolves_in_the_fixture() {
        let page = "---\ntitle: Om oss\nkeywords: [barn]\n---\n## Hei\n\nI {{ kommune }} \
                    ({{ kommune_full }}): {{ form samtykke }}, {{ level 1 }}, \
                    {{ term undringssamtale }}, {{ arena ansvarsgruppe }}, \
                    {{ service_link helsestasjon }}, [ordliste](/ordliste/#undringssamtale).\n\n\
                    {{ service helsestasjon }}\n\n{{ contacts skole }}\n";
        assert_eq!(markdown_page(page.as_bytes()), Reached::Rendered);
        let unknown = page.replace("{{ form samtykke }}", "{{ form finnes-ikke }}");
        assert_eq!(markdown_page(unknown.as_bytes()), Reached::Parsed);
    }

    #[test]
    fn bad_input_stops_where_the_build_would() {
        assert_eq!(markdown_page(b"\xff\xfe"), Reached::Nothing);
        assert_eq!(markdown_page(b""), Reached::Read);
        assert_eq!(markdown_page(b"---\ntitle: [\n---\n"), Reached::Read);
        let broken_link = "---\ntitle: A\n---\n[x](/finnes-ikke/)\n";
        assert_eq!(markdown_page(broken_link.as_bytes()), Reached::Parsed);
        assert_eq!(
            markdown_page(b"---\r\ntitle: A\r\n---\r\n\xef\xbb\xbfTekst"),
            Reached::Rendered
        );
        assert_eq!(form_service_yaml(b"title: x\n"), Reached::Read);
        assert_eq!(form_service_yaml(b"\xc3"), Reached::Nothing);
        for input in [
            &b""[..],
            b"\xff",
            b"a\0b\nc,d\ne",
            "Kjære Øyvind".as_bytes(),
        ] {
            search_tokenizer(input);
        }
    }
}
