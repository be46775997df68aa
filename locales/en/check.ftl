# Checks of a kommune's content: kommune.yaml, pages, levels, identity numbers, reviews.

check-invalid-base-url = base_url: { $problem }
check-invalid-base-url-help = write the address where the kommune's guide is published, like https://www.fjordvik.kommune.no/bti/
check-invalid-colour = `{ $key }: { $value }` is not a colour
check-invalid-colour-help = write colours as #rrggbb, for example #1d4f73
check-low-contrast = the brand colour { $value } against its text colour { $text } has a contrast of { $ratio }:1; WCAG 2.1 AA needs at least 4.5:1
check-low-contrast-help = use a darker primary_color (or a lighter one with text_color: "#000000") until the ratio reaches 4.5:1
check-partial-language = `{ $lang }` in `partial_languages:` is not one of the kommune's `languages:`
check-partial-language-help = add { $lang } to `languages:`, or remove it from `partial_languages:`
check-invalid-number = `number: { $number }` is not a kommunenummer
check-invalid-number-help = the kommunenummer has four digits, in quotes: number: "9901"
check-missing-logo = the logo `{ $logo }` does not exist
check-missing-logo-help = put the logo in the kommune's bilder/ folder and write its path, e.g. bilder/logo.svg
check-logo-alt = the logo has no text alternative (`logo_alt`)
check-logo-alt-help = add `logo_alt: "<Kommune> kommune"` under branding, for screen readers
check-feedback = `feedback:` needs `email:` or `url:`
check-missing-front-page = content/{ $slug }/index.md (the front page) is missing
check-missing-front-page-help = create index.md with front matter `title: ...` and a short text
check-reserved-slug = the page id `{ $id }` is taken by a section of the site
check-reserved-slug-help = rename sider/{ $id }.md to something else, e.g. sider/om-{ $id }.md
check-invalid-level = `level: { $level }` is out of range: levels are numbered 0 to { $max }
check-invalid-level-help = number the levels from 0 (universal work) upwards, one page per level
check-duplicate-level = two pages are level { $level }: this one and { $other }
check-duplicate-level-help = give each level page its own `level:` number
check-identity-number = this looks like a real { $kind } ({ $masked }); personal data must never be published
check-identity-number-help = remove the number; use invented examples that are not valid identity numbers
check-identity-file-name = the file name { $name } contains what looks like a { $kind } ({ $masked })
check-identity-file-name-help = rename the file
check-review-overdue = last reviewed { $date }, more than { $months } months ago
check-review-overdue-owner = last reviewed { $date }, more than { $months } months ago (owner: { $owner })
check-review-overdue-help = read the page through, update it if needed, and set `reviewed:` to today's date
check-inherited-context = (in kommune `{ $slug }`, which inherits this file)
ref-invalid-ages = ages: { $problem }
ref-invalid-time-help = times are 24-hour HH:MM; leave out `start:` and `end:` for an all-day event
ref-missing-steps = a level needs at least one step
ref-missing-steps-help = add `steps:` with `- title:`, `how:` and `who:` for each step
ref-step-anchor-reserved = the step anchor `{ $anchor }` is used by the page itself
ref-step-anchor-reserved-help = give the step another `id:`, e.g. `steg-{ $anchor }`
ref-duplicate-step-anchor = two steps have the anchor `{ $anchor }`
ref-duplicate-step-anchor-help = give one of the steps a different title or its own `id:`
ref-none-yet = there are no { $what ->
        [form] forms
        [service] services
        [arena] arenas
        [level] levels
        [term] terms
        [training-module] training modules
       *[other] unit kinds
    } yet; create one, or remove the reference
ref-existing-ids = existing ids: { $ids }
ref-missing = there is no { $what ->
        [form] form
        [service] service
        [arena] arena
        [level] level
        [term] term
        [training-module] training module
       *[other] unit kind
    } with the id `{ $id }`{ $ctx }
ref-missing-level = `levels:` names level { $level }, which does not exist{ $ctx }
ref-missing-level-help = list only level numbers that have a page in veileder/
ref-invalid-autocomplete-help = use a token from the HTML autofill list that fits the field (for example name, tel, email, address-line1, postal-code), or "off"
ref-duplicate-field = two fields in this form have the id `{ $id }`
ref-duplicate-field-help = give one of them its own `id:`
ref-invalid-shortcode-help = see the list of shortcodes in docs/content-format.md

film-missing-title = the film has no title
film-missing-title-help = write the film's title between the brackets: ![Informasjonsfilm om BTI](bilder/bti.mp4); it is shown under the film and read out by screen readers
film-external = the film `{ $dest }` would be fetched from another website; the site makes no requests to others
film-external-help = save the film in the kommune's bilder/ folder, or link to it where it is published with {"{"}{"{"} film https://… "Tittel" 3:20 {"}"}{"}"} (a link card, no player)
film-missing = the film `{ $dest }` does not exist{ $ctx }
film-missing-help = put the film in the kommune's bilder/ folder (or the base's) and write ![Tittel](bilder/film.mp4)
film-in-text = the film `{ $dest }` stands inside a sentence; a film needs a line of its own
film-in-text-help = put ![Tittel](bilder/film.mp4) alone on its line, with an empty line before and after it
film-missing-captions = the film `{ $film }` has no captions in { $name } ({ $lang }), the language of this text{ $ctx }
film-missing-captions-help = everyone must be able to follow the film without sound: write down what is said in a captions file (WebVTT) and save it beside the film as { $captions }; see docs/redaktor/film.md
film-too-large = the film `{ $film }` is { $size } MB; films over { $max } MB are slow to open on a phone and fill up the site
film-too-large-help = save a smaller version: 720p or lower, H.264 at a higher compression, e.g. `ffmpeg -i film.mp4 -vf scale=-2:720 -crf 28 -preset slow -c:a aac -b:a 96k film-liten.mp4`; or raise `film_max_mb:` in veiviser.yaml
film-invalid-captions-help = { $help }; captions that a browser cannot read are not shown

translation-missing-in = { $langs } (in { $kommune })
translation-missing = this page has no translation into { $missing }; it is shown in { $shown } there
translation-missing-help = translate it into a file beside it: { $names } (until then readers get the page in { $shown } with a note)
value-problem = `{ $key }: { $value }` { $problem }
value-empty = is empty
value-phone-help = write only digits and spaces, with + before a country code, e.g. "10 20 30 40" or "+47 10 20 30 40"
value-phone-empty-help = write only digits and spaces, with + before a country code, e.g. "10 20 30 40" or "+47 10 20 30 40", or remove the line
value-phone-letters = is not a phone number: it has the letter(s) { $letters }
value-phone-letters-help = write only digits and spaces, with + before a country code, e.g. "10 20 30 40" or "+47 10 20 30 40"; the letters O and l look like the digits 0 and 1 but are not
value-phone-character = is not a phone number: it has `{ $character }`
value-phone-length = does not look like a phone number: it has { $digits } digits
value-phone-length-help = write only digits and spaces, with + before a country code, e.g. "10 20 30 40" or "+47 10 20 30 40"; a Norwegian number has 8 digits, a short number 3–6 (112, 116 111)
value-email-mailto = starts with mailto:
value-email-mailto-help = write only the address ("{ $address }"); the link is made for you
value-email = is not an e-mail address
value-email-help = write the address alone, like "post@fjordvik.kommune.no"
value-web = is not a web address
value-web-help = write the whole address, like "https://www.fjordvik.kommune.no/"
value-web-scheme-missing-help = write the whole address with https:// in front: "https://{ $address }"
value-web-scheme = is not a web address (it starts with { $scheme }:)
value-web-scheme-help = write an address that starts with https://
value-web-domain = has no domain name (`{ $host }`)
placeholder = { $what ->
        [service-description] the service's `description`
        [service-referral] the service's `referral`
        [front-page] the front page
        [level-text] the level's text
        [number] `number` (the kommunenummer)
        [child-welfare-phone] `child_welfare_phone`
        [after-hours-phone] `child_welfare_after_hours`
       *[contact-phone] a contact's `phone`
    } still has the placeholder `{ $value }` that `veiviser new` wrote
placeholder-help = { $what ->
        [service-description] describe what the service does and for whom
        [service-referral] write how parents and employees contact the service or refer to it
        [front-page] write the front page's own text in index.md
        [level-text] write the level's own text in veileder/niva-0.md
        [number] write the kommune's four-digit kommunenummer, e.g. number: "3401" (or give it to `veiviser new --number`)
        [child-welfare-phone] write the phone number of the kommune's barneverntjeneste
        [after-hours-phone] write the phone number of the barnevernvakt, or remove the line
       *[contact-phone] write the real phone number, or remove the line
    }; `veiviser serve` shows the site with placeholders, `veiviser build` publishes it only when they are filled in
