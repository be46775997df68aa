//! Static assets: CSS minification and content fingerprints for cache-safe file names.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};

pub fn minify_css(source: &str) -> Result<String, String> {
    let mut sheet =
        StyleSheet::parse(source, ParserOptions::default()).map_err(|e| e.to_string())?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| e.to_string())?;
    let out = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| e.to_string())?;
    Ok(out.code)
}

/// `name.ext` → `name.<hash>.ext`, with a short hash of the content.
pub fn fingerprinted(name: &str, content: &[u8]) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(content);
    let short = format!("{hash:016x}");
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{}.{ext}", &short[..10]),
        None => format!("{name}.{}", &short[..10]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minifies_css() {
        assert_eq!(
            minify_css("a {  color : #ffffff ; }").unwrap(),
            "a{color:#fff}"
        );
    }

    #[test]
    fn fingerprints_change_with_content() {
        let a = fingerprinted("main.css", b"a");
        let b = fingerprinted("main.css", b"b");
        assert!(a.starts_with("main.") && a.ends_with(".css"));
        assert_ne!(a, b);
    }
}
