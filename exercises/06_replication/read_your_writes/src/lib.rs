//! # read_your_writes: session tokens that let a user see their own changes
//!
//! Writes go to the primary, which appends them to its log; replicas apply that log later. A
//! user who saves a form and reloads the page expects to see the change, even when the reload
//! is served by a replica that has not applied it yet. *Read-your-writes* consistency
//! (Designing Data-Intensive Applications, ch. 5, "Reading Your Own Writes"; Terry et al.,
//! "Session Guarantees for Weakly Consistent Replicated Data", 1994) gives that guarantee
//! without sending every read to the primary: each write returns its log position, and a read
//! that carries it goes only to a node that has reached it.
//!
//! Positions count writes: the log's entry `i` is the write at position `i + 1`, so the
//! primary's position is how many writes its log holds. [`Database::read`] (given) routes the
//! read and looks the key up at the chosen node.
//!
//! ## Task 1: Issue a session token with every write
//!
//! [`Database::write`] appends the write to the primary's log and returns a [`SessionToken`]
//! holding the primary's position *after* the write.
//!
//! Example: on an empty database, `write("name", "Ada")` returns `SessionToken(1)` and
//! `write("city", "London")` then returns `SessionToken(2)`.
//!
//! ## Task 2: Route a read to a node that has the token's write
//!
//! [`Database::route`] chooses where a read goes:
//! - with a token: the first healthy replica, in index order, that has applied at least the
//!   token's position (a replica exactly at it has the write); if there is none, the primary;
//! - without a token: the first healthy replica, however far behind; if none, the primary.
//!   (A token of 0 asks for no write at all, like no token.)
//!
//! Example: after two writes, with replicas at positions 1, 1 and 2, a read with token 2 goes
//! to `Replica(2)`; a read without a token goes to `Replica(0)` and may see the older value.
//!
//! ## Task 3: Refuse a token that no node can honour
//!
//! A token beyond the primary's own position names a write no node has (it was issued by a
//! primary that has since lost that write, in a failover): refuse the read with
//! [`ReadError::TokenAhead`], whatever the replicas are. A token equal to the primary's
//! position is fine.
//!
//! Example: with the primary at position 2, `route(Some(SessionToken(3)))` is
//! `Err(TokenAhead { token: SessionToken(3), primary: 2 })`.
//!
//! ## Beyond this exercise
//!
//! A user on several devices needs the token shared between them (a cookie is per browser);
//! real systems often read "recently edited" data from the leader for a minute instead, or
//! wait on the replica until it reaches the position (PostgreSQL's
//! `pg_last_wal_replay_lsn()` comparison, MySQL's `WAIT_FOR_EXECUTED_GTID_SET`). Other users
//! may still see old data: that is not a violation of read-your-writes.

/// A log position handed to the client by a write; reads that carry it see that write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionToken(pub u64);

/// Which node serves a read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadFrom {
    /// The primary, which has every write.
    Primary,
    /// The replica with this index.
    Replica(usize),
}

/// Why a read was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// The token is past the primary's position: no node has that write.
    TokenAhead {
        /// The token the read carried.
        token: SessionToken,
        /// The primary's position when the read was refused.
        primary: u64,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TokenAhead { token, primary } => write!(
                f,
                "session token {} is ahead of the primary's position {primary}: no node has that write",
                token.0
            ),
        }
    }
}

impl std::error::Error for ReadError {}

#[derive(Debug, Clone, Copy)]
struct ReplicaState {
    /// How many entries of the primary's log this replica has applied.
    applied: u64,
    healthy: bool,
}

/// A primary with its log of writes, and replicas that apply a prefix of that log.
#[derive(Debug, Clone)]
pub struct Database {
    /// Every write in order: entry `i` is the write at position `i + 1`.
    log: Vec<(String, String)>,
    replicas: Vec<ReplicaState>,
}

impl Database {
    /// An empty primary with `replicas` healthy, empty replicas.
    pub fn new(replicas: usize) -> Self {
        let replica = ReplicaState {
            applied: 0,
            healthy: true,
        };
        Self {
            log: Vec::new(),
            replicas: vec![replica; replicas],
        }
    }

    /// The primary's position: how many writes its log holds.
    pub fn position(&self) -> u64 {
        self.log.len() as u64
    }

    /// How many writes replica `replica` has applied.
    pub fn applied(&self, replica: usize) -> u64 {
        self.replicas[replica].applied
    }

    /// Lets replica `replica` apply the log up to position `upto` (at most the primary's
    /// position; a replica never goes back).
    pub fn replicate(&mut self, replica: usize, upto: u64) {
        let upto = upto.min(self.position());
        let state = &mut self.replicas[replica];
        state.applied = state.applied.max(upto);
    }

    /// Marks replica `replica` healthy or not; an unhealthy replica serves no reads.
    pub fn set_healthy(&mut self, replica: usize, healthy: bool) {
        self.replicas[replica].healthy = healthy;
    }

    /// Writes `value` under `key` on the primary.
    pub fn write(&mut self, key: &str, value: &str) -> SessionToken {
        // TODO: append to the log and return the position that includes this write.
        todo!()
    }

    /// Chooses the node that serves a read made with `token` (if the client has one).
    pub fn route(&self, token: Option<SessionToken>) -> Result<ReadFrom, ReadError> {
        // TODO: Task 3 first: refuse a token past the primary. Then Task 2: the first healthy
        // replica that has applied the token's position (any healthy replica without a token),
        // else the primary.
        todo!()
    }

    /// Reads `key`, returning the node that served it and the value it holds.
    pub fn read(
        &self,
        key: &str,
        token: Option<SessionToken>,
    ) -> Result<(ReadFrom, Option<String>), ReadError> {
        let from = self.route(token)?;
        let position = match from {
            ReadFrom::Primary => self.position(),
            ReadFrom::Replica(index) => self.applied(index),
        };
        Ok((from, self.value_at(position, key)))
    }

    /// The value of `key` as of log position `position`: the last write to it before then.
    fn value_at(&self, position: u64, key: &str) -> Option<String> {
        self.log[..position as usize]
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value.clone())
    }
}
