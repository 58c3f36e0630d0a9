use saga::{run_saga, Action, Outcome, Participant, Saga};
use std::collections::HashMap;

const ORDER: [&str; 3] = ["reserve_stock", "charge_card", "book_parcel"];

/// In-memory services: one step may fail to execute; some compensations fail a number of
/// attempts before one succeeds (`u32::MAX`: they never succeed). Every call is recorded.
#[derive(Default)]
struct Services {
    failing_step: Option<&'static str>,
    compensation_failures: HashMap<&'static str, u32>,
    calls: Vec<String>,
}

impl Services {
    fn failing_at(step: &'static str) -> Self {
        Self {
            failing_step: Some(step),
            ..Self::default()
        }
    }

    fn with_compensation_failures(mut self, step: &'static str, failures: u32) -> Self {
        self.compensation_failures.insert(step, failures);
        self
    }
}

impl Participant for Services {
    fn execute(&mut self, step: &str) -> bool {
        self.calls.push(format!("execute {step}"));
        assert!(
            self.calls.len() <= 100,
            "more than 100 calls: the saga must stop after its steps and their compensations"
        );
        self.failing_step != Some(step)
    }

    fn compensate(&mut self, step: &str) -> bool {
        self.calls.push(format!("compensate {step}"));
        assert!(
            self.calls.len() <= 100,
            "more than 100 calls: each compensation must stop after its attempts"
        );
        match self.compensation_failures.get_mut(step) {
            Some(left) if *left > 0 => {
                *left -= 1;
                false
            }
            _ => true,
        }
    }
}

fn ran(step: &str) -> Action {
    Action::Ran(step.to_string())
}
fn failed(step: &str) -> Action {
    Action::Failed(step.to_string())
}
fn compensated(step: &str) -> Action {
    Action::Compensated(step.to_string())
}
fn compensation_failed(step: &str) -> Action {
    Action::CompensationFailed(step.to_string())
}
fn rolled_back(step: &str) -> Outcome {
    Outcome::RolledBack {
        failed: step.to_string(),
    }
}

// Task 1: Run the steps in order and commit when all succeed
#[test]
fn every_step_runs_in_order_and_the_saga_commits() {
    let mut services = Services::default();
    let saga = run_saga(&ORDER, 3, &mut services);
    assert_eq!(
        saga,
        Saga {
            log: vec![ran("reserve_stock"), ran("charge_card"), ran("book_parcel")],
            outcome: Outcome::Committed,
        },
        "when every step succeeds, each is logged as run, in order, and the saga commits"
    );
    assert_eq!(
        services.calls,
        [
            "execute reserve_stock",
            "execute charge_card",
            "execute book_parcel"
        ],
        "each step is executed once, in the order given, and nothing is compensated"
    );
}

#[test]
fn an_empty_saga_commits_with_an_empty_log() {
    let mut services = Services::default();
    let saga = run_saga(&[], 3, &mut services);
    assert_eq!(
        saga,
        Saga {
            log: vec![],
            outcome: Outcome::Committed,
        },
        "a saga without steps has nothing to fail: it commits, and its log is empty"
    );
}

// Task 2: Compensate the committed steps in reverse order
#[test]
fn a_failed_step_compensates_the_earlier_steps_newest_first() {
    let mut services = Services::failing_at("book_parcel");
    let saga = run_saga(&ORDER, 3, &mut services);
    assert_eq!(
        saga,
        Saga {
            log: vec![
                ran("reserve_stock"),
                ran("charge_card"),
                failed("book_parcel"),
                compensated("charge_card"),
                compensated("reserve_stock"),
            ],
            outcome: rolled_back("book_parcel"),
        },
        "booking the parcel failed: refund the card first, then release the stock (reverse \
         order), and the saga is rolled back"
    );
}

#[test]
fn no_step_after_the_failed_one_is_executed() {
    let steps = ["a", "b", "c", "d"];
    let mut services = Services::failing_at("b");
    let saga = run_saga(&steps, 3, &mut services);
    assert_eq!(
        services.calls,
        ["execute a", "execute b", "compensate a"],
        "after step b fails, c and d are neither executed nor compensated: only a, which \
         committed, is undone"
    );
    assert_eq!(saga.log, vec![ran("a"), failed("b"), compensated("a")]);
    assert_eq!(saga.outcome, rolled_back("b"));
}

#[test]
fn the_failed_step_itself_is_never_compensated() {
    let mut services = Services::failing_at("charge_card");
    run_saga(&ORDER, 3, &mut services);
    assert!(
        !services
            .calls
            .contains(&"compensate charge_card".to_string()),
        "the charge failed and did not commit: there is nothing to refund, and a refund of a \
         payment that never happened is a new mistake (calls: {:?})",
        services.calls
    );
}

#[test]
fn a_failure_of_the_first_step_has_nothing_to_compensate() {
    let mut services = Services::failing_at("reserve_stock");
    let saga = run_saga(&ORDER, 3, &mut services);
    assert_eq!(
        saga,
        Saga {
            log: vec![failed("reserve_stock")],
            outcome: rolled_back("reserve_stock"),
        },
        "when the first step fails nothing has committed: the log holds the failure alone"
    );
    assert_eq!(services.calls, ["execute reserve_stock"]);
}

#[test]
fn a_failure_of_the_last_step_compensates_every_other_step() {
    let steps = ["a", "b", "c", "d", "e"];
    let mut services = Services::failing_at("e");
    let saga = run_saga(&steps, 1, &mut services);
    assert_eq!(
        saga.log[5..],
        [
            compensated("d"),
            compensated("c"),
            compensated("b"),
            compensated("a")
        ],
        "the last of five steps failed: the four before it are compensated from d back to a"
    );
    assert_eq!(saga.outcome, rolled_back("e"));
}

// Task 3: Retry a failing compensation, then leave it for manual repair
#[test]
fn a_compensation_that_fails_once_is_retried() {
    let mut services =
        Services::failing_at("book_parcel").with_compensation_failures("charge_card", 1);
    let saga = run_saga(&ORDER, 3, &mut services);
    assert_eq!(
        saga,
        Saga {
            log: vec![
                ran("reserve_stock"),
                ran("charge_card"),
                failed("book_parcel"),
                compensation_failed("charge_card"),
                compensated("charge_card"),
                compensated("reserve_stock"),
            ],
            outcome: rolled_back("book_parcel"),
        },
        "a refund that fails once is attempted again and succeeds: both attempts are logged, \
         and the saga is rolled back cleanly"
    );
}

#[test]
fn a_compensation_that_fails_every_attempt_needs_manual_repair() {
    let mut services =
        Services::failing_at("book_parcel").with_compensation_failures("charge_card", u32::MAX);
    let saga = run_saga(&ORDER, 2, &mut services);
    assert_eq!(
        saga,
        Saga {
            log: vec![
                ran("reserve_stock"),
                ran("charge_card"),
                failed("book_parcel"),
                compensation_failed("charge_card"),
                compensation_failed("charge_card"),
                compensated("reserve_stock"),
            ],
            outcome: Outcome::NeedsRepair {
                failed: "book_parcel".to_string(),
                unrepaired: vec!["charge_card".to_string()],
            },
        },
        "the refund failed both of its 2 attempts: it is left for a human, the stock is still \
         released, and the outcome names what needs repair"
    );
}

#[test]
fn each_compensation_is_attempted_exactly_the_allowed_number_of_times() {
    let mut services =
        Services::failing_at("book_parcel").with_compensation_failures("charge_card", u32::MAX);
    run_saga(&ORDER, 4, &mut services);
    let refunds = services
        .calls
        .iter()
        .filter(|call| *call == "compensate charge_card")
        .count();
    assert_eq!(
        refunds, 4,
        "with 4 attempts allowed, a refund that always fails is attempted 4 times, no more, \
         no fewer"
    );
}

#[test]
fn zero_attempts_still_tries_each_compensation_once() {
    let mut services = Services::failing_at("book_parcel");
    let saga = run_saga(&ORDER, 0, &mut services);
    assert_eq!(
        saga.outcome,
        rolled_back("book_parcel"),
        "an attempt limit of 0 still tries every compensation once: skipping them would leave \
         the card charged and the stock reserved"
    );
    assert_eq!(
        services.calls[3..],
        ["compensate charge_card", "compensate reserve_stock"]
    );
}

#[test]
fn unrepaired_steps_are_listed_in_the_order_they_were_attempted() {
    let steps = ["a", "b", "c", "d"];
    let mut services = Services::failing_at("d")
        .with_compensation_failures("a", u32::MAX)
        .with_compensation_failures("c", u32::MAX);
    let saga = run_saga(&steps, 1, &mut services);
    assert_eq!(
        saga.outcome,
        Outcome::NeedsRepair {
            failed: "d".to_string(),
            unrepaired: vec!["c".to_string(), "a".to_string()],
        },
        "c and a could not be compensated; they are listed newest first, as attempted, and b \
         in between was still compensated"
    );
    assert_eq!(
        saga.log[4..],
        [
            compensation_failed("c"),
            compensated("b"),
            compensation_failed("a")
        ]
    );
}
