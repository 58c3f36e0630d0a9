//! # platform_request: the golden path says yes by itself
//!
//! A platform team runs an internal developer platform so that a hundred product teams do
//! not each build their own plumbing, and so that using it needs no ticket. The heart of
//! that is a decision the platform takes on its own: a request that follows a **golden
//! path** (a supported template), fits the team's **quota** and meets **policy** is approved
//! at once; anything else goes to a human for review, with every reason listed so the team
//! knows what to change. (*Team Topologies*, Skelton and Pais, 2019: the platform as
//! "X-as-a-service" to stream-aligned teams; the CNCF Platforms white paper, 2023, on
//! self-service and golden paths.) Review is not refusal: leaving the paved road is allowed,
//! it just stops being automatic.
//!
//! ## Task 1: Check a request against policy
//!
//! In this order:
//! - [`Reason::OffPath`] when the template is not one of the golden paths;
//! - [`Reason::PublicConfidential`] when confidential data would be exposed publicly;
//! - [`Reason::ProdWithoutOnCall`] when a production request comes from a team with no
//!   on-call rotation (you build it, you run it: no pager, no production).
//!
//! Example: `payments` asks for a `custom-vm` in production, public, with confidential data,
//! and has a rotation: `[OffPath("custom-vm"), PublicConfidential]`.
//!
//! ## Task 2: Check a request against the team's quota
//!
//! - A team without a quota is [`Reason::NoQuota`] (and nothing else).
//! - Otherwise, for CPU then memory: what the team already uses plus what it asks for, if
//!   above the quota, is [`Reason::OverQuota`] with that total. Exactly the quota fits.
//!
//! Example: quota 4 000 mCPU and 8 192 MiB, using 3 000 and 4 096, asking 1 000 and 8 192:
//! CPU 4 000 fits exactly; memory is `OverQuota { resource: Memory, total: 12288, quota: 8192 }`.
//!
//! ## Task 3: Decide a queue of requests
//!
//! - Each request, in order: its policy reasons, then its quota reasons. None: approved, and
//!   its size is added to the team's usage at once (so the next request sees it). Any:
//!   [`Decision::NeedsReview`] with those reasons, and the usage is left as it was.
//! - A team missing from the usage map uses nothing yet.
//!
//! Example: `search` (quota 2 000 mCPU, 4 096 MiB, nothing used) asks twice for a
//! `postgres` of 1 500 mCPU and 1 024 MiB in dev: the first is approved; the second would
//! make 3 000 mCPU: `NeedsReview([OverQuota { resource: Cpu, total: 3000, quota: 2000 }])`.
//!
//! ## Beyond this exercise
//!
//! Real platforms express policy as code (Open Policy Agent, Kyverno, Backstage's software
//! templates with scaffolder checks), quotas as Kubernetes `ResourceQuota` objects per
//! namespace, and usage as what is actually allocated, not what was approved. Review has a
//! queue and a service level of its own, and the platform team watches which reasons come up
//! most: a reason that sends half the requests to review is a golden path that is missing.

use std::collections::BTreeMap;

/// Where the requested thing will run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Env {
    /// Development.
    Dev,
    /// Staging.
    Staging,
    /// Production.
    Prod,
}

/// How sensitive the data it holds is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Data {
    /// Anyone may see it.
    Public,
    /// Inside the company only.
    Internal,
    /// Personal or secret data.
    Confidential,
}

/// An amount of compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Size {
    /// CPU in millicores (1 000 is one core).
    pub cpu_millis: u64,
    /// Memory in MiB.
    pub memory_mib: u64,
}

/// What a team asks the platform for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The asking team.
    pub team: String,
    /// The template it wants, e.g. `postgres`.
    pub template: String,
    /// Where.
    pub env: Env,
    /// The data it will hold.
    pub data: Data,
    /// Whether it is reachable from the internet.
    pub public: bool,
    /// How big.
    pub size: Size,
}

/// What the platform knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    /// The supported templates.
    pub golden_paths: Vec<String>,
    /// Team → its quota.
    pub quotas: BTreeMap<String, Size>,
    /// The teams that have an on-call rotation.
    pub on_call: Vec<String>,
}

/// A kind of quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    /// CPU, in millicores.
    Cpu,
    /// Memory, in MiB.
    Memory,
}

/// Why a request needs a human.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The template is not a golden path.
    OffPath(String),
    /// Confidential data, publicly reachable.
    PublicConfidential,
    /// Production for a team (by name) without an on-call rotation.
    ProdWithoutOnCall(String),
    /// The team (by name) has no quota.
    NoQuota(String),
    /// Usage plus the request would exceed the quota.
    OverQuota {
        /// Which quota.
        resource: Resource,
        /// Usage plus request.
        total: u64,
        /// The quota.
        quota: u64,
    },
}

/// The platform's answer to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Provisioned at once.
    Approved,
    /// Sent to a human, with every reason.
    NeedsReview(Vec<Reason>),
}

/// The policy reasons against `request`, in the order of the doc.
pub fn policy(platform: &Platform, request: &Request) -> Vec<Reason> {
    // TODO: golden path, public confidential data, production without on-call.
    todo!()
}

/// The quota reasons against `request` for a team that already uses `used`.
pub fn quota(platform: &Platform, used: Size, request: &Request) -> Vec<Reason> {
    // TODO: no quota at all, or CPU and then memory above it.
    todo!()
}

/// Decides `requests` in order, adding each approved one to `usage` (team → in use).
pub fn decide_all(
    platform: &Platform,
    usage: &mut BTreeMap<String, Size>,
    requests: &[Request],
) -> Vec<Decision> {
    // TODO: policy and quota reasons per request; approved requests add to the usage.
    todo!()
}
