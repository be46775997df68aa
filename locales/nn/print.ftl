# Trykksaker (src/print/): det check og build seier om plakatar, brosjyrar, rettleiaren og skjema.

print-failed = trykksaka { $print } kunne ikkje lagast: { $reason }
print-failed-here = denne teksten gjer at trykksaka { $print } ikkje kan lagast: { $reason }
print-failed-here-help = nettsida viser teksten, men PDF-en kan ikkje: skriv han enklare (til dømes utan formateringa der meldinga peikar), og sei frå til den som driftar veiviser
print-overflow = plakaten «{ $title }» i { $paper } får ikkje plass på éi side ({ $pages } sider)
print-overflow-help = gjer teksten kortare (eller bruk format: A3); ein plakat er alltid éi side
print-missing-glyph = teiknet { $char } finst ikkje i skriftene til trykksakene: det ville vorte skrive ut som ein tom firkant
print-missing-glyph-help = skriv det med bokstavar eller eit anna teikn (→ ✓ ☐ og dei fleste piler og symbol kan skrivast ut), eller la det stå utanfor tekstar som blir skrivne ut
print-image = biletet { $image } kan ikkje kome med i trykksakene: { $reason }; biletteksten blir skriven ut i staden
print-image-help = lagre biletet som PNG, JPEG eller SVG i bilder/ og vis til den fila
print-image-format = det er ikkje ei PNG-, JPEG-, GIF-, WebP- eller SVG-fil
print-image-unreadable = fila kan ikkje lesast som eit bilete ({ $reason })
print-qr-failed = QR-koden til { $url } kunne ikkje lagast: { $reason }
print-template-failed = trykkmalen { $template } feila:
print-export-failed = PDF-en frå { $template } kunne ikkje lagrast:
print-no-glyph = skriftene i programmet manglar teikna: { $chars }
print-no-packages = trykkmalar kan ikkje bruke pakkar; legg fila i temaet
