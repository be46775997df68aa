//! sitemap.xml for search engines.

pub fn sitemap_xml(urls: &[String]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for url in urls {
        out.push_str("  <url><loc>");
        out.push_str(&escape(url));
        out.push_str("</loc></url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_urls() {
        let xml = super::sitemap_xml(&["https://x.example/a/?b&c".into()]);
        assert!(xml.contains("<loc>https://x.example/a/?b&amp;c</loc>"));
    }
}
