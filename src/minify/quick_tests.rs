//! Tests of the quick minifier (`quick.rs`): each compares it with minify-html-onepass.

use super::*;

fn same(html: &str) {
    match agrees_with_one_pass(html.as_bytes()) {
        Ok(true) => {}
        Ok(false) => panic!("left to the one-pass minifier: {html}"),
        Err(e) => panic!("{html}\n{e}"),
    }
}

fn left_alone(html: &str) {
    assert_eq!(minify(html.as_bytes()), None, "{html}");
}

#[test]
fn markdown_and_theme_markup_is_minified_as_in_one_pass() {
    for html in [
        "",
        "   ",
        "<p>Tekst</p>\n",
        "<h2 id=\"avsnitt-1\">Avsnitt 1</h2>\n<p>Samtale  barna\n samarbeid.</p>\n<ul>\n<li>En</li>\n<li>To <em>tre</em> </li>\n</ul>\n",
        "<ol start=\"3\">\n<li><p>Lang</p>\n<p>liste</p>\n</li>\n</ol>",
        "<p>a <strong>b</strong> <a href=\"/k/side/\" title=\"Til side\">c</a>.</p>",
        "<pre><code class=\"language-text\">  linje 1\n\n  linje   2\n</code></pre>\n<p>etter</p>",
        "<blockquote>\n<p>sitat</p>\n</blockquote>\n<hr />\n<p>x<br />\ny</p>",
        "<table><thead><tr><th style=\"text-align: left\">A</th></tr></thead><tbody>\n<tr><td>1</td></tr>\n</tbody></table>",
        "<title>Side 3 – Kommune 1</title>\n<h1>Side 3</h1>",
        "<li><a href=\"/a/\" aria-current=\"page\">A</a></li>\n<li><a href=\"/b/\">B</a></li>",
        // Made to conform as the build makes the one-pass minifier's output: a space after
        // a quoted value, and values the standard does not allow unquoted in quotes.
        "<p title=\"a b\" class=\"c\" id=\"d\">x</p>",
        "<a href=\"/x?a=b\" class=\"c\">x</a>",
        "<a href=\"mailto:a@b.example?subject=Hei&amp;body=x\">e-post</a>",
        "<p title='a\"b=c' class=\"d e\">x</p>",
        "<img alt=\"x=y\" src=\"a.png\"><img alt=\"`\" src=\"b.png\">",
        "<input type=\"text\" value=\"a=b\" disabled><br/>",
        "<a href=x=y/>z</a>",
        "<title>Side – Kommune</title><textarea name=\"a\" rows=\"2\">b=c</textarea>",
        "<div class=\"  a   b \"><span> x </span> <span>y</span></div>",
        "<input type=\"text\" name=\"q\" required=\"required\" value=\"\"><label for=q>Søk</label>",
        "<form method=\"get\" action=\"/sok/\"><button type=\"submit\">Søk</button></form>",
        "<img src=\"a.png\" alt=\"\" /><br/><div/>tekst",
        "<p title='sa \"hei\"'>x</p><p title=\"it's\">y</p><p title=\"a>b\">z</p>",
        "<p data-x=\"'1\">a</p><p data-x='\"2'>b</p><p data-x=\"a b\">c</p><p data-x=\"a\tb;\">d</p>",
        "<p data-x=\"''\">a</p><p data-x='\"\"'>b</p><p data-x=\">;\">c</p><p data-x=\"\t9\">d</p>",
        "<p data-x=\"'a\">a</p><p data-x=' 1'>b</p><p data-x=\"x \">c</p><p data-x=\"\n;\">d</p>",
        "<p hidden=\"hidden\" class=\"\" id=x>a</p >",
        "<details open><summary> Mer </summary>\n<p>tekst</p></details>",
        "<dl><dt>a</dt>\n<dd>b</dd>\n<dt>c</dt><dd>d</dd></dl>",
        "<p>før<code> kode  her </code>etter</p>",
        "<p>æøå – «sitat» 😀</p>",
        "<a href=x/>lenke</a>",
        "<p>a</p>  <!---->",
        "<!DOCTYPE html>\n<html lang=\"nb\"><head><!-- x --><title>T</title></head>\n<body> <p>a</p> <!--y--> <p>b</p> <!x> </body></html>",
        "<p>a <!-- c --> b</p><ul><li>a</li><!-- c --><li>b</li> <!-- d --> </ul><p>c<!---->d</p>",
        "<p>sa &quot;hei&quot; &#x27;du&#x27; &#39; &#34; &#x22; a&#x2F;b &#47; &gt;</p>",
        "<p title=\"&quot;sitat&quot;\" data-a='&#x27;' data-b=\"&#x27;&quot;\" data-c=\"a&gt;b\">x</p>",
        "<p>&amp;x &amp;? &quot;&amp;</p>",
        "<p>a &amp; b &amp;c &amp;</p><p>&amp;</p> &amp; <p>x &amp;bo y</p>",
        "<a href=\"mailto:a@b.example?subject=Hei%20du&amp;body=Side\">x</a>",
        "<a href=\"?a=1&amp;b=2&amp;\" title=\"&amp; \">x</a><a href=&amp;x>y</a>",
    ] {
        same(html);
    }
}

#[test]
fn long_text_is_minified_as_in_one_pass_whatever_a_space_is_next_to() {
    // Text is copied sixteen bytes at a time with the single spaces between its words
    // (`bytes::kept_len`): whatever else is next to a space, at every place in and around
    // such a chunk, is minified as the one-pass minifier minifies it.
    let odds = [
        "  ",
        " \n ",
        "\t",
        " \r",
        "\u{c}",
        " <em>x</em> ",
        "<br>",
        " &amp; ",
        " &amp;",
        "&quot; ",
        " &#39;",
        "&gt;",
        "æ ø",
        " – ",
        "\u{a0}",
        "\u{b} ",
        " ",
    ];
    for odd in odds {
        for at in 0..40 {
            let mut text = "Barn og unge i kommunen ".repeat(3);
            text.insert_str(at, odd);
            same(&format!(
                "<p>{text}</p>\n<p> {text}</p><ul><li>{text} </li></ul>{text}<pre>{text} &amp; {text}</pre>"
            ));
        }
    }
}

#[test]
fn what_the_one_pass_minifier_does_its_own_way_is_left_to_it() {
    for html in [
        "<p>a &amp;lt; b</p>",
        // What looks like a tag in a title or textarea is its text to a browser.
        "<title>a<s x=\"=1\">b</s></title>",
        "<textarea><b>c</b></textarea>",
        "<title>a<title>b</title>c</title>",
        "<title/><p class=\"a\" id=\"b\">c</p>",
        "<p>&amp;quot;</p>",
        "<p>&amp;#x27;x</p>",
        "<p>a &amp;&amp; b</p>",
        "<p>a &lt; b</p>",
        "<p>a &amp b</p>",
        "<a href=\"?a=1&amp;copy=2\">x</a>",
        "<a href=\"?a=1&b=2\">x</a>",
        "<a href=\"?a=1&#38;b=2\">x</a>",
        "<p>a <!-- c b</p>",
        "<p>a <!x b</p>",
        "<p>&#039; &#x2f; &lt; &QUOT; &quot</p>",
        "<?xml?><p>a</p>",
        "<p>1 < 2</p>",
        "<P>a</P>",
        "<p CLASS=x>a</p>",
        "<script>let a = 1;</script>",
        "<style>p { color: red }</style>",
        "<svg><path d=\"M0 0\"/></svg>",
        "<p>a<p>b",
        "<div><p>a</div>",
        "<p>a</b>",
        "</p>",
        "<p>a",
        "<p class=\"a",
        "<p =x>a</p>",
        "<p / >a</p>",
    ] {
        left_alone(html);
    }
    let deep = "<div>".repeat(MAX_DEPTH + 1) + &"</div>".repeat(MAX_DEPTH + 1);
    left_alone(&deep);
    // The one-pass minifier needs more stack than a test's thread has, unoptimised.
    let fine = "<div>".repeat(MAX_DEPTH) + &"</div>".repeat(MAX_DEPTH);
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || same(&fine))
        .unwrap()
        .join()
        .unwrap();
}

/// `cargo test --release --lib minify::quick::tests::throughput -- --ignored
/// --nocapture`: both minifiers on the demo's parts in `fuzz/corpus/minifier/`.
#[test]
#[ignore]
fn throughput() {
    let parts: Vec<Vec<u8>> = crate::fuzzing::tests::corpus("minifier", false)
        .into_iter()
        .filter(|(name, _)| name.starts_with("demo-"))
        .map(|(_, part)| part)
        .collect();
    let bytes: usize = parts.iter().map(Vec::len).sum();
    let rounds = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200);
    let cfg = minify_html_onepass::Cfg {
        minify_js: false,
        minify_css: true,
    };
    let time = |minify: &dyn Fn(&[u8]) -> usize| {
        let started = std::time::Instant::now();
        let mut written = 0;
        for _ in 0..rounds {
            for part in &parts {
                written += minify(part);
            }
        }
        let seconds = started.elapsed().as_secs_f64();
        ((bytes * rounds) as f64 / seconds / 1e6, written)
    };
    let (quick, quick_written) = time(&|part| minify(part).unwrap().len());
    let (one_pass, one_pass_written) = time(&|part| {
        let mut copy = part.to_vec();
        minify_html_onepass::truncate(&mut copy, &cfg).unwrap();
        // As the build uses it: made to conform after (the quick minifier writes it so).
        super::super::conform_attributes(copy).len()
    });
    assert_eq!(quick_written, one_pass_written);
    println!(
        "{} parts, {bytes} bytes: quick {quick:.0} MB/s, one pass {one_pass:.0} MB/s ({:.1} x)",
        parts.len(),
        quick / one_pass
    );
}
