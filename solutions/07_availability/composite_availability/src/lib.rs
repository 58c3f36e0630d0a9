//! # composite_availability: a system is as available as the way its parts depend on each other
//!
//! A request to a web shop crosses a load balancer, an application server and a database. If
//! any of them is down, the request fails: the system can never be more available than the
//! product of its serial dependencies, which is why each critical dependency must be about ten
//! times more available than the service promises ("The Calculus of Service Availability",
//! Treynor et al., ACM Queue 2017; Google's SRE book, "Embracing Risk"). Redundancy goes the
//! other way: two copies, either of which can serve, fail only when both fail at once.
//!
//! Availabilities here are probabilities, `f64` fractions from `0.0` to `1.0` (`0.999` is
//! 99.9 %), and the parts are assumed to fail **independently** of each other. Floats on
//! purpose: a k-of-n formula raises availabilities to the n-th power, which in exact ppm
//! needs 10^(6n) and overflows even `u128` at n = 7, while rounding to ppm at every step would
//! make the answer depend on the order of the parts. The tests accept any answer within 1e-12
//! of the exact value: far below a thousandth of a ppm, far above the rounding of an `f64`.
//!
//! ## Task 1: Chain serial dependencies
//!
//! - Every part must be up, so the availabilities multiply.
//! - No parts at all is a chain that cannot break: `1.0`.
//!
//! Example: `serial(&[0.999, 0.999, 0.999])` is `0.997002999`: three 99.9 % parts in a row
//! make 99.7 %, one nine less than each of them.
//!
//! ## Task 2: Combine redundant copies
//!
//! - Any one part up is enough, so the system is down only when every part is down: the
//!   unavailabilities `1 − a` multiply, and the availability is `1 − Π(1 − a)`.
//! - No parts at all is nothing that could serve: `0.0`.
//!
//! Example: `redundant(&[0.99, 0.999])` is `0.99999`.
//!
//! ## Task 3: Require k of n identical parts
//!
//! - `n` identical parts of availability `a`, of which at least `k` must be up (a quorum, or a
//!   pool that needs k servers to carry the load). With exactly `i` up, the probability is
//!   `C(n, i) × a^i × (1 − a)^(n − i)` ([`choose`] gives `C(n, i)`); sum it for `i` from `k`
//!   to `n`, both included.
//! - `k = 0` needs nothing: `1.0`. `k > n` can never hold: `0.0`.
//!
//! Example: `k_of_n(2, 3, 0.99)` is `0.999702` (3 × 0.99² × 0.01 + 0.99³).
//!
//! ## Task 4: Evaluate a whole system
//!
//! [`Block::availability`] evaluates a tree of blocks with the rules of tasks 1–3: a
//! [`Block::Part`] is its own availability, the others combine the availabilities of what
//! they hold.
//!
//! Example: a pair of load balancers at 99.9 % (either will do), then three app servers at
//! 99 % of which two carry the load, then one database at 99.95 %:
//! `Serial([AnyOf([Part(0.999), Part(0.999)]), KOfN { k: 2, n: 3, each: Part(0.99) },
//! Part(0.9995)])` is `0.999999 × 0.999702 × 0.9995 ≈ 0.9992011`.
//!
//! ## Beyond this exercise
//!
//! Independence is the big assumption: two replicas in one rack, zone or software version fail
//! together, and then redundancy buys far less than the formula says (track 11 is about fault
//! domains). Failover is not instant either: detecting the failure and switching over is
//! downtime the formula ignores, and a hot standby that was never tested may not take over at
//! all. Real models also weigh partial failures and how often each dependency is called.

/// `C(n, k)`: the number of ways to choose `k` of `n` parts (0 when `k > n`; exact for `n` up
/// to 60).
pub fn choose(n: u32, k: u32) -> u64 {
    if k > n {
        return 0;
    }
    // After step i the value is C(n, i + 1), a whole number, so every division is exact.
    (0..u64::from(k)).fold(1, |c, i| c * (u64::from(n) - i) / (i + 1))
}

/// The availability of a chain of parts that must all be up.
pub fn serial(parts: &[f64]) -> f64 {
    parts.iter().product()
}

/// The availability of redundant parts of which any one is enough.
pub fn redundant(parts: &[f64]) -> f64 {
    // The system is down only when every part is down at once.
    let all_down: f64 = parts.iter().map(|a| 1.0 - a).product();
    1.0 - all_down
}

/// The availability of `n` identical parts of availability `a` when at least `k` must be up.
pub fn k_of_n(k: u32, n: u32, a: f64) -> f64 {
    // The binomial distribution: each term is "exactly i parts up", and the terms are disjoint,
    // so they add up. An empty range (k > n) sums to 0.
    (k..=n)
        .map(|i| choose(n, i) as f64 * a.powi(i as i32) * (1.0 - a).powi((n - i) as i32))
        .sum()
}

/// A component of a system, or a group of them, as the availability model sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// One component with its own availability (a fraction from 0.0 to 1.0).
    Part(f64),
    /// Blocks that must all be up: a chain of dependencies.
    Serial(Vec<Block>),
    /// Redundant blocks of which any one is enough.
    AnyOf(Vec<Block>),
    /// `n` identical copies of `each`, of which at least `k` must be up.
    KOfN {
        /// Copies that must be up.
        k: u32,
        /// Copies in all.
        n: u32,
        /// What each copy is.
        each: Box<Block>,
    },
}

impl Block {
    /// The availability of this block, evaluated with the rules of tasks 1–3.
    pub fn availability(&self) -> f64 {
        match self {
            Block::Part(a) => *a,
            Block::Serial(blocks) => serial(&Self::all(blocks)),
            Block::AnyOf(blocks) => redundant(&Self::all(blocks)),
            Block::KOfN { k, n, each } => k_of_n(*k, *n, each.availability()),
        }
    }

    /// The availabilities of `blocks`, in order.
    fn all(blocks: &[Block]) -> Vec<f64> {
        blocks.iter().map(Block::availability).collect()
    }
}
