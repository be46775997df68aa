# `veiviser new` og `veiviser init`: feil og neste steg.

new-unknown-language = `veiviser new` skriv ein kommune på nb (bokmål) eller nn (nynorsk), ikkje `{ $language }`
new-unknown-language-help = bruk --language nb eller --language nn; andre språk blir lagde til som omsetjingar ved sida av kvar fil
new-invalid-number = `{ $number }` er ikkje eit kommunenummer
new-invalid-number-help = kommunenummeret har fire siffer, til dømes --number 3401
new-kommune-exists = content/{ $slug }/ finst alt
new-kommune-exists-help = vel eit anna namn, eller rediger filene i content/{ $slug }/ (slett mappa først for å byrje på nytt)
new-service-placeholder = plasshaldar: grunnlaget viser til tenesta `{ $id }`
new-created = Laga content/{ $slug }/:
new-created-inherits = Laga content/{ $slug }/, som arvar frå { $base }:
new-does-not-build = { $folder } vart laga, men kan ikkje byggjast enno på grunn av feila over.
new-preview-works = Førehandsvisinga verkar som ho er.
new-preview-works-warnings = Førehandsvisinga verkar som ho er ({ $warnings } { $warnings ->
        [one] åtvaring
       *[other] åtvaringar
    }: sjå `{ $command }`).
new-next-steps = Neste steg:
new-step-fill-in = Fyll ut content/{ $slug }/kommune.yaml: namn, kommunenummer, språk, profil, naudnummer, kontaktar, tilbakemeldingar og tilgjengeerklæringa. Kommentarane forklarer kvar innstilling.
new-step-services = Skriv dei eigne tenestene til kommunen i content/{ $slug }/tjenester/ (erstatt plasshaldarane).
new-step-front-page = Skriv framsida: content/{ $slug }/index.md.
new-step-override = For å endre ei side frå { $base }, kopier ho til same stien under content/{ $slug }/ og rediger ho der;
new-step-exclude = skriv sider du ikkje vil ha under `exclude:` i kommune.yaml.
new-step-origins = Sjå kva som er kommunen sitt eige og kva som kjem frå { $base }: { $command }
new-step-levels = Legg til nivåa i handlingsrettleiaren i content/{ $slug }/veileder/ (éi .md per nivå).
new-step-serve = Sjå på han medan du skriv: { $command }
new-step-build = Bygg han for publisering: { $command } (skriv til { $out })
new-placeholders = `veiviser build` nektar å publisere desse plasshaldarane til dei er fylte ut (`veiviser serve` viser dei i eit banner; `build --allow-placeholders` lèt deg prøve nettstaden):
new-invalid-slug = `{ $slug }` kan ikkje vere namnet på ei kommunemappe: det blir ein del av nettadressa, så det kan berre ha små bokstavar a–z, 0–9 og -
new-invalid-slug-suggestion = bruk `{ $suggestion }`: veiviser new { $suggestion }
new-invalid-slug-help = bruk små bokstavar a–z, 0–9 og - (ikkje æ/ø/å, store bokstavar eller mellomrom), til dømes `nordvik`
new-no-bases = det finst ingen grunnlag i content/ enno (eit grunnlag er ei mappe med region.yaml); lag eitt, eller utelat --inherits
new-unknown-base = det finst ikkje noko grunnlag `{ $base }` i content/

init-unknown-language = eit nytt prosjekt blir skrive på nb (bokmål) eller nn (nynorsk), ikkje `{ $language }`
init-unknown-language-help = bruk --language nb eller --language nn
init-invalid-slug = `{ $slug }` kan ikkje vere namnet på mappa til ein kommune
init-invalid-slug-help = bruk små bokstavar a-z, siffer og -, til dømes `--kommune nordvik`
init-folder-not-empty = { $folder } finst alt og er ikkje tom
init-folder-not-empty-help = gi namnet på ei ny mappe (veiviser init lagar ho), eller ei tom mappe; for å leggje ein kommune til eit prosjekt som finst, køyr `veiviser new <mappenamn>` i det
init-created = Laga eit nytt veiviser-prosjekt i { $folder }:
init-site-settings = innstillingar for heile nettstaden
init-kommune-pages = sidene til kommunen (kommune.yaml, index.md, veileder/)
init-step-serve = sjå på det i nettlesaren medan du skriv
init-step-build = bygg det for publisering, til public/
init-fill-in = Fyll ut content/{ $slug }/kommune.yaml og base_url i veiviser.yaml før du publiserer.
