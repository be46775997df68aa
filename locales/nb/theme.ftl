# The theme: its files and interface texts.

theme-missing = temaet `{ $name }` finnes ikke (themes/{ $name }/)
theme-missing-help = lag themes/{ $name }/ med filene du vil endre (resten kommer fra det innebygde temaet), eller fjern `theme:` fra veiviser.yaml for å bruke det innebygde `{ $builtin }`
theme-cannot-read-folder = kan ikke lese themes/{ $name }/: { $reason }
theme-missing-file = temaet mangler { $file }
theme-not-utf8 = { $file } er ikke lagret som UTF-8
theme-built-in = innebygd
theme-missing-ui-strings = { $missing } av { $total } tekster i grensesnittet er ikke oversatt til `{ $code }`; de vises på engelsk
theme-missing-ui-strings-help = legg dem til i themes/…/i18n/{ $code }.yaml (de første som mangler: { $first })
