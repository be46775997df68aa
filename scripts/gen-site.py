#!/usr/bin/env python3
"""Generate a synthetic veiviser project for benchmarks.

    scripts/gen-site.py OUT_DIR KOMMUNER [--pages-per-kommune 150] [--hugo HUGO_DIR]

Writes a project in veiviser's own format: a shared base (felles) with four levels, 20
forms and 10 training modules, and KOMMUNER kommuner inheriting it, each with 40 services
and enough free pages to reach about --pages-per-kommune pages. With --hugo it also writes
an equivalent Hugo site (same number of Markdown pages, comparable text) for comparison.
Everything is invented; the text is pseudo-Norwegian built from a fixed word list.
"""
import argparse
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
    steps = "".join(
        f'  - title: "Steg {s} på nivå {n}"\n    id: steg-{s}\n    how: "{sentence(rng)}"\n    who: "{sentence(rng, 5)}"\n    forms: [skjema-{(n * 5 + s) % 20 + 1}]\n'
        for s in range(1, 6))
    return (f'---\ntitle: "Nivå {n}: Tittel {n}"\nlevel: {n}\nshort_title: "Tittel {n}"\nsummary: "{sentence(rng)}"\n'
            f'purpose: "{sentence(rng)}"\nlead: "{sentence(rng, 6)}"\ndeadline: "Innen 14 dager"\ndecision: "{sentence(rng)}"\n'
            f'keywords: [nivå, bekymring]\nsteps:\n{steps}---\n{body(rng)}')


def form_yaml(rng, i):
    def fields(part):
        return "".join(f'      - type: {t}\n        label: "Felt {part}.{j} {rng.choice(WORDS)}"\n' +
                       ('        options: ["Ja", "Nei"]\n' if t in ("radio", "checkboxes") else "")
                       for j, t in enumerate(["text", "textarea", "date", "checkbox", "radio", "checkboxes", "signature"]))
    return (f'title: "Skjema {i}: {rng.choice(WORDS)}"\ndescription: "{sentence(rng)}"\nlevels: [1]\nsections:\n'
            f'  - title: "Del 1"\n    fields:\n{fields(1)}  - title: "Del 2"\n    fields:\n{fields(2)}')


def service_yaml(rng, i, k):
    return (f'name: "Tjeneste {i} i kommune {k}"\ndescription: "{paragraph(rng, 3)}"\ncategory: "Kategori {i % 6}"\n'
            f'ages: {{ from: 0, to: 18 }}\nlevels: [0, 1]\ncontact:\n  phone: "10 {k % 90 + 10:02d} {i % 90 + 10:02d} 00"\n'
            f'  email: "tjeneste{i}@k{k}.kommune.example"\n  address: "Gate {i}, 9999 Sted"\nreferral: "{sentence(rng)}"\n')


def module_md(rng, i):
    return (f'---\ntitle: "Modul {i}"\norder: {i}\naudience: "Alle ansatte"\nduration: "60 minutter"\ngoals:\n  - "{sentence(rng, 6)}"\n'
            f'exercises:\n  - title: "Oppgave"\n    kind: group\n    text: "{sentence(rng)}"\n---\n{body(rng, 2)}')


def kommune_yaml(k):
    return (f'name: "Kommune {k} kommune"\nshort_name: "Kommune {k}"\nnumber: "{9000 + k % 1000:04d}"\ninherits: felles\nlanguages: [nb]\n'
            f'branding:\n  primary_color: "#1d4f73"\nemergency:\n  child_welfare_phone: "10 00 00 {k % 90 + 10:02d}"\n'
            f'contacts:\n  - name: "Oppvekst"\n    phone: "10 00 01 00"\nfeedback:\n  email: "post@k{k}.kommune.example"\n'
            f'accessibility_statement: "https://uustatus.example/k{k}"\n')


def generate(out, kommuner, pages_per_kommune, hugo):
    rng = random.Random(42)
    shutil.rmtree(out, ignore_errors=True)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shutil.copytree(os.path.join(repo, "themes"), os.path.join(out, "themes"))
    write(f"{out}/veiviser.yaml", 'title: "Benchmark"\nbase_url: "https://bench.example/"\n')
    base = f"{out}/content/felles"
    write(f"{base}/region.yaml", 'name: "Felles"\n')
    write(f"{base}/veileder/index.md", f'---\ntitle: "Veilederen"\n---\n{body(rng)}')
    for n in range(4):
        write(f"{base}/veileder/niva-{n}.md", level_md(rng, n))
    for i in range(1, 21):
        write(f"{base}/skjema/skjema-{i}.yaml", form_yaml(rng, i))
    for i in range(1, 11):
        write(f"{base}/opplaering/modul-{i}.md", module_md(rng, i))
    shared_pages = 1 + 4 + 20 + 10 + 4  # guide, levels, forms, modules, section indexes
    free_pages = max(pages_per_kommune - shared_pages - 40 - 2, 1)
    for k in range(1, kommuner + 1):
        d = f"{out}/content/kommune-{k}"
        write(f"{d}/kommune.yaml", kommune_yaml(k))
        write(f"{d}/index.md", f'---\ntitle: "Forside {k}"\n---\n{body(rng, 1)}')
        for i in range(1, 41):
            write(f"{d}/tjenester/tjeneste-{i}.yaml", service_yaml(rng, i, k))
        for i in range(1, free_pages + 1):
            write(f"{d}/sider/side-{i}.md", f'---\ntitle: "Side {i}"\nkeywords: [side]\n---\n{body(rng)}')
    if hugo:
        generate_hugo(hugo, kommuner, pages_per_kommune, rng)


def generate_hugo(out, kommuner, pages_per_kommune, rng):
    """The same number of Markdown pages, with comparable length, for Hugo."""
    shutil.rmtree(out, ignore_errors=True)
    write(f"{out}/hugo.toml", 'baseURL = "https://bench.example/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS"]\n[minify]\n  minifyOutput = true\n')
    write(f"{out}/layouts/_default/baseof.html",
          '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
          '<link rel="stylesheet" href="/main.css"></head><body><a href="#main">Hopp</a><header><nav><ul>'
          '{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav></header>'
          '<main id="main">{{ block "main" . }}{{ end }}</main><footer>{{ .Site.Title }}</footer></body></html>')
    write(f"{out}/layouts/_default/single.html", '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}')
    write(f"{out}/layouts/_default/list.html", '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}')
    write(f"{out}/static/main.css", "body{font-family:sans-serif}")
    for k in range(1, kommuners_or(kommuner) + 1):
        for i in range(1, pages_per_kommune + 1):
            write(f"{out}/content/kommune-{k}/side-{i}.md", f'---\ntitle: "Side {i}"\n---\n{body(rng)}')


def kommuners_or(k):
    return k


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("kommuner", type=int)
    parser.add_argument("--pages-per-kommune", type=int, default=150)
    parser.add_argument("--hugo")
    args = parser.parse_args()
    generate(args.out, args.kommuner, args.pages_per_kommune, args.hugo)
