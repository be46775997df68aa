//! The binary stands alone: the standard theme (templates, CSS, scripts, UI texts, print
//! templates, fonts) is built in, a project's own `themes/` overrides it file by file, and
//! `veiviser init` makes a project that builds with nothing but the binary.
//! (`tests/dist.sh` does the same from an unpacked release archive, away from the repository.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn veiviser(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(args)
        .current_dir(dir)
        .env("CI", "1")
        .output()
        .expect("run veiviser");
    assert!(
        out.status.success(),
        "veiviser {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `veiviser init nordvik` in an empty temporary folder; returns it and the project.
fn init() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    veiviser(tmp.path(), &["init", "nordvik"]);
    let project = tmp.path().join("nordvik");
    assert!(project.join("veiviser.yaml").is_file());
    assert!(
        !project.join("themes").exists(),
        "init must not copy the theme"
    );
    (tmp, project)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn init_then_build_works_in_an_empty_folder_with_the_builtin_theme() {
    let (_tmp, project) = init();
    // A poster, so the build needs the print templates and fonts too.
    let trykk = project.join("content/nordvik/trykk");
    std::fs::create_dir_all(&trykk).unwrap();
    std::fs::write(
        trykk.join("plakat-a4.md"),
        "---\ntitle: \"Er du bekymret for et barn?\"\nkind: poster\nformat: A4\n---\nDu trenger ikke være sikker.\n",
    )
    .unwrap();
    veiviser(&project, &["build", "--allow-placeholders"]);

    let site = project.join("public/nordvik");
    let front = read(&site.join("index.html"));
    assert!(front.contains("Nordvik kommune"), "{front}");
    assert!(
        front.contains("class=skip-link"),
        "the built-in base template"
    );
    assert!(
        front.contains("Hopp til hovedinnhold"),
        "the built-in UI texts"
    );
    let assets: Vec<String> = std::fs::read_dir(site.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for prefix in ["main.", "search.", "forms."] {
        assert!(
            assets.iter().any(|a| a.starts_with(prefix)),
            "no {prefix}* in assets: {assets:?}"
        );
    }
    let pdf = std::fs::read(site.join("trykk/plakat-a4.pdf")).expect("the poster PDF");
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn a_project_overriding_one_template_gets_it_and_the_rest_built_in() {
    let (_tmp, project) = init();
    let builtin =
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/standard/templates/base.html"));
    let mine = builtin.replacen("<body", "<body data-egen-mal=\"ja\"", 1);
    assert_ne!(mine, builtin, "base.html has a <body");
    let templates = project.join("themes/standard/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("base.html"), mine).unwrap();
    veiviser(&project, &["build", "--no-pdf", "--allow-placeholders"]);

    let site = project.join("public/nordvik");
    let front = read(&site.join("index.html"));
    assert!(front.contains("data-egen-mal=ja") || front.contains("data-egen-mal=\"ja\""));
    // The level page's template and its acute-warning partial still come from the binary.
    let level = read(&site.join("veileder/niva-0/index.html"));
    assert!(
        level.contains("data-egen-mal"),
        "the level page extends base.html"
    );
    assert!(level.contains("class=acute-strip"), "the built-in partial");
    assert!(std::fs::read_dir(site.join("assets")).unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with("main.")));
}

#[test]
fn a_broken_override_is_named_by_its_path_in_the_project() {
    let (_tmp, project) = init();
    let css = project.join("themes/standard/static/css");
    std::fs::create_dir_all(&css).unwrap();
    std::fs::write(css.join("main.css"), [0xff, 0xfe, 0x00]).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--no-pdf", "--allow-placeholders"])
        .current_dir(&project)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("themes/standard/static/css/main.css") && !stderr.contains("built in"),
        "{stderr}"
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notater.txt"), "mine").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["init", "."])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
    assert!(!tmp.path().join("veiviser.yaml").exists());
    assert_eq!(read(&tmp.path().join("notater.txt")), "mine");
}

/// The binary is linked at a fixed address on Linux (build.rs): as a position-independent
/// executable, every start spends milliseconds relocating the libraries' tables.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_linux_binary_starts_without_relocating_itself() {
    use std::io::Read;
    let mut bytes = [0u8; 18];
    std::fs::File::open(env!("CARGO_BIN_EXE_veiviser"))
        .and_then(|mut file| file.read_exact(&mut bytes))
        .unwrap();
    assert_eq!(&bytes[..4], b"\x7fELF");
    // e_type: 2 is an executable at a fixed address, 3 a shared object (a PIE).
    let e_type = u16::from_le_bytes([bytes[16], bytes[17]]);
    assert_eq!(e_type, 2, "the binary is a position-independent executable");
}
