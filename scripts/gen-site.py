#!/usr/bin/env python3
"""Generate a synthetic veiviser project for benchmarks.

    scripts/gen-site.py OUT_DIR KOMMUNER [--pages-per-kommune 150] [--hugo HUGO_DIR] [--zola ZOLA_DIR]

Writes a project in veiviser's own format: a shared base (felles) with four levels, 20
forms and 10 training modules, and KOMMUNER kommuner inheriting it, each with 40 services
and enough free pages to reach about --pages-per-kommune pages. With --hugo it also writes
an equivalent Hugo site for comparison: the same pages with the same text as Markdown, the
same page count, and comparable templates (see mirror_pages). --zola writes the same pages
as a Zola site with the same templates (see generate_zola).
Everything is invented; the text is pseudo-Norwegian built from a fixed word list.
"""
import argparse
import hashlib
import json
import os
import random
import shutil

WORDS = ("barn barnet barna ungdom familie foreldre bekymring uro samtale samtykke tjeneste "
         "tjenesten skole barnehage helsestasjon barneverntjenesten tiltak plan oppfølging "
         "samarbeid møte leder ansvar informasjon taushetsplikt opplysningsplikt observasjon "
         "kartlegging undringssamtale stafettholder stafettlogg nivå tverrfaglig innsats hjelp "
         "trygghet omsorg hverdag venner fritid læring utvikling helse psykisk fysisk språk "
         "kommunen ansatte veileder rutine dokumentasjon evaluering mål frist avklaring").split()


def sentence(rng, n=14):
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, sentences=5):
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


def body(rng, sections=3):
    out = []
    for i in range(sections):
        out.append(f"## Avsnitt {i + 1}\n\n{paragraph(rng)}\n\n- {sentence(rng, 6)}\n- {sentence(rng, 6)}\n\n{paragraph(rng, 3)}\n")
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def level_md(rng, n):
    """The level page in veiviser's format, and the same text as plain Markdown for Hugo."""
    steps = [(s, sentence(rng), sentence(rng, 5)) for s in range(1, 6)]
    summary, purpose, lead, decision = sentence(rng), sentence(rng), sentence(rng, 6), sentence(rng)
    text = body(rng)
    form = lambda s: (n * 5 + s) % 20 + 1  # noqa: E731
    yaml_steps = "".join(
        f'  - title: "Steg {s} på nivå {n}"\n    id: steg-{s}\n    how: "{how}"\n    who: "{who}"\n    forms: [skjema-{form(s)}]\n'
        for s, how, who in steps)
    veiviser = (f'---\ntitle: "Nivå {n}: Tittel {n}"\nlevel: {n}\nshort_title: "Tittel {n}"\nsummary: "{summary}"\n'
                f'purpose: "{purpose}"\nlead: "{lead}"\ndeadline: "Innen 14 dager"\ndecision: "{decision}"\n'
                f'keywords: [nivå, bekymring]\nsteps:\n{yaml_steps}---\n{text}')
    md_steps = "".join(
        f'### Steg {s} på nivå {n}\n\n**Hvordan?** {how}\n\n**Hvem?** {who}\n\n**Verktøy:** [Skjema {form(s)}](../../skjema/skjema-{form(s)}/)\n\n'
        for s, how, who in steps)
    hugo = (f'{summary}\n\n## Formål\n\n{purpose}\n\n**Leder:** {lead}\n\n**Frist:** Innen 14 dager\n\n'
            f'## Steg\n\n{md_steps}## Beslutning\n\n{decision}\n\n{text}')
    return veiviser, f"Nivå {n}: Tittel {n}", hugo


def form_yaml(rng, i):
    title_word, description = rng.choice(WORDS), sentence(rng)
    kinds = ["text", "textarea", "date", "checkbox", "radio", "checkboxes", "signature"]
    parts = [[(j, t, rng.choice(WORDS)) for j, t in enumerate(kinds)] for _ in (1, 2)]

    def fields(part, rows):
        return "".join(f'      - type: {t}\n        label: "Felt {part}.{j} {w}"\n' +
                       ('        options: ["Ja", "Nei"]\n' if t in ("radio", "checkboxes") else "")
                       for j, t, w in rows)
    veiviser = (f'title: "Skjema {i}: {title_word}"\ndescription: "{description}"\nlevels: [1]\nsections:\n'
                f'  - title: "Del 1"\n    fields:\n{fields(1, parts[0])}  - title: "Del 2"\n    fields:\n{fields(2, parts[1])}')
    hugo = f"{description}\n\n" + "".join(
        f"## Del {p}\n\n" + "".join(f"- Felt {p}.{j} {w} ({t})\n" + ("  - Ja\n  - Nei\n" if t in ("radio", "checkboxes") else "")
                                     for j, t, w in rows) + "\n"
        for p, rows in ((1, parts[0]), (2, parts[1])))
    return veiviser, f"Skjema {i}: {title_word}", hugo


def service_yaml(rng, i, k):
    description, referral = paragraph(rng, 3), sentence(rng)
    phone = f"10 {k % 90 + 10:02d} {i % 90 + 10:02d} 00"
    veiviser = (f'name: "Tjeneste {i} i kommune {k}"\ndescription: "{description}"\ncategory: "Kategori {i % 6}"\n'
                f'ages: {{ from: 0, to: 18 }}\nlevels: [0, 1]\ncontact:\n  phone: "{phone}"\n'
                f'  email: "tjeneste{i}@k{k}.kommune.example"\n  address: "Gate {i}, 9999 Sted"\nreferral: "{referral}"\n')
    hugo = (f'{description}\n\n- Kategori {i % 6}\n- Alder 0–18 år\n- Nivå 0, 1\n\n## Kontakt\n\n'
            f'- Telefon: [{phone}](tel:+47{phone.replace(" ", "")})\n- E-post: <tjeneste{i}@k{k}.kommune.example>\n'
            f'- Adresse: Gate {i}, 9999 Sted\n\n## Henvisning\n\n{referral}\n')
    return veiviser, f"Tjeneste {i} i kommune {k}", hugo


def module_md(rng, i):
    goal, exercise = sentence(rng, 6), sentence(rng)
    text = body(rng, 2)
    veiviser = (f'---\ntitle: "Modul {i}"\norder: {i}\naudience: "Alle ansatte"\nduration: "60 minutter"\ngoals:\n  - "{goal}"\n'
                f'exercises:\n  - title: "Oppgave"\n    kind: group\n    text: "{exercise}"\n---\n{text}')
    hugo = (f'**Målgruppe:** Alle ansatte. **Varighet:** 60 minutter.\n\n## Mål\n\n- {goal}\n\n'
            f'## Oppgave (gruppe)\n\n{exercise}\n\n{text}')
    return veiviser, f"Modul {i}", hugo


def kommune_yaml(k):
    return (f'name: "Kommune {k} kommune"\nshort_name: "Kommune {k}"\nnumber: "{9000 + k % 1000:04d}"\ninherits: felles\nlanguages: [nb]\n'
            f'branding:\n  primary_color: "#1d4f73"\nemergency:\n  child_welfare_phone: "10 00 02 {k % 90 + 10:02d}"\n'
            f'contacts:\n  - name: "Oppvekst"\n    phone: "10 00 01 00"\nfeedback:\n  email: "post@k{k}.kommune.example"\n'
            f'accessibility_statement: "https://uustatus.example/k{k}"\n')


def generate(out, kommuner, pages_per_kommune, hugo, zola):
    rng = random.Random(42)
    shutil.rmtree(out, ignore_errors=True)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shutil.copytree(os.path.join(repo, "themes"), os.path.join(out, "themes"))
    # `demo: true`: the invented addresses under .example are meant (no `print-address`
    # warning, which would make every rebuild load each kommune again to show it).
    write(f"{out}/veiviser.yaml", 'title: "Benchmark"\nbase_url: "https://bench.example/"\ndemo: true\n')
    # The Hugo and Zola mirrors: (path inside a kommune's folder, title, Markdown), for the shared
    # base (copied into every kommune, as veiviser renders it for every kommune) and per kommune.
    shared, own = [], {}
    base = f"{out}/content/felles"
    write(f"{base}/region.yaml", 'name: "Felles"\n')
    text = body(rng)
    write(f"{base}/veileder/index.md", f'---\ntitle: "Veilederen"\n---\n{text}')
    shared.append(("veileder/_index.md", "Veilederen", text))
    for n in range(4):
        veiviser, title, md = level_md(rng, n)
        write(f"{base}/veileder/niva-{n}.md", veiviser)
        shared.append((f"veileder/niva-{n}.md", title, md))
    shared.append(("skjema/_index.md", "Skjema", ""))
    for i in range(1, 21):
        veiviser, title, md = form_yaml(rng, i)
        write(f"{base}/skjema/skjema-{i}.yaml", veiviser)
        shared.append((f"skjema/skjema-{i}.md", title, md))
    shared.append(("opplaering/_index.md", "Opplæring", ""))
    for i in range(1, 11):
        veiviser, title, md = module_md(rng, i)
        write(f"{base}/opplaering/modul-{i}.md", veiviser)
        shared.append((f"opplaering/modul-{i}.md", title, md))
    # Pages veiviser makes from UI strings alone: search, the A–Å index and the 404 page.
    shared += [("sok.md", "Søk", "Skriv det du leter etter."), ("a-a.md", "A–Å", "Alle stikkord fra A til Å."),
               ("ikke-funnet.md", "Fant ikke siden", "Siden finnes ikke.")]
    shared_pages = 1 + 4 + 20 + 10 + 4  # guide, levels, forms, modules, section indexes
    free_pages = max(pages_per_kommune - shared_pages - 40 - 2, 1)
    for k in range(1, kommuner + 1):
        d = f"{out}/content/kommune-{k}"
        pages = own[k] = []
        write(f"{d}/kommune.yaml", kommune_yaml(k))
        text = body(rng, 1)
        write(f"{d}/index.md", f'---\ntitle: "Forside {k}"\n---\n{text}')
        pages.append(("_index.md", f"Forside {k}", text))
        pages.append(("tjenester/_index.md", "Tjenester", ""))
        for i in range(1, 41):
            veiviser, title, md = service_yaml(rng, i, k)
            write(f"{d}/tjenester/tjeneste-{i}.yaml", veiviser)
            pages.append((f"tjenester/tjeneste-{i}.md", title, md))
        for i in range(1, free_pages + 1):
            text = body(rng)
            write(f"{d}/sider/side-{i}.md", f'---\ntitle: "Side {i}"\nkeywords: [side]\n---\n{text}')
            pages.append((f"side-{i}.md", f"Side {i}", text))
    if hugo:
        generate_hugo(hugo, repo, mirror_pages(kommuner, shared, own))
    if zola:
        generate_zola(zola, repo, mirror_pages(kommuner, shared, own))


# The chrome of every page of the Hugo and Zola mirrors (header, navigation, breadcrumbs,
# footer with the kommune's contacts), once; each engine fills in its own template code
# (HUGO_CHROME, ZOLA_CHROME), so both render the same HTML around the same text.
CHROME = """<!DOCTYPE html>
<html lang="nb" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
{setup}
<title>{title}</title>
{description}
<link rel="canonical" href="{permalink}">
{stylesheet}
</head>
<body>
<a class="skip-link" href="#hovedinnhold">Hopp til innholdet</a>
<header class="site-header">
  <div class="header-inner">
    <a class="brand" href="{home}"><span class="brand-name">{name}</span>
      <span class="brand-title">Veileder for tverrfaglig innsats</span></a>
    <form class="header-search" role="search" action="{home}sok/" method="get">
      <label for="header-q">Søk i veilederen</label>
      <span class="search-row"><input id="header-q" name="q" type="search" autocomplete="off"><button type="submit">Søk</button></span>
    </form>
  </div>
  <nav class="main-nav" aria-label="Hovedmeny">
    <ul>
      {nav}<li><a href="{home}{nav_slug}/"{nav_current}>{nav_label}</a></li>
      {end}
    </ul>
  </nav>
</header>
{crumbs}
<nav class="breadcrumbs" aria-label="Brødsmulesti">
  <ol>
    <li><a href="{home}">Forside</a></li>
    {parent}<li aria-current="page">{page_title}</li>
  </ol>
</nav>
{crumbs_end}
<main id="hovedinnhold" tabindex="-1">
  <div class="page-content">
  {main}
  </div>
  <div class="page-meta">
    <p><a href="mailto:{feedback}?subject={subject}&amp;body={body}">Gi tilbakemelding på denne siden</a></p>
  </div>
</main>
<footer class="site-footer">
  <div class="footer-inner">
    <section aria-labelledby="footer-contacts">
      <h2 id="footer-contacts">Kontakt</h2>
      <ul class="plain">
        {contacts}
      </ul>
    </section>
    <section aria-labelledby="footer-about">
      <h2 id="footer-about">{name}</h2>
      <ul class="plain">
        <li><a href="{home}a-a/">A–Å</a></li>
        <li><a href="{accessibility}">Tilgjengelighetserklæring</a></li>
        <li><a href="{root}">Alle kommuner</a></li>
      </ul>
    </section>
    <section aria-labelledby="footer-acute">
      <h2 id="footer-acute">Akutt</h2>
      <ul class="plain">
        <li>Barnevernvakten: <a href="tel:+47{acute_tel}">{acute}</a></li>
        <li>Politiet: <a href="tel:112">112</a></li>
      </ul>
    </section>
  </div>
  <p class="footer-privacy">Nettstedet bruker ingen informasjonskapsler og samler ikke inn opplysninger.</p>
</footer>
</body>
</html>
"""
NAV = (("veileder", "Handlingsveileder"), ("skjema", "Skjema"), ("tjenester", "Tjenester"), ("opplaering", "Opplæring"))
ACUTE_WARNING = ('<aside class="acute-warning" role="note"><h2>Ved mistanke om vold eller overgrep</h2><p>Meld straks til '
                 'barneverntjenesten, uten å involvere foreldrene. Ring politiet ved akutt fare.</p></aside>')
NOT_FOUND = '<h1>Fant ikke siden</h1><p><a href="{}">Til forsiden</a></p>'

HUGO_CHROME = dict(
    setup="{{ $k := .FirstSection }}",
    title="{{ if ne .Title $k.Params.name }}{{ .Title }} – {{ end }}{{ $k.Params.name }}",
    description='{{ with .Description }}<meta name="description" content="{{ . | plainify | truncate 160 }}">{{ end }}',
    permalink="{{ .Permalink }}",
    stylesheet='{{ $css := resources.Get "main.css" | minify | fingerprint }}<link rel="stylesheet" href="{{ $css.RelPermalink }}">',
    home="{{ $k.RelPermalink }}", name="{{ $k.Params.name }}",
    nav="{{ range slice " + " ".join(f'(slice "{s}" "{t}")' for s, t in NAV) + " }}", nav_slug="{{ index . 0 }}",
    nav_current='{{ if hasPrefix $.RelPermalink (printf "%s%s/" $k.RelPermalink (index . 0)) }} aria-current="true"{{ end }}',
    nav_label="{{ index . 1 }}", end="{{ end }}",
    crumbs="{{ if not .IsHome }}{{ if ne . $k }}", crumbs_end="{{ end }}{{ end }}",
    parent='{{ with .Parent }}{{ if ne . $k }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}',
    page_title="{{ .Title }}", main='{{ block "main" . }}{{ end }}', feedback="{{ $k.Params.feedback }}",
    subject='{{ printf "Tilbakemelding: %s" .Title | urlquery }}',
    body='{{ printf "Side: %s, adresse: %s" .Title .Permalink | urlquery }}',
    contacts=('{{ range $k.Params.contacts }}<li><strong>{{ .name }}</strong>{{ with .phone }}<br><a href="tel:+47{{ replace . " " "" }}">'
              '{{ . }}</a>{{ end }}</li>\n        {{ end }}'),
    accessibility="{{ $k.Params.accessibility }}", root='{{ "" | relURL }}',
    acute_tel='{{ replace $k.Params.child_welfare_phone " " "" }}', acute="{{ $k.Params.child_welfare_phone }}")

HUGO_SINGLE = ('{{ define "main" }}<h1>{{ .Title }}</h1>\n{{ if in .RelPermalink "/veileder/" }}' + ACUTE_WARNING +
               '{{ end }}\n{{ .Content }}{{ end }}\n')

HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ if .Parent.IsHome }}<ul class="sections">{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ else }}<ul class="cards">{{ range .Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Summary }}</li>
{{ end }}</ul>{{ end }}{{ end }}
"""

HUGO_HOME = """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ul class="kommuner">{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Params.name }}</a></li>
{{ end }}</ul>{{ end }}
"""

# Tera (Zola): `cur` is the page or section rendered (the home section on the 404 page), `k`
# the kommune's section, read with get_section from the page's ancestors.
ZOLA_CHROME = dict(HUGO_CHROME, **dict(
    setup=('{% if page is defined %}{% set cur = page %}{% elif section is defined %}{% set cur = section %}'
           '{% else %}{% set cur = get_section(path="_index.md", metadata_only=true) %}{% endif %}'
           '{% if cur.ancestors | length > 1 %}{% set k = get_section(path=cur.ancestors.1, metadata_only=true) %}'
           '{% else %}{% set k = cur %}{% endif %}{% set subject = "Tilbakemelding: " ~ cur.title %}'
           '{% set body = "Side: " ~ cur.title ~ ", adresse: " ~ cur.permalink %}'),
    title="{% if cur.title != k.extra.name %}{{ cur.title }} – {% endif %}{{ k.extra.name }}",
    description=('{% if cur.description %}<meta name="description" content="{{ cur.description | striptags | '
                 'truncate(length=160) }}">{% endif %}'),
    permalink="{{ cur.permalink }}", stylesheet='<link rel="stylesheet" href="{{ get_url(path="CSS") }}">',
    home="{{ k.path }}", name="{{ k.extra.name }}",
    nav="{% for entry in [" + ", ".join(f'"{s}|{t}"' for s, t in NAV) + '] %}{% set s = entry | split(pat="|") %}',
    nav_slug="{{ s.0 }}", nav_current='{% if cur.path is starting_with(k.path ~ s.0 ~ "/") %} aria-current="true"{% endif %}',
    nav_label="{{ s.1 }}", end="{% endfor %}",
    crumbs="{% if cur.ancestors | length > 1 %}", crumbs_end="{% endif %}",
    parent=('{% if cur.ancestors | length > 2 %}{% set parent = get_section(path=cur.ancestors | last, metadata_only=true) %}'
            '<li><a href="{{ parent.path }}">{{ parent.title }}</a></li>{% endif %}'),
    page_title="{{ cur.title }}", main="{% block main %}{% endblock %}", feedback="{{ k.extra.feedback }}",
    subject="{{ subject | urlencode_strict }}", body="{{ body | urlencode_strict }}",
    contacts=('{% for c in k.extra.contacts %}<li><strong>{{ c.name }}</strong>{% if c.phone %}<br><a href="tel:+47'
              '{{ c.phone | replace(from=" ", to="") }}">{{ c.phone }}</a>{% endif %}</li>\n        {% endfor %}'),
    accessibility="{{ k.extra.accessibility }}", root="/",
    acute_tel='{{ k.extra.child_welfare_phone | replace(from=" ", to="") }}', acute="{{ k.extra.child_welfare_phone }}"))

ZOLA_PAGE = ('{% extends "base.html" %}{% block main %}<h1>{{ page.title }}</h1>\n{% if "/veileder/" in page.path %}' +
             ACUTE_WARNING + '{% endif %}\n{{ page.content | safe }}{% endblock %}\n')

# Hugo's .Summary is the page's opening words; Zola has summaries only up to a <!-- more -->.
ZOLA_SECTION = """{% extends "base.html" %}{% block main %}<h1>{{ section.title }}</h1>
{{ section.content | safe }}
{% if section.ancestors | length == 1 %}<ul class="sections">{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.path }}">{{ sub.title }}</a></li>{% endfor %}</ul>
{% else %}<ul class="cards">{% for p in section.pages %}<li><h2><a href="{{ p.path }}">{{ p.title }}</a></h2>{{ p.content | striptags | truncate(length=400) }}</li>
{% endfor %}</ul>{% endif %}{% endblock %}
"""

ZOLA_HOME = """{% extends "base.html" %}{% block main %}<h1>{{ config.title }}</h1>
<ul class="kommuner">{% for s in section.subsections %}{% set kommune = get_section(path=s, metadata_only=true) %}<li><a href="{{ kommune.path }}">{{ kommune.extra.name }}</a></li>
{% endfor %}</ul>{% endblock %}
"""


def kommune_params(k):
    """What the chrome needs from a kommune's section page (Hugo .Params, Zola [extra])."""
    return {"name": f"Kommune {k} kommune", "feedback": f"post@k{k}.kommune.example",
            "accessibility": f"https://uustatus.example/k{k}", "child_welfare_phone": f"10 00 02 {k % 90 + 10:02d}",
            "contacts": [{"name": "Oppvekst", "phone": "10 00 01 00"}]}


def mirror_pages(kommuner, shared, own):
    """Every page of the Hugo and Zola mirrors as (path under content/, title, params, Markdown):
    for every page veiviser makes, a Markdown page with the same text, the shared base copied
    into each kommune (veiviser renders it once per kommune). Section pages (`_index.md`)
    stand for veiviser's section indexes, the kommune's section page for its front page, and
    the home page and 404 page for the regional landing pages, so the page counts are equal."""
    yield "_index.md", "Benchmark", {key: [] if key == "contacts" else "" for key in kommune_params(0)}, ""
    for k in range(1, kommuner + 1):
        for rel, title, md in own[k] + shared:
            yield f"kommune-{k}/{rel}", title, kommune_params(k) if rel == "_index.md" else {}, md


def front_matter(title, params, toml):
    """YAML front matter (Hugo), or TOML with the params under [extra] (Zola)."""
    def value(v):
        if toml and isinstance(v, list):
            return "[" + ", ".join("{ " + ", ".join(f"{a} = {value(b)}" for a, b in x.items()) + " }" for x in v) + "]"
        return json.dumps(v, ensure_ascii=False)  # a JSON string or list is YAML, a JSON string is TOML
    fence, eq = ("+++", " = ") if toml else ("---", ": ")
    lines = [f"title{eq}{value(title)}"] + (["[extra]"] if toml and params else [])
    return "\n".join([fence, *lines, *(f"{key}{eq}{value(v)}" for key, v in params.items()), fence, ""])


def write_mirror(out, files, pages, toml):
    """Writes a mirror site from scratch: the engine's own files, then the pages."""
    shutil.rmtree(out, ignore_errors=True)
    for path, text in files.items():
        write(f"{out}/{path}", text)
    for path, title, params, md in pages:
        write(f"{out}/content/{path}", front_matter(title, params, toml) + md)


def theme_css(repo):
    with open(os.path.join(repo, "themes/standard/static/css/main.css"), encoding="utf-8") as f:
        return f.read()


def generate_hugo(out, repo, pages):
    """An equivalent Hugo site (see mirror_pages): the chrome in baseof.html, the theme's
    stylesheet minified and fingerprinted, sitemap and robots.txt. Build it with `hugo --minify`."""
    css = theme_css(repo)
    write_mirror(out, {
        "hugo.toml": 'baseURL = "https://bench.example/"\ntitle = "Benchmark"\nlanguageCode = "nb"\n'
                     'enableRobotsTXT = true\ndisableKinds = ["taxonomy", "term", "RSS"]\n',
        "layouts/_default/baseof.html": CHROME.format(**HUGO_CHROME),
        "layouts/_default/single.html": HUGO_SINGLE, "layouts/_default/list.html": HUGO_LIST,
        "layouts/index.html": HUGO_HOME, "assets/main.css": css,
        "layouts/404.html": '{{ define "main" }}' + NOT_FOUND.format('{{ "" | relURL }}') + "{{ end }}\n",
    }, pages, toml=False)


def generate_zola(out, repo, pages):
    """The same site for Zola (see mirror_pages): the same chrome in base.html, the theme's
    stylesheet under a name with its hash (what Hugo's fingerprint does once; Zola's
    `get_url(cachebust=true)` would hash the file again for every page), sitemap and
    robots.txt (on by default). Build it with `zola --root DIR build` (minify_html is set)."""
    css = theme_css(repo)
    css_name = f"main.{hashlib.sha256(css.encode()).hexdigest()[:20]}.css"
    write_mirror(out, {
        "config.toml": 'base_url = "https://bench.example/"\ntitle = "Benchmark"\ndefault_language = "nb"\n'
                       'minify_html = true\ncompile_sass = false\nbuild_search_index = false\ngenerate_feeds = false\n'
                       'generate_sitemap = true\ngenerate_robots_txt = true\n',
        "templates/base.html": CHROME.format(**ZOLA_CHROME).replace('path="CSS"', f'path="{css_name}"'),
        "templates/page.html": ZOLA_PAGE, "templates/section.html": ZOLA_SECTION,
        "templates/index.html": ZOLA_HOME, f"static/{css_name}": css,
        "templates/404.html": '{% extends "base.html" %}{% block main %}' + NOT_FOUND.format("/") + "{% endblock %}\n",
    }, pages, toml=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("kommuner", type=int)
    parser.add_argument("--pages-per-kommune", type=int, default=150)
    parser.add_argument("--hugo", help="also write the same pages as a Hugo site here")
    parser.add_argument("--zola", help="also write the same pages as a Zola site here")
    args = parser.parse_args()
    generate(args.out, args.kommuner, args.pages_per_kommune, args.hugo, args.zola)
