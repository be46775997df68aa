# `veiviser serve`: the preview's lines in the terminal.

serve-cannot-start = error: cannot start the preview server: { $reason }
serve-cannot-listen = error: cannot listen on { $address }: { $reason }
serve-cannot-listen-help = help: another program may use the port; try `veiviser serve --port { $port }`
serve-reachable = warning: the preview is reachable from other machines at { $address }; it is meant for your own machine only
serve-cannot-watch = error: cannot watch { $root } for changes: { $reason }
serve-preview-of = Preview of { $kommune } at { $url }
serve-preview-of-all = Preview of every kommune at { $url }
serve-watching = Watching content/, themes/ and veiviser.yaml. Press Ctrl-C to stop.
serve-edit-at = Edit in the browser at { $url }
serve-no-browser = warning: could not open a browser: { $reason }
serve-stopped-error = error: the preview server stopped: { $reason }
serve-stopped = Stopped.
serve-updated = Updated { $pages } { $pages ->
        [one] page
       *[other] pages
    } in { $ms } ms
serve-built = Built { $pages } pages in { $ms } ms
serve-built-warnings = Built { $pages } pages in { $ms } ms ({ $warnings } warnings; run `veiviser check` to see them)
serve-keeps-last-good = The preview keeps showing the last good version until this is fixed.
cms-error = editor: { $error }
