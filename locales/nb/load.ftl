# Reading the project: veiviser.yaml, content/, files, inheritance and file names.

source-cannot-read = { $file }: kan ikke lese filen: { $reason }
source-utf16 = filen er lagret som UTF-16-tekst, ikke som UTF-8
source-binary = dette er ikke en tekstfil: den ser ut som { $kind ->
        [png] et PNG-bilde
        [jpeg] et JPEG-bilde
        [gif] et GIF-bilde
        [webp] et WebP-bilde
        [pdf] et PDF-dokument
        [zip] et Word-dokument eller en annen ZIP-fil
        [office] et gammelt Word- eller Excel-dokument
        [rtf] et RTF-dokument
       *[other] binære data
    }
source-binary-help = sider og innstillinger er ren tekst (Markdown eller YAML); legg bilder i bilder/ og dokumenter i filer/, med sin egen filendelse (.png, .pdf)
source-invalid-utf8 = filen er ikke gyldig UTF-8-tekst
source-save-as-utf8 = lagre filen som UTF-8 i redigeringsprogrammet (i VS Code: klikk på tegnkodingen nederst i statuslinjen og velg «Save with Encoding» → UTF-8)
source-nul = filen inneholder et NUL-tegn (en nullbyte), som aldri hører hjemme i tekst
source-nul-help = slett tegnet (det kan vises som et mellomrom eller som NUL i redigeringsprogrammet); hvis filen er kopiert fra en binærfil, skriv den på nytt som ren tekst
source-too-large = filen er på { $size } MB; en tekstfil med innhold kan være på høyst { $max } MB
source-too-large-help = del teksten opp i flere sider; store dokumenter til nedlasting hører hjemme i filer/ (som PDF), der det ikke er noen størrelsesgrense
source-missing-front-matter = siden mangler innstillinger øverst (front matter)
source-missing-front-matter-help = begynn filen med en linje `---`, sidens innstillinger (minst `title: ...`) og en linje til med `---`
source-unclosed-front-matter = innstillingene øverst (front matter) blir aldri avsluttet
source-unclosed-front-matter-help = legg til en linje med bare `---` etter den siste innstillingen, før teksten på siden

load-missing-content = det finnes ingen content/-mappe i { $root }
load-missing-content-help = lag content/<kommune>/kommune.yaml, eller kjør `veiviser new <kommune>`
load-cannot-read-content = kan ikke lese content/: { $reason }
load-no-kommune = content/ har ingen kommunemappe (en mappe med kommune.yaml)
load-no-kommune-help = lag en med `veiviser new <kommune>`
load-symlink-refused = { $file } er en symbolsk lenke; veiviser følger ikke lenker i content/
load-symlink-help = kopier filen inn i mappen i stedet for å lenke til den
load-unknown-folder = content/{ $slug }/ har verken kommune.yaml eller region.yaml
load-unknown-folder-help = legg til kommune.yaml (en kommune) eller region.yaml (et felles grunnlag), eller flytt mappen ut av content/
load-invalid-slug = mappenavnet `{ $slug }` kan ikke brukes i en nettadresse
load-invalid-slug-help = gi mappen navnet `{ $suggestion }` (små bokstaver a–z, 0–9 og -)
load-cannot-read = kan ikke lese { $file }: { $reason }
load-symlink-ignored = { $file } er en symbolsk lenke og blir ikke lest

config-missing = det finnes ingen veiviser.yaml i { $root }
config-missing-help = kjør veiviser fra mappen som har veiviser.yaml og content/, eller lag veiviser.yaml med minst `title:` og `base_url:`
config-forbidden-tag = <{ $tag }> kan ikke tillates i innhold: den kan kjøre kode, hente inn andre nettsteder eller samle inn opplysninger
config-forbidden-tag-help = fjern `{ $tag }` fra raw_html.extra_tags; bilder og skjemaer har egne formater i Markdown og YAML
config-invalid-base-url-help = sett base_url til adressen nettstedet publiseres på, som https://www.example.no/bti/
config-invalid-theme = `theme: { $theme }` er ikke navnet på en mappe i themes/
config-invalid-theme-help = skriv navnet på en mappe i themes/, som `standard` (bokstaver, sifre, - og _; ingen stier)
config-base-url-relative = `{ $url }` er ikke en fullstendig nettadresse; skriv den som https://www.example.no/bti/
config-base-url-scheme = `{ $url }` må begynne med https:// eller http://
config-base-url-host = `{ $url }` mangler vertsnavn

resolve-unknown-kommune = det finnes ingen kommune `{ $slug }` i content/
resolve-unknown-kommune-near = mente du `{ $near }`? Kommuner: { $kommuner }
resolve-kommuner = kommuner: { $kommuner }
resolve-unknown-base = `inherits: { $base }` viser til et grunnlag som ikke finnes
resolve-unknown-base-create = lag content/{ $base }/region.yaml, eller fjern `inherits:`
resolve-unknown-base-near = mente du `{ $near }`? Grunnlag i content/: { $bases }
resolve-bases = grunnlag i content/: { $bases }
resolve-inherits-kommune = `{ $base }` er en kommune; bare et grunnlag (en mappe med region.yaml) kan arves
resolve-inherits-kommune-help = flytt de felles filene til en grunnlagsmappe med region.yaml og arv den
resolve-cycle = arven går i ring: { $names }
resolve-cycle-help = fjern `inherits:` fra én av disse mappene
resolve-unknown-exclude = `exclude: { $path }` passer ikke med noen arvet fil
resolve-exclude-own = content/{ $slug }/{ $path } er kommunens egen fil, som allerede erstatter grunnlagets; slett den filen, eller fjern denne linjen
resolve-unknown-exclude-help = skriv stien fra grunnlagsmappen, for eksempel tjenester/familiesenter.yaml
resolve-original-excluded = `exclude: { $original }` i content/{ $slug }/kommune.yaml fjerner originalen; slett denne oversettelsen, eller slutt å utelate originalen
resolve-default-language-suffix = filer på standardspråket ({ $lang }) har ingen språkkode: gi denne filen navnet { $original }
resolve-translate-near = mente du å oversette { $original }? Gi da denne filen navnet { $renamed }
resolve-create-original = lag { $original } på standardspråket først, eller slett denne oversettelsen
resolve-translation-without-original = `{ $file }` er en oversettelse ({ $lang }) av { $original }, som ikke finnes
resolve-unknown-language = `{ $lang }` i `languages:` er ikke et språk veiviser kjenner
resolve-unknown-language-help = bruk koder fra: { $codes }

parse-not-content = { $file } er ikke en innholdsfil og blir ikke lest
parse-not-content-help = legg bilder i bilder/ og filer til nedlasting i filer/
parse-unknown-language = `{ $lang }` i filnavnet er ikke et språk veiviser kjenner
parse-unknown-language-help = gi oversettelser navn som <id>.<språk>.{ $ext }, med ett av: { $codes }
parse-invalid-id = filnavnet `{ $id }` kan ikke brukes som id og nettadresse
parse-invalid-id-help = gi filen navnet `{ $suggestion }` (små bokstaver a–z, 0–9 og -, ingen æ/ø/å eller mellomrom)
parse-unknown-place = { $file } ligger ikke på et sted veiviser leser, og blir ikke lest
parse-unknown-place-help = se docs/content-format.md for hvor hver type innhold skal ligge
