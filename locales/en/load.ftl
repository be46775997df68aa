# Reading the project: veiviser.yaml, content/, files, inheritance and file names.

source-cannot-read = { $file }: cannot read the file: { $reason }
source-utf16 = the file is saved as UTF-16 text, not as UTF-8
source-binary = this is not a text file: it looks like { $kind ->
        [png] a PNG image
        [jpeg] a JPEG image
        [gif] a GIF image
        [webp] a WebP image
        [pdf] a PDF document
        [zip] a Word document or another ZIP file
        [office] an old Word or Excel document
        [rtf] an RTF document
       *[other] binary data
    }
source-binary-help = pages and settings are plain text (Markdown or YAML); put images in bilder/ and documents in filer/, with their own file extension (.png, .pdf)
source-invalid-utf8 = the file is not valid UTF-8 text
source-save-as-utf8 = save the file as UTF-8 in your editor (in VS Code: click the encoding in the status bar and choose "Save with Encoding" → UTF-8)
source-nul = the file contains a NUL character (a zero byte), which text never holds
source-nul-help = delete the character (it may show as a blank or as NUL in your editor); if the file was copied from a binary file, write it again as plain text
source-too-large = the file is { $size } MB; a text content file can be at most { $max } MB
source-too-large-help = split the text into several pages; large documents for download belong in filer/ (as PDF), which has no size limit
source-missing-front-matter = the page has no front matter
source-missing-front-matter-help = start the file with a line `---`, the page's settings (at least `title: ...`), and another line `---`
source-unclosed-front-matter = the front matter is never closed
source-unclosed-front-matter-help = add a line with only `---` after the last setting, before the page text

load-missing-content = there is no content/ folder in { $root }
load-missing-content-help = create content/<kommune>/kommune.yaml, or run `veiviser new <kommune>`
load-cannot-read-content = cannot read content/: { $reason }
load-no-kommune = content/ has no kommune folder (a folder with kommune.yaml)
load-no-kommune-help = create one with `veiviser new <kommune>`
load-symlink-refused = { $file } is a symbolic link; veiviser does not follow links in content/
load-symlink-help = copy the file into the folder instead of linking to it
load-unknown-folder = content/{ $slug }/ has neither kommune.yaml nor region.yaml
load-unknown-folder-help = add kommune.yaml (a kommune) or region.yaml (a shared base), or move the folder out of content/
load-invalid-slug = the folder name `{ $slug }` cannot be used in a URL
load-invalid-slug-help = rename the folder to `{ $suggestion }` (lowercase a–z, 0–9 and -)
load-cannot-read = cannot read { $file }: { $reason }
load-symlink-ignored = { $file } is a symbolic link and is ignored

config-missing = no veiviser.yaml in { $root }
config-missing-help = run veiviser from the folder that holds veiviser.yaml and content/, or create veiviser.yaml with at least `title:` and `base_url:`
config-forbidden-tag = <{ $tag }> cannot be allowed in content: it can run code, load other websites or collect data
config-forbidden-tag-help = remove `{ $tag }` from raw_html.extra_tags; images and forms have their own Markdown and YAML formats
config-invalid-base-url-help = set base_url to the address the site is published at, like https://www.example.no/bti/
config-invalid-theme = `theme: { $theme }` is not a folder name under themes/
config-invalid-theme-help = write the name of a folder in themes/, such as `standard` (letters, digits, - and _; no paths)
config-base-url-relative = `{ $url }` is not an absolute URL; write it like https://www.example.no/bti/
config-base-url-scheme = `{ $url }` must start with https:// or http://
config-base-url-host = `{ $url }` has no host name

resolve-unknown-kommune = there is no kommune `{ $slug }` in content/
resolve-unknown-kommune-near = did you mean `{ $near }`? Kommuner: { $kommuner }
resolve-kommuner = kommuner: { $kommuner }
resolve-unknown-base = `inherits: { $base }` names a base that does not exist
resolve-unknown-base-create = create content/{ $base }/region.yaml, or remove `inherits:`
resolve-unknown-base-near = did you mean `{ $near }`? Bases in content/: { $bases }
resolve-bases = bases in content/: { $bases }
resolve-inherits-kommune = `{ $base }` is a kommune; only a base (a folder with region.yaml) can be inherited
resolve-inherits-kommune-help = move the shared files into a base folder with region.yaml and inherit that
resolve-cycle = inheritance goes round in a circle: { $names }
resolve-cycle-help = remove `inherits:` from one of these folders
resolve-unknown-exclude = `exclude: { $path }` matches no inherited file
resolve-exclude-own = content/{ $slug }/{ $path } is the kommune's own file, which already replaces the base's; delete that file, or remove this line
resolve-unknown-exclude-help = write the path relative to the base folder, e.g. tjenester/familiesenter.yaml
resolve-original-excluded = `exclude: { $original }` in content/{ $slug }/kommune.yaml removes the original; delete this translation, or stop excluding the original
resolve-default-language-suffix = files in the default language ({ $lang }) have no language code: rename this file to { $original }
resolve-translate-near = did you mean to translate { $original }? Then name this file { $renamed }
resolve-create-original = create { $original } in the default language first, or delete this translation
resolve-translation-without-original = `{ $file }` is a translation ({ $lang }) of { $original }, which does not exist
resolve-unknown-language = `{ $lang }` in `languages:` is not a language veiviser knows
resolve-unknown-language-help = use codes from: { $codes }

parse-not-content = { $file } is not a content file and is ignored
parse-not-content-help = put images in bilder/ and downloadable files in filer/
parse-unknown-language = `{ $lang }` in the file name is not a language veiviser knows
parse-unknown-language-help = name translations <id>.<language>.{ $ext }, with one of: { $codes }
parse-invalid-id = the file name `{ $id }` cannot be used as an id and URL
parse-invalid-id-help = rename the file to `{ $suggestion }` (lowercase a–z, 0–9 and -, no æ/ø/å or spaces)
parse-unknown-place = { $file } is not in a place veiviser reads, and is ignored
parse-unknown-place-help = see docs/content-format.md for where each kind of content goes
