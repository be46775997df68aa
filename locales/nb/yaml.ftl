# YAML: front matter og .yaml-filer (src/yaml/).

yaml-empty-file = filen er tom
yaml-empty-file-help = fyll inn de nøklene som må være med, eller slett filen
yaml-too-deep = YAML-en er nøstet for dypt her: mer enn { $limit } nivåer
yaml-too-deep-help = innholdet trenger bare noen få nivåer; se etter linjer som er rykket for langt inn, eller `[` og `{"{"}` som aldri lukkes
yaml-alias-expansion = ankrene og aliasene (`&navn`, `*navn`) i denne YAML-en blir til mer enn { $mb } MB
yaml-alias-expansion-help = skriv verdiene ut i stedet for å gjenta dem med `*navn`; innholdsfiler trenger ikke YAML-ankre
yaml-unknown-alias = denne `*navn` viser til et anker (`&navn`) som ikke finnes lenger opp
yaml-unknown-alias-help = skriv verdien ut; innholdsfiler trenger ikke YAML-ankre
yaml-duplicate-key = nøkkelen `{ $key }` står to ganger på samme sted
yaml-duplicate-key-help = behold én av dem (den andre erstatter ikke den første)
yaml-second-document = en ny `---` her starter et nytt YAML-dokument
yaml-second-document-help = innstillingene er én blokk; fjern denne `---` (front matter slutter med den andre `---` i filen)
yaml-missing-colon = denne linjen mangler `:` etter nøkkelen
yaml-missing-colon-help = skriv nøkkelen, kolon og mellomrom, og så verdien: { $fixed }
yaml-curly-quotes-break = verdien begynner med det typografiske anførselstegnet { $quote }, som Word lager; YAML leser det ikke som anførselstegn, så kolonet inni ødelegger linjen
yaml-curly-quotes-break-help = bruk rette anførselstegn (") rundt hele verdien: { $fixed }
yaml-colon-in-value = verdien inneholder `: `, som YAML leser som starten på en ny nøkkel
yaml-colon-in-value-help = sett hele verdien i rette anførselstegn: { $fixed }
yaml-tab = denne linjen er rykket inn med tabulator; YAML tillater bare mellomrom
yaml-tab-help = bytt tabulatoren ut med mellomrom (to per nivå)
yaml-syntax = dette er ikke gyldig YAML: { $detail }
yaml-syntax-help = sjekk innrykket (mellomrom, ikke tabulator), og sett tekst som inneholder `: ` eller ` #` i rette anførselstegn
yaml-typographic-quotes = verdien står i typografiske anførselstegn ({ $quote }…), som Word lager; de vil vises som en del av teksten
yaml-typographic-quotes-help = bruk rette anførselstegn ("{ $inner }") eller ingen ({ $inner })
yaml-unknown-key = ukjent nøkkel `{ $key }`
yaml-unknown-key-help-near = mente du `{ $near }`? Nøkler som kan brukes her: { $known }
yaml-unknown-key-help = fjern den, eller bruk en av nøklene som kan brukes her: { $known }
yaml-unknown-key-help-none = fjern denne nøkkelen
yaml-missing-key = nøkkelen `{ $key }` må være med, men mangler
yaml-missing-key-help = legg til en linje `{ $key }: ...` her
yaml-wrong-type = feil slags verdi: her står { $found ->
        [text] tekst
        [number] et tall
        [bool] true/false
        [nothing] ingenting
        [list] en liste
        [group] en gruppe nøkler
       *[other] en annen slags verdi
    }{ $expected ->
        [other] {""}
       *[x] , men det skal være { $expected ->
            [text] tekst
            [number] et helt tall
            [bool] `true` eller `false`
            [list] en liste
            [group] en gruppe nøkler
           *[other] en annen slags verdi
        }
    }
yaml-wrong-type-help = { $expected ->
        [text] skriv tekst her (sett den i anførselstegn hvis den ligner et tall, en dato eller ja/nei)
        [number] skriv et helt tall her
        [bool] skriv `true` eller `false` her
        [list] skriv en liste her (linjer som begynner med `- `, eller `[a, b]`)
        [group] skriv en gruppe med `nøkkel: verdi`-linjer, rykket inn under denne nøkkelen
       *[other] se docs/content-format.md for hva denne nøkkelen tar
    }
yaml-unknown-value = `{ $value }` er ikke en tillatt verdi
yaml-unknown-value-help-near = mente du `{ $near }`? Tillatt: { $known }
yaml-unknown-value-help = bruk en av: { $known }
yaml-number-out-of-range = `{ $value }` er for stort eller for lite her
yaml-number-out-of-range-help = skriv et helt tall fra { $from } til { $to } her
yaml-invalid-value = `{ $value }` er ikke en gyldig verdi her (forventet { $expected })
yaml-date-impossible = `{ $value }` er ikke en dato som finnes
yaml-date-format = `{ $value }` er ikke en dato skrevet som ÅÅÅÅ-MM-DD
yaml-date-help = skriv datoer som år-måned-dag med fire, to og to sifre: 2026-02-12
yaml-invalid = denne verdien kan ikke brukes: { $detail }
yaml-at-path = { $message } (ved `{ $path }`)
