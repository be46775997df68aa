# YAML: front matter og .yaml-filer (src/yaml/).

yaml-empty-file = fila er tom
yaml-empty-file-help = fyll inn dei nøklane som må vere med, eller slett fila
yaml-too-deep = YAML-en er nøsta for djupt her: meir enn { $limit } nivå
yaml-too-deep-help = innhaldet treng berre nokre få nivå; sjå etter linjer som er rykte for langt inn, eller `[` og `{"{"}` som aldri blir lukka
yaml-alias-expansion = ankera og aliasa (`&namn`, `*namn`) i denne YAML-en blir til meir enn { $mb } MB
yaml-alias-expansion-help = skriv verdiane ut i staden for å gjenta dei med `*namn`; innhaldsfiler treng ikkje YAML-anker
yaml-unknown-alias = denne `*namn` viser til eit anker (`&namn`) som ikkje finst lenger oppe
yaml-unknown-alias-help = skriv verdien ut; innhaldsfiler treng ikkje YAML-anker
yaml-duplicate-key = nøkkelen `{ $key }` står to gonger på same stad
yaml-duplicate-key-help = behald éin av dei (den andre erstattar ikkje den første)
yaml-second-document = ein ny `---` her startar eit nytt YAML-dokument
yaml-second-document-help = innstillingane er éin blokk; fjern denne `---` (front matter sluttar med den andre `---` i fila)
yaml-missing-colon = denne linja manglar `:` etter nøkkelen
yaml-missing-colon-help = skriv nøkkelen, kolon og mellomrom, og så verdien: { $fixed }
yaml-curly-quotes-break = verdien byrjar med det typografiske hermeteiknet { $quote }, som Word lagar; YAML les det ikkje som hermeteikn, så kolonet inni øydelegg linja
yaml-curly-quotes-break-help = bruk rette hermeteikn (") rundt heile verdien: { $fixed }
yaml-colon-in-value = verdien inneheld `: `, som YAML les som starten på ein ny nøkkel
yaml-colon-in-value-help = set heile verdien i rette hermeteikn: { $fixed }
yaml-tab = denne linja er rykt inn med tabulator; YAML tillèt berre mellomrom
yaml-tab-help = byt ut tabulatoren med mellomrom (to per nivå)
yaml-syntax = dette er ikkje gyldig YAML: { $detail }
yaml-syntax-help = sjekk innrykket (mellomrom, ikkje tabulator), og set tekst som inneheld `: ` eller ` #` i rette hermeteikn
yaml-typographic-quotes = verdien står i typografiske hermeteikn ({ $quote }…), som Word lagar; dei vil bli viste som ein del av teksten
yaml-typographic-quotes-help = bruk rette hermeteikn ("{ $inner }") eller ingen ({ $inner })
yaml-unknown-key = ukjend nøkkel `{ $key }`
yaml-unknown-key-help-near = meinte du `{ $near }`? Nøklar som kan brukast her: { $known }
yaml-unknown-key-help = fjern han, eller bruk ein av nøklane som kan brukast her: { $known }
yaml-unknown-key-help-none = fjern denne nøkkelen
yaml-missing-key = nøkkelen `{ $key }` må vere med, men manglar
yaml-missing-key-help = legg til ei linje `{ $key }: ...` her
yaml-wrong-type = feil slags verdi: her står { $found ->
        [text] tekst
        [number] eit tal
        [bool] true/false
        [nothing] ingenting
        [list] ei liste
        [group] ei gruppe nøklar
       *[other] ein annan slags verdi
    }{ $expected ->
        [other] {""}
       *[x] , men det skal vere { $expected ->
            [text] tekst
            [number] eit heilt tal
            [bool] `true` eller `false`
            [list] ei liste
            [group] ei gruppe nøklar
           *[other] ein annan slags verdi
        }
    }
yaml-wrong-type-help = { $expected ->
        [text] skriv tekst her (set han i hermeteikn viss han liknar eit tal, ein dato eller ja/nei)
        [number] skriv eit heilt tal her
        [bool] skriv `true` eller `false` her
        [list] skriv ei liste her (linjer som byrjar med `- `, eller `[a, b]`)
        [group] skriv ei gruppe med `nøkkel: verdi`-linjer, rykte inn under denne nøkkelen
       *[other] sjå docs/content-format.md for kva denne nøkkelen tek
    }
yaml-unknown-value = `{ $value }` er ikkje ein tillaten verdi
yaml-unknown-value-help-near = meinte du `{ $near }`? Tillate: { $known }
yaml-unknown-value-help = bruk ein av: { $known }
yaml-number-out-of-range = `{ $value }` er for stort eller for lite her
yaml-number-out-of-range-help = skriv eit heilt tal frå { $from } til { $to } her
yaml-invalid-value = `{ $value }` er ikkje ein gyldig verdi her (venta { $expected })
yaml-date-impossible = `{ $value }` er ikkje ein dato som finst
yaml-date-format = `{ $value }` er ikkje ein dato skriven som ÅÅÅÅ-MM-DD
yaml-date-help = skriv datoar som år-månad-dag med fire, to og to siffer: 2026-02-12
yaml-invalid = denne verdien kan ikkje brukast: { $detail }
yaml-at-path = { $message } (ved `{ $path }`)
