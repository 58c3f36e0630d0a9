//! # causal_delivery: never show a reply before the message it answers
//!
//! Alice posts "I lost my keys"; Bob reads it and replies "they are in the kitchen". Replicas
//! that apply updates in whatever order the network brings them may show Carol the reply first.
//! *Causal consistency* (course §5.6.3) forbids that: if one update could have influenced
//! another, every replica applies them in that order; updates that are concurrent (neither
//! knew of the other) may come in any order. It is weaker than strong consistency (no single
//! global order) and stronger than eventual consistency, and it needs no coordination.
//!
//! "Could have influenced" is Lamport's happened-before relation ("Time, Clocks, and the
//! Ordering of Events in a Distributed System", CACM 1978). *Vector clocks* (Fidge 1988,
//! Mattern 1989) capture it exactly: every process keeps one counter per process. The delivery
//! rule is that of causal broadcast (Birman, Schiper and Stephenson, "Lightweight causal and
//! atomic group multicast", ACM TOCS 1991): a message waits in a buffer until everything it
//! depends on has been delivered.
//!
//! Processes are numbered `0..n`; a clock is a `Vec<u64>` of length `n`, and its entry `k`
//! counts the messages of process `k` delivered (for a process's own entry: sent).
//!
//! ## Task 1: Compare two vector clocks
//!
//! - `a` is [`Order::Before`] `b` when every entry of `a` is ≤ the one of `b` and they are not
//!   equal; [`Order::After`] is the mirror; equal clocks are [`Order::Equal`]; otherwise (each
//!   has an entry larger than the other's) they are [`Order::Concurrent`].
//!
//! Example: `[1, 2, 0]` is before `[1, 3, 0]`; `[2, 0]` and `[1, 1]` are concurrent.
//!
//! ## Task 2: Stamp a message when it is sent
//!
//! - [`Process::send`] adds 1 to the process's own entry and stamps the message with a copy of
//!   the whole clock: the entry of the sender numbers the message, the others name what the
//!   sender had delivered, i.e. what the message may depend on.
//!
//! Example: process 1 of 3, with clock `[2, 0, 0]`, sends → the message's clock is `[2, 1, 0]`.
//!
//! ## Task 3: Decide whether a message can be delivered
//!
//! - A message from sender `j` with clock `V` can be delivered by a process with clock `C` when
//!   `V[j] == C[j] + 1` (it is the next message from `j`) and `V[k] ≤ C[k]` for every other
//!   `k` (everything `j` had delivered before sending it has been delivered here too).
//!
//! Example: with `C = [1, 0, 0]`, a message from 1 with `[1, 1, 0]` can be delivered; one with
//! `[2, 1, 0]` cannot (message 2 of process 0 is missing); one from 0 with `[1, 0, 0]` cannot
//! (it was delivered already).
//!
//! ## Task 4: Buffer messages and deliver them in causal order
//!
//! - [`Process::receive`] ignores a message that was delivered already (`V[j] ≤ C[j]`) or is
//!   already in the buffer (networks duplicate). Otherwise it buffers it, then delivers, one at
//!   a time, every buffered message that can be delivered (task 3), until none can; delivering
//!   a message from `j` adds 1 to `C[j]`. It returns the messages delivered, in order.
//! - When several buffered messages can be delivered at the same moment, they are concurrent;
//!   deliver the one from the lowest sender first, so that the order does not depend on the
//!   order of arrival.
//!
//! Example: process 0 sends `m1` (`[1, 0, 0]`); process 1 delivers it and replies `m2`
//! (`[1, 1, 0]`). Process 2 receives `m2` first → nothing is delivered (it is buffered), then
//! `m1` → `[m1, m2]` are delivered, and its clock is `[1, 1, 0]`.
//!
//! ## Beyond this exercise
//!
//! Vector clocks need one entry per process and a fixed membership; real systems use version
//! vectors per replica or key (Riak's dotted version vectors), explicit dependency lists (COPS,
//! Lloyd et al., SOSP 2011, "causal+" consistency), or hybrid logical clocks. A buffer that
//! waits for a message that was lost waits for ever, so causal broadcast is built on reliable
//! delivery with retransmission; and two concurrent writes to the same key still need a rule
//! to reconcile them.

/// How two vector clocks are related by happened-before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The first happened before the second.
    Before,
    /// The first happened after the second.
    After,
    /// The same clock.
    Equal,
    /// Neither knew of the other.
    Concurrent,
}

/// How `a` is related to `b` (clocks of the same length).
pub fn compare(a: &[u64], b: &[u64]) -> Order {
    let below = a.iter().zip(b).all(|(x, y)| x <= y);
    let above = a.iter().zip(b).all(|(x, y)| x >= y);
    match (below, above) {
        (true, true) => Order::Equal,
        (true, false) => Order::Before,
        (false, true) => Order::After,
        (false, false) => Order::Concurrent,
    }
}

/// A message broadcast to every process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The process that sent it.
    pub sender: usize,
    /// The sender's clock when it sent it (its own entry included).
    pub clock: Vec<u64>,
    /// What it says.
    pub body: String,
}

/// One process: its clock and the messages waiting for their dependencies.
#[derive(Debug, Clone)]
pub struct Process {
    id: usize,
    clock: Vec<u64>,
    buffer: Vec<Message>,
}

impl Process {
    /// Process `id` of `n`, having sent and delivered nothing.
    pub fn new(id: usize, n: usize) -> Self {
        Self {
            id,
            clock: vec![0; n],
            buffer: Vec::new(),
        }
    }

    /// Process `id` that has already delivered (and, for its own entry, sent) what `clock`
    /// counts, with an empty buffer: a process restarted from a saved clock.
    pub fn with_clock(id: usize, clock: &[u64]) -> Self {
        Self {
            id,
            clock: clock.to_vec(),
            buffer: Vec::new(),
        }
    }

    /// The process's vector clock.
    pub fn clock(&self) -> &[u64] {
        &self.clock
    }

    /// The messages received but not delivered yet, in order of arrival.
    pub fn buffered(&self) -> &[Message] {
        &self.buffer
    }

    /// Sends `body`: the process's own entry goes up by one, and the message carries the clock.
    pub fn send(&mut self, body: &str) -> Message {
        self.clock[self.id] += 1;
        Message {
            sender: self.id,
            clock: self.clock.clone(),
            body: body.to_string(),
        }
    }

    /// Whether `message` can be delivered now: it is the sender's next message, and everything
    /// it depends on has been delivered.
    pub fn deliverable(&self, message: &Message) -> bool {
        let j = message.sender;
        message
            .clock
            .iter()
            .zip(&self.clock)
            .enumerate()
            .all(|(k, (&v, &c))| if k == j { v == c + 1 } else { v <= c })
    }

    /// Receives `message`; returns every message this delivers, in causal order.
    pub fn receive(&mut self, message: Message) -> Vec<Message> {
        let j = message.sender;
        if message.clock[j] <= self.clock[j] || self.buffer.contains(&message) {
            return Vec::new(); // a duplicate: delivered or waiting already
        }
        self.buffer.push(message);
        let mut delivered = Vec::new();
        // Each delivery may unblock other buffered messages, so look again after each one.
        while let Some(next) = self.next_deliverable() {
            let message = self.buffer.remove(next);
            self.clock[message.sender] += 1;
            delivered.push(message);
        }
        delivered
    }

    /// The index in the buffer of the deliverable message from the lowest sender, if any.
    fn next_deliverable(&self) -> Option<usize> {
        self.buffer
            .iter()
            .enumerate()
            .filter(|(_, message)| self.deliverable(message))
            .min_by_key(|(_, message)| message.sender)
            .map(|(index, _)| index)
    }
}
