use shared_domain::{shared_domain, survives_loss_of, Domain, Location};

/// A location written `region/zone/rack/host`.
fn at(path: &str) -> Location {
    let parts: Vec<&str> = path.split('/').collect();
    Location {
        region: parts[0].to_string(),
        zone: parts[1].to_string(),
        rack: parts[2].to_string(),
        host: parts[3].to_string(),
    }
}

// Task 1: Find the smallest domain two replicas share
#[test]
fn the_smallest_shared_domain_is_where_the_paths_part() {
    assert_eq!(
        shared_domain(&at("eu/a/r1/h1"), &at("eu/a/r1/h1")),
        Some(Domain::Host),
        "two replicas on one host share the host"
    );
    assert_eq!(
        shared_domain(&at("eu/a/r1/h1"), &at("eu/a/r1/h2")),
        Some(Domain::Rack),
        "different hosts in one rack share the rack"
    );
    assert_eq!(
        shared_domain(&at("eu/a/r1/h1"), &at("eu/a/r2/h1")),
        Some(Domain::Zone),
        "different racks in one zone share the zone"
    );
    assert_eq!(
        shared_domain(&at("eu/a/r1/h1"), &at("eu/b/r2/h2")),
        Some(Domain::Region),
        "different zones of one region share the region"
    );
    assert_eq!(
        shared_domain(&at("eu/a/r1/h1"), &at("us/b/r2/h2")),
        None,
        "different regions share none of these domains"
    );
}

#[test]
fn names_are_local_to_their_parent() {
    assert_eq!(
        shared_domain(&at("eu/a/r1/h1"), &at("eu/b/r1/h1")),
        Some(Domain::Region),
        "rack r1 of zone a and rack r1 of zone b are different racks: only the region is shared"
    );
    assert_eq!(
        shared_domain(&at("eu/a/r1/h1"), &at("us/a/r1/h1")),
        None,
        "zone a of eu and zone a of us are different zones in different regions"
    );
    assert_eq!(
        shared_domain(&at("eu/a/r1/h1"), &at("eu/a/r2/h1")),
        Some(Domain::Zone),
        "host h1 of two racks is two hosts: only the zone is shared"
    );
}

#[test]
fn the_shared_domain_does_not_depend_on_the_order_of_the_pair() {
    for (x, y) in [
        ("eu/a/r1/h1", "eu/a/r1/h2"),
        ("eu/a/r1/h1", "eu/b/r1/h1"),
        ("eu/a/r1/h1", "us/a/r1/h1"),
    ] {
        assert_eq!(
            shared_domain(&at(x), &at(y)),
            shared_domain(&at(y), &at(x)),
            "{x} and {y} share the same domain whichever is named first"
        );
    }
}

// Task 2: Tell whether a pair survives the loss of one domain
#[test]
fn a_pair_sharing_a_rack_survives_only_the_loss_of_a_host() {
    let (a, b) = (at("eu/a/r1/h1"), at("eu/a/r1/h2"));
    assert!(
        survives_loss_of(&a, &b, Domain::Host),
        "different hosts: one survives a host failure"
    );
    assert!(
        !survives_loss_of(&a, &b, Domain::Rack),
        "one rack: its failure takes both"
    );
    assert!(
        !survives_loss_of(&a, &b, Domain::Zone),
        "sharing a rack means sharing its zone: a zone failure takes both"
    );
    assert!(!survives_loss_of(&a, &b, Domain::Region), "and its region");
}

#[test]
fn a_pair_in_two_zones_survives_a_zone_but_not_a_region() {
    let (a, b) = (at("eu/a/r1/h1"), at("eu/b/r1/h1"));
    assert!(
        survives_loss_of(&a, &b, Domain::Rack),
        "racks in different zones are different racks"
    );
    assert!(
        survives_loss_of(&a, &b, Domain::Zone),
        "two zones: one survives a zone failure"
    );
    assert!(
        !survives_loss_of(&a, &b, Domain::Region),
        "one region: its failure takes both"
    );
}

#[test]
fn a_pair_in_two_regions_survives_any_one_domain() {
    let (a, b) = (at("eu/a/r1/h1"), at("us/a/r1/h1"));
    for kind in [Domain::Host, Domain::Rack, Domain::Zone, Domain::Region] {
        assert!(
            survives_loss_of(&a, &b, kind),
            "replicas in two regions share no {kind:?}: one survives its loss"
        );
    }
}

#[test]
fn two_copies_on_one_host_survive_nothing() {
    let a = at("eu/a/r1/h1");
    for kind in [Domain::Host, Domain::Rack, Domain::Zone, Domain::Region] {
        assert!(
            !survives_loss_of(&a, &a.clone(), kind),
            "two copies on one host are lost together by the loss of any {kind:?} around it"
        );
    }
}
