//! Values that must be right for a reader to act on them: phone numbers (the emergency
//! box links `tel:` to exactly what is written), e-mail addresses and web addresses, in
//! kommune.yaml, kontakter.yaml, services and arenas.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::site::Kommune;
use crate::source::SourceFile;

/// What kind of value a field holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Phone,
    Email,
    Web,
}

/// One value to check: the file, where its document's YAML starts and ends, the key (for
/// the message) and the value.
struct Value<'a> {
    file: &'a Arc<SourceFile>,
    span: (usize, usize),
    key: &'static str,
    kind: Kind,
    value: &'a str,
}

pub(super) fn check(kommune: &Kommune, diags: &mut Vec<Diagnostic>) {
    let mut values = Vec::new();
    config_values(kommune, &mut values);
    for variants in kommune.services.values() {
        for doc in &variants.docs {
            let span = (doc.yaml_start, doc.yaml_end);
            let c = &doc.data.contact;
            push(&mut values, &doc.file, span, "phone", Kind::Phone, &c.phone);
            push(&mut values, &doc.file, span, "email", Kind::Email, &c.email);
            push(&mut values, &doc.file, span, "web", Kind::Web, &c.web);
        }
    }
    for variants in kommune.arenas.values() {
        for doc in &variants.docs {
            let span = (doc.yaml_start, doc.yaml_end);
            if let Some(c) = &doc.data.contact {
                push(&mut values, &doc.file, span, "phone", Kind::Phone, &c.phone);
                push(&mut values, &doc.file, span, "email", Kind::Email, &c.email);
            }
        }
    }
    for doc in kommune.contacts.iter().flat_map(|v| &v.docs) {
        let span = (doc.yaml_start, doc.yaml_end);
        for person in doc.data.units.iter().flat_map(|u| &u.contacts) {
            push(
                &mut values,
                &doc.file,
                span,
                "phone",
                Kind::Phone,
                &person.phone,
            );
            push(
                &mut values,
                &doc.file,
                span,
                "email",
                Kind::Email,
                &person.email,
            );
        }
    }
    report(&values, diags);
}

fn config_values<'a>(kommune: &'a Kommune, values: &mut Vec<Value<'a>>) {
    let file = &kommune.config_file;
    let span = (0, usize::MAX);
    let c = &kommune.config;
    let e = &c.emergency;
    push(
        values,
        file,
        span,
        "child_welfare_phone",
        Kind::Phone,
        &e.child_welfare_phone,
    );
    push(
        values,
        file,
        span,
        "child_welfare_after_hours",
        Kind::Phone,
        &e.child_welfare_after_hours,
    );
    push(
        values,
        file,
        span,
        "police_phone",
        Kind::Phone,
        &e.police_phone,
    );
    // "" turns Alarmtelefonen off; anything else must be a number.
    if let Some(helpline) = e
        .child_helpline_phone
        .as_deref()
        .filter(|p| !p.trim().is_empty())
    {
        values.push(Value {
            file,
            span,
            key: "child_helpline_phone",
            kind: Kind::Phone,
            value: helpline,
        });
    }
    push(values, file, span, "report_url", Kind::Web, &e.report_url);
    for contact in &c.contacts {
        push(values, file, span, "phone", Kind::Phone, &contact.phone);
        push(values, file, span, "email", Kind::Email, &contact.email);
    }
    if let Some(feedback) = &c.feedback {
        push(values, file, span, "email", Kind::Email, &feedback.email);
        push(values, file, span, "url", Kind::Web, &feedback.url);
    }
    values.push(Value {
        file,
        span,
        key: "accessibility_statement",
        kind: Kind::Web,
        value: &c.accessibility_statement,
    });
}

fn push<'a>(
    values: &mut Vec<Value<'a>>,
    file: &'a Arc<SourceFile>,
    span: (usize, usize),
    key: &'static str,
    kind: Kind,
    value: &'a Option<String>,
) {
    if let Some(value) = value.as_deref() {
        values.push(Value {
            file,
            span,
            key,
            kind,
            value,
        });
    }
}

fn report(values: &[Value<'_>], diags: &mut Vec<Diagnostic>) {
    // The same wrong value written twice (an emergency number that is also a contact's)
    // is reported at each place: the n-th report of a value points at its n-th occurrence.
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for v in values {
        let problem = match v.kind {
            Kind::Phone => phone_problem(v.value),
            Kind::Email => email_problem(v.value),
            Kind::Web => web_problem(v.value),
        };
        let Some((message, help)) = problem else {
            continue;
        };
        let nth = seen.entry((v.file.display.as_str(), v.value)).or_default();
        let offset = nth_occurrence(v.file, v.span, v.value, *nth);
        *nth += 1;
        let code = match v.kind {
            Kind::Phone => "invalid-phone",
            Kind::Email => "invalid-email",
            Kind::Web => "invalid-url",
        };
        let mut d = Diagnostic::error(
            code,
            msg!(
                "value-problem",
                key = v.key,
                value = v.value,
                problem = message
            ),
        )
        .in_file(v.file)
        .with_help(help);
        if let Some(offset) = offset {
            d = d.at_offset(offset, v.value.len());
        }
        diags.push(d);
    }
}

fn nth_occurrence(
    file: &SourceFile,
    (from, to): (usize, usize),
    needle: &str,
    n: usize,
) -> Option<usize> {
    let mut at = from;
    let mut found = None;
    for _ in 0..=n {
        let hit = crate::yaml::locate(file, at, to, needle)?;
        found = Some(hit);
        at = hit + needle.len();
    }
    found.or_else(|| crate::yaml::locate(file, from, to, needle))
}

/// Why `phone` is not a number people can call, with how to write it; `None` when it is
/// fine. Accepted: digits and spaces, `+` at the start; 3–6 or 8 digits for a Norwegian
/// number (112, 116 111, 10 20 30 40), 8 after +47, 7–15 after another country code.
pub fn phone_problem(phone: &str) -> Option<(String, String)> {
    let trimmed = phone.trim();
    if trimmed.is_empty() {
        return Some((msg!("value-empty"), msg!("value-phone-empty-help")));
    }
    let letters: String = trimmed.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() {
        let help = if letters.chars().any(|c| matches!(c, 'O' | 'o' | 'l' | 'I')) {
            msg!("value-phone-letters-help")
        } else {
            msg!("value-phone-help")
        };
        return Some((msg!("value-phone-letters", letters = &letters), help));
    }
    let body = trimmed.strip_prefix('+').unwrap_or(trimmed);
    if let Some(bad) = body
        .chars()
        .find(|c| !c.is_ascii_digit() && !c.is_whitespace())
    {
        return Some((
            msg!("value-phone-character", character = bad.to_string()),
            msg!("value-phone-help"),
        ));
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let plausible = if trimmed.starts_with('+') {
        match digits.strip_prefix("47") {
            Some(national) => national.len() == 8,
            None => (7..=15).contains(&digits.len()),
        }
    } else if let Some(international) = digits.strip_prefix("00") {
        (7..=15).contains(&international.len())
    } else {
        matches!(digits.len(), 3..=6 | 8)
    };
    if plausible {
        return None;
    }
    Some((
        msg!("value-phone-length", digits = digits.len()),
        msg!("value-phone-length-help"),
    ))
}

/// Why `email` is not an e-mail address; `None` when it looks like one.
pub fn email_problem(email: &str) -> Option<(String, String)> {
    let email = email.trim();
    if let Some(rest) = email.strip_prefix("mailto:") {
        return Some((
            msg!("value-email-mailto"),
            msg!("value-email-mailto-help", address = rest),
        ));
    }
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
                && !email
                    .chars()
                    .any(|c| c.is_whitespace() || "<>(),;:\"".contains(c))
        }
        None => false,
    };
    (!valid).then(|| (msg!("value-email"), msg!("value-email-help")))
}

/// Why `web` is not a web address a reader can open; `None` when it is one.
pub fn web_problem(web: &str) -> Option<(String, String)> {
    let web = web.trim();
    let Ok(parsed) = url::Url::parse(web) else {
        let help = if web.contains('.') && !web.contains("://") && !web.contains(' ') {
            msg!("value-web-scheme-missing-help", address = web)
        } else {
            msg!("value-web-help")
        };
        return Some((msg!("value-web"), help));
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        return Some((
            msg!("value-web-scheme", scheme = parsed.scheme()),
            msg!("value-web-scheme-help"),
        ));
    }
    let host = parsed.host_str().unwrap_or("");
    if !host.contains('.') && host != "localhost" {
        return Some((
            msg!("value-web-domain", host = host),
            msg!("value-web-help"),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_people_can_call_pass() {
        for ok in [
            "10 20 30 40",
            "112",
            "116 111",
            "+47 10 20 30 40",
            "+46 8 123 456 78",
            "0047 10 20 30 40",
            "02800",
        ] {
            assert_eq!(phone_problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn phone_numbers_with_letters_or_wrong_length_fail() {
        let (message, help) = phone_problem("10 95 OO 40").unwrap();
        assert!(message.contains("letter(s) OO"), "{message}");
        assert!(help.contains("look like the digits 0"), "{help}");
        assert!(phone_problem("10 20 30 4").unwrap().0.contains("7 digits"));
        assert!(phone_problem("+47 10 20 30").is_some());
        assert!(phone_problem("10-20-30-40").unwrap().0.contains("`-`"));
        assert!(phone_problem(" ").is_some());
    }

    #[test]
    fn email_addresses_are_checked() {
        assert_eq!(email_problem("bti@fjordvik.kommune.example"), None);
        assert!(email_problem("bti.fjordvik.no").is_some());
        assert!(email_problem("bti@fjordvik").is_some());
        assert!(email_problem("mailto:bti@fjordvik.no")
            .unwrap()
            .1
            .contains("\"bti@fjordvik.no\""));
        assert!(email_problem("a b@c.no").is_some());
    }

    #[test]
    fn web_addresses_need_a_scheme_and_a_domain() {
        assert_eq!(web_problem("https://uustatus.example/erklaringer/x"), None);
        assert!(web_problem("www.fjordvik.no")
            .unwrap()
            .1
            .contains("https://www.fjordvik.no"));
        assert!(web_problem("ftp://x.no").is_some());
        assert!(web_problem("https://intranett/").is_some());
    }
}
