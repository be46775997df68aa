#!/bin/sh
# Makes the web fonts of the standard theme (themes/standard/static/fonts/*.woff2): the
# Arabic and Ethiopic letters of the Noto fonts the PDFs already embed
# (themes/standard/fonts/), with every OpenType layout feature, so Arabic joins and
# Tigrinya syllables shape as in print. main.css loads them only on pages in Arabic or
# Tigrinya. Run once after changing the fonts; the output is committed.
# Needs fonttools and brotli (pip install fonttools brotli).
set -eu
cd "$(dirname "$0")/.."
src=themes/standard/fonts
out=themes/standard/static/fonts
mkdir -p "$out"
arabic="U+0600-06FF,U+200C-200F,U+0020,U+00A0"
ethiopic="U+1200-139F,U+0020,U+00A0"
for weight in Regular Bold; do
  pyftsubset "$src/NotoSansArabic-$weight.ttf" --unicodes="$arabic" --layout-features='*' \
    --flavor=woff2 --output-file="$out/noto-sans-arabic-$(echo $weight | tr A-Z a-z).woff2"
  pyftsubset "$src/NotoSansEthiopic-$weight.ttf" --unicodes="$ethiopic" --layout-features='*' \
    --flavor=woff2 --output-file="$out/noto-sans-ethiopic-$(echo $weight | tr A-Z a-z).woff2"
done
ls -l "$out"
