# `veiviser build`: the build's own problems, and its check of the links it wrote.

build-base-url-flag-help = oppgi --base-url som https://www.example.no/bti/
build-base-url-help = sett base_url i veiviser.yaml, som https://www.example.no/bti/
build-no-manifest = merk: kan ikke skrive oversikten over bygget: { $reason }
render-no-level = det finnes ikke noe nivå `{ $id }`
render-not-a-page = { $route } er en fil, ikke en side
theme-template = temaet `{ $theme }`: { $message }
theme-template-help = rett malen i din kopi under themes/, eller slett kopien for å bruke den innebygde
theme-template-misplaced-tag = taggen `{ $tag }` står der malen ikke venter den: mangler det en endif, endfor eller endblock foran?

verify-link-text = { $page }: lenken `{ $href }` («{ $text }»)
verify-link = { $page }: lenken `{ $href }`
verify-url = { $page }: adressen `{ $href }`
verify-link-to = { $page }: en lenke til `{ $href }`
verify-expected-folder = `{ $target }` eller `{ $target }/index.html`
verify-missing = fører til { $expected }, som dette bygget ikke skrev
verify-no-id = fører til { $page }, som ikke har noe element med id="{ $id }"
verify-did-you-mean = Mente du `#{ $near }`?
verify-other-host = begynner med `//`, så den fører til en annen vert (en sti satt sammen med dobbel skråstrek?)
verify-outside-base = fører ut av mappen til nettstedet, `{ $path }`
verify-above-root = går høyere opp enn mappen til nettstedet
verify-also-in = også { $count ->
        [one] ett annet sted
       *[other] { $count } andre steder
    }: { $pages }{ $more }
verify-internal = dette er en intern feil i veiviser eller temaet: bygget skrev en lenke som ikke fører noe sted. Meld gjerne fra om den med denne meldingen.
verify-made-from-this = Siden ble laget fra { $source }; hvis lenken står der, rett den der.
verify-made-from = { $page } ble laget fra { $source }; hvis lenken står der, rett den der.
verify-more-not-shown = { $count } flere brutte lenker i resultatet vises ikke
progress-reading = Leser og sjekker innholdet
progress-writing = Skriver
progress-rendering = Lager sidene
progress-pages = sider, {"{"}eta{"}"} igjen
