# `veiviser build`: the build's own problems, and its check of the links it wrote.

build-base-url-flag-help = pass --base-url like https://www.example.no/bti/
build-base-url-help = set base_url in veiviser.yaml like https://www.example.no/bti/
build-no-manifest = note: cannot write the build manifest: { $reason }
render-no-level = no level `{ $id }`
render-not-a-page = { $route } is a file, not a page
theme-template = theme `{ $theme }`: { $message }
theme-template-help = fix the template in your copy under themes/, or delete that copy to use the built-in one
theme-template-misplaced-tag = the tag `{ $tag }` is not expected here: is an endif, endfor or endblock missing before it?

verify-link-text = { $page }: the link `{ $href }` (“{ $text }”)
verify-link = { $page }: the link `{ $href }`
verify-url = { $page }: the URL `{ $href }`
verify-link-to = { $page }: a link to `{ $href }`
verify-expected-folder = `{ $target }` or `{ $target }/index.html`
verify-missing = leads to { $expected }, which this build did not write
verify-no-id = leads to { $page }, which has no element with id="{ $id }"
verify-did-you-mean = Did you mean `#{ $near }`?
verify-other-host = starts with `//`, so it leads to another host (a path joined with a doubled slash?)
verify-outside-base = leads outside the site's folder `{ $path }`
verify-above-root = climbs above the site's folder
verify-also-in = also in { $count } more { $count ->
        [one] place
       *[other] places
    }: { $pages }{ $more }
verify-internal = this is an internal error in veiviser or its theme: the build wrote a link that leads nowhere. Please report it with this message.
verify-made-from-this = The page was made from { $source }; if the link is written there, fix it there.
verify-made-from = { $page } was made from { $source }; if the link is written there, fix it there.
verify-more-not-shown = { $count } more broken links in the output are not shown
progress-reading = Reading and checking the content
progress-writing = Writing
progress-rendering = Rendering
progress-pages = pages, {"{"}eta{"}"} left
