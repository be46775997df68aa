# Sjekkar av innhaldet til ein kommune: kommune.yaml, sider, nivå, identitetsnummer, gjennomgangar.

check-invalid-base-url = base_url: { $problem }
check-invalid-base-url-help = skriv adressa der rettleiaren til kommunen blir publisert, til dømes https://www.fjordvik.kommune.no/bti/
check-invalid-colour = `{ $key }: { $value }` er ikkje ein farge
check-invalid-colour-help = skriv fargar som #rrggbb, til dømes #1d4f73
check-low-contrast = profilfargen { $value } mot tekstfargen { $text } har ein kontrast på { $ratio }:1; WCAG 2.1 AA krev minst 4,5:1
check-low-contrast-help = bruk ein mørkare primary_color (eller ein lysare, med text_color: "#000000") til kontrasten er minst 4,5:1
check-partial-language = `{ $lang }` i `partial_languages:` er ikkje eitt av språka til kommunen i `languages:`
check-partial-language-help = legg { $lang } til i `languages:`, eller fjern det frå `partial_languages:`
check-invalid-number = `number: { $number }` er ikkje eit kommunenummer
check-invalid-number-help = kommunenummeret har fire siffer, i hermeteikn: number: "9901"
check-missing-logo = logoen `{ $logo }` finst ikkje
check-missing-logo-help = legg logoen i bilder/-mappa til kommunen og skriv stien til han, til dømes bilder/logo.svg
check-logo-alt = logoen manglar tekstalternativ (`logo_alt`)
check-logo-alt-help = legg til `logo_alt: "<Kommune> kommune"` under branding, så skjermlesarar kan lese han opp
check-feedback = `feedback:` treng `email:` eller `url:`
check-missing-front-page = content/{ $slug }/index.md (framsida) manglar
check-missing-front-page-help = lag index.md med `title: ...` øvst og ein kort tekst
check-reserved-slug = side-id-en `{ $id }` er alt brukt av ein del av nettstaden
check-reserved-slug-help = gi sider/{ $id }.md eit anna namn, til dømes sider/om-{ $id }.md
check-invalid-level = `level: { $level }` er utanfor gyldig område: nivåa er nummererte frå 0 til { $max }
check-invalid-level-help = nummerer nivåa frå 0 (universelt arbeid) og oppover, éi side per nivå
check-duplicate-level = to sider er nivå { $level }: denne og { $other }
check-duplicate-level-help = gi kvar nivåside sitt eige `level:`-nummer
check-identity-number = dette ser ut som eit ekte { $kind } ({ $masked }); personopplysningar skal aldri publiserast
check-identity-number-help = fjern nummeret; bruk oppdikta døme som ikkje er gyldige identitetsnummer
check-identity-file-name = filnamnet { $name } inneheld noko som ser ut som eit { $kind } ({ $masked })
check-identity-file-name-help = gi fila eit anna namn
check-review-overdue = sist gjennomgått { $date }, for meir enn { $months } månader sidan
check-review-overdue-owner = sist gjennomgått { $date }, for meir enn { $months } månader sidan (ansvarleg: { $owner })
check-review-overdue-help = les gjennom sida, oppdater ho om det trengst, og set `reviewed:` til dagens dato
check-inherited-context = (i kommunen `{ $slug }`, som arvar denne fila)
ref-invalid-ages = ages: { $problem }
ref-invalid-time-help = klokkeslett blir skrivne med 24 timar, TT:MM; utelat `start:` og `end:` for eit arrangement som varer heile dagen
ref-missing-steps = eit nivå treng minst eitt steg
ref-missing-steps-help = legg til `steps:` med `- title:`, `how:` og `who:` for kvart steg
ref-step-anchor-reserved = stegankeret `{ $anchor }` er alt brukt av sjølve sida
ref-step-anchor-reserved-help = gi steget ein annan `id:`, til dømes `steg-{ $anchor }`
ref-duplicate-step-anchor = to steg har ankeret `{ $anchor }`
ref-duplicate-step-anchor-help = gi eitt av stega ein annan tittel eller ein eigen `id:`
ref-none-yet = det finst ingen { $what ->
        [form] skjema
        [service] tenester
        [arena] arenaer
        [level] nivå
        [term] omgrep
        [training-module] opplæringsmodular
       *[other] einingstypar
    } enno; lag ein, eller fjern tilvisinga
ref-existing-ids = id-ar som finst: { $ids }
ref-missing = det finst { $what ->
        [form] ikkje noko skjema
        [service] inga teneste
        [arena] ingen arena
        [level] ikkje noko nivå
        [term] ikkje noko omgrep
        [training-module] ingen opplæringsmodul
       *[other] ingen einingstype
    } med id-en `{ $id }`{ $ctx }
ref-missing-level = `levels:` nemner nivå { $level }, som ikkje finst{ $ctx }
ref-missing-level-help = skriv berre nivånummer som har ei side i veileder/
ref-invalid-autocomplete-help = bruk eit ord frå HTML-lista over autoutfylling som passar til feltet (til dømes name, tel, email, address-line1, postal-code), eller "off"
ref-duplicate-field = to felt i dette skjemaet har id-en `{ $id }`
ref-duplicate-field-help = gi eitt av dei ein eigen `id:`
ref-invalid-shortcode-help = sjå lista over kortkodar i docs/content-format.md

film-missing-title = filmen manglar tittel
film-missing-title-help = skriv tittelen på filmen mellom hakeparentesane: ![Informasjonsfilm om BTI](bilder/bti.mp4); han blir vist under filmen og lesen opp av skjermlesarar
film-external = filmen `{ $dest }` ville blitt henta frå ein annan nettstad; nettstaden hentar ingenting frå andre
film-external-help = lagre filmen i bilder/-mappa til kommunen, eller lenk til han der han er publisert med {"{"}{"{"} film https://… "Tittel" 3:20 {"}"}{"}"} (eit lenkjekort, ingen avspelar)
film-missing = filmen `{ $dest }` finst ikkje{ $ctx }
film-missing-help = legg filmen i bilder/-mappa til kommunen (eller i mappa kommunen arvar frå) og skriv ![Tittel](bilder/film.mp4)
film-in-text = filmen `{ $dest }` står inne i ei setning; ein film treng ei eiga linje
film-in-text-help = set ![Tittel](bilder/film.mp4) åleine på linja, med ei tom linje før og etter
film-missing-captions = filmen `{ $film }` manglar teksting på { $name } ({ $lang }), språket i denne teksten{ $ctx }
film-missing-captions-help = alle må kunne følgje filmen utan lyd: skriv ned det som blir sagt i ei tekstingsfil (WebVTT) og lagre ho ved sida av filmen som { $captions }; sjå docs/redaktor/film.md
film-too-large = filmen `{ $film }` er { $size } MB; filmar over { $max } MB er trege å opne på mobilen og fyller opp nettstaden
film-too-large-help = lagre ein mindre versjon: 720p eller lågare, H.264 med høgare komprimering, til dømes `ffmpeg -i film.mp4 -vf scale=-2:720 -crf 28 -preset slow -c:a aac -b:a 96k film-liten.mp4`; eller auk `film_max_mb:` i veiviser.yaml
film-invalid-captions-help = { $help }; teksting som nettlesaren ikkje kan lese, blir ikkje vist

translation-missing-in = { $langs } (i { $kommune })
translation-missing = denne sida er ikkje omsett til { $missing }; ho blir vist på { $shown } der
translation-missing-help = omset ho til ei fil ved sida av: { $names } (til då får lesarane sida på { $shown } med ein merknad)
value-problem = `{ $key }: { $value }` { $problem }
value-empty = er tom
value-phone-help = skriv berre siffer og mellomrom, med + framfor ein landskode, til dømes "10 20 30 40" eller "+47 10 20 30 40"
value-phone-empty-help = skriv berre siffer og mellomrom, med + framfor ein landskode, til dømes "10 20 30 40" eller "+47 10 20 30 40", eller fjern linja
value-phone-letters = er ikkje eit telefonnummer: det har bokstaven(e) { $letters }
value-phone-letters-help = skriv berre siffer og mellomrom, med + framfor ein landskode, til dømes "10 20 30 40" eller "+47 10 20 30 40"; bokstavane O og l liknar på sifra 0 og 1, men er det ikkje
value-phone-character = er ikkje eit telefonnummer: det har `{ $character }`
value-phone-length = ser ikkje ut som eit telefonnummer: det har { $digits } siffer
value-phone-length-help = skriv berre siffer og mellomrom, med + framfor ein landskode, til dømes "10 20 30 40" eller "+47 10 20 30 40"; eit norsk nummer har 8 siffer, eit kortnummer 3–6 (112, 116 111)
value-email-mailto = byrjar med mailto:
value-email-mailto-help = skriv berre adressa ("{ $address }"); lenkja blir laga automatisk
value-email = er ikkje ei e-postadresse
value-email-help = skriv berre adressa, som "post@fjordvik.kommune.no"
value-web = er ikkje ei nettadresse
value-web-help = skriv heile adressa, som "https://www.fjordvik.kommune.no/"
value-web-scheme-missing-help = skriv heile adressa med https:// framfor: "https://{ $address }"
value-web-scheme = er ikkje ei nettadresse (ho byrjar med { $scheme }:)
value-web-scheme-help = skriv ei adresse som byrjar med https://
value-web-domain = manglar domenenamn (`{ $host }`)
placeholder = { $what ->
        [service-description] `description` for tenesta
        [service-referral] `referral` for tenesta
        [front-page] framsida
        [level-text] teksten på nivået
        [number] `number` (kommunenummeret)
        [child-welfare-phone] `child_welfare_phone`
        [after-hours-phone] `child_welfare_after_hours`
       *[contact-phone] `phone` for ein kontakt
    } har framleis plasshaldaren `{ $value }` som `veiviser new` skreiv
placeholder-help = { $what ->
        [service-description] beskriv kva tenesta gjer og for kven
        [service-referral] skriv korleis foreldre og tilsette kontaktar tenesta eller viser til ho
        [front-page] skriv den eigne teksten til framsida i index.md
        [level-text] skriv den eigne teksten til nivået i veileder/niva-0.md
        [number] skriv det firesifra kommunenummeret til kommunen, til dømes number: "3401" (eller gi det med `veiviser new --number`)
        [child-welfare-phone] skriv telefonnummeret til barnevernstenesta i kommunen
        [after-hours-phone] skriv telefonnummeret til barnevernsvakta, eller fjern linja
       *[contact-phone] skriv det rette telefonnummeret, eller fjern linja
    }; `veiviser serve` viser nettstaden med plasshaldarar, men `veiviser build` publiserer han først når dei er fylte ut
