use stage_waves::{run, waves, GraphError, Outcome, Stage};

/// The pipeline of the worked example.
fn example() -> Vec<Stage> {
    vec![
        Stage::new("lint", &[]),
        Stage::new("unit", &[]),
        Stage::new("build", &[]),
        Stage::new("image", &["build"]),
        Stage::new("e2e", &["image", "unit"]),
        Stage::new("sbom", &["build"]),
    ]
}

fn names(waves: &[&[&str]]) -> Vec<Vec<String>> {
    waves
        .iter()
        .map(|w| w.iter().map(|s| s.to_string()).collect())
        .collect()
}

fn cycle(path: &[&str]) -> Result<Vec<Vec<String>>, GraphError> {
    Err(GraphError::Cycle(
        path.iter().map(|s| s.to_string()).collect(),
    ))
}

/// What `run` returned, and the names `execute` was called with, in order.
type Recorded = (Result<Vec<(String, Outcome)>, GraphError>, Vec<String>);

/// Runs `stages`, failing exactly the stages in `failing`, and returns the outcomes and the
/// names `execute` was called with, in order.
fn run_failing(stages: &[Stage], failing: &[&str]) -> Recorded {
    let mut executed = Vec::new();
    let result = run(stages, |name| {
        executed.push(name.to_string());
        !failing.contains(&name)
    });
    (result, executed)
}

fn outcomes(list: &[(&str, Outcome)]) -> Vec<(String, Outcome)> {
    list.iter().map(|(n, o)| (n.to_string(), *o)).collect()
}

// Task 1: Plan the stages in dependency waves
#[test]
fn independent_stages_share_the_first_wave_and_dependants_follow() {
    assert_eq!(
        waves(&example()),
        Ok(names(&[
            &["lint", "unit", "build"],
            &["image", "sbom"],
            &["e2e"]
        ])),
        "lint, unit and build need nothing and run together; image and sbom need only build; \
         e2e needs image, so it waits one more wave"
    );
}

#[test]
fn a_stage_never_shares_a_wave_with_a_stage_it_needs() {
    let chain = [
        Stage::new("compile", &[]),
        Stage::new("test", &["compile"]),
        Stage::new("package", &["test"]),
    ];
    assert_eq!(
        waves(&chain),
        Ok(names(&[&["compile"], &["test"], &["package"]])),
        "test needs compile, so it goes in the wave after compile's, even though it is listed \
         right after it: a need must be in an EARLIER wave"
    );
}

#[test]
fn stages_keep_the_pipeline_order_inside_a_wave() {
    let stages = [
        Stage::new("zeta", &[]),
        Stage::new("deploy", &["zeta", "alpha"]),
        Stage::new("alpha", &[]),
        Stage::new("mid", &["alpha"]),
        Stage::new("beta", &["zeta"]),
    ];
    assert_eq!(
        waves(&stages),
        Ok(names(&[&["zeta", "alpha"], &["deploy", "mid", "beta"]])),
        "inside a wave the stages come in the order the pipeline lists them (not sorted by \
         name, not in the order they became ready)"
    );
}

#[test]
fn stages_listed_before_their_needs_are_still_planned_after_them() {
    let stages = [
        Stage::new("package", &["test"]),
        Stage::new("test", &["compile"]),
        Stage::new("compile", &[]),
    ];
    assert_eq!(
        waves(&stages),
        Ok(names(&[&["compile"], &["test"], &["package"]])),
        "the listing order only breaks ties inside a wave: needs always come first"
    );
}

#[test]
fn an_empty_pipeline_has_no_waves() {
    assert_eq!(waves(&[]), Ok(Vec::new()), "no stages, no waves");
}

#[test]
fn a_need_that_names_no_stage_is_refused() {
    let stages = [
        Stage::new("lint", &[]),
        Stage::new("build", &["lint", "compile"]),
        Stage::new("deploy", &["approve"]),
    ];
    assert_eq!(
        waves(&stages),
        Err(GraphError::UnknownNeed {
            stage: "build".to_string(),
            need: "compile".to_string()
        }),
        "build needs compile, which is no stage of the pipeline: the first unknown need (in \
         stage order, then needs order) is reported"
    );
}

#[test]
fn unknown_needs_are_reported_before_cycles() {
    let stages = [
        Stage::new("a", &["b"]),
        Stage::new("b", &["a"]),
        Stage::new("c", &["ghost"]),
    ];
    assert_eq!(
        waves(&stages),
        Err(GraphError::UnknownNeed {
            stage: "c".to_string(),
            need: "ghost".to_string()
        }),
        "every need is checked before planning: an unknown need is reported even when a \
         cycle exists as well"
    );
}

// Task 2: Name the cycle that stops the plan
#[test]
fn a_cycle_is_named_from_where_the_walk_comes_back() {
    let stages = [
        Stage::new("a", &["b"]),
        Stage::new("b", &["c"]),
        Stage::new("c", &["b"]),
        Stage::new("d", &[]),
    ];
    assert_eq!(
        waves(&stages),
        cycle(&["b", "c", "b"]),
        "the walk goes a -> b -> c -> b: the cycle is b -> c -> b (a only waits on it and is \
         not part of it)"
    );
}

#[test]
fn a_stage_that_needs_itself_is_a_cycle() {
    let stages = [Stage::new("ok", &[]), Stage::new("x", &["ok", "x"])];
    assert_eq!(
        waves(&stages),
        cycle(&["x", "x"]),
        "x needs itself: the smallest cycle, x -> x"
    );
}

#[test]
fn the_walk_follows_the_first_need_still_remaining() {
    let stages = [
        Stage::new("ok", &[]),
        Stage::new("a", &["ok", "b", "c"]),
        Stage::new("b", &["a"]),
        Stage::new("c", &["a"]),
    ];
    assert_eq!(
        waves(&stages),
        cycle(&["a", "b", "a"]),
        "from a the walk takes its first need that is still remaining: ok is already planned, \
         so b (not c, not ok), giving a -> b -> a"
    );
}

#[test]
fn the_walk_starts_at_the_first_remaining_stage_in_pipeline_order() {
    let stages = [
        Stage::new("lint", &[]),
        Stage::new("q", &["p"]),
        Stage::new("p", &["q"]),
    ];
    assert_eq!(
        waves(&stages),
        cycle(&["q", "p", "q"]),
        "lint is planned; the first remaining stage is q, so the cycle reads q -> p -> q"
    );
    let longer = [
        Stage::new("s1", &["s2"]),
        Stage::new("s2", &["s3"]),
        Stage::new("s3", &["s4"]),
        Stage::new("s4", &["s2"]),
    ];
    assert_eq!(
        waves(&longer),
        cycle(&["s2", "s3", "s4", "s2"]),
        "s1 -> s2 -> s3 -> s4 -> s2: the cycle is every stage from s2's first visit to its \
         second, both included"
    );
}

#[test]
fn the_cycle_error_message_names_the_cycle() {
    let stages = [
        Stage::new("deploy", &["verify"]),
        Stage::new("verify", &["deploy"]),
    ];
    let error = waves(&stages).unwrap_err();
    assert_eq!(
        error.to_string(),
        "dependency cycle: deploy -> verify -> deploy",
        "the error's message spells out the cycle, so the author knows which needs to break"
    );
    let unknown = waves(&[Stage::new("build", &["compile"])]).unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "stage build needs compile, which is not a stage",
        "the unknown-need message names both the stage and the bad need"
    );
}

// Task 3: Run the waves, skipping only what depends on a failure
#[test]
fn a_green_pipeline_runs_every_stage_in_wave_order() {
    let (result, executed) = run_failing(&example(), &[]);
    assert_eq!(
        executed,
        vec!["lint", "unit", "build", "image", "sbom", "e2e"],
        "stages are executed wave by wave, in pipeline order inside each wave"
    );
    assert_eq!(
        result,
        Ok(outcomes(&[
            ("lint", Outcome::Passed),
            ("unit", Outcome::Passed),
            ("build", Outcome::Passed),
            ("image", Outcome::Passed),
            ("sbom", Outcome::Passed),
            ("e2e", Outcome::Passed),
        ])),
        "every stage passes, and the outcomes are listed in run order"
    );
}

#[test]
fn a_failure_skips_its_dependants_but_not_the_other_stages() {
    let (result, executed) = run_failing(&example(), &["build"]);
    assert_eq!(
        result,
        Ok(outcomes(&[
            ("lint", Outcome::Passed),
            ("unit", Outcome::Passed),
            ("build", Outcome::Failed),
            ("image", Outcome::Skipped),
            ("sbom", Outcome::Skipped),
            ("e2e", Outcome::Skipped),
        ])),
        "build failed: image and sbom need it and are skipped, e2e needs image and is skipped \
         in turn; lint and unit do not depend on build and still pass"
    );
    assert_eq!(
        executed,
        vec!["lint", "unit", "build"],
        "skipped stages are never executed"
    );
}

#[test]
fn a_skip_propagates_through_every_later_wave() {
    let stages = [
        Stage::new("a", &[]),
        Stage::new("b", &["a"]),
        Stage::new("c", &["b"]),
        Stage::new("d", &["c"]),
        Stage::new("side", &[]),
        Stage::new("after_side", &["side"]),
    ];
    let (result, executed) = run_failing(&stages, &["a"]);
    assert_eq!(
        result,
        Ok(outcomes(&[
            ("a", Outcome::Failed),
            ("side", Outcome::Passed),
            ("b", Outcome::Skipped),
            ("after_side", Outcome::Passed),
            ("c", Outcome::Skipped),
            ("d", Outcome::Skipped),
        ])),
        "a failure skips its dependants transitively: c needs only the skipped b, d only the \
         skipped c; the independent side branch still runs"
    );
    assert_eq!(
        executed,
        vec!["a", "side", "after_side"],
        "only the stages whose needs all passed are executed"
    );
}

#[test]
fn one_failed_need_is_enough_to_skip() {
    let (result, executed) = run_failing(&example(), &["unit"]);
    assert_eq!(
        result,
        Ok(outcomes(&[
            ("lint", Outcome::Passed),
            ("unit", Outcome::Failed),
            ("build", Outcome::Passed),
            ("image", Outcome::Passed),
            ("sbom", Outcome::Passed),
            ("e2e", Outcome::Skipped),
        ])),
        "e2e needs image (passed) and unit (failed): one failed need skips it; the stages in \
         unit's wave and after it that do not need unit still run"
    );
    assert!(
        !executed.contains(&"e2e".to_string()),
        "e2e must not be executed when one of its needs failed"
    );
}

#[test]
fn several_failures_in_one_wave_each_skip_their_own_dependants() {
    let (result, _) = run_failing(&example(), &["lint", "image"]);
    assert_eq!(
        result,
        Ok(outcomes(&[
            ("lint", Outcome::Failed),
            ("unit", Outcome::Passed),
            ("build", Outcome::Passed),
            ("image", Outcome::Failed),
            ("sbom", Outcome::Passed),
            ("e2e", Outcome::Skipped),
        ])),
        "a failure does not stop the run: after lint failed, unit and build still run; image \
         failed too, so e2e is skipped, while sbom (needing only build) passes"
    );
}

#[test]
fn a_graph_error_is_returned_before_any_stage_runs() {
    let stages = [
        Stage::new("lint", &[]),
        Stage::new("a", &["b"]),
        Stage::new("b", &["a"]),
    ];
    let (result, executed) = run_failing(&stages, &[]);
    assert_eq!(
        result,
        Err(GraphError::Cycle(vec![
            "a".to_string(),
            "b".to_string(),
            "a".to_string()
        ])),
        "a pipeline with a cycle cannot run: run returns the planning error"
    );
    assert!(
        executed.is_empty(),
        "the plan is checked before anything runs, yet {executed:?} was executed"
    );
}
