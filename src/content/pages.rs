//! Front page (`index.md`) and free pages (`sider/`).

use crate::content_struct;

content_struct! {
    /// Front matter of `index.md`, the kommune's front page.
    pub struct FrontPage {
        /// The page title (the h1).
        pub title: String,
        /// Short lead text under the title.
        #[serde(default)]
        pub intro: Option<String>,
    }
}

content_struct! {
    /// Front matter of a free page (`sider/<id>.md`).
    pub struct Page {
        /// The page title (the h1).
        pub title: String,
        /// Short lead text under the title.
        #[serde(default)]
        pub intro: Option<String>,
        /// Sort order among the pages (lowest first).
        #[serde(default)]
        pub order: Option<i32>,
        /// Show a link to the page in the footer.
        #[serde(default)]
        pub menu: bool,
        /// The page for parents: "For foreldre" in the header and on the front page, and
        /// where the parent brochures' QR codes lead.
        #[serde(default)]
        pub for_parents: bool,
    }
}
