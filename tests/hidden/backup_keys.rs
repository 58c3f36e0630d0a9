use backup_keys::{kept, key_for_new_backup, shred, Backup, Key, ShredError};

const DAY: u64 = 86_400_000;

fn key(id: &str, created_ms: u64) -> Key {
    Key {
        id: id.to_string(),
        created_ms,
    }
}

fn backup(id: &str, taken_ms: u64, key_id: &str) -> Backup {
    Backup {
        id: id.to_string(),
        taken_ms,
        key_id: key_id.to_string(),
    }
}

fn ids(backups: &[&Backup]) -> Vec<String> {
    backups.iter().map(|b| b.id.clone()).collect()
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

/// The example of task 3: keys k1 at 0 and k2 at 1000; b1 under k1 at 500, b2 under k2 at
/// 1200; keep 1000 ms.
fn example() -> (Vec<Key>, Vec<Backup>) {
    (
        vec![key("k1", 0), key("k2", 1_000)],
        vec![backup("b1", 500, "k1"), backup("b2", 1_200, "k2")],
    )
}

// Task 1: Encrypt each new backup with the newest key
#[test]
fn new_backups_use_the_newest_key() {
    let keys = vec![key("k2", 1_000), key("k1", 0), key("k3", 500)];
    assert_eq!(
        key_for_new_backup(&keys, 5_000).map(|k| k.id.as_str()),
        Some("k2"),
        "after rotation, new backups are encrypted with the newest key (created latest), \
         wherever it is listed"
    );
}

#[test]
fn a_key_is_used_from_the_moment_it_is_created() {
    let keys = vec![key("k1", 0), key("k2", 1_000)];
    assert_eq!(
        key_for_new_backup(&keys, 999).map(|k| k.id.as_str()),
        Some("k1"),
        "at 999 ms k2 does not exist yet: the backup is encrypted with k1"
    );
    assert_eq!(
        key_for_new_backup(&keys, 1_000).map(|k| k.id.as_str()),
        Some("k2"),
        "at 1000 ms k2 has just been created and is the newest key: it is used at once"
    );
}

#[test]
fn a_tie_goes_to_the_latest_rotation() {
    let keys = vec![key("k1", 0), key("k2", 1_000), key("k3", 1_000)];
    assert_eq!(
        key_for_new_backup(&keys, 2_000).map(|k| k.id.as_str()),
        Some("k3"),
        "two keys created at the same time: the one listed last, the latest rotation, wins"
    );
}

#[test]
fn without_a_key_no_backup_can_be_encrypted() {
    assert_eq!(
        key_for_new_backup(&[], 0),
        None,
        "with no key at all there is no key for a new backup"
    );
    let keys = vec![key("k1", 1_000)];
    assert_eq!(
        key_for_new_backup(&keys, 500),
        None,
        "a key created only at 1000 ms cannot encrypt a backup taken at 500 ms"
    );
}

// Task 2: Decide which backups the retention policy keeps
#[test]
fn backups_younger_than_the_retention_are_kept() {
    let backups = vec![
        backup("d0", 0, "k1"),
        backup("d5", 5 * DAY, "k1"),
        backup("d9", 9 * DAY, "k1"),
    ];
    assert_eq!(
        ids(&kept(&backups, 7 * DAY, 14 * DAY)),
        strings(&["d9"]),
        "keeping 7 days, on day 14 the backup of day 9 (5 days old) is kept, those of day 5 \
         and day 0 are not"
    );
    assert_eq!(
        ids(&kept(&backups, 10 * DAY, 14 * DAY)),
        strings(&["d5", "d9"]),
        "keeping 10 days, on day 14 the backups of days 5 and 9 are kept, in their order"
    );
}

#[test]
fn a_backup_exactly_as_old_as_the_retention_is_not_kept() {
    let backups = vec![backup("old", 1_000, "k1"), backup("new", 1_500, "k1")];
    assert_eq!(
        ids(&kept(&backups, 1_000, 1_999)),
        strings(&["old", "new"]),
        "at 1999 ms the backup of 1000 ms is 999 ms old, younger than 1000: kept"
    );
    assert_eq!(
        ids(&kept(&backups, 1_000, 2_000)),
        strings(&["new"]),
        "at 2000 ms the backup of 1000 ms is exactly 1000 ms old: no longer kept"
    );
}

#[test]
fn the_newest_backup_is_always_kept() {
    let backups = vec![
        backup("d0", 0, "k1"),
        backup("d9", 9 * DAY, "k1"),
        backup("d5", 5 * DAY, "k1"),
    ];
    assert_eq!(
        ids(&kept(&backups, 7 * DAY, 30 * DAY)),
        strings(&["d9"]),
        "on day 30 every backup is older than 7 days, but the newest (day 9) is kept: a \
         stopped backup job must not leave nothing to restore"
    );
    let twins = vec![
        backup("a", 100, "k1"),
        backup("b", 100, "k1"),
        backup("c", 50, "k1"),
    ];
    assert_eq!(
        ids(&kept(&twins, 0, 1_000)),
        strings(&["a", "b"]),
        "two backups share the newest time: both are the newest and both are kept"
    );
}

#[test]
fn a_backup_from_after_now_counts_as_new() {
    let backups = vec![backup("early", 0, "k1"), backup("late", 5_000, "k1")];
    assert_eq!(
        ids(&kept(&backups, 1_000, 500)),
        strings(&["early", "late"]),
        "a backup stamped after now (clock skew) counts as age 0 and is kept"
    );
}

// Task 3: Shred a key only when no kept backup needs it
#[test]
fn a_key_only_expired_backups_need_is_shredded_with_them() {
    let (keys, backups) = example();
    assert_eq!(
        shred("k1", &keys, &backups, 1_000, 2_000),
        Ok(strings(&["b1"])),
        "at 2000 ms b1 is 1500 ms old and no longer kept: k1 may be destroyed, and destroying \
         it deletes b1 everywhere (crypto-shredding)"
    );
}

#[test]
fn a_key_that_a_kept_backup_needs_cannot_be_destroyed() {
    let (keys, backups) = example();
    assert_eq!(
        shred("k1", &keys, &backups, 1_000, 1_400),
        Err(ShredError::StillNeeded(strings(&["b1"]))),
        "at 1400 ms b1 is 900 ms old and still kept: destroying k1 would destroy a backup the \
         policy promises to keep, so it is refused and b1 is named"
    );
}

#[test]
fn the_newest_backup_keeps_its_old_key_alive() {
    let keys = vec![key("k1", 0), key("k2", 10_000)];
    let backups = vec![backup("b0", 100, "k1"), backup("b1", 200, "k1")];
    assert_eq!(
        shred("k1", &keys, &backups, 1_000, 50_000),
        Err(ShredError::StillNeeded(strings(&["b1"]))),
        "no backup was taken since the rotation to k2: b1 is old but the newest, so it is kept \
         and k1 with it"
    );
}

#[test]
fn the_key_new_backups_use_cannot_be_destroyed() {
    let (keys, backups) = example();
    assert_eq!(
        shred("k2", &keys, &backups, 1_000, 2_000),
        Err(ShredError::CurrentKey),
        "k2 encrypts every new backup: it must be rotated away before it can go"
    );
    let fresh = vec![key("k1", 0), key("k2", 1_000)];
    assert_eq!(
        shred("k2", &fresh, &[], 1_000, 1_000),
        Err(ShredError::CurrentKey),
        "even with no backup under it yet, the current key is refused"
    );
}

#[test]
fn the_current_key_is_the_newest_in_use_not_the_last_listed() {
    let keys = vec![key("k2", 1_000), key("k1", 0), key("k3", 5_000)];
    let backups = vec![backup("b2", 1_500, "k2")];
    assert_eq!(
        shred("k2", &keys, &backups, 100, 2_000),
        Err(ShredError::CurrentKey),
        "at 2000 ms new backups use k2, the newest key created by then, wherever it is listed"
    );
    assert_eq!(
        shred("k3", &keys, &backups, 100, 2_000),
        Ok(vec![]),
        "k3 is prepared for a rotation at 5000 ms: it is not in use yet and encrypts nothing"
    );
}

#[test]
fn an_unknown_key_is_refused() {
    let (keys, backups) = example();
    assert_eq!(
        shred("k9", &keys, &backups, 1_000, 2_000),
        Err(ShredError::UnknownKey),
        "a key that is not in the list cannot be destroyed"
    );
    assert_eq!(
        shred("k1", &[], &backups, 1_000, 2_000),
        Err(ShredError::UnknownKey),
        "with no keys listed, every key is unknown, even one backups name"
    );
}

#[test]
fn a_key_no_backup_used_is_destroyed_deleting_nothing() {
    let keys = vec![key("k0", 0), key("k1", 100), key("k2", 1_000)];
    let (_, backups) = example();
    assert_eq!(
        shred("k0", &keys, &backups, 1_000, 2_000),
        Ok(vec![]),
        "k0 encrypted no backup: it may go, and its destruction deletes nothing"
    );
}

#[test]
fn a_shredded_key_lists_every_backup_it_deletes_in_order() {
    let keys = vec![key("k1", 0), key("k2", 10_000)];
    let backups = vec![
        backup("b1", 100, "k1"),
        backup("x", 15_000, "k2"),
        backup("b2", 200, "k1"),
        backup("b3", 300, "k1"),
        backup("now", 19_000, "k2"),
    ];
    assert_eq!(
        shred("k1", &keys, &backups, 5_000, 20_000),
        Ok(strings(&["b1", "b2", "b3"])),
        "destroying k1 deletes every backup encrypted with it, and only those, in their order"
    );
}

#[test]
fn the_refusal_names_what_to_do() {
    let (keys, backups) = example();
    let current = shred("k2", &keys, &backups, 1_000, 2_000)
        .expect_err("the current key cannot be destroyed");
    assert!(
        current.to_string().contains("rotate"),
        "refusing the current key says to rotate first, got {current}"
    );
    let needed =
        shred("k1", &keys, &backups, 1_000, 1_400).expect_err("k1 is still needed at 1400 ms");
    assert!(
        needed.to_string().contains("b1"),
        "refusing a needed key names the kept backups, got {needed}"
    );
}
