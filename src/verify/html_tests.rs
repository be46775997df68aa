//! Tests of the page reader (`html.rs`).

use super::{collect_chunks, collect_with, quick_reader_agrees, tokenize, Found, Texts};
use crate::verify::tests::{html, index, messages};

/// html5gum's reading of `html`, and the quicker reader's where it reads it: the same.
fn collect(html: &(impl AsRef<[u8]> + ?Sized)) -> Found {
    quick_reader_agrees(html.as_ref());
    tokenize(html.as_ref(), Texts::Read)
}

/// A page's links as (URL, text) and its ids.
fn read(found: &Found) -> (Vec<(&str, &str)>, Vec<&str>) {
    let links = found
        .link_refs()
        .map(|(url, _, text)| (url, text))
        .collect();
    (links, found.ids.iter().map(|id| &**id).collect())
}

#[test]
fn entities_in_attribute_values_are_decoded() {
    let found = collect(
        "<a href=\"/s?a=1&amp;b=2\">A</a><a href='&#47;x&#x2F;'>B</a><img src=/c&amp;d.png>",
    );
    assert_eq!(
        read(&found).0,
        [("/s?a=1&b=2", "A"), ("/x/", "B"), ("/c&d.png", "")]
    );
}

#[test]
fn attributes_without_value_are_empty() {
    let found = collect("<base href><a href>Tom</a><div id></div><img src alt>");
    assert_eq!(read(&found), (vec![("", "Tom"), ("", "")], vec![]));
    assert_eq!(found.base.as_deref(), Some(""));
}

#[test]
fn upper_case_tag_and_attribute_names_are_read() {
    let found = collect(
        "<A HREF=/x ID=Topp>T</A><IMG SRC=/y.png><TITLE><a href=/nei></TITLE><A Name=n></a>",
    );
    assert_eq!(
        read(&found),
        (vec![("/x", "T"), ("/y.png", "")], vec!["Topp", "n"])
    );
}

#[test]
fn a_repeated_attribute_keeps_its_first_value() {
    let found = collect("<a href=/forste id=a href=/andre id=b>x</a>");
    assert_eq!(read(&found), (vec![("/forste", "x")], vec!["a"]));
}

#[test]
fn a_nul_in_link_text_is_left_out() {
    let found = collect("<a href=/x>a\0b</a>");
    assert_eq!(read(&found).0, [("/x", "ab")]);
}

#[test]
fn link_text_is_read_across_nested_elements() {
    let found = collect(
        "<a href=/x><span>Hei</span> <em>der</em>\n   <b>du &amp; <!-- ikke -->meg</b></a>etter",
    );
    assert_eq!(read(&found).0, [("/x", "Hei der du & meg")]);
}

#[test]
fn link_text_is_cut_and_an_open_a_is_closed_by_the_next() {
    let long = "ord ".repeat(30);
    let found = collect(&format!("<a href=/x>{long}<a href=/y>Y"));
    let (links, _) = read(&found);
    assert_eq!(links[0].1.chars().count(), 61, "{links:?}");
    assert!(links[0].1.ends_with('…'));
    assert_eq!(links[1], ("/y", "Y"));
}

#[test]
fn tags_in_scripts_and_comments_are_not_read() {
    let found = collect(
        "<script>document.write('<a href=\"/nei\">'); let s = \"</a>\" + '<img src=/nei.png>';</script>\
         <!-- <a href=/nei id=nei>x</a> --><a href=/ja>Ja</a><script type=module>if (a</b) {}</SCRIPT><a href=/ja2>Ja 2</a>",
    );
    assert_eq!(
        read(&found),
        (vec![("/ja", "Ja"), ("/ja2", "Ja 2")], vec![])
    );
}

#[test]
fn chunks_split_inside_a_tag_read_as_one_text() {
    let whole = "<a href=\"/x?a&amp;b\" id=y>Te&amp;kst</a><img alt=A src=/b.png>";
    let found = collect_chunks(
        &[
            b"<a hr",
            b"ef=\"/x?a&am",
            b"p;b\" id=",
            b"y>Te&a",
            b"mp;kst</",
            b"a><img alt=A src=/b.png>",
        ],
        Texts::Read,
    );
    assert_eq!(read(&found), read(&collect(whole)));
    assert_eq!(
        read(&found),
        (vec![("/x?a&b", "Te&kst"), ("/b.png", "")], vec!["y"])
    );
}

#[test]
fn srcset_candidates_are_all_checked() {
    let index = index();
    index.file("f/bilder/a.png");
    index.page(
        "f/a/index.html",
        html("<picture><source srcset=\"/bti/f/bilder/a.png 1x,/bti/f/bilder/b.png 2x\"><img src=/bti/f/bilder/a.png srcset=\"/bti/f/bilder/a.png 1x, /bti/f/bilder/c.png 2x\" alt=A></picture>")
            .as_bytes(),
        None,
    );
    let mut msgs = messages(&index.verify());
    msgs.sort();
    assert_eq!(msgs.len(), 2, "{msgs:#?}");
    assert!(msgs[0].contains("`/bti/f/bilder/b.png`"), "{msgs:#?}");
    assert!(msgs[1].contains("`/bti/f/bilder/c.png`"), "{msgs:#?}");
}

#[test]
fn unquoted_attributes_of_minified_html_are_read() {
    let index = index();
    index.page(
        "f/a/index.html",
        b"<a href=/bti/f/b/ class=x>B</a><img alt=x src=/bti/f/c.png><a href=/bti/f/ title=Hjem>H</a>",
        None,
    );
    let mut msgs = messages(&index.verify());
    msgs.sort();
    assert_eq!(msgs.len(), 2, "{msgs:#?}");
    assert!(msgs[0].contains("`/bti/f/b/` (“B”)"), "{msgs:#?}");
    assert!(msgs[1].contains("`/bti/f/c.png`"), "{msgs:#?}");
}

#[test]
fn links_inside_scripts_and_styles_are_not_links() {
    let index = index();
    index.page(
        "f/a/index.html",
        html("<script>let s='<a href=/bti/nei/>x</a>';</script><style>a[href=\"/nei\"]{}</style><title><a href=/nei/></title>\
              <svg><title/><a href=/bti/f/>Hjem</a></svg><textarea><img src=/nei.png></textarea>")
            .as_bytes(),
        None,
    );
    let diags = index.verify();
    assert!(diags.is_empty(), "{:#?}", messages(&diags));
}

#[test]
fn link_text_falls_back_to_aria_label_and_image_alt() {
    let index = index();
    index.page(
        "f/a/index.html",
        html("<a href=/bti/f/x/ aria-label=Lukk><svg></svg></a><a href=/bti/f/y/><img src=/bti/f/assets/main.abc.css alt=Logo></a>").as_bytes(),
        None,
    );
    let mut msgs = messages(&index.verify());
    msgs.sort();
    assert!(msgs[0].contains("`/bti/f/x/` (“Lukk”)"), "{msgs:#?}");
    assert!(msgs[1].contains("`/bti/f/y/` (“Logo”)"), "{msgs:#?}");
}

#[test]
fn pages_are_read_as_bytes_with_their_text_whole_and_a_stray_byte_replaced() {
    let found = collect("<a href=/sok/ id=søk>Åpne søknad ✓ بحث</a>");
    assert_eq!(
        read(&found),
        (vec![("/sok/", "Åpne søknad ✓ بحث")], vec!["søk"])
    );
    // A byte that is not UTF-8 (a page taken over from an old output) costs that
    // character only.
    let found = collect(b"<a href=/x/ id=a\xffb>T\xffe</a><a href=/y/>Ny</a>".as_slice());
    assert_eq!(
        read(&found),
        (
            vec![("/x/", "T\u{fffd}e"), ("/y/", "Ny")],
            vec!["a\u{fffd}b"]
        )
    );
}

#[test]
fn read_without_texts_a_page_has_the_same_links_and_ids_with_empty_texts() {
    let pages: [&[u8]; 6] = [
        b"<a href=\"/x?a&amp;b\" id=y>Te&amp;kst</a><img alt=A src=/b.png>",
        b"<a href=/bti/f/x/ aria-label=Lukk id=l><svg></svg></a><a href=/bti/f/y/><img src=/c.png alt=Logo></a>",
        b"<base href=/bti/f/><a href=a/ name=n>A <em>b</em> c</a><img srcset=\"a.png 1x, b.png 2x\">",
        b"<script>let s='<a href=/nei/>x</a>';</script><a href=/ja/>Ja &copy</a><p id=p>",
        // Left to html5gum: a carriage return, and a byte that is not UTF-8 in a link's text.
        b"<a href=/x/>A\r\nB</a><div id=d></div>",
        b"<a href=/x/ id=a>T\xffe</a><a href=/y/>Ny</a>",
    ];
    for page in pages {
        let mut with_texts = collect_with(page, Texts::Read);
        with_texts.links.iter_mut().for_each(|l| l.text.clear());
        let page_text = String::from_utf8_lossy(page);
        assert_eq!(collect_with(page, Texts::Left), with_texts, "{page_text}");
        assert_eq!(tokenize(page, Texts::Left), with_texts, "{page_text}");
        assert!(
            !with_texts.links.is_empty() && !with_texts.ids.is_empty()
                || page_text.contains("script"),
            "{page_text}"
        );
    }
}
