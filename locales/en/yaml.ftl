# YAML: front matter and .yaml files (src/yaml/).

yaml-empty-file = the file is empty
yaml-empty-file-help = fill in the required keys, or delete the file
yaml-too-deep = the YAML is nested too deeply here: more than { $limit } levels
yaml-too-deep-help = content needs only a few levels; look for lines indented too far, or `[` and `{"{"}` that are never closed
yaml-alias-expansion = the anchors and aliases (`&name`, `*name`) in this YAML expand to more than { $mb } MB
yaml-alias-expansion-help = write the values out instead of repeating them with `*name`; content files do not need YAML anchors
yaml-unknown-alias = this `*name` refers to an anchor (`&name`) that is not defined above it
yaml-unknown-alias-help = write the value out; content files do not need YAML anchors
yaml-duplicate-key = the key `{ $key }` is written twice in the same place
yaml-duplicate-key-help = keep one of them (the second does not replace the first)
yaml-second-document = a second `---` here starts a new YAML document
yaml-second-document-help = the settings are one block; remove this `---` (front matter ends with the second `---` of the file)
yaml-missing-colon = this line has no `:` after the key
yaml-missing-colon-help = write the key, a colon and a space, then the value: { $fixed }
yaml-curly-quotes-break = the value starts with the typographic quote { $quote }, which Word makes; YAML does not read it as a quote, so the `:` inside breaks the line
yaml-curly-quotes-break-help = use straight quotes (") around the whole value: { $fixed }
yaml-colon-in-value = the value contains `: `, which YAML reads as the start of a new key
yaml-colon-in-value-help = put the whole value in straight quotes: { $fixed }
yaml-tab = this line is indented with a tab; YAML allows only spaces
yaml-tab-help = replace the tab with spaces (two per level)
yaml-syntax = this is not valid YAML: { $detail }
yaml-syntax-help = check the indentation (spaces, not tabs) and put text containing `: ` or ` #` in straight quotes
yaml-typographic-quotes = the value is wrapped in typographic quotes ({ $quote }…), which Word makes; they will be shown as part of the text
yaml-typographic-quotes-help = use straight quotes ("{ $inner }") or none at all ({ $inner })
yaml-unknown-key = unknown key `{ $key }`
yaml-unknown-key-help-near = did you mean `{ $near }`? Known keys here: { $known }
yaml-unknown-key-help = remove it, or use one of the known keys: { $known }
yaml-unknown-key-help-none = remove this key
yaml-missing-key = the required key `{ $key }` is missing
yaml-missing-key-help = add a line `{ $key }: ...` here
yaml-wrong-type = wrong type of value: found { $found ->
        [text] text
        [number] a number
        [bool] true/false
        [nothing] nothing
        [list] a list
        [group] a group of keys
       *[other] another kind of value
    }{ $expected ->
        [other] {""}
       *[x] , expected { $expected ->
            [text] text
            [number] a whole number
            [bool] `true` or `false`
            [list] a list
            [group] a group of keys
           *[other] another kind of value
        }
    }
yaml-wrong-type-help = { $expected ->
        [text] write text here (put it in quotes if it looks like a number, a date or yes/no)
        [number] write a whole number here
        [bool] write `true` or `false` here
        [list] write a list here (lines starting with `- `, or `[a, b]`)
        [group] write a group of `key: value` lines indented under this key
       *[other] see docs/content-format.md for what this key takes
    }
yaml-unknown-value = `{ $value }` is not an allowed value
yaml-unknown-value-help-near = did you mean `{ $near }`? Allowed: { $known }
yaml-unknown-value-help = use one of: { $known }
yaml-number-out-of-range = `{ $value }` is too large or too small here
yaml-number-out-of-range-help = write a whole number from { $from } to { $to } here
yaml-invalid-value = `{ $value }` is not a valid value here (expected { $expected })
yaml-date-impossible = `{ $value }` is not a date that exists
yaml-date-format = `{ $value }` is not a date written as YYYY-MM-DD
yaml-date-help = write dates as year-month-day with four, two and two digits: 2026-02-12
yaml-invalid = this value cannot be used: { $detail }
yaml-at-path = { $message } (at `{ $path }`)
