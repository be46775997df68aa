# The command line: summaries, --help and mistakes on the command line.

summary-build-failed = Build failed: nothing was written; { $out } is unchanged.
summary-built = Built { $pages } { $pages ->
        [one] page
       *[other] pages
    } for { $kommuner } { $kommuner ->
        [one] kommune
       *[other] kommuner
    } in { $seconds } s ({ $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }) → { $out }
summary-pdfs-cached = PDFs: { $made } made, { $reused } unchanged from the cache
summary-checked = Checked { $kommuner } { $kommuner ->
        [one] kommune
       *[other] kommuner
    }: { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }.
summary-warnings-by-kind = ⚠ { $count } { $count ->
        [one] warning
       *[other] warnings
    }, by kind; `veiviser check --verbose` shows each one with its help:
summary-warnings-example = e.g. { $example }
schemas-cannot-write = cannot write the schemas to { $out }: { $reason }
explain-needs-code = give a code, e.g. `veiviser explain unknown-key`, or --all for every code

cli-error-lang = "{ $value }" is not a language for the messages: use nb (bokmål), nn (nynorsk) or en (English)
cli-error-see-help = See `veiviser --help` for every command and option.
cli-error-did-you-mean = Did you mean { $suggestion }?
cli-error-unknown-argument = error: { $arg } is not an option here
cli-error-unknown-command = error: { $command } is not a command
cli-error-invalid-value = error: "{ $value }" is not a valid value for { $arg }
cli-error-valid-values = valid values: { $values }
cli-error-missing-argument = error: { $arg } is missing
cli-error-conflict = error: { $arg } cannot be used together with { $other }
cli-error-value-count = error: wrong number of values for { $arg }
cli-error-missing-command = error: give a command, e.g. `veiviser build`

help-heading-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-usage-options = [OPTIONS]
help-usage-command = <COMMAND>
help-default = (default: { $value })

help-veiviser = Builds a kommune's BTI guide into an accessible website
help-arg-root = Project folder (holds veiviser.yaml, content/ and themes/).
help-arg-verbose = Show every warning with its snippet, instead of one line per kind of warning.
help-arg-lang = Language of messages and help: nb (bokmål), nn (nynorsk) or en (English).
help-arg-help = Print help.
help-arg-version = Print the version.
help-arg-kommune = Only this kommune (its folder name in content/).
help-value-root = FOLDER
help-value-lang = LANGUAGE
help-value-kommune = KOMMUNE
help-value-out = FOLDER
help-value-base_url = URL
help-value-cache_dir = FOLDER
help-value-port = PORT
help-value-bind = ADDRESS
help-value-format = FORMAT
help-value-folder = FOLDER
help-value-language = LANGUAGE
help-value-code = CODE
help-value-slug = NAME
help-value-inherits = BASE
help-value-name = NAME
help-value-number = NUMBER

help-build = Build the site into the output folder.
help-build-kommune = Build only this kommune, at the root of the output.
help-build-out = Output folder, relative to --root (replaced only when the build succeeds).
help-build-base_url = Override base_url from veiviser.yaml.
help-build-no_pdf = Skip the print PDFs (trykk/*.pdf); the Trykksaker page lists them without links.
help-build-relative_urls = Write every internal link relative to its page, so the site works from a folder, a file share or file:// (canonical links and the sitemap stay absolute).
help-build-allow_placeholders = Build even though placeholders from `veiviser new` are left (as warnings), to try a site out; a site to publish is built without it.
help-build-clean = Make everything again, using nothing from the cache of earlier builds.
help-build-cache_dir = Where builds keep what the next build can reuse (print PDFs, the manifest of what each kommune was made from). Default: `.veiviser-cache/` beside the output folder.

help-serve = Live preview: build into memory, serve on 127.0.0.1, rebuild and reload on save.
help-serve-kommune = Preview only this kommune.
help-serve-port = Port to listen on (0 picks a free one).
help-serve-bind = Address to listen on. Anything but loopback makes the preview visible to others.
help-serve-open = Open the preview in the default browser.

help-check = Run every check without writing anything.
help-check-kommune = Check only this kommune.
help-check-format = Output format: human or json.
help-check-origins = Also list, per kommune, which files and glossary terms are local, overridden, inherited (and from which base) or excluded.

help-schemas = Write the JSON Schemas of the content files (for completion and errors in editors).
help-schemas-out = Folder to write `<name>.schema.json` into.

help-init = Create a new project (veiviser.yaml and content/ with one kommune) in an empty folder.
help-init-folder = The new project's folder (created if it does not exist; must be empty if it does).
help-init-kommune = Folder name of the first kommune (default: the project folder's name, if it is a-z, 0-9 and -).
help-init-language = The site's and the kommune's language: nb (bokmål, default) or nn (nynorsk).

help-explain = Explain a diagnostic code (in Norwegian), or list every code with --all.
help-explain-code = The code, as shown with each message, e.g. `unknown-key`.
help-explain-all = Print the table of every code (Markdown; docs/redaktor/feilkoder.md).

help-new = Create a new kommune folder in content/, with placeholders the preview shows at once.
help-new-slug = Folder name of the new kommune (a-z, 0-9 and -), e.g. `nordvik`.
help-new-inherits = Inherit a shared base (a folder in content/ with region.yaml), e.g. `felles`.
help-new-language = Write the kommune in nb (bokmål) or nn (nynorsk): comments, front page and `languages:` (default: the site's default_language).
help-new-name = The kommune's full name, e.g. "Nordvik kommune" (default: made from the slug).
help-new-number = The kommunenummer, four digits, e.g. 3401 (default: a placeholder to fill in).
explain-unknown-code = `{ $code }` is not a code veiviser reports
explain-unknown-code-near = did you mean `{ $near }`? `veiviser explain --all` lists every code
explain-unknown-code-help = `veiviser explain --all` lists every code
diagnostic-here = here
diagnostic-help = help
