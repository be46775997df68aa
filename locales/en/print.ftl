# Print PDFs (src/print/): what check and build say about posters, brochures, the guide and forms.

print-failed = the print { $print } could not be made: { $reason }
print-failed-here = this text makes the print { $print } fail: { $reason }
print-failed-here-help = the web page shows it, but the PDF cannot: write it more simply (for example without the formatting around the place the message points to), and report it to whoever maintains veiviser
print-overflow = the { $paper } poster "{ $title }" does not fit on one page ({ $pages } pages)
print-overflow-help = shorten the text (or use format: A3); a poster is always one page
print-missing-glyph = the character { $char } is not in the fonts of the print PDFs: it would be printed as an empty box
print-missing-glyph-help = write it with letters or another character (→ ✓ ☐ and most arrows and symbols can be printed), or leave it out of texts that are printed
print-image = the image { $image } cannot go into the print PDFs: { $reason }; its alt text is printed instead
print-image-help = save the image as PNG, JPEG or SVG in bilder/ and point to that file
print-image-format = it is not a PNG, JPEG, GIF, WebP or SVG file
print-image-unreadable = the file cannot be read as an image ({ $reason })
print-qr-failed = the QR code for { $url } could not be made: { $reason }
print-template-failed = print template { $template } failed:
print-export-failed = PDF export of { $template } failed:
print-no-glyph = no glyph in the embedded fonts for: { $chars }
print-no-packages = packages are not available to print templates; put the file in the theme
