//! The editor's local file API: the JSON protocol of Decap CMS's `proxy` backend (the one
//! its `decap-server` implements in Node), answered here from the project's content/
//! folder. Each request is `{"action": …, "params": {…}}`.
//!
//! Translations: Decap's `multiple_files` layout names every language in the file name
//! (`samtykke.nb.yaml`), veiviser leaves the default language's code out (`samtykke.yaml`).
//! This API shows the editor the default file under the name with the code and writes it
//! back without it, so the files on disk keep veiviser's layout.

use std::path::Path;

use base64::Engine;
use serde::Deserialize;
use serde_json::{json, Value};

use super::config::Unit;
use super::files::{self, Refused};
use crate::parse::FileName;
use crate::registry::ContentKind;

#[derive(Debug, Deserialize)]
pub struct Request {
    pub action: String,
    #[serde(default)]
    pub params: Value,
}

/// An answer: HTTP status and JSON body.
pub type Answer = (u16, Value);

fn error(status: u16, text: impl Into<String>) -> Answer {
    (status, json!({ "error": text.into() }))
}

impl From<Refused> for Answer {
    fn from(r: Refused) -> Answer {
        error(403, r.0)
    }
}

pub struct Api<'a> {
    pub root: &'a Path,
    pub units: &'a [Unit],
}

impl Api<'_> {
    pub fn handle(&self, request: &Request) -> Answer {
        let p = &request.params;
        let result = match request.action.as_str() {
            "info" => Ok(json!({
                "repo": "veiviser",
                "publish_modes": ["simple"],
                "type": "local_fs",
            })),
            "entriesByFolder" => self.entries_by_folder(
                str_param(p, "folder"),
                str_param(p, "extension"),
                p["depth"].as_u64().unwrap_or(1),
            ),
            "entriesByFiles" => {
                let files = p["files"].as_array().cloned().unwrap_or_default();
                files
                    .iter()
                    .map(|f| self.entry(str_param(f, "path"), f.get("label")))
                    .collect::<Result<Vec<_>, _>>()
                    .map(Value::from)
            }
            "getEntry" => self.entry(str_param(p, "path"), None),
            "persistEntry" => self.persist_entry(p),
            "getMedia" => self.media(str_param(p, "mediaFolder")),
            "getMediaFile" => self.media_file(str_param(p, "path")),
            "persistMedia" => self.persist_media(&p["asset"]),
            "deleteFile" => self.delete(&[str_param(p, "path")]),
            "deleteFiles" => {
                let paths = p["paths"].as_array().cloned().unwrap_or_default();
                let paths: Vec<&str> = paths.iter().filter_map(|v| v.as_str()).collect();
                self.delete(&paths)
            }
            "getDeployPreview" => Ok(Value::Null),
            other => return error(422, format!("Ukjent handling «{other}».")),
        };
        match result {
            Ok(value) => (200, value),
            Err(answer) => answer,
        }
    }

    /// The unit a path is in (`content/<unit>/…`) and the path inside it.
    fn unit_of<'p>(&self, path: &'p str) -> Option<(&Unit, &'p str)> {
        let rest = path.strip_prefix("content/")?;
        let (slug, inside) = rest.split_once('/')?;
        let unit = self.units.iter().find(|u| u.slug == slug)?;
        Some((unit, inside))
    }

    /// The file on disk for a path the editor uses (`x.nb.yaml` → `x.yaml` for the unit's
    /// default language).
    fn disk_path(&self, path: &str) -> String {
        if let Some((unit, inside)) = self.unit_of(path) {
            let name = FileName::parse(inside);
            let content_file = matches!(name.ext.as_str(), "md" | "yaml" | "yml");
            if content_file
                && unit.languages.len() > 1
                && name.lang.as_deref() == Some(unit.languages[0].as_str())
            {
                let dir = &path[..path.len() - inside.len()];
                let folder = if name.dir.is_empty() {
                    String::new()
                } else {
                    format!("{}/", name.dir)
                };
                return format!("{dir}{folder}{}.{}", name.id, name.ext);
            }
        }
        path.to_string()
    }

    /// The path the editor sees for a file listed in a folder (the reverse of
    /// [`Api::disk_path`]), or `None` for a file that belongs to no folder collection.
    fn listed_path(&self, path: &str) -> Option<String> {
        let Some((unit, inside)) = self.unit_of(path) else {
            return Some(path.to_string());
        };
        let name = FileName::parse(inside);
        // A fixed file (veileder/index.md) is edited among the unit's single files.
        if ContentKind::of_file(&name).is_some_and(|k| k.fixed_id().is_some()) {
            return None;
        }
        if unit.languages.len() > 1 && name.lang.is_none() {
            let stem = path.strip_suffix(&format!(".{}", name.ext))?;
            return Some(format!("{stem}.{}.{}", unit.languages[0], name.ext));
        }
        Some(path.to_string())
    }

    fn entries_by_folder(
        &self,
        folder: &str,
        extension: &str,
        depth: u64,
    ) -> Result<Value, Answer> {
        let dir = files::resolve(self.root, folder)?;
        let mut entries = Vec::new();
        for file in list(self.root, &dir, depth) {
            if !file.ends_with(extension) {
                continue;
            }
            if let Some(shown) = self.listed_path(&file) {
                entries.push(self.entry(&shown, None)?);
            }
        }
        Ok(entries.into())
    }

    fn entry(&self, path: &str, label: Option<&Value>) -> Result<Value, Answer> {
        let disk = files::resolve(self.root, &self.disk_path(path))?;
        let (data, id) = match std::fs::read(&disk) {
            Ok(bytes) => (
                Value::from(String::from_utf8_lossy(&bytes).into_owned()),
                Value::from(hash(&bytes)),
            ),
            Err(_) => (Value::Null, Value::Null),
        };
        let mut file = json!({ "path": path, "id": id });
        if let Some(label) = label.filter(|l| !l.is_null()) {
            file["label"] = label.clone();
        }
        Ok(json!({ "data": data, "file": file }))
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Answer> {
        let disk = files::resolve(self.root, &self.disk_path(path))?;
        files::write_atomic(&disk, bytes)
            .map_err(|e| error(500, format!("Kunne ikke skrive {path}: {e}")))
    }

    fn persist_entry(&self, p: &Value) -> Result<Value, Answer> {
        let data_files = match p["dataFiles"].as_array() {
            Some(files) => files.clone(),
            None => vec![p["entry"].clone()],
        };
        // Check every path before writing any, so a refused request changes nothing.
        for file in &data_files {
            files::resolve(self.root, &self.disk_path(str_param(file, "path")))?;
            if let Some(new) = file["newPath"].as_str() {
                files::resolve(self.root, &self.disk_path(new))?;
            }
        }
        let assets = p["assets"].as_array().cloned().unwrap_or_default();
        for asset in &assets {
            files::resolve(self.root, str_param(asset, "path"))?;
        }
        for file in &data_files {
            let (path, raw) = (str_param(file, "path"), str_param(file, "raw"));
            // Decap sends every language of the entry, untouched translations as empty
            // forms; writing those would add a blank, invalid translation file.
            let exists = files::resolve(self.root, &self.disk_path(path))?.exists();
            if !exists && is_blank(raw) {
                continue;
            }
            self.write(path, raw.as_bytes())?;
        }
        for asset in &assets {
            self.write(str_param(asset, "path"), &decode(asset)?)?;
        }
        if !data_files.is_empty() && data_files.iter().all(|f| f["newPath"].is_string()) {
            for file in &data_files {
                let from = files::resolve(self.root, &self.disk_path(str_param(file, "path")))?;
                let to = files::resolve(self.root, &self.disk_path(str_param(file, "newPath")))?;
                std::fs::rename(&from, &to)
                    .map_err(|e| error(500, format!("Kunne ikke gi filen nytt navn: {e}")))?;
            }
        }
        Ok(json!({ "message": "entry persisted" }))
    }

    fn media(&self, folder: &str) -> Result<Value, Answer> {
        let dir = files::resolve(self.root, folder)?;
        list(self.root, &dir, 1)
            .iter()
            .map(|f| self.media_file(f))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::from)
    }

    fn media_file(&self, path: &str) -> Result<Value, Answer> {
        let disk = files::resolve(self.root, path)?;
        let bytes =
            std::fs::read(&disk).map_err(|e| error(404, format!("Fant ikke {path}: {e}")))?;
        Ok(json!({
            "id": hash(&bytes),
            "content": base64::engine::general_purpose::STANDARD.encode(&bytes),
            "encoding": "base64",
            "path": path,
            "name": path.rsplit('/').next().unwrap_or(path),
        }))
    }

    fn persist_media(&self, asset: &Value) -> Result<Value, Answer> {
        let path = str_param(asset, "path");
        files::resolve(self.root, path)?;
        self.write(path, &decode(asset)?)?;
        self.media_file(path)
    }

    fn delete(&self, paths: &[&str]) -> Result<Value, Answer> {
        let resolved = paths
            .iter()
            .map(|p| files::resolve(self.root, &self.disk_path(p)))
            .collect::<Result<Vec<_>, _>>()?;
        for path in resolved {
            let _ = std::fs::remove_file(path);
        }
        Ok(json!({ "message": format!("deleted {}", paths.join(", ")) }))
    }
}

/// Whether a file the editor sends holds no text at all (only keys with empty values).
fn is_blank(raw: &str) -> bool {
    let (front, body) = match raw.trim_start().strip_prefix("---") {
        Some(rest) => rest.split_once("\n---").unwrap_or((rest, "")),
        None => (raw, ""),
    };
    fn empty(value: &serde_json::Value) -> bool {
        match value {
            serde_json::Value::Null | serde_json::Value::Bool(false) => true,
            serde_json::Value::String(s) => s.trim().is_empty(),
            serde_json::Value::Array(items) => items.iter().all(empty),
            serde_json::Value::Object(map) => map.values().all(empty),
            _ => false,
        }
    }
    body.trim().is_empty()
        && crate::yaml::from_str::<serde_json::Value>(front).is_ok_and(|v| empty(&v))
}

fn str_param<'v>(value: &'v Value, key: &str) -> &'v str {
    value[key].as_str().unwrap_or("")
}

fn decode(asset: &Value) -> Result<Vec<u8>, Answer> {
    let content = str_param(asset, "content");
    if asset["encoding"] == "base64" {
        base64::engine::general_purpose::STANDARD
            .decode(content)
            .map_err(|e| error(400, format!("Ugyldig base64: {e}")))
    } else {
        Ok(content.as_bytes().to_vec())
    }
}

fn hash(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// Files under `dir` down to `depth` folders, as paths from the project root with `/`;
/// hidden files and symbolic links are left out.
fn list(root: &Path, dir: &Path, depth: u64) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .max_depth(depth.max(1) as usize)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(root).ok()?;
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some(parts.join("/"))
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_default_language_has_no_code_on_disk() {
        let unit = |slug: &str, languages: &[&str]| super::Unit {
            slug: slug.into(),
            is_kommune: true,
            base: None,
            languages: languages.iter().map(|l| l.to_string()).collect(),
        };
        let units = [
            unit("fjordvik", &["nb", "en"]),
            unit("bjorkedal", &["nn", "nb"]),
        ];
        let api = super::Api {
            root: std::path::Path::new("/p"),
            units: &units,
        };
        let disk = |p| api.disk_path(p);
        assert_eq!(
            disk("content/fjordvik/skjema/a.nb.yaml"),
            "content/fjordvik/skjema/a.yaml"
        );
        assert_eq!(
            disk("content/fjordvik/skjema/a.en.yaml"),
            "content/fjordvik/skjema/a.en.yaml"
        );
        assert_eq!(
            disk("content/bjorkedal/sider/om.nn.md"),
            "content/bjorkedal/sider/om.md"
        );
        assert_eq!(
            disk("content/bjorkedal/sider/om.nb.md"),
            "content/bjorkedal/sider/om.nb.md"
        );
        assert_eq!(
            disk("content/fjordvik/bilder/logo.nb.svg"),
            "content/fjordvik/bilder/logo.nb.svg"
        );
        let listed = |p| api.listed_path(p);
        assert_eq!(
            listed("content/fjordvik/skjema/a.yaml").as_deref(),
            Some("content/fjordvik/skjema/a.nb.yaml")
        );
        assert_eq!(
            listed("content/fjordvik/veileder/index.md"),
            None,
            "a fixed file"
        );
    }

    #[test]
    fn untouched_translations_are_blank() {
        assert!(super::is_blank(
            "name: ''\ncontact:\n  phone: ''\nlevels: []\n"
        ));
        assert!(super::is_blank("---\ntitle: ''\n---\n"));
        assert!(super::is_blank("{}\n"));
        assert!(!super::is_blank("name: Helsestasjonen\n"));
        assert!(!super::is_blank("---\ntitle: ''\n---\nTekst\n"));
        assert!(!super::is_blank("level: 1\n"));
    }
}
