//! The chrome around a page: the header with the navigation, and the footer's contacts,
//! links and emergency numbers. They are the same on every page of a kommune in one
//! language but for which navigation item is current, and rendering them took about half
//! of a simple page's template time; so each is rendered once per language, marking of the
//! interface texts and navigation state, from `templates/partials/chrome/`, and `base.html`
//! puts the text in (`chrome.header` …). A page rendered without them (`chrome` undefined:
//! the search page, with its own asset URLs) includes the partials as any template would.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use super::context::NavItem;
use super::Theme;
use crate::diagnostics::Diagnostic;

/// The partials, by the name `base.html` finds each under.
const PARTS: [&str; 4] = ["header", "contacts", "links", "acute"];

/// The rendered partials, by name (`chrome`), and the navigation they were rendered with
/// (`nav`), as template values: putting one into a page's context copies a reference, not
/// the text.
#[derive(Clone)]
pub(super) struct Chrome {
    pub(super) parts: tera::Value,
    pub(super) nav: tera::Value,
}

/// Whether the interface texts are marked, and which navigation items are current.
type Key = (bool, Vec<bool>);

/// One language's rendered chrome, by marking and navigation state.
#[derive(Default)]
pub(super) struct ChromeCache {
    rendered: Mutex<HashMap<Key, Chrome>>,
}

impl ChromeCache {
    /// The chrome for `nav` (with its current item set), rendered with `base`: a context
    /// with the site and interface texts only, so a partial that used a page's own values
    /// fails instead of showing the first page's values on every page.
    pub(super) fn get(
        &self,
        theme: &Theme,
        base: &tera::Context,
        marked: bool,
        nav: &[NavItem],
    ) -> Result<Chrome, Diagnostic> {
        let key: Key = (marked, nav.iter().map(|item| item.current).collect());
        if let Some(done) = self.rendered.lock().expect("chrome lock").get(&key) {
            return Ok(done.clone());
        }
        let nav = tera::Value::from_serializable(nav);
        let mut ctx = base.clone();
        ctx.insert_value("nav", nav.clone());
        let mut parts = BTreeMap::new();
        for name in PARTS {
            parts.insert(
                name,
                theme.render(&format!("partials/chrome/{name}.html"), &ctx)?,
            );
        }
        let chrome = Chrome {
            parts: tera::Value::from_serializable(&parts),
            nav,
        };
        self.rendered
            .lock()
            .expect("chrome lock")
            .insert(key, chrome.clone());
        Ok(chrome)
    }
}
