# Checks of a kommune's content: kommune.yaml, pages, levels, identity numbers, reviews.

check-invalid-base-url = base_url: { $problem }
check-invalid-base-url-help = skriv adressen der kommunens veileder publiseres, for eksempel https://www.fjordvik.kommune.no/bti/
check-invalid-colour = `{ $key }: { $value }` er ikke en farge
check-invalid-colour-help = skriv farger som #rrggbb, for eksempel #1d4f73
check-low-contrast = profilfargen { $value } mot tekstfargen { $text } har en kontrast på { $ratio }:1; WCAG 2.1 AA krever minst 4,5:1
check-low-contrast-help = bruk en mørkere primary_color (eller en lysere, med text_color: "#000000") til kontrasten er minst 4,5:1
check-partial-language = `{ $lang }` i `partial_languages:` er ikke ett av kommunens språk i `languages:`
check-partial-language-help = legg { $lang } til i `languages:`, eller fjern det fra `partial_languages:`
check-invalid-number = `number: { $number }` er ikke et kommunenummer
check-invalid-number-help = kommunenummeret har fire sifre, i anførselstegn: number: "9901"
check-missing-logo = logoen `{ $logo }` finnes ikke
check-missing-logo-help = legg logoen i kommunens bilder/-mappe og skriv stien til den, for eksempel bilder/logo.svg
check-logo-alt = logoen mangler tekstalternativ (`logo_alt`)
check-logo-alt-help = legg til `logo_alt: "<Kommune> kommune"` under branding, så skjermlesere kan lese den opp
check-feedback = `feedback:` trenger `email:` eller `url:`
check-missing-front-page = content/{ $slug }/index.md (forsiden) mangler
check-missing-front-page-help = lag index.md med `title: ...` øverst og en kort tekst
check-reserved-slug = side-id-en `{ $id }` er allerede brukt av en del av nettstedet
check-reserved-slug-help = gi sider/{ $id }.md et annet navn, for eksempel sider/om-{ $id }.md
check-invalid-level = `level: { $level }` er utenfor gyldig område: nivåene nummereres fra 0 til { $max }
check-invalid-level-help = nummerer nivåene fra 0 (universelt arbeid) og oppover, én side per nivå
check-duplicate-level = to sider er nivå { $level }: denne og { $other }
check-duplicate-level-help = gi hver nivåside sitt eget `level:`-nummer
check-identity-number = dette ser ut som et ekte { $kind } ({ $masked }); personopplysninger skal aldri publiseres
check-identity-number-help = fjern nummeret; bruk oppdiktede eksempler som ikke er gyldige identitetsnumre
check-identity-file-name = filnavnet { $name } inneholder noe som ser ut som et { $kind } ({ $masked })
check-identity-file-name-help = gi filen et annet navn
check-review-overdue = sist gjennomgått { $date }, for mer enn { $months } måneder siden
check-review-overdue-owner = sist gjennomgått { $date }, for mer enn { $months } måneder siden (ansvarlig: { $owner })
check-review-overdue-help = les gjennom siden, oppdater den om nødvendig, og sett `reviewed:` til dagens dato
check-inherited-context = (i kommunen `{ $slug }`, som arver denne filen)
ref-invalid-ages = ages: { $problem }
ref-invalid-time-help = klokkeslett skrives med 24 timer, TT:MM; utelat `start:` og `end:` for et arrangement som varer hele dagen
ref-missing-steps = et nivå trenger minst ett steg
ref-missing-steps-help = legg til `steps:` med `- title:`, `how:` og `who:` for hvert steg
ref-step-anchor-reserved = stegankeret `{ $anchor }` brukes allerede av selve siden
ref-step-anchor-reserved-help = gi steget en annen `id:`, for eksempel `steg-{ $anchor }`
ref-duplicate-step-anchor = to steg har ankeret `{ $anchor }`
ref-duplicate-step-anchor-help = gi ett av stegene en annen tittel eller en egen `id:`
ref-none-yet = det finnes ingen { $what ->
        [form] skjemaer
        [service] tjenester
        [arena] arenaer
        [level] nivåer
        [term] begreper
        [training-module] opplæringsmoduler
       *[other] enhetstyper
    } ennå; lag en, eller fjern henvisningen
ref-existing-ids = id-er som finnes: { $ids }
ref-missing = det finnes { $what ->
        [form] ikke noe skjema
        [service] ingen tjeneste
        [arena] ingen arena
        [level] ikke noe nivå
        [term] ikke noe begrep
        [training-module] ingen opplæringsmodul
       *[other] ingen enhetstype
    } med id-en `{ $id }`{ $ctx }
ref-missing-level = `levels:` nevner nivå { $level }, som ikke finnes{ $ctx }
ref-missing-level-help = skriv bare nivånumre som har en side i veileder/
ref-invalid-autocomplete-help = bruk et ord fra HTML-listen over autofyll som passer til feltet (for eksempel name, tel, email, address-line1, postal-code), eller "off"
ref-duplicate-field = to felt i dette skjemaet har id-en `{ $id }`
ref-duplicate-field-help = gi ett av dem en egen `id:`
ref-invalid-shortcode-help = se listen over kortkoder i docs/content-format.md

film-missing-title = filmen mangler tittel
film-missing-title-help = skriv tittelen på filmen mellom hakeparentesene: ![Informasjonsfilm om BTI](bilder/bti.mp4); den vises under filmen og leses opp av skjermlesere
film-external = filmen `{ $dest }` ville blitt hentet fra et annet nettsted; nettstedet henter ingenting fra andre
film-external-help = lagre filmen i kommunens bilder/-mappe, eller lenk til den der den er publisert med {"{"}{"{"} film https://… "Tittel" 3:20 {"}"}{"}"} (et lenkekort, ingen avspiller)
film-missing = filmen `{ $dest }` finnes ikke{ $ctx }
film-missing-help = legg filmen i kommunens bilder/-mappe (eller i mappen kommunen arver fra) og skriv ![Tittel](bilder/film.mp4)
film-in-text = filmen `{ $dest }` står inne i en setning; en film trenger en egen linje
film-in-text-help = sett ![Tittel](bilder/film.mp4) alene på linjen, med en tom linje før og etter
film-missing-captions = filmen `{ $film }` mangler teksting på { $name } ({ $lang }), språket i denne teksten{ $ctx }
film-missing-captions-help = alle må kunne følge filmen uten lyd: skriv ned det som blir sagt i en tekstingsfil (WebVTT) og lagre den ved siden av filmen som { $captions }; se docs/redaktor/film.md
film-too-large = filmen `{ $film }` er { $size } MB; filmer over { $max } MB er trege å åpne på mobilen og fyller opp nettstedet
film-too-large-help = lagre en mindre versjon: 720p eller lavere, H.264 med høyere komprimering, for eksempel `ffmpeg -i film.mp4 -vf scale=-2:720 -crf 28 -preset slow -c:a aac -b:a 96k film-liten.mp4`; eller øk `film_max_mb:` i veiviser.yaml
film-invalid-captions-help = { $help }; teksting som nettleseren ikke kan lese, blir ikke vist

translation-missing-in = { $langs } (i { $kommune })
translation-missing = denne siden er ikke oversatt til { $missing }; den vises på { $shown } der
translation-missing-help = oversett den til en fil ved siden av: { $names } (til da får leserne siden på { $shown } med en merknad)
value-problem = `{ $key }: { $value }` { $problem }
value-empty = er tom
value-phone-help = skriv bare sifre og mellomrom, med + foran en landskode, for eksempel "10 20 30 40" eller "+47 10 20 30 40"
value-phone-empty-help = skriv bare sifre og mellomrom, med + foran en landskode, for eksempel "10 20 30 40" eller "+47 10 20 30 40", eller fjern linjen
value-phone-letters = er ikke et telefonnummer: det har bokstaven(e) { $letters }
value-phone-letters-help = skriv bare sifre og mellomrom, med + foran en landskode, for eksempel "10 20 30 40" eller "+47 10 20 30 40"; bokstavene O og l ligner på sifrene 0 og 1, men er ikke det
value-phone-character = er ikke et telefonnummer: det har `{ $character }`
value-phone-length = ser ikke ut som et telefonnummer: det har { $digits } sifre
value-phone-length-help = skriv bare sifre og mellomrom, med + foran en landskode, for eksempel "10 20 30 40" eller "+47 10 20 30 40"; et norsk nummer har 8 sifre, et kortnummer 3–6 (112, 116 111)
value-email-mailto = begynner med mailto:
value-email-mailto-help = skriv bare adressen ("{ $address }"); lenken lages automatisk
value-email = er ikke en e-postadresse
value-email-help = skriv bare adressen, som "post@fjordvik.kommune.no"
value-web = er ikke en nettadresse
value-web-help = skriv hele adressen, som "https://www.fjordvik.kommune.no/"
value-web-scheme-missing-help = skriv hele adressen med https:// foran: "https://{ $address }"
value-web-scheme = er ikke en nettadresse (den begynner med { $scheme }:)
value-web-scheme-help = skriv en adresse som begynner med https://
value-web-domain = mangler domenenavn (`{ $host }`)
placeholder = { $what ->
        [service-description] `description` for tjenesten
        [service-referral] `referral` for tjenesten
        [front-page] forsiden
        [level-text] teksten på nivået
        [number] `number` (kommunenummeret)
        [child-welfare-phone] `child_welfare_phone`
        [after-hours-phone] `child_welfare_after_hours`
       *[contact-phone] `phone` for en kontakt
    } har fortsatt plassholderen `{ $value }` som `veiviser new` skrev
placeholder-help = { $what ->
        [service-description] beskriv hva tjenesten gjør og for hvem
        [service-referral] skriv hvordan foreldre og ansatte kontakter tjenesten eller henviser til den
        [front-page] skriv forsidens egen tekst i index.md
        [level-text] skriv nivåets egen tekst i veileder/niva-0.md
        [number] skriv kommunens firesifrede kommunenummer, for eksempel number: "3401" (eller oppgi det med `veiviser new --number`)
        [child-welfare-phone] skriv telefonnummeret til kommunens barneverntjeneste
        [after-hours-phone] skriv telefonnummeret til barnevernvakten, eller fjern linjen
       *[contact-phone] skriv det riktige telefonnummeret, eller fjern linjen
    }; `veiviser serve` viser nettstedet med plassholdere, men `veiviser build` publiserer det først når de er fylt ut
