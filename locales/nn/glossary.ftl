# Ordlista (ordliste.yaml) slik ho blir lagd saman over basane, og arverapporten
# (`veiviser check --origins`).

glossary-exclude-unknown = `exclude: { $id }` viser ikkje til noko omgrep som ordlista arvar
glossary-exclude-did-you-mean = meinte du `{ $near }`?
glossary-exclude-ids = omgrepa som blir arva, har desse id-ane: { $ids }
glossary-exclude-nothing-inherited = basane har inga ordliste; fjern `exclude:`
glossary-exclude-own-help = dette er eit omgrep i denne ordlista sjølv: slett omgrepet i staden for å utelate det
glossary-term-excluded = omgrepet `{ $id }` er teke ut med `exclude:` i { $file }{ $context }
glossary-term-excluded-help = fjern `{ $id }` frå `exclude:`, eller skriv teksten utan lenkje til omgrepet

origins-heading = { $kommune } ({ $name }), arvar frå { $bases }
origins-heading-alone = { $kommune } ({ $name }), arvar ingenting
origins-local = eiga
origins-overridden = erstatta
origins-inherited = arva
origins-excluded = utelaten
origins-replaces = erstattar { $base }
origins-from = frå { $base }
origins-note-replaced-original = omsetjing av { $original }, som kommunen erstattar
origins-summary = { $local } eigne, { $overridden } erstatta, { $inherited } arva, { $excluded } utelatne
origins-glossary = Omgrep i ordlista (ordliste.yaml):
glossary-translation-without-original = dette er ei omsetjing ({ $lang }) av ordlista, men verken kommunen eller basane har originalen
glossary-translation-without-original-help = skriv ordlista på hovudspråket i { $original } ved sida av først, eller slett denne omsetjinga
