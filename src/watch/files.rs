/*!
File events for watch mode: notify's native watcher, or polling where native events do not
arrive (network and virtual file systems, WSL drives, an exhausted inotify limit).

Editors save in bursts (a temporary file, a rename, a truncate and a write), so events are
debounced: a batch is sent once no relevant event has come for `QUIET`. Swap, backup and
temporary files of editors are ignored.
*/

use std::{
    path::{Path, PathBuf},
    sync::mpsc::{self, RecvTimeoutError, Sender},
    thread,
    time::{Duration, Instant},
};

use notify::{Config, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the files must stay quiet before a batch of changes is reported.
const QUIET: Duration = Duration::from_millis(10);
/// A batch is reported after this long even if events keep coming.
const MAX_WAIT: Duration = Duration::from_millis(300);
/// How often the polling watcher looks at the files.
pub(super) const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// How changes are noticed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Trigger {
    /// Native events, or polling where they would not arrive.
    Auto,
    /// Polling, always.
    Poll,
    /// No watching: the student presses `r`.
    Manual,
}

impl Trigger {
    /// From the flags `--poll` and `--manual` (which clap keeps apart).
    pub(crate) fn new(poll: bool, manual: bool) -> Self {
        match (poll, manual) {
            (_, true) => Self::Manual,
            (true, _) => Self::Poll,
            _ => Self::Auto,
        }
    }
}

/// A running watcher; dropping it stops the watching.
pub(super) struct Watching {
    _watcher: Option<Box<dyn Watcher + Send>>,
    /// What the student is told about how changes are noticed.
    pub note: String,
}

/// Starts watching `dir`; each debounced batch of changed source files is passed to `send`.
pub(super) fn watch(
    dir: &Path,
    trigger: Trigger,
    send: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> Watching {
    if trigger == Trigger::Manual {
        return Watching {
            _watcher: None,
            note: "Manual mode: press r to check.".into(),
        };
    }
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || debounce(rx, send));

    let poll_reason = match trigger {
        Trigger::Poll => Some("as asked (--poll)".to_owned()),
        _ => eventless_file_system(dir)
            .map(|fs| format!("the folder is on {fs}, which sends no file events")),
    };
    if poll_reason.is_none() {
        match native(dir, tx.clone()) {
            Ok(watcher) => {
                return Watching {
                    _watcher: Some(watcher),
                    note: "Watching for changes: save the file to check it.".into(),
                };
            }
            Err(e) => return poll(dir, tx, &format!("the file watcher could not start ({e})")),
        }
    }
    poll(dir, tx, &poll_reason.expect("set above"))
}

fn native(dir: &Path, tx: Sender<PathBuf>) -> notify::Result<Box<dyn Watcher + Send>> {
    let mut watcher = RecommendedWatcher::new(handler(tx), Config::default())?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    Ok(Box::new(watcher))
}

fn poll(dir: &Path, tx: Sender<PathBuf>, reason: &str) -> Watching {
    // Comparing contents, not only times, catches saves within a coarse mtime granularity.
    let config = Config::default()
        .with_poll_interval(POLL_INTERVAL)
        .with_compare_contents(true);
    let secs = POLL_INTERVAL.as_secs_f64();
    match PollWatcher::new(handler(tx), config)
        .and_then(|mut w| w.watch(dir, RecursiveMode::Recursive).map(|()| w))
    {
        Ok(watcher) => Watching {
            _watcher: Some(Box::new(watcher)),
            note: format!("Checking for changes every {secs} s: {reason}."),
        },
        Err(e) => Watching {
            _watcher: None,
            note: format!("Manual mode, press r to check: {reason}, and polling failed too ({e})."),
        },
    }
}

fn handler(tx: Sender<PathBuf>) -> impl Fn(notify::Result<notify::Event>) + Send + 'static {
    move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        for path in event.paths {
            if is_source(&path) {
                let _ = tx.send(path);
            }
        }
    }
}

/// A Rust source file, not an editor's swap, backup or temporary file.
pub(super) fn is_source(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    path.extension().is_some_and(|e| e == "rs")
        && !name.starts_with('.')
        && !name.starts_with('#')
        && !path.components().any(|c| c.as_os_str() == "target")
}

/// Collects paths until they stop coming for `QUIET` (or `MAX_WAIT` passed), then sends them.
fn debounce(rx: mpsc::Receiver<PathBuf>, send: impl Fn(Vec<PathBuf>)) {
    while let Ok(first) = rx.recv() {
        let started = Instant::now();
        let mut batch = vec![first];
        loop {
            let left = MAX_WAIT.saturating_sub(started.elapsed());
            match rx.recv_timeout(QUIET.min(left)) {
                Ok(path) => {
                    if !batch.contains(&path) {
                        batch.push(path);
                    }
                    if left.is_zero() {
                        break;
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    send(batch);
                    return;
                }
            }
        }
        send(batch);
    }
}

/// The type of the file system holding `dir` when it is one known to send no change events to
/// a watcher on this machine (Linux only; elsewhere native events are trusted).
fn eventless_file_system(dir: &Path) -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let mounts = std::fs::read_to_string("/proc/self/mounts").ok()?;
    let dir = dir.canonicalize().ok()?;
    let fs_type = mount_type(&mounts, &dir)?;
    let eventless = [
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "drvfs", "vboxsf", "v9fs", "sshfs",
    ];
    (eventless.contains(&fs_type.as_str()) || fs_type.starts_with("fuse")).then_some(fs_type)
}

/// The type of the mount that holds `dir`: the longest mount point that is a prefix of it.
fn mount_type(mounts: &str, dir: &Path) -> Option<String> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let _device = fields.next()?;
            let point = fields.next()?.replace("\\040", " ");
            let fs_type = fields.next()?;
            dir.starts_with(&point)
                .then(|| (point.len(), fs_type.to_owned()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, fs_type)| fs_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_are_not_sources() {
        assert!(is_source(Path::new("exercises/a/b/src/lib.rs")));
        for junk in [
            "src/.lib.rs.swp",
            "src/lib.rs~",
            "src/4913",
            "src/#lib.rs#",
            "src/.#lib.rs",
            "src/lib.rs___jb_tmp___",
            "src/lib.rs.tmp.1234",
            "b/target/x.rs",
        ] {
            assert!(!is_source(Path::new(junk)), "{junk}");
        }
    }

    #[test]
    fn the_deepest_mount_decides_the_file_system() {
        let mounts =
            "/dev/vda / ext4 rw 0 0\nserver:/x /mnt/work nfs4 rw 0 0\nC:\\040 /mnt/c 9p rw 0 0\n";
        assert_eq!(
            mount_type(mounts, Path::new("/mnt/work/opslings")).as_deref(),
            Some("nfs4")
        );
        assert_eq!(
            mount_type(mounts, Path::new("/home/me")).as_deref(),
            Some("ext4")
        );
        assert_eq!(
            mount_type(mounts, Path::new("/mnt/c/Users")).as_deref(),
            Some("9p")
        );
    }

    #[test]
    fn a_burst_of_events_makes_one_batch() {
        let (tx, rx) = mpsc::channel();
        let (out_tx, out_rx) = mpsc::channel();
        thread::spawn(move || debounce(rx, move |batch| out_tx.send(batch).unwrap()));
        for _ in 0..3 {
            tx.send(PathBuf::from("a.rs")).unwrap();
        }
        tx.send(PathBuf::from("b.rs")).unwrap();
        let batch = out_rx.recv_timeout(Duration::from_secs(2)).unwrap();
        assert_eq!(batch, [PathBuf::from("a.rs"), PathBuf::from("b.rs")]);
        assert!(out_rx.recv_timeout(QUIET * 3).is_err(), "one batch only");
    }
}
