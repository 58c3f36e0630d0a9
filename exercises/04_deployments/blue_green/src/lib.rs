//! # blue_green: switch all traffic at once, and back just as fast
//!
//! A blue/green deployment keeps two complete production environments, *blue* and *green*.
//! One is live and receives all the traffic; the other is idle. A release is installed on the
//! idle colour, checked there while users are still served by the live one, and then the
//! router is pointed at it in one step. The colour that was live is left exactly as it was:
//! if the release misbehaves, rolling back is another flip of the same pointer, with no build,
//! no deploy and no warm-up. The price is twice the capacity, and data that both versions must
//! be able to use. (Martin Fowler, "BlueGreenDeployment"; SRE Workbook, "Canarying Releases",
//! on blue/green as a related technique.)
//!
//! ## Task 1: Install a release on the idle colour only
//!
//! - [`BlueGreen::deploy_idle`] puts `version` on the idle colour, which starts unhealthy until
//!   a health check passes ([`BlueGreen::report_health`]). The live colour is never touched.
//! - Installing on the idle colour overwrites what it ran: if that was the previous release,
//!   there is no rollback target any more.
//!
//! Example: live blue runs `v1`; `deploy_idle("v2")` gives green `v2`, unhealthy, and blue
//! still serves `v1`.
//!
//! ## Task 2: Switch only to a healthy idle colour on the validated version
//!
//! [`BlueGreen::switch_to`] is given the version that was validated (in staging, say) and
//! flips the live pointer to the idle colour, checking in this order:
//! - the idle colour must run exactly that version, else [`SwitchError::WrongVersion`] (with
//!   what it runs, `None` if nothing), since another build would not be what was tested;
//! - it must be healthy, else [`SwitchError::Unhealthy`].
//!
//! On success the colour that was live is kept as it is, version and health, and becomes the
//! rollback target. A refused switch changes nothing.
//!
//! Example: after `deploy_idle("v2")` and `report_health(Green, true)`, `switch_to("v2")`
//! makes green live; blue still runs `v1`, healthy.
//!
//! ## Task 3: Roll back by flipping the pointer
//!
//! - [`BlueGreen::rollback`] makes the rollback target live again, and the colour it leaves
//!   becomes the new rollback target (so the pair can flip back and forth), with no change to
//!   either colour's version or health.
//! - With no target (no switch yet, or the idle colour was redeployed since), it fails with
//!   [`RollbackError::NoPreviousColour`] and changes nothing.
//!
//! Example: after the switch to green `v2`, `rollback()` makes blue `v1` live again at once.
//!
//! ## Beyond this exercise
//!
//! Real switches move a load balancer target, a DNS record or a Service selector, and existing
//! connections drain for a while. The hard part is the data: both colours share databases, so
//! schema changes must be backward compatible (expand/contract) for the flip back to work.
//! Kubernetes has no built-in blue/green; tools such as Argo Rollouts add it, with a preview
//! Service to test the idle colour and an automatic scale-down of the old one after a delay.

/// One of the two environments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// The blue environment.
    Blue,
    /// The green environment.
    Green,
}

impl Colour {
    /// The other colour.
    pub fn other(self) -> Colour {
        match self {
            Colour::Blue => Colour::Green,
            Colour::Green => Colour::Blue,
        }
    }
}

/// What one environment runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The version installed, if any.
    pub version: Option<String>,
    /// Whether its latest health check passed.
    pub healthy: bool,
}

/// Why a switch was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SwitchError {
    /// The idle colour does not run the validated version.
    WrongVersion {
        /// The validated version.
        expected: String,
        /// What the idle colour runs.
        found: Option<String>,
    },
    /// The idle colour runs the right version but is not healthy.
    Unhealthy {
        /// The idle colour.
        colour: Colour,
    },
}

impl std::fmt::Display for SwitchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::WrongVersion { expected, found } => {
                write!(
                    f,
                    "the idle colour runs {found:?}, not the validated {expected}"
                )
            }
            Self::Unhealthy { colour } => write!(f, "{colour:?} is not healthy"),
        }
    }
}

impl std::error::Error for SwitchError {}

/// Why a rollback was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RollbackError {
    /// There is no previous colour to go back to.
    NoPreviousColour,
}

impl std::fmt::Display for RollbackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no previous colour is kept to roll back to")
    }
}

impl std::error::Error for RollbackError {}

/// Two environments and the pointer that says which one is live.
#[derive(Debug, Clone)]
pub struct BlueGreen {
    blue: Slot,
    green: Slot,
    live: Colour,
    /// The colour a rollback would make live, if it is still kept.
    rollback_target: Option<Colour>,
}

impl BlueGreen {
    /// Blue live and healthy on `version`, green empty, nothing to roll back to.
    pub fn new(version: &str) -> Self {
        Self {
            blue: Slot {
                version: Some(version.to_string()),
                healthy: true,
            },
            green: Slot {
                version: None,
                healthy: false,
            },
            live: Colour::Blue,
            rollback_target: None,
        }
    }

    /// The colour receiving the traffic.
    pub fn live(&self) -> Colour {
        self.live
    }

    /// The colour not receiving traffic.
    pub fn idle(&self) -> Colour {
        self.live.other()
    }

    /// What `colour` runs.
    pub fn slot(&self, colour: Colour) -> &Slot {
        match colour {
            Colour::Blue => &self.blue,
            Colour::Green => &self.green,
        }
    }

    fn slot_mut(&mut self, colour: Colour) -> &mut Slot {
        match colour {
            Colour::Blue => &mut self.blue,
            Colour::Green => &mut self.green,
        }
    }

    /// Records the result of a health check of `colour`.
    pub fn report_health(&mut self, colour: Colour, healthy: bool) {
        self.slot_mut(colour).healthy = healthy;
    }

    /// The colour a rollback would make live, if any.
    pub fn rollback_target(&self) -> Option<Colour> {
        self.rollback_target
    }

    /// Installs `version` on the idle colour (Task 1).
    pub fn deploy_idle(&mut self, version: &str) {
        // TODO: put the version on the idle colour, unhealthy, and forget the rollback target.
        todo!()
    }

    /// Points the traffic at the idle colour if it may take it (Task 2).
    pub fn switch_to(&mut self, validated: &str) -> Result<(), SwitchError> {
        // TODO: check the idle colour (version first, then health), then flip the live pointer.
        todo!()
    }

    /// Makes the previous colour live again (Task 3).
    pub fn rollback(&mut self) -> Result<(), RollbackError> {
        // TODO: flip back to the rollback target, which then becomes the colour just left.
        todo!()
    }
}
