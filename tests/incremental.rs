//! Rebuild only what changed (`build` with the manifest in `.veiviser-cache/`): a kommune
//! whose inputs are unchanged is taken over from the previous output, its folder moved
//! whole into the new output, so its files and folders keep their inode; a kommune that
//! changed is written anew. The result must be the
//! same bytes as a clean build. Also: pages minified by their shared parts
//! (`build/shared.rs`) are the bytes of pages minified whole.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The demo content (three kommuner inheriting `felles`) in a temporary folder.
fn demo_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["content", "themes"] {
        copy_dir(&repo().join(sub), &dir.path().join(sub));
    }
    std::fs::copy(
        repo().join("veiviser.yaml"),
        dir.path().join("veiviser.yaml"),
    )
    .unwrap();
    dir
}

/// `build --no-pdf` into `out`; the `incremental:` line of VEIVISER_TIMINGS.
fn build(root: &Path, out: &Path, extra: &[&str]) -> String {
    build_said(root, out, extra)
        .lines()
        .find(|l| l.starts_with("incremental:"))
        .unwrap_or_default()
        .to_string()
}

/// `build --no-pdf` into `out`, with VEIVISER_TIMINGS: what it says.
fn build_said(root: &Path, out: &Path, extra: &[&str]) -> String {
    let run = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--no-pdf", "--out"])
        .arg(out)
        .arg("--root")
        .arg(root)
        .args(extra)
        .env("NO_COLOR", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .env("VEIVISER_TIMINGS", "1")
        .output()
        .unwrap();
    assert_ok(&run);
    stderr(&run)
}

/// Every file of the output by path, with its inode.
fn inodes(out: &Path) -> BTreeMap<String, u64> {
    walk(out)
        .into_iter()
        .map(|(rel, path)| (rel, std::fs::metadata(path).unwrap().ino()))
        .collect()
}

fn walk(out: &Path) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let rel = path
                    .strip_prefix(out)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.push((rel, path));
            }
        }
    }
    files.sort();
    files
}

/// The two output trees hold the same files with the same bytes.
fn assert_same_tree(a: &Path, b: &Path) {
    let (fa, fb) = (walk(a), walk(b));
    let names = |f: &[(String, PathBuf)]| f.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>();
    assert_eq!(names(&fa), names(&fb), "the same files");
    for ((rel, pa), (_, pb)) in fa.iter().zip(&fb) {
        assert!(
            std::fs::read(pa).unwrap() == std::fs::read(pb).unwrap(),
            "{rel} differs from a clean build"
        );
    }
}

/// Paths whose inode changed between two builds (written anew), as their top folder.
fn rewritten(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>) -> Vec<String> {
    let mut tops: Vec<String> = after
        .iter()
        .filter(|(rel, ino)| before.get(*rel) != Some(*ino))
        .map(|(rel, _)| match rel.split_once('/') {
            Some((top, _)) if ["fjordvik", "solvberg", "bjorkedal"].contains(&top) => top.into(),
            _ => "(root)".into(),
        })
        .collect();
    tops.sort();
    tops.dedup();
    tops
}

#[test]
fn an_edited_page_rewrites_only_its_kommune_and_the_result_equals_a_clean_build() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 0 kommuner reused, 3 rendered"
    );
    let first = inodes(&out);

    // Nothing changed: every kommune is taken over, and not one file is written (the
    // landing page, sitemap and robots.txt are made again, the same).
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 3 kommuner reused, 0 rendered"
    );
    let second = inodes(&out);
    assert!(rewritten(&first, &second).is_empty());

    // One page of Solvberg edited: Solvberg alone is rendered again; the others' folders
    // are moved into the new output whole, not made again.
    let folder = |name: &str| std::fs::metadata(out.join(name)).unwrap().ino();
    let folders = || [folder("fjordvik"), folder("bjorkedal"), folder("solvberg")];
    let before = folders();
    let page = root.join("content/solvberg/index.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nEn ny setning om Solvberg.\n")).unwrap();
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 2 kommuner reused, 1 rendered"
    );
    let third = inodes(&out);
    assert_eq!(rewritten(&second, &third), ["(root)", "solvberg"]);
    let after = folders();
    assert_eq!(
        after[..2],
        before[..2],
        "the unchanged kommuner's folders kept"
    );
    assert_ne!(after[2], before[2], "the edited kommune's folder made anew");
    let front = std::fs::read_to_string(out.join("solvberg/index.html")).unwrap();
    assert!(front.contains("En ny setning om Solvberg."));

    let clean = root.join("clean");
    build(root, &clean, &["--clean"]);
    assert_same_tree(&out, &clean);
}

#[test]
fn a_file_or_folder_added_to_a_kommunes_output_by_hand_renders_it_again_without_them() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    build(root, &out, &[]);
    std::fs::write(out.join("fjordvik/fremmed.html"), "<p>lagt hit</p>").unwrap();
    std::fs::create_dir(out.join("bjorkedal/skjema/tom")).unwrap();
    // Kept whole, their folders would bring them along: they are rendered again instead.
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 1 kommuner reused, 2 rendered"
    );
    assert!(!out.join("fjordvik/fremmed.html").exists());
    assert!(!out.join("bjorkedal/skjema/tom").exists());
    let clean = root.join("clean");
    build(root, &clean, &["--clean"]);
    assert_same_tree(&out, &clean);
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 3 kommuner reused, 0 rendered"
    );
}

#[test]
fn a_change_to_a_shared_base_or_the_settings_renders_every_kommune_again() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    build(root, &out, &[]);
    // A project's fonts are never read (prints use the built-in ones): one more is no change.
    std::fs::write(
        root.join("themes/standard/fonts/Egen.ttf"),
        "ikke en skrift",
    )
    .unwrap();
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 3 kommuner reused, 0 rendered"
    );
    let glossary = root.join("content/felles/ordliste.yaml");
    let text = std::fs::read_to_string(&glossary).unwrap();
    std::fs::write(&glossary, format!("{text}\n# endret\n")).unwrap();
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 0 kommuner reused, 3 rendered"
    );
    let config = root.join("veiviser.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\n# endret\n")).unwrap();
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 0 kommuner reused, 3 rendered"
    );
    // --clean reuses nothing.
    assert_eq!(
        build(root, &out, &["--clean"]),
        "incremental: 0 kommuner reused, 3 rendered"
    );
    // Another base URL is another site.
    assert_eq!(
        build(root, &out, &["--base-url", "https://bti.example.no/"]),
        "incremental: 0 kommuner reused, 3 rendered"
    );
}

#[test]
fn a_file_changed_in_the_output_by_hand_is_not_taken_over_and_a_failed_build_keeps_the_output() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    build(root, &out, &[]);
    // Someone edited the published output: that kommune is rendered again, not trusted.
    std::fs::write(out.join("fjordvik/index.html"), "<p>feil</p>").unwrap();
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 2 kommuner reused, 1 rendered"
    );
    let before = inodes(&out);
    let page = std::fs::read(out.join("fjordvik/index.html")).unwrap();
    // A build that fails (a broken kommune.yaml) leaves the output as it was.
    let config = root.join("content/solvberg/kommune.yaml");
    std::fs::write(&config, "name: [\n").unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--no-pdf", "--out"])
        .arg(&out)
        .arg("--root")
        .arg(root)
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_fails(&run);
    assert_eq!(inodes(&out), before);
    assert_eq!(
        std::fs::read(out.join("fjordvik/index.html")).unwrap(),
        page
    );
}

/// `build --no-pdf` into `out`: (stdout, the `incremental-unloaded:` line of
/// VEIVISER_TIMINGS).
fn build_report(root: &Path, out: &Path, env: &[(&str, &str)]) -> (String, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--no-pdf", "--out"])
        .arg(out)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .env("VEIVISER_TIMINGS", "1")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert_ok(&run);
    let unloaded = stderr(&run)
        .lines()
        .find(|l| l.starts_with("incremental-unloaded:"))
        .unwrap_or_default()
        .to_string();
    // Everything it says but the timings and the time taken (that differs every time).
    let said = String::from_utf8_lossy(&run.stdout).into_owned() + &stderr(&run);
    let timing = [
        "incremental",
        "verify-links",
        "link-reader:",
        "minifier:",
        "shared-parts:",
        "page-skeletons:",
        "rendered-parts:",
        "pdf-cache",
        "search-index",
        "load-and-check:",
        "theme:",
        "check:",
        "prepare:",
        "render:",
        "swap:",
        "manifest:",
        "output-unchanged:",
    ];
    let report = said
        .lines()
        .filter(|l| !timing.iter().any(|t| l.starts_with(t)))
        .map(|l| l.split(" in ").next().unwrap_or(l).to_string())
        .collect::<Vec<_>>()
        .join("\n");
    (report, unloaded)
}

/// Set a file's modification time.
fn set_mtime(path: &Path, time: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

#[test]
fn a_rebuild_without_changes_loads_no_kommune_and_reports_what_a_full_build_reports() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    let (full, unloaded) = build_report(root, &out, &[]);
    assert_eq!(
        unloaded,
        "incremental-unloaded: 0 kommuner taken over without loading"
    );
    let (again, unloaded) = build_report(root, &out, &[]);
    assert_eq!(
        unloaded,
        "incremental-unloaded: 3 kommuner taken over without loading"
    );
    assert_eq!(again, full);
    assert!(full.contains("Built 575 pages for 3 kommuner"), "{full}");
    let clean = root.join("clean");
    build(root, &clean, &["--clean"]);
    assert_same_tree(&out, &clean);
}

#[test]
fn a_kommune_with_warnings_is_checked_again_on_every_build_so_they_are_shown_again() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    // Years later every review date has passed: warnings on every kommune's pages.
    let late = [("VEIVISER_TODAY", "2031-01-01")];
    let (full, _) = build_report(root, &out, &late);
    assert!(!full.contains("(0 warnings)"), "{full}");
    let (again, unloaded) = build_report(root, &out, &late);
    assert_eq!(
        unloaded,
        "incremental-unloaded: 0 kommuner taken over without loading"
    );
    assert_eq!(again, full);
}

#[test]
fn an_edit_that_keeps_the_modification_time_but_not_the_size_is_seen() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    let page = root.join("content/bjorkedal/index.md");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    set_mtime(&page, old);
    build(root, &out, &[]);
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        format!("{text}\nBjørkedal har fått en ny setning.\n"),
    )
    .unwrap();
    set_mtime(&page, old);
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 2 kommuner reused, 1 rendered"
    );
    let front = std::fs::read_to_string(out.join("bjorkedal/index.html")).unwrap();
    assert!(front.contains("Bjørkedal har fått en ny setning."));
}

#[test]
fn a_touched_but_unchanged_file_is_read_again_and_its_kommune_still_taken_over() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    build(root, &out, &[]);
    set_mtime(
        &root.join("content/solvberg/index.md"),
        std::time::SystemTime::now(),
    );
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 3 kommuner reused, 0 rendered"
    );
}

#[test]
fn a_deleted_file_renders_its_kommune_again_and_the_result_equals_a_clean_build() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    build(root, &out, &[]);
    std::fs::remove_file(root.join("content/solvberg/tjenester/logoped.yaml")).unwrap();
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 2 kommuner reused, 1 rendered"
    );
    let clean = root.join("clean");
    build(root, &clean, &["--clean"]);
    assert_same_tree(&out, &clean);
}

#[test]
fn a_link_to_a_missing_id_on_a_taken_over_page_fails_the_build() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    build(root, &out, &[]);
    // Solvberg links to a heading of Fjordvik's front page, which is taken over unread.
    let page = root.join("content/solvberg/sider/om.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let site = "https://www.midtfjord-regionen.example/bti/fjordvik/";
    std::fs::write(
        &page,
        format!("{text}\nSe [Fjordvik]({site}#hovedinnhold).\n"),
    )
    .unwrap();
    assert_eq!(
        build(root, &out, &[]),
        "incremental: 2 kommuner reused, 1 rendered"
    );
    let before = inodes(&out);
    std::fs::write(
        &page,
        format!("{text}\nSe [Fjordvik]({site}#finnes-ikke).\n"),
    )
    .unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--no-pdf", "--out"])
        .arg(&out)
        .arg("--root")
        .arg(root)
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_fails(&run);
    // The kommuner taken over are still in the output, which is as it was.
    assert_eq!(inodes(&out), before);
    let err = stderr(&run) + &String::from_utf8_lossy(&run.stdout);
    // The message is wrapped to the terminal's width.
    let flat: String = err
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect();
    assert!(
        flat.contains("leadstofjordvik/index.html,whichhasnoelementwithid=\"finnes-ikke\""),
        "{err}"
    );
}

#[test]
fn pages_minified_by_their_shared_parts_equal_pages_minified_whole() {
    let dir = demo_copy();
    let root = dir.path();
    let shared = root.join("shared");
    let whole = root.join("whole");
    build(root, &shared, &["--clean"]);
    build_report(root, &whole, &[("VEIVISER_MINIFY_WHOLE", "1")]);
    assert_same_tree(&shared, &whole);
}

#[test]
fn pages_minified_quickly_equal_pages_minified_in_one_pass() {
    let dir = demo_copy();
    let root = dir.path();
    let quick = root.join("quick");
    let one_pass = root.join("one-pass");
    let said = build_said(root, &quick, &["--clean"]);
    // `minifier: 5903 quickly, 53 in one pass, 6396941 bytes in, 5546561 out`: the quick
    // minifier takes nearly every text the demo's pages are minified from (those it leaves
    // have a script or a reference it does not decode).
    let counts: Vec<usize> = said
        .lines()
        .find_map(|l| l.strip_prefix("minifier: "))
        .unwrap_or_else(|| panic!("no minifier: line in {said}"))
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let [quickly, in_one_pass, bytes_in, bytes_out] = counts[..] else {
        panic!("{counts:?}")
    };
    assert!(
        quickly > 20 * in_one_pass,
        "{quickly} quickly, {in_one_pass} in one pass"
    );
    assert!(
        0 < bytes_out && bytes_out < bytes_in,
        "{bytes_in} bytes in, {bytes_out} out"
    );
    build_report(root, &one_pass, &[("VEIVISER_MINIFY_ONE_PASS", "1")]);
    assert_same_tree(&quick, &one_pass);
}

/// How many shared parts a clean build of `root` minified (the `shared-parts:` line).
fn parts_minified(root: &Path, out: &Path, extra: &[&str]) -> usize {
    timing_count(root, out, extra, "shared-parts: ")
}

/// `build --no-pdf --clean` into `out`; the first number on VEIVISER_TIMINGS's line that
/// starts with `prefix` (`shared-parts: 12 minified, 3 reused` gives 12).
fn timing_count(root: &Path, out: &Path, extra: &[&str], prefix: &str) -> usize {
    let run = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .args(["build", "--no-pdf", "--clean", "--out"])
        .arg(out)
        .arg("--root")
        .arg(root)
        .args(extra)
        .env("VEIVISER_TODAY", "2026-11-22")
        .env("VEIVISER_TIMINGS", "1")
        // One thread: pages rendered at once may both make a part that neither finds kept
        // yet, and the counts would then vary from run to run (1,241 or 1,242).
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .unwrap();
    assert_ok(&run);
    let said = stderr(&run);
    let line = said
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no {prefix} line in {said}"));
    line.split(' ').next().unwrap().parse().unwrap()
}

/// Copy a kommune's folder under another slug, name and number.
fn clone_kommune(root: &Path, from: &str, to: &str, number: &str) {
    let content = root.join("content");
    copy_dir(&content.join(from), &content.join(to));
    let config = content.join(to).join("kommune.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text
        .replacen(
            "name: \"Fjordvik kommune\"",
            &format!("name: \"{to} kommune\""),
            1,
        )
        .replacen("number: \"9901\"", &format!("number: \"{number}\""), 1);
    std::fs::write(&config, text).unwrap();
}

#[test]
fn what_kommuner_show_alike_is_minified_once_for_the_build_and_equals_pages_minified_whole() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    let demo = parts_minified(root, &out, &[]);
    clone_kommune(root, "fjordvik", "fjordvik-to", "9911");
    let one_copy = parts_minified(root, &out, &[]);
    clone_kommune(root, "fjordvik", "fjordvik-tre", "9912");
    let two_copies = parts_minified(root, &out, &[]);
    clone_kommune(root, "fjordvik", "fjordvik-fire", "9913");
    let three_copies = parts_minified(root, &out, &[]);
    // A part is kept when it is seen the second time: the first copy minifies again what
    // Fjordvik showed once; every later copy finds it kept and minifies only what differs
    // (the parts with its name or its own links), the same number of parts each time.
    let (first, second, third) = (
        one_copy - demo,
        two_copies - one_copy,
        three_copies - two_copies,
    );
    assert!(
        second < first && third == second,
        "the first copy {first}, the second {second}, the third {third}"
    );
    // Parts taken from another kommune's pages give each page what minifying it whole gives.
    let whole = root.join("whole");
    build_report(root, &whole, &[("VEIVISER_MINIFY_WHOLE", "1")]);
    build(root, &out, &["--clean"]);
    assert_same_tree(&out, &whole);
}

#[test]
fn a_form_that_kommuner_inherit_is_rendered_once_for_the_build_and_shows_the_same_fields() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    let rendered = |extra: &[&str]| timing_count(root, &out, extra, "rendered-parts: ");
    let alone = rendered(&["--kommune", "fjordvik"]);
    clone_kommune(root, "fjordvik", "fjordvik-to", "9911");
    let one_copy = rendered(&[]);
    clone_kommune(root, "fjordvik", "fjordvik-tre", "9912");
    let two_copies = rendered(&[]);
    // Fjordvik's form pages in all its languages. The second copy takes from what the build
    // kept all but the forms whose fields link to the kommune's own pages.
    let second = two_copies - one_copy;
    assert!(
        alone >= 10 && second * 2 < alone,
        "Fjordvik renders {alone} forms' fields, the second copy {second}"
    );
    // Each copy's form page shows the fields, as Fjordvik's does.
    let form = |slug: &str| {
        let html =
            std::fs::read_to_string(out.join(slug).join("skjema/samtykke/index.html")).unwrap();
        let attribute = html.find("data-confirm-clear").expect("a form to fill in");
        let start = html[..attribute].rfind("<form").expect("a form to fill in");
        let end = start + html[start..].find("</form>").expect("the form's end");
        html[start..end].to_string()
    };
    let fjordvik = form("fjordvik");
    assert!(fjordvik.contains("<fieldset") && fjordvik.contains("<input"));
    assert_eq!(form("fjordvik-tre"), fjordvik);
}

#[test]
fn a_projects_own_form_template_from_before_still_gets_the_fields_as_data() {
    let dir = demo_copy();
    let root = dir.path();
    let templates = root.join("themes/standard/templates");
    // A form.html as projects copied it before the fields were a partial of their own.
    std::fs::write(
        templates.join("form.html"),
        "{% extends \"base.html\" %}{% block content %}{% set f = data %}<h1>{{ f.title }}</h1>\
         {% if f.intro %}<div class=\"prose\">{{ f.intro | safe }}</div>{% endif %}\
         <form>{% for s in f.sections %}<fieldset><legend>{{ s.title }}</legend>\
         {% for field in s.fields %}<p class=\"egen\" id=\"{{ field.id }}\">{{ field.label }}</p>\
         {% endfor %}</fieldset>{% endfor %}</form>{% endblock content %}",
    )
    .unwrap();
    let out = root.join("public");
    build(root, &out, &[]);
    let html = std::fs::read_to_string(out.join("fjordvik/skjema/samtykke/index.html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    assert!(select(&doc, "form fieldset legend").len() >= 2, "{html}");
    assert!(select(&doc, "p.egen").len() >= 4, "{html}");
}

#[test]
fn a_projects_form_fields_partial_that_prints_the_kommune_fails_instead_of_sharing_it() {
    let dir = demo_copy();
    let root = dir.path();
    let partial = root.join("themes/standard/templates/partials/form_fields.html");
    std::fs::create_dir_all(partial.parent().unwrap()).unwrap();
    // Rendered once for every kommune that shows the form: the kommune's name is not there
    // to print (it would be the first kommune's on every kommune's page).
    std::fs::write(&partial, "<p>{{ site.name }}</p><form></form>").unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .args(["build", "--no-pdf", "--out"])
        .arg(root.join("public"))
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    let said = assert_fails(&run);
    // Where, in the editor's copy, and what.
    assert!(
        said.contains("themes/standard/templates/partials/form_fields.html:1:7:"),
        "{said}"
    );
    // Every form page fails on it alike: said once.
    assert_eq!(said.matches("`site`").count(), 1, "{said}");
    assert!(!root.join("public").exists(), "nothing is published");
}

/// What `serve` builds with: in memory, at the preview's own address.
fn preview_options(root: &Path) -> veiviser::build::BuildOptions {
    veiviser::build::BuildOptions {
        root: root.to_path_buf(),
        kommune: None,
        out: root.join("public"),
        base_url: Some("http://127.0.0.1:1313/".into()),
        relative_urls: false,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        allow_placeholders: true,
        cache_dir: None,
        clean: false,
        preview: true,
    }
}

/// A preview build made into the files it serves, as `serve` does.
fn preview_build(
    opts: &veiviser::build::BuildOptions,
    served: &mut veiviser::build::Preview,
    search: &mut veiviser::build::SearchCache,
) -> Vec<String> {
    let (report, built) = veiviser::build::build_in_memory(opts, served.clone());
    assert!(!report.failed(), "{:?}", report.diagnostics);
    let built = built.unwrap();
    let kept = built.kept_kommuner.iter().cloned().collect();
    let mut files = (*served.files).clone();
    served.manifest = built.apply(&mut files, search);
    served.files = std::sync::Arc::new(files);
    kept
}

#[test]
fn the_preview_renders_again_only_the_kommuner_an_edit_touches_and_serves_what_a_fresh_build_would()
{
    let dir = demo_copy();
    let root = dir.path();
    let opts = preview_options(root);
    let mut served = veiviser::build::Preview::default();
    let mut search = veiviser::build::SearchCache::default();
    assert!(preview_build(&opts, &mut served, &mut search).is_empty());

    // Nothing changed: every kommune keeps what the preview serves.
    assert_eq!(
        preview_build(&opts, &mut served, &mut search),
        ["bjorkedal", "fjordvik", "solvberg"]
    );

    // A service of Bjorkedal renamed (YAML, not a Markdown body) and another deleted:
    // Bjorkedal alone is made again, and the deleted service's page is no longer served.
    let services = root.join("content/bjorkedal/tjenester");
    let renamed = services.join("barnevern.yaml");
    let text = std::fs::read_to_string(&renamed).unwrap();
    std::fs::write(
        &renamed,
        text.replacen("name: \"", "name: \"Forhåndsvist ", 1),
    )
    .unwrap();
    let gone = "bjorkedal/tjenester/bup/index.html";
    assert!(served.files.contains_key(gone));
    std::fs::remove_file(services.join("bup.yaml")).unwrap();
    assert_eq!(
        preview_build(&opts, &mut served, &mut search),
        ["fjordvik", "solvberg"]
    );
    assert!(!served.files.contains_key(gone));
    let page = &served.files["bjorkedal/tjenester/barnevern/index.html"];
    assert!(String::from_utf8_lossy(page).contains("Forhåndsvist Barnevernstenesta"));

    // What the preview serves after the update is what a fresh preview build makes.
    let mut fresh = veiviser::build::Preview::default();
    let mut fresh_search = veiviser::build::SearchCache::default();
    preview_build(&opts, &mut fresh, &mut fresh_search);
    let sorted = |p: &veiviser::build::Preview| {
        p.files
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    let (updated, fresh_files) = (sorted(&served), sorted(&fresh));
    assert_eq!(
        updated.keys().collect::<Vec<_>>(),
        fresh_files.keys().collect::<Vec<_>>()
    );
    for (rel, bytes) in &updated {
        assert!(
            bytes == &fresh_files[rel],
            "{rel} differs from a fresh build"
        );
    }
    assert_eq!(
        search.folders().collect::<Vec<_>>(),
        fresh_search.folders().collect::<Vec<_>>()
    );
}

/// The stylesheet under `out/assets/`, minified.
fn stylesheet(out: &Path) -> String {
    let entry = std::fs::read_dir(out.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("main.") && name.ends_with(".css")
        })
        .expect("the stylesheet");
    std::fs::read_to_string(entry).unwrap()
}

#[test]
fn the_minified_stylesheet_is_kept_in_the_cache_and_an_edited_one_reaches_the_site() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    let cached = || -> Vec<PathBuf> {
        let css = root.join(".veiviser-cache/css");
        std::fs::read_dir(css)
            .map_or_else(|_| Vec::new(), |d| d.map(|e| e.unwrap().path()).collect())
    };
    build(root, &out, &[]);
    let first = stylesheet(&out);
    assert!(first.len() > 1000 && !first.contains("\n  "), "minified");
    let entries = cached();
    assert_eq!(
        entries.len(),
        1,
        "one minified stylesheet kept: {entries:?}"
    );
    // The site's stylesheet is the theme's, minified, and the kommuner's colours after it.
    let minified = std::fs::read_to_string(&entries[0]).unwrap();
    assert!(first.starts_with(&minified) && first.len() > minified.len());

    // An edited stylesheet is minified anew, whatever the cache holds.
    let main = root.join("themes/standard/static/css/main.css");
    let source = std::fs::read_to_string(&main).unwrap();
    std::fs::write(
        &main,
        format!("{source}\n.egen-regel {{ color: #ff0000; }}\n"),
    )
    .unwrap();
    build(root, &out, &[]);
    let edited = stylesheet(&out);
    assert!(
        edited.contains(".egen-regel{color:red}"),
        "the edit is there"
    );
    assert_eq!(cached().len(), 2);

    // Back as it was: the first minified stylesheet, read from the cache.
    std::fs::write(&main, &source).unwrap();
    build(root, &out, &[]);
    assert!(stylesheet(&out) == first, "the first stylesheet again");

    // Read from the cache: an entry changed behind its back is what the site gets…
    std::fs::write(&entries[0], ".fra-hurtiglageret{color:red}").unwrap();
    build(root, &out, &[]);
    assert!(stylesheet(&out).starts_with(".fra-hurtiglageret{color:red}"));
    // …until `--clean` minifies again and writes the entry afresh.
    build(root, &out, &["--clean"]);
    assert_eq!(stylesheet(&out), first);
    // The site's stylesheet is the theme's, minified, and the kommuner's colours after it.
    let minified = std::fs::read_to_string(&entries[0]).unwrap();
    assert!(first.starts_with(&minified) && first.len() > minified.len());
}

#[test]
fn a_rebuild_that_changes_nothing_leaves_the_output_folder_as_it_is() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    let folder_inode = || std::fs::metadata(&out).unwrap().ino();
    let others = || -> Vec<String> {
        std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public"))
            .collect()
    };
    build(root, &out, &[]);
    let (folder, files) = (folder_inode(), inodes(&out));
    let run = |extra: &[&str]| build_said(root, &out, extra);
    // Nothing changed: the same folder, the same files, nothing staged beside it.
    assert!(run(&[]).contains("output-unchanged"));
    assert_eq!(folder_inode(), folder, "the output folder was not swapped");
    assert_eq!(inodes(&out), files);
    assert!(others().is_empty(), "{:?}", others());

    // A file nobody built is not the site: the output is made again without it.
    std::fs::write(out.join("fremmed.html"), "<p>lagt hit for hånd</p>").unwrap();
    assert!(!run(&[]).contains("output-unchanged"));
    assert!(!out.join("fremmed.html").exists());
    assert_ne!(folder_inode(), folder);

    // One page edited: that kommune's pages are new, the rest taken over, swapped in.
    let folder = folder_inode();
    let page = root.join("content/solvberg/sider/om.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nEn ny setning om hjelp.\n")).unwrap();
    assert!(!run(&[]).contains("output-unchanged"));
    assert_ne!(folder_inode(), folder);
    let html = std::fs::read_to_string(out.join("solvberg/om/index.html")).unwrap();
    assert!(html.contains("En ny setning om hjelp."));
    assert!(others().is_empty(), "{:?}", others());

    // `--clean` always makes a new folder.
    let folder = folder_inode();
    assert!(!run(&["--clean"]).contains("output-unchanged"));
    assert_ne!(folder_inode(), folder);
}

#[test]
fn theme_files_every_kommune_shows_are_written_once_and_linked_and_stay_right_after_an_edit() {
    let dir = demo_copy();
    let root = dir.path();
    let out = root.join("public");
    let font = |kommune: &str| {
        out.join(kommune)
            .join("assets/fonts/noto-sans-ethiopic-regular.woff2")
    };
    let original =
        std::fs::read(repo().join("themes/standard/static/fonts/noto-sans-ethiopic-regular.woff2"))
            .unwrap();
    let kommuner = ["bjorkedal", "fjordvik", "solvberg"];
    build(root, &out, &[]);
    let inode = |kommune: &str| std::fs::metadata(font(kommune)).unwrap().ino();
    for kommune in kommuner {
        assert_eq!(std::fs::read(font(kommune)).unwrap(), original, "{kommune}");
        assert_eq!(
            inode(kommune),
            inode("fjordvik"),
            "{kommune}: one file, linked"
        );
    }

    // One kommune edited: its files are written again, the others' taken over, and every
    // kommune's font is still the theme's.
    let page = root.join("content/solvberg/sider/om.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replace("Sølvberg", "Sølvberg kommune")).unwrap();
    build(root, &out, &[]);
    for kommune in kommuner {
        assert_eq!(std::fs::read(font(kommune)).unwrap(), original, "{kommune}");
    }
    assert_eq!(inode("bjorkedal"), inode("fjordvik"));
}
