//! A team store's URL as shown to people (messages, a pulled copy's `team_pulled_from`): its
//! password hidden wherever a URL may carry one, in the user part (`user:pass@host`) and in the
//! query (`?password=…`, `&sslpassword=…`, the forms libpq and the `postgres` crate accept).

/// What stands for a hidden password.
const HIDDEN: &str = "***";

/// `url` with every password in it replaced by `***`; a URL without one is returned as given.
/// A password's `?` or `#` must be percent-encoded, as in any URL: the user part is taken to end
/// at the last `@` before the query, so a raw `@` or `/` in a password stays hidden too.
pub fn without_password(url: &str) -> String {
    let Some(scheme) = url.find("://").map(|at| at + 3) else {
        return url.to_owned();
    };
    let query_at = url[scheme..].find('?').map_or(url.len(), |at| scheme + at);
    let mut shown = String::with_capacity(url.len());
    shown.push_str(&url[..scheme]);
    let rest = &url[scheme..query_at];
    match rest.rfind('@').map(|at| (&rest[..at], &rest[at..])) {
        Some((credentials, host)) => {
            match credentials.split_once(':') {
                Some((user, _)) => {
                    shown.push_str(user);
                    shown.push(':');
                    shown.push_str(HIDDEN);
                }
                None => shown.push_str(credentials),
            }
            shown.push_str(host);
        }
        None => shown.push_str(rest),
    }
    if query_at < url.len() {
        shown.push('?');
        let params: Vec<String> = url[query_at + 1..]
            .split('&')
            .map(|param| match param.split_once('=') {
                Some((key, _)) if is_password(key) => format!("{key}={HIDDEN}"),
                _ => param.to_owned(),
            })
            .collect();
        shown.push_str(&params.join("&"));
    }
    shown
}

/// Whether a query parameter's key (percent-encoded or not, in any case) names a password:
/// `password`, or one that ends so, such as `sslpassword` (the client key's).
fn is_password(key: &str) -> bool {
    percent_decoded(key)
        .to_ascii_lowercase()
        .ends_with("password")
}

/// `text` with its `%XX` escapes decoded (an escape that is not one is kept as written).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::without_password;

    #[test]
    fn a_password_in_the_user_part_is_hidden() {
        assert_eq!(
            without_password("postgres://lan:secret@db.local/planner"),
            "postgres://lan:***@db.local/planner"
        );
        // Percent-encoded, or with a raw `@` or `/` a parser would stumble on: hidden whole.
        assert_eq!(
            without_password("postgresql://lan:s%40cr%2Fet@db.local:5432/planner"),
            "postgresql://lan:***@db.local:5432/planner"
        );
        assert_eq!(
            without_password("postgres://lan:se@c/ret@db.local/planner"),
            "postgres://lan:***@db.local/planner"
        );
    }

    #[test]
    fn a_password_in_the_query_is_hidden_among_other_parameters() {
        assert_eq!(
            without_password("postgres://db.local/planner?password=secret"),
            "postgres://db.local/planner?password=***"
        );
        assert_eq!(
            without_password(
                "postgres://lan@db.local/planner?sslmode=require&password=s%26cret&connect_timeout=5"
            ),
            "postgres://lan@db.local/planner?sslmode=require&password=***&connect_timeout=5"
        );
        assert_eq!(
            without_password("postgres://lan@db.local/p?sslpassword=k&PASS%57ORD=x&user=lan"),
            "postgres://lan@db.local/p?sslpassword=***&PASS%57ORD=***&user=lan"
        );
        // Both places at once, and an `@` in the query that is not the user part's.
        assert_eq!(
            without_password("postgres://lan:a@db.local/p?application_name=x@y&password=b"),
            "postgres://lan:***@db.local/p?application_name=x@y&password=***"
        );
    }

    #[test]
    fn a_url_without_a_password_is_shown_as_given() {
        for url in [
            "postgres://lan@%2Ftmp:5432/planner",
            "postgres://db.local/planner",
            "postgres://lan@db.local/planner?sslmode=require&passfile=%2Fhome%2Flan%2F.pgpass",
            "postgres://%2Fvar%2Frun%2Fpostgresql/planner?user=lan",
            "not a url",
        ] {
            assert_eq!(without_password(url), url);
        }
    }
}
