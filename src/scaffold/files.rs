//! The files `new` writes, as templates in `src/scaffold/<language>/` (bokmål and
//! nynorsk), and the placeholder values in them that `check` and `build` refuse to publish.

use serde::Serialize;

/// The languages `new` writes a kommune in.
pub const LANGUAGES: [&str; 2] = ["nb", "nn"];

/// Placeholder values `new` writes, in one language.
#[derive(Serialize)]
pub struct Values {
    pub number: &'static str,
    pub child_welfare_phone: &'static str,
    pub after_hours_phone: &'static str,
    pub contact_phone: &'static str,
    pub service_description: &'static str,
    pub service_referral: &'static str,
    pub front_page_text: &'static str,
    pub level_text: &'static str,
}

const NB: Values = Values {
    number: "9999",
    child_welfare_phone: "10 00 00 40",
    after_hours_phone: "10 00 00 99",
    contact_phone: "10 00 00 00",
    service_description: "Skriv hva tjenesten gjør, og for hvem.",
    service_referral: "Skriv hvordan foreldre og ansatte tar kontakt eller henviser.",
    front_page_text: "Skriv her hva en ansatt skal gjøre i de første minuttene",
    level_text: "Dette er et eksempel på et nivå.",
};

const NN: Values = Values {
    service_description: "Skriv kva tenesta gjer, og for kven.",
    service_referral: "Skriv korleis foreldre og tilsette tek kontakt eller tilviser.",
    front_page_text: "Skriv her kva ein tilsett skal gjere i dei første minutta",
    level_text: "Dette er eit døme på eit nivå.",
    ..NB
};

/// The placeholder values of `language` (`nb` or `nn`).
pub fn values(language: &str) -> &'static Values {
    if language == "nn" {
        &NN
    } else {
        &NB
    }
}

/// A value `new` writes that the kommune must replace before it publishes (see
/// `check::placeholders`).
pub struct Placeholder {
    /// The text exactly as `new` writes it (with its key where the value alone is common).
    pub written: &'static str,
    /// The part of `written` that is the placeholder.
    pub value: &'static str,
    /// Which field: the variant of the messages `placeholder` and `placeholder-help`
    /// (locales/*/check.ftl), which name it and say what to write instead.
    pub what: &'static str,
}

impl Placeholder {
    /// Byte offset of the value in `written`, and the value.
    pub fn value_in_written(&self) -> (usize, &'static str) {
        (self.written.find(self.value).unwrap_or(0), self.value)
    }
}

macro_rules! text_placeholders {
    ($($values:expr),*) => {
        [$(
            Placeholder {
                written: $values.service_description,
                value: $values.service_description,
                what: "service-description",
            },
            Placeholder {
                written: $values.service_referral,
                value: $values.service_referral,
                what: "service-referral",
            },
            Placeholder {
                written: $values.front_page_text,
                value: $values.front_page_text,
                what: "front-page",
            },
            Placeholder {
                written: $values.level_text,
                value: $values.level_text,
                what: "level-text",
            },
        )*]
    };
}

/// Every placeholder `new` writes, in either language; a unit test keeps this list and
/// the templates in step.
pub const PLACEHOLDERS: [Placeholder; 12] = {
    let [a, b, c, d, e, f, g, h] = text_placeholders!(NB, NN);
    [
        Placeholder {
            written: "number: \"9999\"",
            value: NB.number,
            what: "number",
        },
        Placeholder {
            written: "\"10 00 00 40\"",
            value: NB.child_welfare_phone,
            what: "child-welfare-phone",
        },
        Placeholder {
            written: "\"10 00 00 99\"",
            value: NB.after_hours_phone,
            what: "after-hours-phone",
        },
        Placeholder {
            written: "\"10 00 00 00\"",
            value: NB.contact_phone,
            what: "contact-phone",
        },
        a,
        b,
        c,
        d,
        e,
        f,
        g,
        h,
    ]
};

/// The template files, by language and name.
const TEMPLATES: &[(&str, &str, &str)] = &[
    ("nb", "kommune.yaml", include_str!("nb/kommune.yaml")),
    ("nb", "index.md", include_str!("nb/index.md")),
    (
        "nb",
        "veileder-index.md",
        include_str!("nb/veileder-index.md"),
    ),
    ("nb", "niva-0.md", include_str!("nb/niva-0.md")),
    ("nb", "service.yaml", include_str!("nb/service.yaml")),
    ("nb", "veiviser.yaml", include_str!("nb/veiviser.yaml")),
    ("nn", "veiviser.yaml", include_str!("nn/veiviser.yaml")),
    ("nn", "kommune.yaml", include_str!("nn/kommune.yaml")),
    ("nn", "index.md", include_str!("nn/index.md")),
    (
        "nn",
        "veileder-index.md",
        include_str!("nn/veileder-index.md"),
    ),
    ("nn", "niva-0.md", include_str!("nn/niva-0.md")),
    ("nn", "service.yaml", include_str!("nn/service.yaml")),
];

/// Render the template `name` in `language` with `context` (plus the placeholder values
/// as `p`).
pub fn render(language: &str, name: &str, context: &mut tera::Context) -> String {
    let template = TEMPLATES
        .iter()
        .find(|(l, n, _)| *l == language && *n == name)
        .or_else(|| TEMPLATES.iter().find(|(l, n, _)| *l == "nb" && *n == name))
        .map(|(_, _, t)| *t)
        .expect("every template exists in nb");
    context.insert("p", values(language));
    tera::Tera::one_off(template, context, false)
        .unwrap_or_else(|e| panic!("src/scaffold/{language}/{name}: {e:?}"))
}

/// Text for a YAML double-quoted string.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}
