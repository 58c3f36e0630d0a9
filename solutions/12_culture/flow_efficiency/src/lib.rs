//! # flow_efficiency: where a change spends its lead time, and why batches grow
//!
//! Lean (the Toyota Production System; carried to software by Mary and Tom Poppendieck,
//! *Lean Software Development*, 2003) maps the **value stream** of a change: every stage
//! from commit to production, with the time someone works on the change and the time it
//! waits (for a review, a ticket to another team, a release window). **Flow efficiency** is
//! the working time over the whole lead time. It is usually shockingly low, and the waits are
//! mostly **hand-offs**: the wall of confusion, measured.
//!
//! Hand-offs also explain why walled organisations ship in big batches. A hand-off costs the
//! same whatever it carries (a ticket, an approval meeting, a scheduled deploy), so batching
//! spreads it over more changes; but each change in a batch then waits for all the others.
//! Donald Reinertsen (*The Principles of Product Development Flow*, 2009) calls this the
//! batch-size trade-off between transaction cost and holding cost; DORA's research
//! (*Accelerate*, 2018) finds that the teams that win make the transaction cheap (automation)
//! and then ship small batches. Times are in minutes, the unit of value-stream maps.
//!
//! ## Task 1: Measure the flow efficiency of one change
//!
//! - The lead time is every stage's wait plus its work; the active time is the work alone.
//! - The flow efficiency is active over lead time in per-mille, **rounded down** (a process
//!   never looks more efficient than it is); no lead time at all (no stages, or all zero)
//!   has no efficiency.
//!
//! Example: `build` (wait 0, work 60), `review` (wait 120, work 30), `ops hand-off` (wait 960,
//! work 30): lead time 1 200 min, active 120, efficiency 100 ‰.
//!
//! ## Task 2: Find the largest wait
//!
//! - The stage with the longest wait; on a tie, the earliest stage. A stream without any
//!   wait (every wait 0) has none.
//!
//! Example: above, `ops hand-off` (960 min), the place to start.
//!
//! ## Task 3: Compare a batch with single changes
//!
//! The model: each stage handles one delivery at a time. A delivery of `n` changes spends the
//! stage's wait once (the hand-off costs the same whatever it carries) and then `n` times its
//! work; the stage is busy for all of it. Deliveries pass the stages in order, a stage takes
//! a delivery as soon as the delivery has left the stage before and the stage is free, and
//! all changes are ready at minute 0.
//!
//! - In one batch of `n` (at least 1), every change is delivered when the batch is: its lead
//!   time is the sum over the stages of wait + `n` × work.
//! - Sent one at a time, in order, each change has its own lead time.
//! - Small batches win when the mean lead time of the single changes is strictly below the
//!   batch's lead time (compare without dividing).
//!
//! Example: the stream above with `n` = 4: in a batch, 1 080 + 4 × 120 = 1 560 min each;
//! one at a time, 1 200, 2 190, 3 180 and 4 170 (the ops hand-off is busy 990 min per
//! change), a mean of 2 685: the batch wins, which is why walled teams batch. Automate the
//! hand-off (wait 10 instead of 960): batch 610, singles 250, 400, 550 and 700, mean 475:
//! now small batches win.
//!
//! ## Beyond this exercise
//!
//! Real value-stream maps measure each stage over many changes (as distributions, not single
//! numbers), include rework loops (a change sent back from review or QA goes round again),
//! and count the percentage "complete and accurate" of each hand-off. Real waits are queues:
//! they grow with the load on the team downstream (Little's law; Reinertsen), so big batches
//! also make the queues longer and more variable. And small batches pay off beyond lead time:
//! a small change is easier to review, test and roll back, and when it fails the cause is
//! obvious (DORA's change failure rate and time to restore).

/// One stage of a value stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// The stage's name.
    pub name: String,
    /// How long a delivery waits before anyone works on it (a hand-off, a queue).
    pub wait_min: u64,
    /// How long someone works on one change at this stage.
    pub work_min: u64,
}

/// The flow of one change through a value stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flow {
    /// Waits and work, all stages.
    pub lead_min: u64,
    /// Work only.
    pub active_min: u64,
    /// `active / lead` in per-mille, rounded down; `None` when the lead time is 0.
    pub efficiency_permille: Option<u64>,
}

/// The lead time, active time and flow efficiency of one change through `stages`.
pub fn flow(stages: &[Stage]) -> Flow {
    let active_min: u64 = stages.iter().map(|s| s.work_min).sum();
    let lead_min = active_min + stages.iter().map(|s| s.wait_min).sum::<u64>();
    Flow {
        lead_min,
        active_min,
        // `checked_div` is `None` for a lead time of 0; integer division rounds down.
        efficiency_permille: (active_min * 1000).checked_div(lead_min),
    }
}

/// The name of the stage with the longest wait (the earliest on a tie); `None` without waits.
pub fn largest_wait(stages: &[Stage]) -> Option<String> {
    let mut longest: Option<&Stage> = None;
    for stage in stages.iter().filter(|s| s.wait_min > 0) {
        // Strictly longer: on a tie the earlier stage stays.
        if longest.is_none_or(|l| stage.wait_min > l.wait_min) {
            longest = Some(stage);
        }
    }
    longest.map(|s| s.name.clone())
}

/// The lead time of each change in one batch of `n` changes (at least 1).
pub fn batch_lead_min(stages: &[Stage], n: u64) -> u64 {
    stages.iter().map(|s| s.wait_min + n * s.work_min).sum()
}

/// The lead time of each of `n` changes sent one at a time, in order.
pub fn single_leads_min(stages: &[Stage], n: u64) -> Vec<u64> {
    // When each stage is next free; every change is ready at minute 0.
    let mut free_at = vec![0; stages.len()];
    let mut leads = Vec::new();
    for _ in 0..n {
        let mut done = 0;
        for (stage, free) in stages.iter().zip(free_at.iter_mut()) {
            // A single change pays the whole hand-off again: that is the transaction cost.
            done = done.max(*free) + stage.wait_min + stage.work_min;
            *free = done;
        }
        leads.push(done);
    }
    leads
}

/// Whether `n` single changes have a lower mean lead time than one batch of `n`.
pub fn small_batches_win(stages: &[Stage], n: u64) -> bool {
    // mean(singles) < batch  ⇔  sum(singles) < n × batch, without rounding.
    single_leads_min(stages, n).iter().sum::<u64>() < n * batch_lead_min(stages, n)
}
