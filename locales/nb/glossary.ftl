# Ordlisten (ordliste.yaml) slik den legges sammen over basene, og arverapporten
# (`veiviser check --origins`).

glossary-exclude-unknown = `exclude: { $id }` viser ikke til noe begrep ordlisten arver
glossary-exclude-did-you-mean = mente du `{ $near }`?
glossary-exclude-ids = begrepene som arves, har disse id-ene: { $ids }
glossary-exclude-nothing-inherited = basene har ingen ordliste; fjern `exclude:`
glossary-exclude-own-help = dette er et begrep i denne ordlisten selv: slett begrepet i stedet for å utelate det
glossary-term-excluded = begrepet `{ $id }` er tatt ut med `exclude:` i { $file }{ $context }
glossary-term-excluded-help = fjern `{ $id }` fra `exclude:`, eller skriv teksten uten lenke til begrepet

origins-heading = { $kommune } ({ $name }), arver fra { $bases }
origins-heading-alone = { $kommune } ({ $name }), arver ingenting
origins-local = egen
origins-overridden = erstattet
origins-inherited = arvet
origins-excluded = utelatt
origins-replaces = erstatter { $base }
origins-from = fra { $base }
origins-note-replaced-original = oversettelse av { $original }, som kommunen erstatter
origins-summary = { $local } egne, { $overridden } erstattet, { $inherited } arvet, { $excluded } utelatt
origins-glossary = Begreper i ordlisten (ordliste.yaml):
glossary-translation-without-original = dette er en oversettelse ({ $lang }) av ordlisten, men verken kommunen eller basene har originalen
glossary-translation-without-original-help = skriv ordlisten på hovedspråket i { $original } ved siden av først, eller slett denne oversettelsen
