# Lesing av prosjektet: veiviser.yaml, content/, filer, arv og filnamn.

source-cannot-read = { $file }: kan ikkje lese fila: { $reason }
source-utf16 = fila er lagra som UTF-16-tekst, ikkje som UTF-8
source-binary = dette er ikkje ei tekstfil: ho ser ut som { $kind ->
        [png] eit PNG-bilete
        [jpeg] eit JPEG-bilete
        [gif] eit GIF-bilete
        [webp] eit WebP-bilete
        [pdf] eit PDF-dokument
        [zip] eit Word-dokument eller ei anna ZIP-fil
        [office] eit gammalt Word- eller Excel-dokument
        [rtf] eit RTF-dokument
       *[other] binære data
    }
source-binary-help = sider og innstillingar er rein tekst (Markdown eller YAML); legg bilete i bilder/ og dokument i filer/, med si eiga filending (.png, .pdf)
source-invalid-utf8 = fila er ikkje gyldig UTF-8-tekst
source-save-as-utf8 = lagre fila som UTF-8 i redigeringsprogrammet (i VS Code: klikk på teiknkodinga nedst i statuslinja og vel «Save with Encoding» → UTF-8)
source-nul = fila inneheld eit NUL-teikn (ein nullbyte), som aldri høyrer heime i tekst
source-nul-help = slett teiknet (det kan visast som eit mellomrom eller som NUL i redigeringsprogrammet); om fila er kopiert frå ei binærfil, skriv ho på nytt som rein tekst
source-too-large = fila er på { $size } MB; ei tekstfil med innhald kan vere på høgst { $max } MB
source-too-large-help = del teksten opp i fleire sider; store dokument til nedlasting høyrer heime i filer/ (som PDF), der det ikkje er nokon storleiksgrense
source-missing-front-matter = sida manglar innstillingar øvst (front matter)
source-missing-front-matter-help = byrj fila med ei linje `---`, innstillingane til sida (minst `title: ...`) og ei linje til med `---`
source-unclosed-front-matter = innstillingane øvst (front matter) blir aldri avslutta
source-unclosed-front-matter-help = legg til ei linje med berre `---` etter den siste innstillinga, før teksten på sida

load-missing-content = det finst inga content/-mappe i { $root }
load-missing-content-help = lag content/<kommune>/kommune.yaml, eller køyr `veiviser new <kommune>`
load-cannot-read-content = kan ikkje lese content/: { $reason }
load-no-kommune = content/ har inga kommunemappe (ei mappe med kommune.yaml)
load-no-kommune-help = lag ei med `veiviser new <kommune>`
load-symlink-refused = { $file } er ei symbolsk lenkje; veiviser følgjer ikkje lenkjer i content/
load-symlink-help = kopier fila inn i mappa i staden for å lenkje til ho
load-unknown-folder = content/{ $slug }/ har verken kommune.yaml eller region.yaml
load-unknown-folder-help = legg til kommune.yaml (ein kommune) eller region.yaml (eit felles grunnlag), eller flytt mappa ut av content/
load-invalid-slug = mappenamnet `{ $slug }` kan ikkje brukast i ei nettadresse
load-invalid-slug-help = gi mappa namnet `{ $suggestion }` (små bokstavar a–z, 0–9 og -)
load-cannot-read = kan ikkje lese { $file }: { $reason }
load-symlink-ignored = { $file } er ei symbolsk lenkje og blir ikkje lesen

config-missing = det finst inga veiviser.yaml i { $root }
config-missing-help = køyr veiviser frå mappa som har veiviser.yaml og content/, eller lag veiviser.yaml med minst `title:` og `base_url:`
config-forbidden-tag = <{ $tag }> kan ikkje tillatast i innhald: han kan køyre kode, hente inn andre nettstader eller samle inn opplysningar
config-forbidden-tag-help = fjern `{ $tag }` frå raw_html.extra_tags; bilete og skjema har eigne format i Markdown og YAML
config-invalid-base-url-help = set base_url til adressa nettstaden blir publisert på, som https://www.example.no/bti/
config-invalid-theme = `theme: { $theme }` er ikkje namnet på ei mappe i themes/
config-invalid-theme-help = skriv namnet på ei mappe i themes/, som `standard` (bokstavar, siffer, - og _; ingen stiar)
config-base-url-relative = `{ $url }` er ikkje ei fullstendig nettadresse; skriv ho som https://www.example.no/bti/
config-base-url-scheme = `{ $url }` må byrje med https:// eller http://
config-base-url-host = `{ $url }` manglar vertsnamn

resolve-unknown-kommune = det finst ingen kommune `{ $slug }` i content/
resolve-unknown-kommune-near = meinte du `{ $near }`? Kommunar: { $kommuner }
resolve-kommuner = kommunar: { $kommuner }
resolve-unknown-base = `inherits: { $base }` viser til eit grunnlag som ikkje finst
resolve-unknown-base-create = lag content/{ $base }/region.yaml, eller fjern `inherits:`
resolve-unknown-base-near = meinte du `{ $near }`? Grunnlag i content/: { $bases }
resolve-bases = grunnlag i content/: { $bases }
resolve-inherits-kommune = `{ $base }` er ein kommune; berre eit grunnlag (ei mappe med region.yaml) kan arvast
resolve-inherits-kommune-help = flytt dei felles filene til ei grunnlagsmappe med region.yaml og arv ho
resolve-cycle = arven går i ring: { $names }
resolve-cycle-help = fjern `inherits:` frå éi av desse mappene
resolve-unknown-exclude = `exclude: { $path }` passar ikkje med nokon arva fil
resolve-exclude-own = content/{ $slug }/{ $path } er kommunen si eiga fil, som alt erstattar fila i grunnlaget; slett den fila, eller fjern denne linja
resolve-unknown-exclude-help = skriv stien frå grunnlagsmappa, til dømes tjenester/familiesenter.yaml
resolve-original-excluded = `exclude: { $original }` i content/{ $slug }/kommune.yaml fjernar originalen; slett denne omsetjinga, eller slutt å utelate originalen
resolve-default-language-suffix = filer på standardspråket ({ $lang }) har ingen språkkode: gi denne fila namnet { $original }
resolve-translate-near = meinte du å omsetje { $original }? Gi då denne fila namnet { $renamed }
resolve-create-original = lag { $original } på standardspråket først, eller slett denne omsetjinga
resolve-translation-without-original = `{ $file }` er ei omsetjing ({ $lang }) av { $original }, som ikkje finst
resolve-unknown-language = `{ $lang }` i `languages:` er ikkje eit språk veiviser kjenner
resolve-unknown-language-help = bruk kodar frå: { $codes }

parse-not-content = { $file } er ikkje ei innhaldsfil og blir ikkje lesen
parse-not-content-help = legg bilete i bilder/ og filer til nedlasting i filer/
parse-unknown-language = `{ $lang }` i filnamnet er ikkje eit språk veiviser kjenner
parse-unknown-language-help = gi omsetjingar namn som <id>.<språk>.{ $ext }, med eitt av: { $codes }
parse-invalid-id = filnamnet `{ $id }` kan ikkje brukast som id og nettadresse
parse-invalid-id-help = gi fila namnet `{ $suggestion }` (små bokstavar a–z, 0–9 og -, ingen æ/ø/å eller mellomrom)
parse-unknown-place = { $file } ligg ikkje på ein stad veiviser les, og blir ikkje lesen
parse-unknown-place-help = sjå docs/content-format.md for kvar kvar type innhald skal liggje
