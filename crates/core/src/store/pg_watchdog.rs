//! The client's own bound on a team store's statement. The server cancels a statement at its
//! `statement_timeout`, but only while its backend runs: a backend that is stopped (`SIGSTOP`,
//! a frozen virtual machine, a server swapping itself to death) keeps its socket open and its
//! kernel acknowledging, so neither TCP keepalive nor `TCP_USER_TIMEOUT` ever fires and the
//! blocking client would wait for ever (measured: still waiting after 40 s with a 2 s
//! `statement_timeout`). So each statement is watched from a thread of the connection's own: past
//! the statement limit and a grace, the thread shuts the connection's socket down, the waiting
//! call fails at once, and the store reports `team_store_timeout`. The server rolls back what the
//! connection had open when its backend next runs and finds the socket closed.
//!
//! The `postgres` crate does not give out its socket, so the watchdog finds it among the
//! process's descriptors: the TCP socket whose local port the server names as its client's
//! (`inet_client_port()`) and whose peer is the server's port. A connection over a Unix socket
//! (a server on the same computer) has no such name and is not watched.

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long past the statement limit the client waits for the server's own cancel.
pub const GRACE: Duration = Duration::from_secs(3);

/// The statement limit in force (`statement_timeout` in the connection's options, in
/// milliseconds or with a unit), else `default`.
pub(crate) fn statement_limit(options: &str, default: Duration) -> Duration {
    let Some(at) = options.find("statement_timeout=") else {
        return default;
    };
    let value = &options[at + "statement_timeout=".len()..];
    let value = value.split_whitespace().next().unwrap_or("");
    let digits = value.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    match (digits.parse::<u64>(), &value[digits.len()..]) {
        // 0 is no limit on the server: the client keeps its own.
        (Ok(0) | Err(_), _) => default,
        (Ok(n), "" | "ms") => Duration::from_millis(n),
        (Ok(n), "s") => Duration::from_secs(n),
        (Ok(n), "min") => Duration::from_secs(n * 60),
        _ => default,
    }
}

#[derive(Default)]
struct State {
    /// When the statement in flight must have come back.
    deadline: Option<Instant>,
    /// Set when the watchdog cut the connection (until the next statement starts).
    cut: bool,
    closing: bool,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

/// The watch on one connection's statements (none when its socket was not found).
pub(crate) struct Watchdog {
    shared: Arc<Shared>,
    bound: Duration,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// The watch over one statement: armed while it lives.
pub(crate) struct Armed<'a>(&'a Watchdog);

impl Watchdog {
    /// Watches socket `fd` (None: nothing is watched), cutting it `bound` after a statement
    /// started.
    pub(crate) fn new(fd: Option<i32>, bound: Duration) -> Watchdog {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
        });
        let thread = fd.map(|fd| {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("team-store-watchdog".into())
                .spawn(move || watch(&shared, fd))
                .expect("a thread for the team store's watchdog")
        });
        Watchdog {
            shared,
            bound,
            thread,
        }
    }

    /// Arms the watch for one statement.
    pub(crate) fn arm(&self) -> Armed<'_> {
        let mut state = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
        state.deadline = Some(Instant::now() + self.bound);
        state.cut = false;
        self.shared.wake.notify_all();
        Armed(self)
    }

    /// Whether the watchdog cut the connection during the last statement.
    pub(crate) fn cut(&self) -> bool {
        self.shared
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .cut
    }
}

impl Drop for Armed<'_> {
    fn drop(&mut self) {
        // Under the lock: once disarmed, the socket is never shut down for this statement.
        let mut state = self
            .0
            .shared
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        state.deadline = None;
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.shared
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .closing = true;
        self.shared.wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn watch(shared: &Shared, fd: i32) {
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    while !state.closing {
        state = match state.deadline {
            None => shared.wake.wait(state).unwrap_or_else(|e| e.into_inner()),
            Some(deadline) if Instant::now() >= deadline => {
                shut_down(fd);
                state.cut = true;
                state.deadline = None;
                state
            }
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                shared
                    .wake
                    .wait_timeout(state, left)
                    .unwrap_or_else(|e| e.into_inner())
                    .0
            }
        };
    }
}

#[cfg(unix)]
fn shut_down(fd: i32) {
    // SAFETY: `fd` is the connection's socket, open while a statement is armed (the lock held
    // here is the one disarming takes); shutting it down leaves the descriptor to its owner.
    unsafe {
        libc::shutdown(fd, libc::SHUT_RDWR);
    }
}

#[cfg(not(unix))]
fn shut_down(_fd: i32) {}

/// The descriptor of this process's TCP socket from local port `local` to remote port
/// `remote`, if there is exactly one.
#[cfg(target_os = "linux")]
pub(crate) fn tcp_socket(local: u16, remote: u16) -> Option<i32> {
    let found: Vec<i32> = std::fs::read_dir("/proc/self/fd")
        .ok()?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .filter(|fd| port_of(*fd, false) == Some(local) && port_of(*fd, true) == Some(remote))
        .collect();
    match found[..] {
        [fd] => Some(fd),
        _ => None,
    }
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn tcp_socket(_local: u16, _remote: u16) -> Option<i32> {
    None
}

/// The TCP port at one end of socket `fd` (`peer`: the far end), None for anything else.
#[cfg(target_os = "linux")]
fn port_of(fd: i32, peer: bool) -> Option<u16> {
    // SAFETY: a zeroed sockaddr_storage is valid; the calls write at most `len` bytes into it
    // and fail (without writing) on a descriptor that is not a socket.
    unsafe {
        let mut addr: libc::sockaddr_storage = std::mem::zeroed();
        let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        let at = &mut addr as *mut libc::sockaddr_storage as *mut libc::sockaddr;
        let done = if peer {
            libc::getpeername(fd, at, &mut len)
        } else {
            libc::getsockname(fd, at, &mut len)
        };
        if done != 0 {
            return None;
        }
        match i32::from(addr.ss_family) {
            libc::AF_INET => {
                let v4 = &*(at as *const libc::sockaddr_in);
                Some(u16::from_be(v4.sin_port))
            }
            libc::AF_INET6 => {
                let v6 = &*(at as *const libc::sockaddr_in6);
                Some(u16::from_be(v6.sin6_port))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::statement_limit;
    use std::time::Duration;

    #[test]
    fn the_statement_limit_is_read_from_the_options() {
        let default = Duration::from_secs(15);
        let limit = |o| statement_limit(o, default);
        assert_eq!(
            limit("-c statement_timeout=2000 -c x=1"),
            Duration::from_secs(2)
        );
        assert_eq!(limit("-c statement_timeout=3s"), Duration::from_secs(3));
        assert_eq!(limit("-c statement_timeout=1min"), Duration::from_secs(60));
        assert_eq!(limit("-c statement_timeout=0"), default);
        assert_eq!(limit("-c statement_timeout=soon"), default);
        assert_eq!(limit("-c lock_timeout=5000"), default);
    }
}
