use next_environment::{can_promote, next, Env};

const ALL: [Env; 3] = [Env::Dev, Env::Staging, Env::Prod];

// Task 1: Name the next environment and the only allowed promotion
#[test]
fn dev_is_followed_by_staging_and_staging_by_prod() {
    assert_eq!(
        next(Env::Dev),
        Some(Env::Staging),
        "from dev an artifact goes to staging, to be validated"
    );
    assert_eq!(
        next(Env::Staging),
        Some(Env::Prod),
        "from staging an artifact goes to prod, to real users"
    );
}

#[test]
fn prod_is_the_end_of_the_path() {
    assert_eq!(
        next(Env::Prod),
        None,
        "nothing comes after prod: an artifact is never promoted out of it"
    );
}

#[test]
fn promotion_goes_exactly_one_step_forward() {
    assert!(
        can_promote(Env::Dev, Env::Staging),
        "dev → staging is the first promotion"
    );
    assert!(
        can_promote(Env::Staging, Env::Prod),
        "staging → prod is the second promotion"
    );
}

#[test]
fn staging_cannot_be_skipped() {
    assert!(
        !can_promote(Env::Dev, Env::Prod),
        "dev → prod skips staging, where the artifact would have been validated"
    );
}

#[test]
fn promotion_never_goes_backwards_or_stays() {
    for (from, to) in [
        (Env::Prod, Env::Staging),
        (Env::Prod, Env::Dev),
        (Env::Staging, Env::Dev),
    ] {
        assert!(
            !can_promote(from, to),
            "{from:?} → {to:?} goes backwards: promotion is one way"
        );
    }
    for env in ALL {
        assert!(
            !can_promote(env, env),
            "{env:?} → {env:?} is not a promotion: the artifact is already there"
        );
    }
}
