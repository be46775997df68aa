//! A sink that notes what it writes, for the manifest of rebuilds (see `incremental`).

use std::path::Path;
use std::sync::Mutex;

use crate::diagnostics::Diagnostic;
use crate::write::Sink;

/// A sink that notes every file written through it, with its size (one kommune's files).
pub struct Tracking<'a> {
    pub inner: &'a dyn Sink,
    pub files: Mutex<Vec<(String, u64)>>,
}

impl<'a> Tracking<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        Tracking {
            inner,
            files: Mutex::new(Vec::new()),
        }
    }

    pub fn into_files(self) -> Vec<(String, u64)> {
        let mut files = self.files.into_inner().expect("files lock");
        files.sort();
        files.dedup_by(|a, b| a.0 == b.0);
        files
    }

    /// `rel`, made from the file at `from`, with that file's size (none that matches, if
    /// it cannot be read: the kommune is then not taken over next time).
    fn note_file(&self, rel: &str, from: &Path) {
        let size = std::fs::metadata(from).map_or(u64::MAX, |m| m.len());
        self.note(rel, size);
    }

    fn note(&self, rel: &str, size: u64) {
        self.files
            .lock()
            .expect("files lock")
            .push((rel.to_string(), size));
    }
}

impl Sink for Tracking<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.inner.write(rel, bytes)?;
        self.note(rel, bytes.len() as u64);
        Ok(())
    }

    fn write_same(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.inner.write_same(rel, bytes)?;
        self.note(rel, bytes.len() as u64);
        Ok(())
    }

    fn write_page(&self, rel: &str, page: &crate::write::MinifiedPage) -> Result<(), Diagnostic> {
        self.inner.write_page(rel, page)?;
        self.note(rel, page.bytes.len() as u64);
        Ok(())
    }

    fn copy(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.inner.copy(rel, from)?;
        self.note_file(rel, from);
        Ok(())
    }

    fn link(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.inner.link(rel, from)?;
        self.note_file(rel, from);
        Ok(())
    }

    fn take_over(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.inner.take_over(rel, from)?;
        self.note_file(rel, from);
        Ok(())
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        self.inner.read(rel)
    }
}
