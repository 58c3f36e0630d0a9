use blue_green::{BlueGreen, Colour, RollbackError, Slot, SwitchError};

fn slot(version: Option<&str>, healthy: bool) -> Slot {
    Slot {
        version: version.map(str::to_string),
        healthy,
    }
}

/// Blue live on v1, green healthy on v2, not switched yet.
fn ready_to_switch() -> BlueGreen {
    let mut bg = BlueGreen::new("v1");
    bg.deploy_idle("v2");
    bg.report_health(Colour::Green, true);
    bg
}

// Task 1: Install a release on the idle colour only
#[test]
fn a_release_goes_to_the_idle_colour_and_starts_unhealthy() {
    let mut bg = BlueGreen::new("v1");
    bg.deploy_idle("v2");
    assert_eq!(
        bg.slot(Colour::Green),
        &slot(Some("v2"), false),
        "with blue live, v2 is installed on green, the idle colour, and is unhealthy until a \
         health check passes"
    );
    assert_eq!(
        (bg.live(), bg.slot(Colour::Blue)),
        (Colour::Blue, &slot(Some("v1"), true)),
        "installing on the idle colour never touches the live one: blue still serves v1"
    );
}

#[test]
fn once_green_is_live_releases_go_to_blue() {
    let mut bg = ready_to_switch();
    bg.switch_to("v2").unwrap();
    bg.deploy_idle("v3");
    assert_eq!(
        bg.slot(Colour::Blue),
        &slot(Some("v3"), false),
        "after the switch green is live, so the next release v3 goes to blue"
    );
    assert_eq!(
        bg.slot(Colour::Green),
        &slot(Some("v2"), true),
        "the live green colour keeps serving v2 while v3 is installed on blue"
    );
}

#[test]
fn redeploying_the_idle_colour_drops_the_rollback_target() {
    let mut bg = ready_to_switch();
    bg.switch_to("v2").unwrap();
    assert_eq!(
        bg.rollback_target(),
        Some(Colour::Blue),
        "after switching to green, blue (still on v1) is the rollback target"
    );
    bg.deploy_idle("v3");
    assert_eq!(
        bg.rollback_target(),
        None,
        "installing v3 on blue overwrote v1: there is no previous release to go back to"
    );
    assert_eq!(
        bg.rollback(),
        Err(RollbackError::NoPreviousColour),
        "rolling back onto a colour that now runs v3 would not bring v1 back"
    );
    assert_eq!(
        bg.live(),
        Colour::Green,
        "a refused rollback leaves green live"
    );
}

// Task 2: Switch only to a healthy idle colour on the validated version
#[test]
fn switching_flips_only_the_pointer() {
    let mut bg = ready_to_switch();
    assert_eq!(bg.switch_to("v2"), Ok(()), "green runs v2 and is healthy");
    assert_eq!(bg.live(), Colour::Green, "after the switch, green is live");
    assert_eq!(bg.idle(), Colour::Blue, "and blue is idle");
    assert_eq!(
        bg.slot(Colour::Blue),
        &slot(Some("v1"), true),
        "the colour that was live is kept exactly as it was, v1 and healthy, ready for a \
         rollback"
    );
    assert_eq!(
        bg.slot(Colour::Green),
        &slot(Some("v2"), true),
        "switching does not change the colour it switches to"
    );
}

#[test]
fn an_unhealthy_idle_colour_gets_no_traffic() {
    let mut bg = BlueGreen::new("v1");
    bg.deploy_idle("v2");
    assert_eq!(
        bg.switch_to("v2"),
        Err(SwitchError::Unhealthy {
            colour: Colour::Green
        }),
        "green runs v2 but no health check has passed yet: switching would send all the \
         traffic to an unchecked environment"
    );
    bg.report_health(Colour::Green, true);
    bg.report_health(Colour::Green, false);
    assert_eq!(
        bg.switch_to("v2"),
        Err(SwitchError::Unhealthy {
            colour: Colour::Green
        }),
        "the latest health check of green failed: no switch"
    );
    assert_eq!(bg.live(), Colour::Blue, "a refused switch leaves blue live");
    assert_eq!(bg.rollback_target(), None, "and sets no rollback target");
}

#[test]
fn the_idle_colour_must_run_the_validated_version() {
    let mut bg = ready_to_switch();
    assert_eq!(
        bg.switch_to("v2-hotfix"),
        Err(SwitchError::WrongVersion {
            expected: "v2-hotfix".to_string(),
            found: Some("v2".to_string())
        }),
        "green runs v2, not the v2-hotfix that was validated: switching would ship a build \
         nobody tested"
    );
    assert_eq!(bg.live(), Colour::Blue, "a refused switch leaves blue live");
}

#[test]
fn an_empty_idle_colour_cannot_take_traffic() {
    let mut bg = BlueGreen::new("v1");
    bg.report_health(Colour::Green, true);
    assert_eq!(
        bg.switch_to("v1"),
        Err(SwitchError::WrongVersion {
            expected: "v1".to_string(),
            found: None
        }),
        "green runs nothing yet: even if it reports healthy, there is no v1 on it"
    );
}

#[test]
fn the_version_is_checked_before_health() {
    let mut bg = BlueGreen::new("v1");
    bg.deploy_idle("v2");
    assert_eq!(
        bg.switch_to("v3"),
        Err(SwitchError::WrongVersion {
            expected: "v3".to_string(),
            found: Some("v2".to_string())
        }),
        "green is both unhealthy and on the wrong version: the version is checked first"
    );
}

#[test]
fn a_refused_switch_says_why() {
    let wrong = SwitchError::WrongVersion {
        expected: "v2-hotfix".to_string(),
        found: Some("v2".to_string()),
    }
    .to_string();
    assert!(
        wrong.contains("v2-hotfix") && wrong.contains("\"v2\""),
        "a wrong-version refusal names the validated version and the one found: {wrong:?}"
    );
    let unhealthy = SwitchError::Unhealthy {
        colour: Colour::Green,
    }
    .to_string();
    assert!(
        unhealthy.contains("Green"),
        "an unhealthy refusal names the colour: {unhealthy:?}"
    );
}

// Task 3: Roll back by flipping the pointer
#[test]
fn rollback_makes_the_previous_colour_live_at_once() {
    let mut bg = ready_to_switch();
    bg.switch_to("v2").unwrap();
    assert_eq!(
        bg.rollback(),
        Ok(()),
        "blue is kept on v1: a rollback is possible"
    );
    assert_eq!(
        bg.live(),
        Colour::Blue,
        "rolling back points the traffic at blue again"
    );
    assert_eq!(
        (bg.slot(Colour::Blue), bg.slot(Colour::Green)),
        (&slot(Some("v1"), true), &slot(Some("v2"), true)),
        "a rollback is a pointer flip: neither colour is redeployed or changed"
    );
}

#[test]
fn after_a_rollback_the_colour_left_is_kept() {
    let mut bg = ready_to_switch();
    bg.switch_to("v2").unwrap();
    bg.rollback().unwrap();
    assert_eq!(
        bg.rollback_target(),
        Some(Colour::Green),
        "after rolling back to blue, green (still on v2) is the colour kept"
    );
    assert_eq!(
        bg.rollback(),
        Ok(()),
        "flipping back again is one more flip"
    );
    assert_eq!(bg.live(), Colour::Green, "green is live again");
    assert_eq!(
        bg.rollback_target(),
        Some(Colour::Blue),
        "and blue is the rollback target once more"
    );
}

#[test]
fn there_is_nothing_to_roll_back_to_before_a_switch() {
    let mut bg = BlueGreen::new("v1");
    assert_eq!(
        bg.rollback(),
        Err(RollbackError::NoPreviousColour),
        "no switch has happened, so no previous colour is kept"
    );
    let mut staged = ready_to_switch();
    assert_eq!(
        staged.rollback(),
        Err(RollbackError::NoPreviousColour),
        "green has v2 ready, but it has never been live: a rollback goes back, not forward"
    );
    assert_eq!(
        staged.live(),
        Colour::Blue,
        "a refused rollback leaves blue live"
    );
    let message = RollbackError::NoPreviousColour.to_string();
    assert!(
        message.contains("roll back"),
        "a refused rollback explains itself: {message:?}"
    );
}
