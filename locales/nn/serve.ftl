# `veiviser serve`: linjene frå førehandsvisinga i terminalen.

serve-cannot-start = feil: kan ikkje starte førehandsvisinga: { $reason }
serve-cannot-listen = feil: kan ikkje lytte på { $address }: { $reason }
serve-cannot-listen-help = hjelp: eit anna program brukar kanskje porten; prøv `veiviser serve --port { $port }`
serve-reachable = åtvaring: førehandsvisinga kan nåast frå andre maskiner på { $address }; ho er berre meint for di eiga maskin
serve-cannot-watch = feil: kan ikkje følgje med på endringar i { $root }: { $reason }
serve-preview-of = Førehandsvising av { $kommune } på { $url }
serve-preview-of-all = Førehandsvising av alle kommunane på { $url }
serve-watching = Følgjer med på content/, themes/ og veiviser.yaml. Trykk Ctrl-C for å stoppe.
serve-edit-at = Rediger i nettlesaren på { $url }
serve-no-browser = åtvaring: kunne ikkje opne ein nettlesar: { $reason }
serve-stopped-error = feil: førehandsvisinga stoppa: { $reason }
serve-stopped = Stoppa.
serve-updated = Oppdaterte { $pages } { $pages ->
        [one] side
       *[other] sider
    } på { $ms } ms
serve-built = Bygde { $pages } { $pages ->
        [one] side
       *[other] sider
    } på { $ms } ms
serve-built-warnings = Bygde { $pages } { $pages ->
        [one] side
       *[other] sider
    } på { $ms } ms ({ $warnings } { $warnings ->
        [one] åtvaring
       *[other] åtvaringar
    }; køyr `veiviser check` for å sjå { $warnings ->
        [one] henne
       *[other] dei
    })
serve-keeps-last-good = Førehandsvisinga viser den siste versjonen som verka, til dette er retta.
cms-error = nettlesarredigering: { $error }
