use ready_endpoints::{endpoints, Replica};

fn replica(name: &str, ready: bool, terminating: bool) -> Replica {
    Replica {
        name: name.to_string(),
        ready,
        terminating,
    }
}

// Task 1: List the replicas that may receive traffic
#[test]
fn only_ready_replicas_receive_traffic() {
    let replicas = [
        replica("web-1", true, false),
        replica("web-2", false, false),
        replica("web-3", true, false),
    ];
    assert_eq!(
        endpoints(&replicas),
        vec!["web-1", "web-3"],
        "web-2 is running but not Ready (its readiness probe fails), so the load balancer must \
         not send it requests; web-1 and web-3 are Ready and receive traffic"
    );
}

#[test]
fn a_terminating_replica_leaves_rotation_even_if_ready() {
    let replicas = [replica("web-1", true, true), replica("web-2", true, false)];
    assert_eq!(
        endpoints(&replicas),
        vec!["web-2"],
        "web-1 is being shut down: even though its last probe passed, new requests must stop \
         reaching it so that it can drain"
    );
}

#[test]
fn a_replica_neither_ready_nor_alive_gets_nothing() {
    let replicas = [
        replica("web-1", false, true),
        replica("web-2", false, false),
    ];
    assert!(
        endpoints(&replicas).is_empty(),
        "no replica is Ready, so no replica may receive traffic: got {:?}",
        endpoints(&replicas)
    );
}

#[test]
fn the_worked_example_keeps_input_order() {
    let replicas = [
        replica("web-1", true, false),
        replica("web-2", false, false),
        replica("web-3", true, true),
        replica("web-4", true, false),
    ];
    assert_eq!(
        endpoints(&replicas),
        vec!["web-1", "web-4"],
        "of the four replicas of the example only web-1 and web-4 are Ready and not \
         terminating, listed in the order they were given"
    );
    let reversed: Vec<Replica> = replicas.iter().rev().cloned().collect();
    assert_eq!(
        endpoints(&reversed),
        vec!["web-4", "web-1"],
        "the endpoints keep the order of the input: given in reverse, web-4 comes first"
    );
}

#[test]
fn no_replicas_means_no_endpoints() {
    assert!(
        endpoints(&[]).is_empty(),
        "a service with no replicas has no endpoints"
    );
}
