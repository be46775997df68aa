//! Resource persons (`kontakter/`): every unit's contacts, grouped by kind of unit
//! (barnehage, skole, helsestasjon, …) with a heading per kind.

use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::content::contacts::UnitKind;
use crate::content::kommune::tel_href;
use crate::diagnostics::Diagnostic;
use crate::route::Route;

impl KommuneRenderer<'_> {
    pub(super) fn contacts_page(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let variants = self
            .kommune
            .contacts
            .as_ref()
            .expect("job only with contacts");
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let data = &doc.data;
        let mut keywords = data.keywords.clone();
        let mut text = Vec::new();
        let kinds: Vec<_> = UnitKind::ALL
            .iter()
            .filter_map(|kind| {
                let mut units: Vec<_> = data.units.iter().filter(|u| u.kind == *kind).collect();
                if units.is_empty() {
                    return None;
                }
                units.sort_by(|a, b| super::glossary::norwegian_cmp(&a.name, &b.name));
                let units: Vec<_> =
                    units
                        .into_iter()
                        .map(|u| {
                            keywords.push(u.name.clone());
                            text.push(u.name.clone());
                            text.extend(u.contacts.iter().flat_map(|p| {
                                std::iter::once(p.name.clone()).chain(p.role.clone())
                            }));
                            serde_json::json!({
                                "name": u.name,
                                "contacts": u.contacts.iter().map(|p| serde_json::json!({
                                    "name": p.name, "role": p.role, "phone": p.phone,
                                    "tel": p.phone.as_deref().map(tel_href), "email": p.email,
                                })).collect::<Vec<_>>(),
                            })
                        })
                        .collect();
                Some(serde_json::json!({
                    "id": kind.key(),
                    "label": self.t(lang, &format!("unit_kind_{}", kind.key())),
                    "units": units,
                }))
            })
            .collect();
        let title = self.t(lang, "nav_contacts");
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &Route::Contacts, &title, &available);
        let page = self.with_doc(page, lang, &doc.lang, data);
        let html = self.render_page(
            "contacts.html",
            lang,
            &page,
            &serde_json::json!({ "kinds": kinds }),
        )?;
        let search = SearchEntry {
            route: Route::Contacts,
            anchor: None,
            title: title.clone(),
            kind: self.t(lang, "kind_page"),
            keywords,
            text: text.join(" "),
        };
        Ok(self.out(lang, &Route::Contacts, html, Some(search)))
    }
}
