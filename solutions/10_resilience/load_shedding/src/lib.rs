//! Load shedding by priority and queue depth.
//!
//! An overloaded server that queues everything ends up serving nothing on time. A load shedder
//! turns work away early instead, and it sheds the least important work first. Each priority
//! has a queue-depth limit (`Limits`): best-effort work is refused once the queue is a little
//! busy, normal work once it is busier, critical work only when the queue is at capacity.
//!
//! Implement `Limits::limit_for` and `LoadShedder::offer`. For a request of priority `p`:
//! - if the queue depth is below the limit for `p`, the request joins the queue;
//! - otherwise, if the queue holds work of a priority strictly lower than `p`, the queued
//!   request that would be served last (the newest of the lowest queued priority) is dropped
//!   and the new request joins the queue in its place;
//! - otherwise the new request is rejected.
//!
//! Every request turned away at the door or dropped from the queue is appended to the shed
//! log, in the order it happened. `serve` (given) takes the highest priority first, and the
//! oldest request first within a priority.
//!
//! ## Task 1: Load_shedding

/// How much a request matters. The order of the variants is the order of importance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    BestEffort,
    Normal,
    Critical,
}

/// One unit of work offered to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub id: u64,
    pub priority: Priority,
}

/// Queue depth limits, one per priority. `critical` is the capacity of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub best_effort: usize,
    pub normal: usize,
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
    AdmittedByDropping { dropped: Request },
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
    pub request: Request,
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

    /// Decides whether `request` joins the queue, following the rules in the crate docs.
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
