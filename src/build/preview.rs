//! The live preview's builds (`serve`): into memory, keeping from the served build what
//! did not change (see `incremental`, `Previous::Memory`).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use super::{incremental, run, BuildOptions, Plan, Report, SearchCache, Select};
use crate::progress::Progress;
use crate::write::MemorySink;

/// The preview's last build, kept in memory: its files and what each kommune was made
/// from (the manifest `build` keeps on disk; see `incremental`).
#[derive(Clone, Default)]
pub struct Preview {
    pub files: Arc<HashMap<String, Vec<u8>>>,
    pub manifest: Option<incremental::Manifest>,
}

/// What a preview build made: the files it wrote, and the search documents for later
/// updates, of the kommuner it rendered; and which files and kommuner it kept from the
/// previous build.
pub struct InMemory {
    pub files: HashMap<String, Vec<u8>>,
    pub search: SearchCache,
    /// Files of the previous build that stay as they are (of the kommuner taken over).
    pub kept: HashSet<String>,
    /// The kommuner taken over from the previous build (their search documents stay too).
    pub kept_kommuner: BTreeSet<String>,
    pub manifest: Option<incremental::Manifest>,
}

impl InMemory {
    /// `previous` (the files the preview served) made into this build's files: what was
    /// kept stays, everything else is replaced by what this build wrote.
    pub fn apply(
        self,
        previous: &mut HashMap<String, Vec<u8>>,
        search: &mut SearchCache,
    ) -> Option<incremental::Manifest> {
        previous.retain(|rel, _| self.kept.contains(rel));
        previous.extend(self.files);
        let kept = &self.kept_kommuner;
        search.0.retain(|dir, _| {
            dir.split('/')
                .next()
                .is_some_and(|slug| kept.contains(slug))
        });
        search.0.extend(self.search.0);
        self.manifest
    }
}

/// Build into memory (the live preview). `opts.out` is ignored. No print PDFs are made
/// (they take seconds); the *Trykksaker* page says they are made by `veiviser build`.
/// `previous` is the build the preview serves (`Preview::default()` before the first):
/// kommuner whose inputs did not change since it are not rendered
/// again: [`InMemory::apply`] keeps their files.
pub fn build_in_memory(opts: &BuildOptions, previous: Preview) -> (Report, Option<InMemory>) {
    let memory = MemorySink::default();
    let plan = Plan {
        pdf: false,
        select: Select::All,
        progress: &Progress::hidden(),
        keep_search: true,
        previous: Some(previous),
    };
    let (mut report, search) = run(opts, None, plan, |_| Some(&memory));
    let incremental = report.incremental.take();
    let (files, kept) = memory.into_files_and_kept();
    match search {
        Some(search) if !report.failed() => {
            let kept_kommuner = incremental
                .as_ref()
                .map(|inc| inc.taken_over())
                .unwrap_or_default();
            let built = InMemory {
                files,
                search,
                kept,
                kept_kommuner,
                manifest: incremental.map(|inc| inc.into_manifest()),
            };
            (report, Some(built))
        }
        _ => (report, None),
    }
}
