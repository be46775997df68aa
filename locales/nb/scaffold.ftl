# `veiviser new` and `veiviser init`: their mistakes and their next steps.

new-unknown-language = `veiviser new` skriver en kommune på nb (bokmål) eller nn (nynorsk), ikke `{ $language }`
new-unknown-language-help = bruk --language nb eller --language nn; andre språk legges til som oversettelser ved siden av hver fil
new-invalid-number = `{ $number }` er ikke et kommunenummer
new-invalid-number-help = kommunenummeret har fire sifre, for eksempel --number 3401
new-kommune-exists = content/{ $slug }/ finnes allerede
new-kommune-exists-help = velg et annet navn, eller rediger filene i content/{ $slug }/ (slett mappen først for å begynne på nytt)
new-service-placeholder = plassholder: grunnlaget viser til tjenesten `{ $id }`
new-created = Laget content/{ $slug }/:
new-created-inherits = Laget content/{ $slug }/, som arver fra { $base }:
new-does-not-build = { $folder } ble laget, men kan ikke bygges ennå på grunn av feilene over.
new-preview-works = Forhåndsvisningen virker som den er.
new-preview-works-warnings = Forhåndsvisningen virker som den er ({ $warnings } { $warnings ->
        [one] advarsel
       *[other] advarsler
    }: se `{ $command }`).
new-next-steps = Neste steg:
new-step-fill-in = Fyll ut content/{ $slug }/kommune.yaml: navn, kommunenummer, språk, profil, nødnumre, kontakter, tilbakemeldinger og tilgjengelighetserklæringen. Kommentarene forklarer hver innstilling.
new-step-services = Skriv kommunens egne tjenester i content/{ $slug }/tjenester/ (erstatt plassholderne).
new-step-front-page = Skriv forsiden: content/{ $slug }/index.md.
new-step-override = For å endre en side fra { $base }, kopier den til samme sti under content/{ $slug }/ og rediger den der;
new-step-exclude = skriv sider du ikke vil ha under `exclude:` i kommune.yaml.
new-step-origins = Se hva som er kommunens eget og hva som kommer fra { $base }: { $command }
new-step-levels = Legg til nivåene i handlingsveilederen i content/{ $slug }/veileder/ (én .md per nivå).
new-step-serve = Se på den mens du skriver: { $command }
new-step-build = Bygg den for publisering: { $command } (skriver til { $out })
new-placeholders = `veiviser build` nekter å publisere disse plassholderne til de er fylt ut (`veiviser serve` viser dem i et banner; `build --allow-placeholders` lar deg prøve nettstedet):
new-invalid-slug = `{ $slug }` kan ikke være navnet på en kommunemappe: det blir en del av nettadressen, så det kan bare ha små bokstaver a–z, 0–9 og -
new-invalid-slug-suggestion = bruk `{ $suggestion }`: veiviser new { $suggestion }
new-invalid-slug-help = bruk små bokstaver a–z, 0–9 og - (ikke æ/ø/å, store bokstaver eller mellomrom), for eksempel `nordvik`
new-no-bases = det finnes ingen grunnlag i content/ ennå (et grunnlag er en mappe med region.yaml); lag ett, eller utelat --inherits
new-unknown-base = det finnes ikke noe grunnlag `{ $base }` i content/

init-unknown-language = et nytt prosjekt skrives på nb (bokmål) eller nn (nynorsk), ikke `{ $language }`
init-unknown-language-help = bruk --language nb eller --language nn
init-invalid-slug = `{ $slug }` kan ikke være navnet på mappen til en kommune
init-invalid-slug-help = bruk små bokstaver a-z, sifre og -, for eksempel `--kommune nordvik`
init-folder-not-empty = { $folder } finnes allerede og er ikke tom
init-folder-not-empty-help = oppgi navnet på en ny mappe (veiviser init lager den), eller en tom mappe; for å legge en kommune til et prosjekt som finnes, kjør `veiviser new <mappenavn>` i det
init-created = Laget et nytt veiviser-prosjekt i { $folder }:
init-site-settings = innstillinger for hele nettstedet
init-kommune-pages = sidene til kommunen (kommune.yaml, index.md, veileder/)
init-step-serve = se på det i nettleseren mens du skriver
init-step-build = bygg det for publisering, til public/
init-fill-in = Fyll ut content/{ $slug }/kommune.yaml og base_url i veiviser.yaml før du publiserer.
