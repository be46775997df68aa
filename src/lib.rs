//! veiviser: a static site generator for Norwegian municipalities' guides for helping
//! vulnerable children and youth (BTI). See README.md and docs/.

pub mod assets;
pub mod build;
pub mod cache_file;
pub mod check;
pub mod cli;
pub mod cms;
pub mod codes;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod film;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod init;
pub mod load;
pub mod markdown;
pub mod messages;
pub mod minify;
pub mod origins;
pub mod parse;
#[cfg(feature = "print")]
pub mod print;
pub mod progress;
pub mod registry;
pub mod render;
pub mod resolve;
pub mod reuse;
pub mod route;
pub mod sanitize;
pub mod scaffold;
pub mod schemas;
pub mod search;
pub mod serve;
pub mod shortcodes;
pub mod site;
pub mod sitemap;
pub mod slug;
pub mod source;
pub mod terms;
pub mod theme_files;
pub mod verify;
pub mod vtt;
pub mod write;
pub mod yaml;
