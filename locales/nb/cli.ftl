# Kommandolinjen: oppsummeringer, --help og feil i det som er skrevet på kommandolinjen.

summary-build-failed = Byggingen stoppet: ingenting ble skrevet, og { $out } er som før.
summary-built = Bygde { $pages } { $pages ->
        [one] side
       *[other] sider
    } for { $kommuner } { $kommuner ->
        [one] kommune
       *[other] kommuner
    } på { $seconds } s ({ $warnings } { $warnings ->
        [one] advarsel
       *[other] advarsler
    }) → { $out }
summary-pdfs-cached = PDF-er: { $made } laget, { $reused } uendret fra mellomlageret
summary-checked = Sjekket { $kommuner } { $kommuner ->
        [one] kommune
       *[other] kommuner
    }: { $errors } feil, { $warnings } { $warnings ->
        [one] advarsel
       *[other] advarsler
    }.
summary-warnings-by-kind = ⚠ { $count } { $count ->
        [one] advarsel
       *[other] advarsler
    }, etter type; `veiviser check --verbose` viser hver enkelt med hjelpetekst:
summary-warnings-example = f.eks. { $example }
schemas-cannot-write = kan ikke skrive skjemaene til { $out }: { $reason }
explain-needs-code = oppgi en kode, f.eks. `veiviser explain unknown-key`, eller --all for alle kodene

cli-error-lang = «{ $value }» er ikke et språk for meldingene: bruk nb (bokmål), nn (nynorsk) eller en (engelsk)
cli-error-see-help = Se `veiviser --help` for alle kommandoer og valg.
cli-error-did-you-mean = Mente du { $suggestion }?
cli-error-unknown-argument = feil: { $arg } er ikke et valg her
cli-error-unknown-command = feil: { $command } er ikke en kommando
cli-error-invalid-value = feil: «{ $value }» er ikke en gyldig verdi for { $arg }
cli-error-valid-values = gyldige verdier: { $values }
cli-error-missing-argument = feil: mangler { $arg }
cli-error-conflict = feil: { $arg } kan ikke brukes sammen med { $other }
cli-error-value-count = feil: feil antall verdier for { $arg }
cli-error-missing-command = feil: oppgi en kommando, f.eks. `veiviser build`

help-heading-usage = Bruk:
help-heading-commands = Kommandoer
help-heading-arguments = Argumenter
help-heading-options = Valg
help-usage-options = [VALG]
help-usage-command = <KOMMANDO>
help-default = (standard: { $value })

help-veiviser = Bygger en kommunes BTI-veileder til et universelt utformet nettsted
help-arg-root = Prosjektmappen (med veiviser.yaml, content/ og themes/).
help-arg-verbose = Vis hver advarsel med utdrag, i stedet for én linje per type advarsel.
help-arg-lang = Språk for meldinger og hjelp: nb (bokmål), nn (nynorsk) eller en (engelsk).
help-arg-help = Vis hjelp.
help-arg-version = Vis versjonen.
help-arg-kommune = Bare denne kommunen (mappenavnet i content/).
help-value-root = MAPPE
help-value-lang = SPRÅK
help-value-kommune = KOMMUNE
help-value-out = MAPPE
help-value-base_url = URL
help-value-cache_dir = MAPPE
help-value-port = PORT
help-value-bind = ADRESSE
help-value-format = FORMAT
help-value-folder = MAPPE
help-value-language = SPRÅK
help-value-code = KODE
help-value-slug = NAVN
help-value-inherits = FELLESMAPPE
help-value-name = NAVN
help-value-number = NUMMER

help-build = Bygg nettstedet til utmappen.
help-build-kommune = Bygg bare denne kommunen, øverst i utmappen.
help-build-out = Utmappen, relativt til --root (byttes bare ut når byggingen lykkes).
help-build-base_url = Overstyr base_url fra veiviser.yaml.
help-build-no_pdf = Ikke lag trykk-PDF-ene (trykk/*.pdf); siden Trykksaker viser dem uten lenker.
help-build-relative_urls = Skriv alle interne lenker relativt til siden, så nettstedet virker fra en mappe, et filområde eller file:// (kanoniske lenker og nettstedskartet er fortsatt absolutte).
help-build-allow_placeholders = Bygg selv om plassholdere fra `veiviser new` står igjen (som advarsler), for å prøve ut et nettsted; et nettsted som skal publiseres, bygges uten.
help-build-clean = Lag alt på nytt, uten å bruke noe fra mellomlageret fra tidligere bygginger.
help-build-cache_dir = Hvor byggingen legger det neste bygging kan bruke om igjen (trykk-PDF-er, oversikten over hva hver kommune ble laget av). Standard: `.veiviser-cache/` ved siden av utmappen.

help-serve = Forhåndsvisning: bygg i minnet, vis på 127.0.0.1, bygg og last inn på nytt ved lagring.
help-serve-kommune = Vis bare denne kommunen.
help-serve-port = Porten å lytte på (0 velger en ledig).
help-serve-bind = Adressen å lytte på. Alt annet enn loopback gjør forhåndsvisningen synlig for andre.
help-serve-open = Åpne forhåndsvisningen i nettleseren.

help-check = Kjør alle sjekkene uten å skrive noe.
help-check-kommune = Sjekk bare denne kommunen.
help-check-format = Utdataformat: human (for folk) eller json.
help-check-origins = Vis også, per kommune, hvilke filer og ord i ordlisten som er lokale, overstyrt, arvet (og fra hvilken fellesmappe) eller utelatt.

help-schemas = Skriv JSON-skjemaene for innholdsfilene (for autofullføring og feil i redigeringsprogrammer).
help-schemas-out = Mappen `<navn>.schema.json` skrives til.

help-init = Lag et nytt prosjekt (veiviser.yaml og content/ med én kommune) i en tom mappe.
help-init-folder = Mappen til det nye prosjektet (lages om den ikke finnes; må være tom om den finnes).
help-init-kommune = Mappenavnet til den første kommunen (standard: prosjektmappens navn, om det bare har a–z, 0–9 og -).
help-init-language = Språket til nettstedet og kommunen: nb (bokmål, standard) eller nn (nynorsk).

help-explain = Forklar en feilkode (på norsk), eller list alle kodene med --all.
help-explain-code = Koden slik den står ved hver melding, f.eks. `unknown-key`.
help-explain-all = Skriv tabellen over alle kodene (Markdown; docs/redaktor/feilkoder.md).

help-new = Lag en ny kommunemappe i content/, med plassholdere som forhåndsvisningen viser med en gang.
help-new-slug = Mappenavnet til den nye kommunen (a–z, 0–9 og -), f.eks. `nordvik`.
help-new-inherits = Arv en fellesmappe (en mappe i content/ med region.yaml), f.eks. `felles`.
help-new-language = Skriv kommunen på nb (bokmål) eller nn (nynorsk): kommentarer, forside og `languages:` (standard: nettstedets default_language).
help-new-name = Kommunens fulle navn, f.eks. "Nordvik kommune" (standard: laget av mappenavnet).
help-new-number = Kommunenummeret, fire sifre, f.eks. 3401 (standard: en plassholder å fylle ut).
explain-unknown-code = `{ $code }` er ikke en kode veiviser melder
explain-unknown-code-near = mente du `{ $near }`? `veiviser explain --all` viser alle kodene
explain-unknown-code-help = `veiviser explain --all` viser alle kodene
diagnostic-here = her
diagnostic-help = hjelp
