use artifact_promotion::{Env, Pipeline, PromotionError};

const AA: &str = "sha256:aa";
const BB: &str = "sha256:bb";
const CC: &str = "sha256:cc";

/// `aa` built, promoted to staging and validated there.
fn validated_in_staging() -> Pipeline {
    let mut pipeline = Pipeline::new();
    pipeline.deploy_build(AA);
    assert_eq!(
        pipeline.promote(Env::Dev, Env::Staging, AA),
        Ok(()),
        "the artifact running in dev may be promoted to staging"
    );
    assert_eq!(
        pipeline.record_validation(AA),
        Ok(()),
        "the artifact running in staging may be recorded as validated"
    );
    pipeline
}

fn mismatch(env: Env, running: &str, requested: &str) -> PromotionError {
    PromotionError::DigestMismatch {
        env,
        running: running.to_string(),
        requested: requested.to_string(),
    }
}

// Task 1: Promote one step forward, never skip or go back
#[test]
fn promotion_copies_the_artifact_one_step_forward() {
    let mut pipeline = Pipeline::new();
    pipeline.deploy_build(AA);
    assert_eq!(
        pipeline.promote(Env::Dev, Env::Staging, AA),
        Ok(()),
        "dev → staging with the artifact running in dev is the first promotion"
    );
    assert_eq!(
        pipeline.running(Env::Staging),
        Some(AA),
        "staging now runs the artifact promoted from dev"
    );
    assert_eq!(
        pipeline.running(Env::Dev),
        Some(AA),
        "promotion copies: dev still runs the artifact too"
    );
    assert_eq!(pipeline.running(Env::Prod), None, "prod is not touched");
}

#[test]
fn the_validated_artifact_reaches_prod() {
    let mut pipeline = validated_in_staging();
    assert_eq!(
        pipeline.promote(Env::Staging, Env::Prod, AA),
        Ok(()),
        "the artifact validated in staging may go to prod"
    );
    assert_eq!(
        pipeline.running(Env::Prod),
        Some(AA),
        "prod runs the very digest that staging validated"
    );
}

#[test]
fn staging_cannot_be_skipped() {
    let mut pipeline = Pipeline::new();
    pipeline.deploy_build(AA);
    let before = pipeline.clone();
    assert_eq!(
        pipeline.promote(Env::Dev, Env::Prod, AA),
        Err(PromotionError::Skipped {
            from: Env::Dev,
            to: Env::Prod
        }),
        "dev → prod skips staging, where the artifact would have been validated"
    );
    assert_eq!(pipeline, before, "a refused promotion changes nothing");
}

#[test]
fn promotion_never_goes_backwards() {
    let mut pipeline = validated_in_staging();
    pipeline
        .promote(Env::Staging, Env::Prod, AA)
        .expect("promoting the artifact that runs one step back is allowed");
    let before = pipeline.clone();
    for (from, to) in [
        (Env::Prod, Env::Staging),
        (Env::Staging, Env::Dev),
        (Env::Prod, Env::Dev),
        (Env::Staging, Env::Staging),
        (Env::Prod, Env::Prod),
    ] {
        assert_eq!(
            pipeline.promote(from, to, AA),
            Err(PromotionError::Backwards { from, to }),
            "{from:?} → {to:?} is not forward: promotion only goes dev → staging → prod \
             (prod → dev is backwards, not a skip)"
        );
    }
    assert_eq!(pipeline, before, "refused promotions change nothing");
}

#[test]
fn an_empty_environment_has_nothing_to_promote() {
    let mut pipeline = Pipeline::new();
    assert_eq!(
        pipeline.promote(Env::Dev, Env::Staging, AA),
        Err(PromotionError::NothingDeployed { env: Env::Dev }),
        "nothing was built yet, so dev has nothing to promote"
    );
    pipeline.deploy_build(AA);
    assert_eq!(
        pipeline.promote(Env::Staging, Env::Prod, AA),
        Err(PromotionError::NothingDeployed { env: Env::Staging }),
        "staging is empty: an artifact still in dev cannot be promoted from staging"
    );
}

#[test]
fn the_direction_is_checked_before_anything_else() {
    let mut pipeline = Pipeline::new();
    assert_eq!(
        pipeline.promote(Env::Dev, Env::Prod, AA),
        Err(PromotionError::Skipped {
            from: Env::Dev,
            to: Env::Prod
        }),
        "a skip is reported even when dev is empty: the direction is checked first"
    );
    assert_eq!(
        pipeline.promote(Env::Prod, Env::Staging, AA),
        Err(PromotionError::Backwards {
            from: Env::Prod,
            to: Env::Staging
        }),
        "going backwards is reported even when prod is empty"
    );
}

// Task 2: Promote the very artifact that runs in the previous environment
#[test]
fn only_the_digest_running_in_the_previous_environment_can_be_promoted() {
    let mut pipeline = Pipeline::new();
    pipeline.deploy_build(AA);
    pipeline.deploy_build(BB);
    let before = pipeline.clone();
    assert_eq!(
        pipeline.promote(Env::Dev, Env::Staging, AA),
        Err(mismatch(Env::Dev, BB, AA)),
        "dev now runs bb: aa is not what dev runs, so it cannot be promoted from there"
    );
    assert_eq!(pipeline, before, "a refused promotion changes nothing");
}

#[test]
fn a_rebuilt_artifact_cannot_be_promoted_to_prod() {
    let mut pipeline = validated_in_staging();
    pipeline.deploy_build(BB);
    assert_eq!(
        pipeline.promote(Env::Staging, Env::Prod, BB),
        Err(mismatch(Env::Staging, AA, BB)),
        "bb (a rebuild) never ran in staging: prod gets only what staging runs"
    );
    assert_eq!(pipeline.running(Env::Prod), None, "prod stays empty");
}

#[test]
fn the_direction_is_checked_before_the_digest() {
    let mut pipeline = Pipeline::new();
    pipeline.deploy_build(AA);
    assert_eq!(
        pipeline.promote(Env::Dev, Env::Prod, BB),
        Err(PromotionError::Skipped {
            from: Env::Dev,
            to: Env::Prod
        }),
        "dev → prod is a skip, whatever digest was asked for"
    );
}

// Task 3: Let into prod only the digest validated in staging
#[test]
fn an_artifact_not_validated_in_staging_cannot_reach_prod() {
    let mut pipeline = Pipeline::new();
    pipeline.deploy_build(AA);
    pipeline
        .promote(Env::Dev, Env::Staging, AA)
        .expect("promoting the artifact that runs one step back is allowed");
    let before = pipeline.clone();
    assert_eq!(
        pipeline.promote(Env::Staging, Env::Prod, AA),
        Err(PromotionError::NotValidated {
            digest: AA.to_string()
        }),
        "aa runs in staging but has not passed validation: not yet for prod"
    );
    assert_eq!(pipeline, before, "a refused promotion changes nothing");
}

#[test]
fn only_the_artifact_running_in_staging_can_be_validated() {
    let mut pipeline = Pipeline::new();
    assert_eq!(
        pipeline.record_validation(AA),
        Err(PromotionError::NothingDeployed { env: Env::Staging }),
        "staging runs nothing, so nothing there can pass validation"
    );
    pipeline.deploy_build(AA);
    pipeline
        .promote(Env::Dev, Env::Staging, AA)
        .expect("promoting the artifact that runs one step back is allowed");
    assert_eq!(
        pipeline.record_validation(BB),
        Err(mismatch(Env::Staging, AA, BB)),
        "bb does not run in staging: its validation there cannot have happened"
    );
    assert_eq!(
        pipeline.promote(Env::Staging, Env::Prod, AA),
        Err(PromotionError::NotValidated {
            digest: AA.to_string()
        }),
        "a refused validation validates nothing"
    );
}

#[test]
fn a_new_artifact_in_staging_clears_the_validation() {
    let mut pipeline = validated_in_staging();
    pipeline.deploy_build(BB);
    pipeline
        .promote(Env::Dev, Env::Staging, BB)
        .expect("promoting the artifact that runs one step back is allowed");
    assert_eq!(
        pipeline.promote(Env::Staging, Env::Prod, BB),
        Err(PromotionError::NotValidated {
            digest: BB.to_string()
        }),
        "aa was validated, then staging moved to bb: bb must be validated in its own right"
    );
    assert_eq!(
        pipeline.record_validation(BB),
        Ok(()),
        "bb now runs in staging, so it can be validated there"
    );
    assert_eq!(
        pipeline.promote(Env::Staging, Env::Prod, BB),
        Ok(()),
        "once bb itself passes validation in staging it may go to prod"
    );
}

#[test]
fn promoting_into_staging_again_clears_the_validation_too() {
    let mut pipeline = validated_in_staging();
    assert_eq!(
        pipeline.promote(Env::Dev, Env::Staging, AA),
        Ok(()),
        "dev still runs aa, so aa may be promoted to staging again"
    );
    assert_eq!(
        pipeline.promote(Env::Staging, Env::Prod, AA),
        Err(PromotionError::NotValidated {
            digest: AA.to_string()
        }),
        "any promotion into staging starts a new deployment there, to be validated anew"
    );
}

#[test]
fn new_builds_in_dev_do_not_disturb_the_validation_in_staging() {
    let mut pipeline = validated_in_staging();
    pipeline.deploy_build(CC);
    assert_eq!(
        pipeline.promote(Env::Staging, Env::Prod, AA),
        Ok(()),
        "dev moving on to cc changes nothing in staging: aa is still validated"
    );
    assert_eq!(
        pipeline.running(Env::Dev),
        Some(CC),
        "dev runs the newest build"
    );
    assert_eq!(
        pipeline.running(Env::Prod),
        Some(AA),
        "prod runs the artifact validated in staging"
    );
}

#[test]
fn refusals_say_what_was_refused() {
    let message = mismatch(Env::Staging, AA, BB).to_string();
    assert!(
        message.contains(AA) && message.contains(BB) && message.contains("Staging"),
        "a mismatch names the environment and both digests: {message:?}"
    );
    let message = PromotionError::NotValidated {
        digest: BB.to_string(),
    }
    .to_string();
    assert!(message.contains(BB), "name the digest: {message:?}");
    for error in [
        PromotionError::Backwards {
            from: Env::Prod,
            to: Env::Dev,
        },
        PromotionError::Skipped {
            from: Env::Dev,
            to: Env::Prod,
        },
    ] {
        let message = error.to_string();
        assert!(
            message.contains("Dev") && message.contains("Prod"),
            "name both environments: {message:?}"
        );
    }
    let message = PromotionError::NothingDeployed { env: Env::Staging }.to_string();
    assert!(
        message.contains("Staging"),
        "name the environment: {message:?}"
    );
}
