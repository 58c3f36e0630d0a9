use rpo_check::{
    check, loss_in, survives, worst_window, Disaster, Loss, Method, Run, Safeguard, Site, Verdict,
};

fn remote(method: Method) -> Safeguard {
    Safeguard {
        method,
        site: Site::Remote,
    }
}

fn local(method: Method) -> Safeguard {
    Safeguard {
        method,
        site: Site::Local,
    }
}

fn fulls(every: u64, takes: u64) -> Method {
    Method::Backups {
        full: Run { every, takes },
        incremental: None,
    }
}

fn fulls_and_incrementals(full: (u64, u64), incremental: (u64, u64)) -> Method {
    Method::Backups {
        full: Run {
            every: full.0,
            takes: full.1,
        },
        incremental: Some(Run {
            every: incremental.0,
            takes: incremental.1,
        }),
    }
}

// Task 1: Work out the worst window of each method
#[test]
fn a_synchronous_replica_loses_no_writes() {
    assert_eq!(
        worst_window(&Method::SyncReplica),
        0,
        "a synchronous replica has every acknowledged write, so its window is zero"
    );
}

#[test]
fn an_asynchronous_replica_loses_up_to_its_lag() {
    assert_eq!(
        worst_window(&Method::AsyncReplica { max_lag: 5 }),
        5,
        "an asynchronous replica up to 5 minutes behind can miss 5 minutes of writes"
    );
    assert_eq!(
        worst_window(&Method::AsyncReplica { max_lag: 0 }),
        0,
        "an asynchronous replica that never lags misses nothing"
    );
}

#[test]
fn log_shipping_loses_the_segment_still_open() {
    assert_eq!(
        worst_window(&Method::LogShipping { every: 15 }),
        15,
        "logs shipped every 15 minutes can miss the 15 minutes of the segment not yet shipped"
    );
    assert_eq!(
        worst_window(&Method::LogShipping { every: 0 }),
        0,
        "logs shipped at every commit miss nothing"
    );
}

#[test]
fn a_full_backup_is_usable_only_once_it_has_finished() {
    assert_eq!(
        worst_window(&fulls(1_440, 90)),
        1_530,
        "daily fulls taking 90 minutes: just before one finishes, the last usable backup \
         started 1440 + 90 minutes ago"
    );
    assert_eq!(
        worst_window(&fulls(60, 0)),
        60,
        "instant hourly backups can miss one hour of writes"
    );
}

#[test]
fn incrementals_bring_recovery_points_closer() {
    assert_eq!(
        worst_window(&fulls_and_incrementals((1_440, 120), (60, 10))),
        180,
        "with hourly incrementals the window is one incremental interval (60) plus the \
         slowest backup (the 120-minute full), not the daily interval of the fulls"
    );
    assert_eq!(
        worst_window(&fulls_and_incrementals((1_440, 5), (60, 20))),
        80,
        "when the incrementals (20 minutes) run longer than the fulls (5), the incrementals \
         set the worst case: 60 + 20"
    );
    assert_eq!(
        worst_window(&fulls_and_incrementals((1_440, 30), (240, 30))),
        270,
        "fulls and incrementals taking 30 minutes each every 240 minutes: 240 + 30"
    );
}

// Task 2: Find the loss in one disaster
#[test]
fn replicas_and_backups_survive_what_their_site_and_kind_allow() {
    let cases = [
        (local(Method::SyncReplica), Disaster::HostFailure, true),
        (local(Method::SyncReplica), Disaster::SiteLoss, false),
        (remote(Method::SyncReplica), Disaster::SiteLoss, true),
        (remote(Method::SyncReplica), Disaster::Corruption, false),
        (
            remote(Method::AsyncReplica { max_lag: 1 }),
            Disaster::Corruption,
            false,
        ),
        (local(fulls(1_440, 60)), Disaster::HostFailure, true),
        (local(fulls(1_440, 60)), Disaster::SiteLoss, false),
        (local(fulls(1_440, 60)), Disaster::Corruption, true),
        (remote(fulls(1_440, 60)), Disaster::SiteLoss, true),
        (
            local(Method::LogShipping { every: 5 }),
            Disaster::Corruption,
            true,
        ),
        (
            local(Method::LogShipping { every: 5 }),
            Disaster::SiteLoss,
            false,
        ),
    ];
    for (safeguard, disaster, expected) in cases {
        assert_eq!(
            survives(&safeguard, disaster),
            expected,
            "{safeguard:?} should {}survive {disaster:?}: local copies go with the site, and \
             replicas copy a bad write like any other",
            if expected { "" } else { "not " }
        );
    }
}

#[test]
fn recovery_uses_the_freshest_safeguard_that_survives() {
    let plan = [
        remote(fulls(1_440, 60)),
        local(Method::LogShipping { every: 15 }),
        remote(Method::AsyncReplica { max_lag: 5 }),
    ];
    assert_eq!(
        loss_in(&plan, Disaster::HostFailure),
        Loss::UpTo(5),
        "after a host failure every safeguard is there and the 5-minute replica is the freshest"
    );
    assert_eq!(
        loss_in(&plan, Disaster::SiteLoss),
        Loss::UpTo(5),
        "after a site loss the remote replica is still the freshest copy left"
    );
    assert_eq!(
        loss_in(&plan, Disaster::Corruption),
        Loss::UpTo(15),
        "corruption reaches the replica, so the shipped logs (15) beat the daily backups (1500)"
    );
}

#[test]
fn a_disaster_that_no_safeguard_survives_loses_everything() {
    assert_eq!(
        loss_in(&[], Disaster::HostFailure),
        Loss::Everything,
        "with no safeguard at all, losing the host loses all the data"
    );
    let plan = [local(Method::SyncReplica), local(fulls(60, 5))];
    assert_eq!(
        loss_in(&plan, Disaster::SiteLoss),
        Loss::Everything,
        "when every safeguard is on the primary's site, losing the site loses everything"
    );
    assert_eq!(
        loss_in(&[remote(Method::SyncReplica)], Disaster::Corruption),
        Loss::Everything,
        "a replica is not a backup: the bad write reaches it and nothing older is left"
    );
}

#[test]
fn shipped_logs_without_a_base_backup_restore_nothing() {
    let logs_only = [remote(Method::LogShipping { every: 5 })];
    assert_eq!(
        loss_in(&logs_only, Disaster::Corruption),
        Loss::Everything,
        "logs are replayed onto a base backup: with no backup, shipped logs restore nothing"
    );
    let with_local_base = [
        remote(Method::LogShipping { every: 5 }),
        local(fulls(1_440, 60)),
    ];
    assert_eq!(
        loss_in(&with_local_base, Disaster::HostFailure),
        Loss::UpTo(5),
        "with the base backup still there, the logs bring the loss down to 5 minutes"
    );
    assert_eq!(
        loss_in(&with_local_base, Disaster::SiteLoss),
        Loss::Everything,
        "the site loss takes the only base backup with it: the remote logs alone restore nothing"
    );
    let replica_and_logs = [
        remote(Method::AsyncReplica { max_lag: 30 }),
        remote(Method::LogShipping { every: 5 }),
    ];
    assert_eq!(
        loss_in(&replica_and_logs, Disaster::HostFailure),
        Loss::UpTo(30),
        "a replica is no base backup: without a backup the logs do not count, the replica does"
    );
}

// Task 3: Check the plan against every disaster
#[test]
fn the_verdict_names_the_disaster_with_the_worst_loss() {
    let plan = [
        local(Method::SyncReplica),
        remote(Method::AsyncReplica { max_lag: 2 }),
        local(fulls(1_440, 60)),
    ];
    assert_eq!(
        check(&plan, 60),
        Verdict {
            meets: false,
            worst: Loss::UpTo(1_500),
            cause: Disaster::Corruption,
        },
        "host failure loses 0, site loss 2 (remote replica), corruption 1500 (local backups \
         only): the worst is corruption, far beyond an RPO of 60"
    );
    let plan = [
        local(Method::SyncReplica),
        local(Method::LogShipping { every: 10 }),
    ];
    assert_eq!(
        check(&plan, 60),
        Verdict {
            meets: false,
            worst: Loss::Everything,
            cause: Disaster::SiteLoss,
        },
        "with everything on one site, a site loss destroys all the data"
    );
}

#[test]
fn on_a_tie_the_verdict_names_the_disaster_listed_first() {
    let plan = [remote(fulls(60, 10))];
    assert_eq!(
        check(&plan, 70),
        Verdict {
            meets: true,
            worst: Loss::UpTo(70),
            cause: Disaster::HostFailure,
        },
        "remote backups lose 70 minutes in every disaster: report the first in Disaster::ALL"
    );
    let plan = [
        local(Method::SyncReplica),
        remote(fulls(60, 10)),
        remote(Method::AsyncReplica { max_lag: 1 }),
    ];
    assert_eq!(
        check(&plan, 70).cause,
        Disaster::Corruption,
        "host failure loses 0, site loss 1, corruption 70: corruption alone is the worst"
    );
    let plan = [local(Method::SyncReplica), remote(fulls(60, 10))];
    assert_eq!(
        check(&plan, 70).cause,
        Disaster::SiteLoss,
        "site loss and corruption both lose 70: report site loss, listed before corruption"
    );
}

#[test]
fn a_worst_loss_equal_to_the_rpo_meets_it() {
    let plan = [remote(fulls_and_incrementals((1_440, 45), (15, 5)))];
    assert!(
        check(&plan, 60).meets,
        "a worst loss of exactly 60 minutes (15 + 45) meets an RPO of 60 minutes"
    );
    assert!(
        !check(&plan, 59).meets,
        "a worst loss of 60 minutes misses an RPO of 59 minutes"
    );
}

#[test]
fn losing_everything_never_meets_an_rpo() {
    assert_eq!(
        check(&[], u64::MAX),
        Verdict {
            meets: false,
            worst: Loss::Everything,
            cause: Disaster::HostFailure,
        },
        "a plan with no safeguard loses everything, which no RPO accepts, however generous"
    );
}

#[test]
fn a_zero_rpo_needs_synchronous_copies_against_every_disaster() {
    let replica_only = [remote(Method::SyncReplica)];
    assert_eq!(
        check(&replica_only, 0),
        Verdict {
            meets: false,
            worst: Loss::Everything,
            cause: Disaster::Corruption,
        },
        "a remote synchronous replica covers host and site loss, but corruption reaches it too"
    );
    let bank = [
        remote(Method::SyncReplica),
        remote(Method::LogShipping { every: 0 }),
        remote(fulls(1_440, 120)),
    ];
    assert_eq!(
        check(&bank, 0),
        Verdict {
            meets: true,
            worst: Loss::UpTo(0),
            cause: Disaster::HostFailure,
        },
        "a remote synchronous replica plus logs shipped at every commit lose nothing in any \
         disaster: an RPO of zero is met"
    );
    let lagging = [
        remote(Method::AsyncReplica { max_lag: 1 }),
        remote(Method::LogShipping { every: 5 }),
        remote(fulls(1_440, 60)),
    ];
    assert_eq!(
        check(&lagging, 0),
        Verdict {
            meets: false,
            worst: Loss::UpTo(5),
            cause: Disaster::Corruption,
        },
        "an asynchronous replica (1 minute behind) and logs shipped every 5 minutes lose 1 \
         minute on a host or site loss and 5 on corruption: an RPO of zero is out of reach"
    );
}
