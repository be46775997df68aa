# The theme: its files and interface texts.

theme-missing = the theme `{ $name }` does not exist (themes/{ $name }/)
theme-missing-help = create themes/{ $name }/ with the files you want to change (the others come from the built-in theme), or remove `theme:` from veiviser.yaml to use the built-in `{ $builtin }`
theme-cannot-read-folder = cannot read themes/{ $name }/: { $reason }
theme-missing-file = the theme has no { $file }
theme-not-utf8 = { $file } is not saved as UTF-8
theme-built-in = built in
theme-missing-ui-strings = { $missing } of { $total } interface texts are not translated to `{ $code }`; English is used for them
theme-missing-ui-strings-help = add them to themes/…/i18n/{ $code }.yaml (first missing: { $first })
