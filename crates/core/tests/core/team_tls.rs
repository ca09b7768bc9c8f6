//! A team store on another computer is spoken to over TLS only (`store/pg_tls.rs`): against a
//! server that offers no TLS the app stops before its first word, so the officer's name and
//! password never cross the network in clear; `sslmode=disable` in the URL is honoured.

use planner_core::Store;
use std::io::Read;
use std::net::{IpAddr, TcpListener};
use std::time::Duration;

/// An address of this computer that is not loopback (the one its route out leaves from), if any.
fn network_address() -> Option<IpAddr> {
    let probe = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    // No packet is sent: connecting a UDP socket only chooses its route.
    probe.connect("192.0.2.1:9").ok()?;
    Some(probe.local_addr().ok()?.ip()).filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
}

/// A server that refuses TLS ('N' to the SSL request) and records every byte a client sends
/// it, for one connection, while `url` of it is opened.
fn bytes_sent_opening(query: &str) -> Option<(Vec<u8>, String)> {
    let ip = network_address()?;
    let server = TcpListener::bind((ip, 0)).unwrap();
    let port = server.local_addr().unwrap().port();
    let listening = std::thread::spawn(move || {
        let (mut peer, _) = server.accept().unwrap();
        peer.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        let mut got = vec![0u8; 8];
        peer.read_exact(&mut got).unwrap();
        use std::io::Write;
        peer.write_all(b"N").unwrap();
        let mut rest = [0u8; 1024];
        while let Ok(n @ 1..) = peer.read(&mut rest) {
            got.extend_from_slice(&rest[..n]);
            // A startup message came in clear: answer nothing more, the test has seen it.
            if got.len() > 8 {
                break;
            }
        }
        got
    });
    let url = format!("postgres://officer_a:secret-password@{ip}:{port}/team{query}");
    let opened = Store::open_url(&url);
    let got = listening.join().unwrap();
    Some((got, opened.err().map(|e| e.to_string()).unwrap_or_default()))
}

/// The 8 bytes of PostgreSQL's SSLRequest: its length, then the code 80877103.
const SSL_REQUEST: [u8; 8] = [0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f];

#[test]
fn a_server_elsewhere_without_tls_is_refused_before_the_password_is_sent() {
    let Some((got, error)) = bytes_sent_opening("?connect_timeout=3") else {
        eprintln!("this computer has no address but loopback: nothing to test");
        return;
    };
    assert_eq!(got, SSL_REQUEST, "only the request for TLS was sent");
    assert!(error.contains("cannot be reached"), "{error}");
    assert!(error.contains("TLS"), "{error}");
}

#[test]
fn sslmode_disable_in_the_url_speaks_in_clear_as_asked() {
    let Some((got, _)) = bytes_sent_opening("?connect_timeout=2&sslmode=disable") else {
        return;
    };
    // No TLS request: the startup message itself, naming the officer.
    assert_ne!(got[..8], SSL_REQUEST);
    let text = String::from_utf8_lossy(&got);
    assert!(text.contains("officer_a"), "{text:?}");
}
