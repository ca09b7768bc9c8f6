//! Opening a field's text as a link, outside the app: only an http(s) website, `mailto:` for an
//! e-mail address and `tel:` for a phone number. The window shows a link only where
//! `ui/src/lib/links.ts` allows one; this is the rule again where it is enforced, so that a
//! window that was tricked into asking still opens nothing else. Both are held to the same
//! hostile corpus (`tests/fixtures/hostile-text.json`).

use crate::error::{invalid, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_general_category::{get_general_category, GeneralCategory};

/// What a field holds, and so which scheme its link may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    Website,
    Email,
    Phone,
}

/// White space, controls and invisible formatting characters (zero-width, bidi overrides): a
/// link never needs them, and they are how a scheme is hidden from a reader.
fn hidden(c: char) -> bool {
    c.is_whitespace() || c.is_control() || get_general_category(c) == GeneralCategory::Format
}

/// What `value` opens as, in a field of `kind`, or None when it must stay plain text.
pub fn link_target(kind: LinkKind, value: &str) -> Option<String> {
    // A phone number may be written in groups: its ordinary spaces are not hidden text.
    let checked = match kind {
        LinkKind::Phone => value.replace(' ', ""),
        _ => value.to_owned(),
    };
    if checked.is_empty() || checked.chars().any(hidden) {
        return None;
    }
    match kind {
        LinkKind::Website => {
            let scheme = checked.split_once("://")?.0.to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return None;
            }
            let url = url::Url::parse(&checked).ok()?;
            (matches!(url.scheme(), "http" | "https") && url.host().is_some())
                .then(|| url.to_string())
        }
        LinkKind::Email => {
            // No `?`, `&` or `#`: nothing may add headers or a body to the message.
            let plain = |s: &str| {
                !s.is_empty()
                    && !s.contains(['@', '?', '&', '#', '<', '>', '"', '\'', ':', '/', '\\'])
            };
            let (local, domain) = checked.split_once('@')?;
            let (name, top) = domain.rsplit_once('.')?;
            (plain(local) && plain(name) && plain(top)).then(|| format!("mailto:{checked}"))
        }
        LinkKind::Phone => {
            let body = checked.strip_prefix('+').unwrap_or(&checked);
            let allowed = body
                .chars()
                .all(|c| c.is_ascii_digit() || "().-/".contains(c));
            (allowed && body.chars().any(|c| c.is_ascii_digit())).then(|| {
                let digits: String = checked
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect();
                format!("tel:{digits}")
            })
        }
    }
}

/// Opens `value` with the system's handler for its link (the browser, the mail program, the
/// dialler), or refuses with `not_a_link` when it is not one.
pub fn open(kind: LinkKind, value: &str) -> Result<()> {
    let Some(target) = link_target(kind, value) else {
        return Err(invalid(
            "value",
            "not_a_link",
            "Chỉ mở được trang web http(s), địa chỉ e-mail hoặc số điện thoại",
            "Only an http(s) website, an e-mail address or a phone number can be opened",
        ));
    };
    open::that_detached(&target).map_err(|e| {
        invalid(
            "value",
            "cannot_open",
            format!("Không mở được {target}: {e}"),
            format!("Cannot open {target}: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_and_numbers_are_links() {
        let w = |v| link_target(LinkKind::Website, v);
        assert_eq!(
            link_target(LinkKind::Email, "minh.tran@tokyo.vn").as_deref(),
            Some("mailto:minh.tran@tokyo.vn")
        );
        assert_eq!(link_target(LinkKind::Email, "a@b.vn?subject=x"), None);
        assert_eq!(
            link_target(LinkKind::Phone, "+84 24 3825 1234").as_deref(),
            Some("tel:+842438251234")
        );
        assert_eq!(
            w("HTTPS://Example.com").as_deref(),
            Some("https://example.com/")
        );
        assert_eq!(w("example.com"), None);
        assert_eq!(w(" https://example.com"), None);
        assert_eq!(w("https://exa\u{200b}mple.com"), None);
        assert_eq!(w("javascript:alert(1)//https://x"), None);
        assert_eq!(w("file:///etc/passwd"), None);
        assert_eq!(w(""), None);
    }

    #[test]
    fn open_refuses_what_is_not_a_link() {
        let e = open(LinkKind::Website, "javascript:alert(1)").unwrap_err();
        assert_eq!(e.payload().fields[0].code, "not_a_link");
    }
}
