//! # Read your own writes with session tokens
//!
//! Writes go to the primary, which appends them to its log; replicas apply that log later. A
//! user who saves a form and reloads the page expects to see the change, even when the reload
//! is served by a replica that has not applied it yet. Session tokens give that guarantee
//! without sending every read to the primary.
//!
//! Implement:
//! 1. [`Database::write`]: append the write to the primary's log and return a [`SessionToken`]
//!    holding the primary's position *after* the write (the first write returns token 1).
//! 2. [`Database::route`]: where a read goes.
//!    - With a token: the first healthy replica, in index order, that has applied at least the
//!      token's position; if there is none, the primary.
//!    - Without a token: the first healthy replica, however far behind; if none, the primary.
//!    - A token beyond the primary's own position cannot be honoured by anyone (it was issued
//!      by a primary that has since lost that write, in a failover): refuse the read.
//!
//! [`Database::read`] (given) routes the read and looks the key up at the chosen node.
//!
//! ## Task 1: Read_your_writes

/// A log position handed to the client by a write; reads that carry it see that write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionToken(pub u64);

/// Which node serves a read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadFrom {
    Primary,
    /// The replica with this index.
    Replica(usize),
}

/// Why a read was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// The token is past the primary's position: no node has that write.
    TokenAhead { token: SessionToken, primary: u64 },
}

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
        self.log.push((key.to_string(), value.to_string()));
        // The token is the position that includes this write, so a replica that has applied
        // exactly up to it has the write.
        SessionToken(self.position())
    }

    /// Chooses the node that serves a read made with `token` (if the client has one).
    pub fn route(&self, token: Option<SessionToken>) -> Result<ReadFrom, ReadError> {
        let needed = token.map_or(0, |SessionToken(position)| position);
        if needed > self.position() {
            return Err(ReadError::TokenAhead {
                token: SessionToken(needed),
                primary: self.position(),
            });
        }
        let replica = self
            .replicas
            .iter()
            .position(|replica| replica.healthy && replica.applied >= needed);
        Ok(replica.map_or(ReadFrom::Primary, ReadFrom::Replica))
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
