# Temaet: filene og teksten i grensesnittet.

theme-missing = temaet `{ $name }` finst ikkje (themes/{ $name }/)
theme-missing-help = lag themes/{ $name }/ med filene du vil endre (resten kjem frå det innebygde temaet), eller fjern `theme:` frå veiviser.yaml for å bruke det innebygde `{ $builtin }`
theme-cannot-read-folder = kan ikkje lese themes/{ $name }/: { $reason }
theme-missing-file = temaet manglar { $file }
theme-not-utf8 = { $file } er ikkje lagra som UTF-8
theme-built-in = innebygd
theme-missing-ui-strings = { $missing } av { $total } tekstar i grensesnittet er ikkje omsette til `{ $code }`; dei blir viste på engelsk
theme-missing-ui-strings-help = legg dei til i themes/…/i18n/{ $code }.yaml (dei første som manglar: { $first })
