//! # load_shedding: refuse or drop the least important work first when the queue fills
//!
//! An overloaded server that queues everything ends up serving nothing on time. A load shedder
//! turns work away early instead, and sheds the least important work first, so that what is
//! accepted is still served in time. The Google SRE book ("Handling Overload") tags every
//! request with a *criticality* (from `CRITICAL_PLUS` down to `SHEDDABLE`) and has an
//! overloaded backend reject the lower criticalities before it touches the higher ones;
//! "Addressing Cascading Failures" adds that a queue must be bounded, since a long queue only
//! adds latency to requests that will time out anyway.
//!
//! This exercise has three criticalities ([`Priority`]) and one bounded queue; `serve`
//! (given) takes the highest priority first, and the oldest request first within a priority.
//!
//! ## Task 1: Give each priority its queue-depth limit
//!
//! - [`Limits::limit_for`] is the depth at which requests of that priority stop being admitted:
//!   `best_effort` for [`Priority::BestEffort`], `normal` for [`Priority::Normal`], `critical`
//!   (the capacity of the queue) for [`Priority::Critical`].
//!
//! Example: with limits 2 / 4 / 6, `limit_for(Normal)` is 4.
//!
//! ## Task 2: Admit below the limit, and log every rejection
//!
//! For a request of priority `p` offered to [`LoadShedder::offer`]:
//!
//! - if the queue depth is below the limit for `p`, the request joins the queue
//!   ([`Decision::Admitted`]); a depth equal to the limit is not below it;
//! - otherwise (for now) it is turned away ([`Decision::Rejected`]) and appended to the shed
//!   log as [`ShedReason::Rejected`].
//!
//! Example: with limits 2 / 4 / 6 and two best-effort requests queued, a third best-effort
//! request is `Rejected` (depth 2 is the limit), while a normal one is `Admitted`.
//!
//! ## Task 3: Make room by dropping the request that would be served last
//!
//! - Over its limit, a request of priority `p` looks at the queued request that `serve` would
//!   take last: the lowest queued priority, and within it the newest.
//! - If that request's priority is strictly lower than `p`, it is dropped from the queue (and
//!   logged as [`ShedReason::Dropped`]), and the new request joins the queue in its place:
//!   [`Decision::AdmittedByDropping`]. Equal priority never drops: the queue would churn
//!   without serving anything more important.
//! - Otherwise the new request is rejected, as in Task 2.
//! - The shed log lists every request turned away or dropped, in the order it happened.
//!
//! Example: with limits 2 / 4 / 6 and the queue holding best-effort 1 and 2 and normal 3 and
//! 4, a normal request 5 drops best-effort 2 (the newer of the two) and joins the queue; a
//! normal request at a depth of 4 made only of normal work is rejected.
//!
//! ## Beyond this exercise
//!
//! Real servers shed on a measure of load (CPU, in-flight requests, queueing time, as in
//! CoDel) rather than a fixed depth, and propagate criticality with the request so that a
//! backend sheds the same work its caller considered least important. Shedding is the
//! server's protection; throttling (the token bucket) is the client's quota.

/// How much a request matters. The order of the variants is the order of importance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// Work that may be shed first (prefetching, batch jobs).
    BestEffort,
    /// Ordinary user traffic.
    Normal,
    /// Work that must be served if anything is (a checkout, a health probe).
    Critical,
}

/// One unit of work offered to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// Identifies the request in the log.
    pub id: u64,
    /// How much it matters.
    pub priority: Priority,
}

/// Queue depth limits, one per priority. `critical` is the capacity of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Depth from which best-effort work is no longer admitted.
    pub best_effort: usize,
    /// Depth from which normal work is no longer admitted.
    pub normal: usize,
    /// Depth from which critical work is no longer admitted: the queue's capacity.
    pub critical: usize,
}

/// Why a set of limits cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitsError {
    /// The critical limit (the queue capacity) is zero: nothing could ever be served.
    ZeroCapacity,
    /// A less important priority has a higher limit than a more important one.
    NotOrdered,
}

impl std::fmt::Display for LimitsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LimitsError::ZeroCapacity => write!(f, "the queue capacity (critical limit) is 0"),
            LimitsError::NotOrdered => {
                write!(
                    f,
                    "limits must not favour less important work over more important"
                )
            }
        }
    }
}

impl std::error::Error for LimitsError {}

impl Limits {
    /// The queue depth at which requests of `priority` stop being admitted.
    pub fn limit_for(&self, priority: Priority) -> usize {
        match priority {
            Priority::BestEffort => self.best_effort,
            Priority::Normal => self.normal,
            Priority::Critical => self.critical,
        }
    }
}

/// What `offer` decided for the request it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The request joined the queue.
    Admitted,
    /// The request joined the queue after `dropped` was removed to make room for it.
    AdmittedByDropping {
        /// The queued request dropped (and logged as [`ShedReason::Dropped`]).
        dropped: Request,
    },
    /// The request was turned away.
    Rejected,
}

/// How a request was shed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShedReason {
    /// Refused on arrival.
    Rejected,
    /// Already queued, then dropped to make room for more important work.
    Dropped,
}

/// One entry of the shed log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shed {
    /// The request shed.
    pub request: Request,
    /// How it was shed.
    pub reason: ShedReason,
}

/// A bounded queue that sheds low-priority work first.
#[derive(Debug)]
pub struct LoadShedder {
    limits: Limits,
    /// Queued requests in arrival order.
    queue: Vec<Request>,
    shed: Vec<Shed>,
}

impl LoadShedder {
    /// An empty queue with the given limits, which must be ordered (best effort ≤ normal ≤
    /// critical) with a critical limit above 0.
    pub fn new(limits: Limits) -> Result<Self, LimitsError> {
        if limits.critical == 0 {
            return Err(LimitsError::ZeroCapacity);
        }
        if limits.best_effort > limits.normal || limits.normal > limits.critical {
            return Err(LimitsError::NotOrdered);
        }
        Ok(Self {
            limits,
            queue: Vec::new(),
            shed: Vec::new(),
        })
    }

    /// Decides whether `request` joins the queue (Tasks 2 and 3).
    pub fn offer(&mut self, request: Request) -> Decision {
        if self.queue.len() < self.limits.limit_for(request.priority) {
            self.queue.push(request);
            return Decision::Admitted;
        }
        // The request that would be served last: lowest priority, and newest within it.
        let victim = self
            .queue
            .iter()
            .enumerate()
            .min_by_key(|&(index, queued)| (queued.priority, std::cmp::Reverse(index)))
            .map(|(index, queued)| (index, *queued));
        match victim {
            // Only strictly less important work makes room: equal work queued earlier keeps
            // its place, otherwise a flood at one priority would churn the queue for nothing.
            Some((index, dropped)) if dropped.priority < request.priority => {
                self.queue.remove(index);
                self.shed.push(Shed {
                    request: dropped,
                    reason: ShedReason::Dropped,
                });
                self.queue.push(request);
                Decision::AdmittedByDropping { dropped }
            }
            _ => {
                self.shed.push(Shed {
                    request,
                    reason: ShedReason::Rejected,
                });
                Decision::Rejected
            }
        }
    }

    /// Takes the next request to work on: highest priority first, oldest first within one.
    pub fn serve(&mut self) -> Option<Request> {
        let index = self
            .queue
            .iter()
            .enumerate()
            .max_by_key(|&(index, queued)| (queued.priority, std::cmp::Reverse(index)))
            .map(|(index, _)| index)?;
        Some(self.queue.remove(index))
    }

    /// How many requests are waiting.
    pub fn depth(&self) -> usize {
        self.queue.len()
    }

    /// Every request shed so far, in the order it was shed.
    pub fn shed(&self) -> &[Shed] {
        &self.shed
    }

    /// How many requests of `priority` were shed so far, whatever the reason.
    pub fn shed_count(&self, priority: Priority) -> usize {
        self.shed
            .iter()
            .filter(|entry| entry.request.priority == priority)
            .count()
    }
}
