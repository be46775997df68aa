# Trykksaker (src/print/): det check og build sier om plakater, brosjyrer, veilederen og skjemaer.

print-failed = trykksaken { $print } kunne ikke lages: { $reason }
print-failed-here = denne teksten gjør at trykksaken { $print } ikke kan lages: { $reason }
print-failed-here-help = nettsiden viser teksten, men PDF-en kan ikke: skriv den enklere (for eksempel uten formateringen der meldingen peker), og si fra til den som drifter veiviser
print-overflow = plakaten «{ $title }» i { $paper } får ikke plass på én side ({ $pages } sider)
print-overflow-help = gjør teksten kortere (eller bruk format: A3); en plakat er alltid én side
print-missing-glyph = tegnet { $char } finnes ikke i skriftene til trykksakene: det ville blitt skrevet ut som en tom firkant
print-missing-glyph-help = skriv det med bokstaver eller et annet tegn (→ ✓ ☐ og de fleste piler og symboler kan skrives ut), eller la det stå utenfor tekster som skrives ut
print-image = bildet { $image } kan ikke komme med i trykksakene: { $reason }; bildeteksten skrives ut i stedet
print-image-help = lagre bildet som PNG, JPEG eller SVG i bilder/ og vis til den filen
print-image-format = det er ikke en PNG-, JPEG-, GIF-, WebP- eller SVG-fil
print-image-unreadable = filen kan ikke leses som et bilde ({ $reason })
print-qr-failed = QR-koden til { $url } kunne ikke lages: { $reason }
print-template-failed = trykkmalen { $template } feilet:
print-export-failed = PDF-en fra { $template } kunne ikke lagres:
print-no-glyph = skriftene i programmet mangler tegnene: { $chars }
print-no-packages = trykkmaler kan ikke bruke pakker; legg filen i temaet
