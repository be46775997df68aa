# `veiviser serve`: the preview's lines in the terminal.

serve-cannot-start = feil: kan ikke starte forhåndsvisningen: { $reason }
serve-cannot-listen = feil: kan ikke lytte på { $address }: { $reason }
serve-cannot-listen-help = hjelp: et annet program bruker kanskje porten; prøv `veiviser serve --port { $port }`
serve-reachable = advarsel: forhåndsvisningen kan nås fra andre maskiner på { $address }; den er bare ment for din egen maskin
serve-cannot-watch = feil: kan ikke følge med på endringer i { $root }: { $reason }
serve-preview-of = Forhåndsvisning av { $kommune } på { $url }
serve-preview-of-all = Forhåndsvisning av alle kommunene på { $url }
serve-watching = Følger med på content/, themes/ og veiviser.yaml. Trykk Ctrl-C for å stoppe.
serve-edit-at = Rediger i nettleseren på { $url }
serve-no-browser = advarsel: kunne ikke åpne en nettleser: { $reason }
serve-stopped-error = feil: forhåndsvisningen stoppet: { $reason }
serve-stopped = Stoppet.
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
        [one] advarsel
       *[other] advarsler
    }; kjør `veiviser check` for å se { $warnings ->
        [one] den
       *[other] dem
    })
serve-keeps-last-good = Forhåndsvisningen viser den siste versjonen som virket, til dette er rettet.
cms-error = nettleserredigering: { $error }
