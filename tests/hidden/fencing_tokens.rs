use fencing_tokens::{FencingToken, Lease, LockError, LockService, Storage, StorageError};

fn lease(holder: &str, token: u64, expires_at_ms: u64) -> Lease {
    Lease {
        holder: holder.to_string(),
        token: FencingToken(token),
        expires_at_ms,
    }
}

// Task 1: Grant leases with ever-growing tokens
#[test]
fn the_first_lease_carries_token_one_and_lasts_the_ttl() {
    let mut lock = LockService::new(10_000);
    assert_eq!(
        lock.acquire("node-a", 5_000),
        Ok(lease("node-a", 1, 15_000)),
        "the first grant carries fencing token 1 and expires ttl (10000 ms) after it was \
         granted at 5000 ms"
    );
}

#[test]
fn the_lock_cannot_be_taken_while_the_lease_is_live() {
    let mut lock = LockService::new(10_000);
    lock.acquire("node-a", 0).unwrap();
    assert_eq!(
        lock.acquire("node-b", 4_000),
        Err(LockError::Held {
            holder: "node-a".to_string(),
            until_ms: 10_000
        }),
        "node-a's lease is live until 10000 ms: node-b must be told who holds it and until when"
    );
    assert_eq!(
        lock.acquire("node-a", 4_000),
        Err(LockError::Held {
            holder: "node-a".to_string(),
            until_ms: 10_000
        }),
        "even the holder cannot acquire again while its lease is live (it renews instead)"
    );
}

#[test]
fn a_lease_expires_exactly_at_its_expiry_time() {
    let mut lock = LockService::new(10_000);
    lock.acquire("node-a", 0).unwrap();
    assert!(
        lock.acquire("node-b", 9_999).is_err(),
        "at 9999 ms the lease that expires at 10000 ms is still live"
    );
    assert_eq!(
        lock.acquire("node-b", 10_000),
        Ok(lease("node-b", 2, 20_000)),
        "at 10000 ms the lease has expired: node-b gets the lock with the next token, 2"
    );
}

#[test]
fn every_new_grant_gets_a_higher_token() {
    let mut lock = LockService::new(1_000);
    let tokens: Vec<FencingToken> = (0..4)
        .map(|i| lock.acquire("node-a", i * 1_000).unwrap().token)
        .collect();
    assert_eq!(
        tokens,
        vec![
            FencingToken(1),
            FencingToken(2),
            FencingToken(3),
            FencingToken(4)
        ],
        "each grant after the previous lease expired carries the next token, even for the same \
         holder"
    );
}

#[test]
fn tokens_are_never_reused_after_a_release() {
    let mut lock = LockService::new(10_000);
    let first = lock.acquire("node-a", 0).unwrap();
    lock.release(&first);
    assert_eq!(
        lock.acquire("node-b", 1_000),
        Ok(lease("node-b", 2, 11_000)),
        "after node-a released the lock, node-b gets it at once, with token 2: a token is \
         never handed out twice"
    );
}

#[test]
fn a_deposed_holder_cannot_release_the_new_holders_lock() {
    let mut lock = LockService::new(10_000);
    let old = lock.acquire("node-a", 0).unwrap();
    lock.acquire("node-b", 10_000).unwrap();
    lock.release(&old);
    assert_eq!(
        lock.acquire("node-c", 12_000),
        Err(LockError::Held {
            holder: "node-b".to_string(),
            until_ms: 20_000
        }),
        "node-a's release with its old token 1 must not free node-b's lease (token 2)"
    );
}

#[test]
fn a_renewal_keeps_the_token_and_extends_the_lease() {
    let mut lock = LockService::new(10_000);
    let first = lock.acquire("node-a", 0).unwrap();
    let renewed = lock.renew(&first, 9_000);
    assert_eq!(
        renewed,
        Ok(lease("node-a", 1, 19_000)),
        "renewing at 9000 ms keeps token 1 and moves the expiry to 19000 ms"
    );
    assert!(
        lock.acquire("node-b", 15_000).is_err(),
        "after the renewal the lease is live at 15000 ms"
    );
    assert_eq!(
        lock.renew(&renewed.unwrap(), 19_000),
        Err(LockError::LeaseLost),
        "a lease cannot be renewed once it has expired (at 19000 ms)"
    );
}

#[test]
fn a_replaced_lease_cannot_be_renewed() {
    let mut lock = LockService::new(10_000);
    let old = lock.acquire("node-a", 0).unwrap();
    lock.acquire("node-b", 12_000).unwrap();
    assert_eq!(
        lock.renew(&old, 13_000),
        Err(LockError::LeaseLost),
        "node-a's lease was replaced by node-b's: node-a has lost leadership"
    );
}

#[test]
fn a_refused_lock_explains_who_holds_it() {
    let message = LockError::Held {
        holder: "node-a".to_string(),
        until_ms: 10_000,
    }
    .to_string();
    assert!(
        message.contains("node-a") && message.contains("10000"),
        "the message should name the holder and the expiry, got {message:?}"
    );
    assert!(
        !LockError::LeaseLost.to_string().is_empty(),
        "a lost lease needs a message too"
    );
}

// Task 2: Fence off writes that carry an old token
#[test]
fn storage_accepts_repeated_writes_with_the_current_token() {
    let mut storage = Storage::new();
    assert_eq!(
        storage.write(FencingToken(1), "config", "v1"),
        Ok(()),
        "an empty storage accepts any token"
    );
    assert_eq!(
        storage.write(FencingToken(1), "config", "v2"),
        Ok(()),
        "a leader writes many times with the same token: an equal token is accepted"
    );
    assert_eq!(
        storage.get("config"),
        Some("v2"),
        "the second write is stored"
    );
    assert_eq!(
        storage.highest_token(),
        Some(FencingToken(1)),
        "the storage remembers token 1 as the highest seen"
    );
}

#[test]
fn storage_rejects_a_token_lower_than_the_highest_seen() {
    let mut storage = Storage::new();
    storage
        .write(FencingToken(5), "config", "from leader 5")
        .unwrap();
    assert_eq!(
        storage.write(FencingToken(4), "config", "from leader 4"),
        Err(StorageError::StaleToken {
            presented: FencingToken(4),
            highest: FencingToken(5)
        }),
        "token 4 is lower than token 5 already seen: its holder has been deposed"
    );
    assert_eq!(
        storage.get("config"),
        Some("from leader 5"),
        "a refused write changes nothing"
    );
    assert_eq!(
        storage.write(FencingToken(4), "other", "x"),
        Err(StorageError::StaleToken {
            presented: FencingToken(4),
            highest: FencingToken(5)
        }),
        "the check covers the whole storage, not just keys the new leader wrote"
    );
    assert_eq!(
        storage.get("other"),
        None,
        "the refused write left no key behind"
    );
    assert_eq!(
        storage.highest_token(),
        Some(FencingToken(5)),
        "a refused write does not lower the highest token seen"
    );
}

#[test]
fn storage_remembers_a_higher_token() {
    let mut storage = Storage::new();
    storage.write(FencingToken(1), "k", "a").unwrap();
    assert_eq!(
        storage.write(FencingToken(3), "k", "b"),
        Ok(()),
        "a higher token is a newer leader: accepted"
    );
    assert_eq!(
        storage.highest_token(),
        Some(FencingToken(3)),
        "the storage now remembers token 3"
    );
    assert_eq!(
        storage.write(FencingToken(2), "k", "c"),
        Err(StorageError::StaleToken {
            presented: FencingToken(2),
            highest: FencingToken(3)
        }),
        "token 2 is now stale, though it is higher than token 1"
    );
    assert_eq!(storage.get("k"), Some("b"), "the value of leader 3 stands");
}

#[test]
fn a_leader_waking_from_a_pause_cannot_overwrite_the_new_leaders_data() {
    let mut lock = LockService::new(10_000);
    let mut storage = Storage::new();
    let a = lock.acquire("node-a", 0).unwrap();
    storage.write(a.token, "balance", "100").unwrap();
    // node-a stalls in a long pause; its lease runs out and node-b takes over.
    let b = lock.acquire("node-b", 30_000).unwrap();
    storage.write(b.token, "balance", "250").unwrap();
    // node-a wakes up, still believing it leads, and writes.
    assert_eq!(
        storage.write(a.token, "balance", "90"),
        Err(StorageError::StaleToken {
            presented: FencingToken(1),
            highest: FencingToken(2)
        }),
        "node-a's token 1 is older than node-b's token 2: its write is fenced off"
    );
    assert_eq!(
        storage.get("balance"),
        Some("250"),
        "the new leader's data survives the deposed leader's write"
    );
}

#[test]
fn the_storage_only_fences_tokens_it_has_seen() {
    let mut lock = LockService::new(10_000);
    let mut storage = Storage::new();
    let a = lock.acquire("node-a", 0).unwrap();
    let b = lock.acquire("node-b", 30_000).unwrap();
    assert_eq!(
        storage.write(a.token, "k", "from a"),
        Ok(()),
        "node-b holds token 2 but has not written yet: the storage has never seen it, so \
         node-a's token 1 still passes"
    );
    assert_eq!(
        storage.write(b.token, "k", "from b"),
        Ok(()),
        "node-b's first write with token 2 is accepted"
    );
    assert!(
        storage.write(a.token, "k", "from a again").is_err(),
        "from now on node-a's token 1 is refused"
    );
}

#[test]
fn a_fenced_write_explains_both_tokens() {
    let message = StorageError::StaleToken {
        presented: FencingToken(3),
        highest: FencingToken(8),
    }
    .to_string();
    assert!(
        message.contains('3') && message.contains('8'),
        "the message should name the presented token (3) and the highest seen (8), got {message:?}"
    );
    let _: &dyn std::error::Error = &LockError::LeaseLost;
}
