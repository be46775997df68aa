# `veiviser build`: problema til sjølve bygget, og sjekken av lenkjene det skreiv.

build-base-url-flag-help = gi --base-url som https://www.example.no/bti/
build-base-url-help = set base_url i veiviser.yaml, som https://www.example.no/bti/
build-no-manifest = merk: kan ikkje skrive oversikta over bygget: { $reason }
render-no-level = det finst ikkje noko nivå `{ $id }`
render-not-a-page = { $route } er ei fil, ikkje ei side
theme-template = temaet `{ $theme }`: { $message }
theme-template-help = rett malen i kopien din under themes/, eller slett kopien for å bruke den innebygde
theme-template-misplaced-tag = taggen `{ $tag }` står der malen ikkje ventar han: manglar det ein endif, endfor eller endblock framfor?

verify-link-text = { $page }: lenkja `{ $href }` («{ $text }»)
verify-link = { $page }: lenkja `{ $href }`
verify-url = { $page }: adressa `{ $href }`
verify-link-to = { $page }: ei lenkje til `{ $href }`
verify-expected-folder = `{ $target }` eller `{ $target }/index.html`
verify-missing = fører til { $expected }, som dette bygget ikkje skreiv
verify-no-id = fører til { $page }, som ikkje har noko element med id="{ $id }"
verify-did-you-mean = Meinte du `#{ $near }`?
verify-other-host = byrjar med `//`, så ho fører til ein annan vert (ein sti sett saman med dobbel skråstrek?)
verify-outside-base = fører ut av mappa til nettstaden, `{ $path }`
verify-above-root = går høgare opp enn mappa til nettstaden
verify-also-in = også { $count ->
        [one] på ein annan stad
       *[other] på { $count } andre stader
    }: { $pages }{ $more }
verify-internal = dette er ein intern feil i veiviser eller temaet: bygget skreiv ei lenkje som ikkje fører nokon stad. Meld gjerne frå om han med denne meldinga.
verify-made-from-this = Sida vart laga frå { $source }; om lenkja står der, rett ho der.
verify-made-from = { $page } vart laga frå { $source }; om lenkja står der, rett ho der.
verify-more-not-shown = { $count } fleire brotne lenkjer i resultatet blir ikkje viste
progress-reading = Les og sjekkar innhaldet
progress-writing = Skriv
progress-rendering = Lagar sidene
progress-pages = sider, {"{"}eta{"}"} att
