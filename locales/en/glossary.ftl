# The glossary (ordliste.yaml) as it adds up over the bases, and the inheritance report
# (`veiviser check --origins`).

glossary-exclude-unknown = `exclude: { $id }` names no term the glossary inherits
glossary-exclude-did-you-mean = did you mean `{ $near }`?
glossary-exclude-ids = the inherited terms have the ids: { $ids }
glossary-exclude-nothing-inherited = the bases have no glossary; remove `exclude:`
glossary-exclude-own-help = this is a term of this glossary itself: delete the term instead of excluding it
glossary-term-excluded = the term `{ $id }` is dropped by `exclude:` in { $file }{ $context }
glossary-term-excluded-help = remove `{ $id }` from `exclude:`, or write the text without the link to the term

origins-heading = { $kommune } ({ $name }), inherits { $bases }
origins-heading-alone = { $kommune } ({ $name }), inherits nothing
origins-local = local
origins-overridden = overridden
origins-inherited = inherited
origins-excluded = excluded
origins-replaces = replaces { $base }
origins-from = from { $base }
origins-note-replaced-original = translation of { $original }, which the kommune replaces
origins-summary = { $local } local, { $overridden } overridden, { $inherited } inherited, { $excluded } excluded
origins-glossary = Glossary terms (ordliste.yaml):
glossary-translation-without-original = this is a translation ({ $lang }) of the glossary, but neither the kommune nor its bases have the original
glossary-translation-without-original-help = write the glossary in the default language in { $original } beside it first, or delete this translation
