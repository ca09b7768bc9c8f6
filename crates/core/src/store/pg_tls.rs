//! TLS to a team store on another computer. A server reached over the network (the agency's,
//! on its LAN or VPN) is spoken to only over TLS unless the URL says `sslmode=disable`, so an
//! officer's password and records never cross the network in clear; a server on this computer
//! (a Unix socket, a loopback address) is spoken to as before, without TLS.
//!
//! The server's certificate is checked against the operating system's trusted authorities
//! (where the agency's IT installs its own) and must name the host the URL names: what libpq
//! calls `verify-full`, which `sslmode=require`, `verify-ca` and `verify-full` all mean here
//! (rustls checks every certificate it is given).

use super::db::SqlResult;
use postgres::config::{Host, SslMode};
use rusqlite::Error;
use std::sync::Arc;
use tokio_postgres_rustls::MakeRustlsConnect;

/// How a connection is made: in clear (a local server, or the URL said so) or over TLS.
pub(crate) enum Transport {
    Clear,
    Tls(MakeRustlsConnect),
}

/// The URL with libpq's stricter `sslmode` values, which the `postgres` crate does not read,
/// said as `require` (which verifies the certificate and host here all the same).
pub(crate) fn readable_url(url: &str) -> String {
    url.replace("sslmode=verify-full", "sslmode=require")
        .replace("sslmode=verify-ca", "sslmode=require")
}

/// Whether every host of `config` is on this computer (a Unix socket or a loopback address).
pub(crate) fn is_local(config: &postgres::Config) -> bool {
    config.get_hosts().iter().all(|host| match host {
        Host::Unix(_) => true,
        Host::Tcp(name) => {
            name == "localhost"
                || name
                    .trim_matches(['[', ']'])
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
    }) && config.get_hostaddrs().iter().all(|ip| ip.is_loopback())
}

/// The transport for `config` (from `url`), requiring TLS of a server on another computer
/// unless the URL turns it off.
pub(crate) fn transport(url: &str, config: &mut postgres::Config) -> SqlResult<Transport> {
    let said = url.contains("sslmode=");
    if is_local(config) && !said {
        return Ok(Transport::Clear);
    }
    match config.get_ssl_mode() {
        SslMode::Disable => return Ok(Transport::Clear),
        // The `postgres` crate's default: on the network it would fall back to clear text.
        SslMode::Prefer if !said => {
            config.ssl_mode(SslMode::Require);
        }
        _ => {}
    }
    Ok(Transport::Tls(connector()?))
}

fn connector() -> SqlResult<MakeRustlsConnect> {
    let found = rustls_native_certs::load_native_certs();
    let mut roots = rustls::RootCertStore::empty();
    roots.add_parsable_certificates(found.certs);
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::ToSqlConversionFailure(Box::new(e)))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

#[cfg(test)]
mod tests {
    use super::{is_local, readable_url, transport, Transport};
    use postgres::config::SslMode;

    fn config(url: &str) -> postgres::Config {
        readable_url(url).parse().unwrap()
    }

    #[test]
    fn a_server_on_this_computer_is_local_and_one_elsewhere_is_not() {
        for url in [
            "postgres://a@%2Ftmp%2Fpg:5432/team",
            "postgres://a@127.0.0.1/team",
            "postgres://a@localhost/team",
            "postgres://a@[::1]/team",
        ] {
            assert!(is_local(&config(url)), "{url}");
        }
        for url in [
            "postgres://a@10.0.0.5/team",
            "postgres://a@db.agency.example/team",
            "postgres://a@localhost,db.agency.example/team",
            "postgres://a@localhost/team?hostaddr=10.0.0.5",
        ] {
            assert!(!is_local(&config(url)), "{url}");
        }
    }

    #[test]
    fn a_server_elsewhere_is_required_to_speak_tls_unless_the_url_turns_it_off() {
        let mode = |url: &str| {
            let mut c = config(url);
            let tls = matches!(transport(url, &mut c).unwrap(), Transport::Tls(_));
            (tls, c.get_ssl_mode())
        };
        assert_eq!(mode("postgres://a@127.0.0.1/t"), (false, SslMode::Prefer));
        assert_eq!(mode("postgres://a@10.0.0.5/t"), (true, SslMode::Require));
        assert_eq!(
            mode("postgres://a@10.0.0.5/t?sslmode=verify-full"),
            (true, SslMode::Require)
        );
        assert_eq!(
            mode("postgres://a@10.0.0.5/t?sslmode=disable"),
            (false, SslMode::Disable)
        );
        // Asked for on a local server too.
        assert_eq!(
            mode("postgres://a@127.0.0.1/t?sslmode=require"),
            (true, SslMode::Require)
        );
    }
}
