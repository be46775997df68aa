//! Front page (`index.md`) and free pages (`sider/`).

use crate::content_struct;

content_struct! {
    pub struct FrontPage {
        pub title: String,
        #[serde(default)]
        pub intro: Option<String>,
    }
}

content_struct! {
    pub struct Page {
        pub title: String,
        #[serde(default)]
        pub intro: Option<String>,
        #[serde(default)]
        pub order: Option<i32>,
        #[serde(default)]
        pub menu: bool,
    }
}
