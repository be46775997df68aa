# Kommandolinja: oppsummeringar, --help og feil i det som er skrive på kommandolinja.

summary-build-failed = Bygginga stoppa: ingenting vart skrive, og { $out } er som før.
summary-built = Bygde { $pages } { $pages ->
        [one] side
       *[other] sider
    } for { $kommuner } { $kommuner ->
        [one] kommune
       *[other] kommunar
    } på { $seconds } s ({ $warnings } { $warnings ->
        [one] åtvaring
       *[other] åtvaringar
    }) → { $out }
summary-pdfs-cached = PDF-ar: { $made } laga, { $reused } uendra frå mellomlageret
summary-checked = Sjekka { $kommuner } { $kommuner ->
        [one] kommune
       *[other] kommunar
    }: { $errors } feil, { $warnings } { $warnings ->
        [one] åtvaring
       *[other] åtvaringar
    }.
summary-warnings-by-kind = ⚠ { $count } { $count ->
        [one] åtvaring
       *[other] åtvaringar
    }, etter type; `veiviser check --verbose` viser kvar einskild med hjelpetekst:
summary-warnings-example = t.d. { $example }
schemas-cannot-write = kan ikkje skrive skjemaa til { $out }: { $reason }
explain-needs-code = oppgje ein kode, t.d. `veiviser explain unknown-key`, eller --all for alle kodane

cli-error-lang = «{ $value }» er ikkje eit språk for meldingane: bruk nb (bokmål), nn (nynorsk) eller en (engelsk)
cli-error-see-help = Sjå `veiviser --help` for alle kommandoar og val.
cli-error-did-you-mean = Meinte du { $suggestion }?
cli-error-unknown-argument = feil: { $arg } er ikkje eit val her
cli-error-unknown-command = feil: { $command } er ikkje ein kommando
cli-error-invalid-value = feil: «{ $value }» er ikkje ein gyldig verdi for { $arg }
cli-error-valid-values = gyldige verdiar: { $values }
cli-error-missing-argument = feil: manglar { $arg }
cli-error-conflict = feil: { $arg } kan ikkje brukast saman med { $other }
cli-error-value-count = feil: feil tal på verdiar for { $arg }
cli-error-missing-command = feil: oppgje ein kommando, t.d. `veiviser build`

help-heading-usage = Bruk:
help-heading-commands = Kommandoar
help-heading-arguments = Argument
help-heading-options = Val
help-usage-options = [VAL]
help-usage-command = <KOMMANDO>
help-default = (standard: { $value })

help-veiviser = Byggjer BTI-rettleiaren til ein kommune til ein universelt utforma nettstad
help-arg-root = Prosjektmappa (med veiviser.yaml, content/ og themes/).
help-arg-verbose = Vis kvar åtvaring med utdrag, i staden for éi linje per type åtvaring.
help-arg-lang = Språk for meldingar og hjelp: nb (bokmål), nn (nynorsk) eller en (engelsk).
help-arg-help = Vis hjelp.
help-arg-version = Vis versjonen.
help-arg-kommune = Berre denne kommunen (mappenamnet i content/).
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
help-value-slug = NAMN
help-value-inherits = FELLESMAPPE
help-value-name = NAMN
help-value-number = NUMMER

help-build = Bygg nettstaden til utmappa.
help-build-kommune = Bygg berre denne kommunen, øvst i utmappa.
help-build-out = Utmappa, relativt til --root (blir berre bytt ut når bygginga lukkast).
help-build-base_url = Overstyr base_url frå veiviser.yaml.
help-build-no_pdf = Ikkje lag trykk-PDF-ane (trykk/*.pdf); sida Trykksaker viser dei utan lenkjer.
help-build-relative_urls = Skriv alle interne lenkjer relativt til sida, så nettstaden verkar frå ei mappe, eit filområde eller file:// (kanoniske lenkjer og nettstadkartet er framleis absolutte).
help-build-allow_placeholders = Bygg sjølv om plasshaldarar frå `veiviser new` står att (som åtvaringar), for å prøve ut ein nettstad; ein nettstad som skal publiserast, blir bygd utan.
help-build-clean = Lag alt på nytt, utan å bruke noko frå mellomlageret frå tidlegare byggingar.
help-build-cache_dir = Kvar bygginga legg det neste bygging kan bruke om att (trykk-PDF-ar, oversikta over kva kvar kommune vart laga av). Standard: `.veiviser-cache/` ved sida av utmappa.

help-serve = Førehandsvising: bygg i minnet, vis på 127.0.0.1, bygg og last inn på nytt ved lagring.
help-serve-kommune = Vis berre denne kommunen.
help-serve-port = Porten å lytte på (0 vel ein ledig).
help-serve-bind = Adressa å lytte på. Alt anna enn loopback gjer førehandsvisinga synleg for andre.
help-serve-open = Opne førehandsvisinga i nettlesaren.

help-check = Køyr alle sjekkane utan å skrive noko.
help-check-kommune = Sjekk berre denne kommunen.
help-check-format = Utdataformat: human (for folk) eller json.
help-check-origins = Vis òg, per kommune, kva filer og ord i ordlista som er lokale, overstyrte, arva (og frå kva fellesmappe) eller utelatne.

help-schemas = Skriv JSON-skjemaa for innhaldsfilene (for autofullføring og feil i redigeringsprogram).
help-schemas-out = Mappa `<namn>.schema.json` blir skrive til.

help-init = Lag eit nytt prosjekt (veiviser.yaml og content/ med éin kommune) i ei tom mappe.
help-init-folder = Mappa til det nye prosjektet (blir laga om ho ikkje finst; må vere tom om ho finst).
help-init-kommune = Mappenamnet til den første kommunen (standard: namnet på prosjektmappa, om det berre har a–z, 0–9 og -).
help-init-language = Språket til nettstaden og kommunen: nb (bokmål, standard) eller nn (nynorsk).

help-explain = Forklar ein feilkode (på norsk), eller list alle kodane med --all.
help-explain-code = Koden slik han står ved kvar melding, t.d. `unknown-key`.
help-explain-all = Skriv tabellen over alle kodane (Markdown; docs/redaktor/feilkoder.md).

help-new = Lag ei ny kommunemappe i content/, med plasshaldarar som førehandsvisinga viser med ein gong.
help-new-slug = Mappenamnet til den nye kommunen (a–z, 0–9 og -), t.d. `nordvik`.
help-new-inherits = Arv ei fellesmappe (ei mappe i content/ med region.yaml), t.d. `felles`.
help-new-language = Skriv kommunen på nb (bokmål) eller nn (nynorsk): kommentarar, framside og `languages:` (standard: default_language for nettstaden).
help-new-name = Det fulle namnet til kommunen, t.d. "Nordvik kommune" (standard: laga av mappenamnet).
help-new-number = Kommunenummeret, fire siffer, t.d. 3401 (standard: ein plasshaldar å fylle ut).
explain-unknown-code = `{ $code }` er ikkje ein kode veiviser melder
explain-unknown-code-near = meinte du `{ $near }`? `veiviser explain --all` viser alle kodane
explain-unknown-code-help = `veiviser explain --all` viser alle kodane
diagnostic-here = her
diagnostic-help = hjelp
