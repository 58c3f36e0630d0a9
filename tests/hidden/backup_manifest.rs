use backup_manifest::{fnv1a64, Entry, OFFSET_BASIS};

// Task 1: Hash the bytes with 64-bit FNV-1a
#[test]
fn the_checksum_of_nothing_is_the_offset_basis() {
    assert_eq!(
        fnv1a64(b""),
        OFFSET_BASIS,
        "with no byte to mix in, FNV-1a returns its offset basis 0xcbf29ce484222325"
    );
}

#[test]
fn fnv1a_matches_the_published_test_vectors() {
    for (input, expected) in [
        (&b"a"[..], 0xaf63_dc4c_8601_ec8c_u64),
        (&b"foobar"[..], 0x8594_4171_f739_67e8),
    ] {
        assert_eq!(
            fnv1a64(input),
            expected,
            "the 64-bit FNV-1a of {:?} is {expected:#x}: XOR each byte in, then multiply by \
             the prime (multiplying first is FNV-1, a different hash)",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn the_order_of_the_bytes_matters() {
    assert_ne!(
        fnv1a64(b"ab"),
        fnv1a64(b"ba"),
        "the same bytes in another order are other data: the checksums must differ"
    );
}

// Task 2: Record a file and check it against its record
#[test]
fn an_entry_records_the_size_and_the_checksum() {
    assert_eq!(
        Entry::of(b"listen = 8080\n"),
        Entry {
            size: 14,
            checksum: fnv1a64(b"listen = 8080\n"),
        },
        "the record of a 14-byte file holds its size, 14, and its FNV-1a checksum"
    );
    assert_eq!(
        Entry::of(b""),
        Entry {
            size: 0,
            checksum: OFFSET_BASIS,
        },
        "an empty file is recorded with size 0 and the checksum of nothing"
    );
}

#[test]
fn the_content_recorded_matches_its_entry() {
    let entry = Entry::of(b"id,name\n1,ada\n");
    assert!(
        entry.matches(b"id,name\n1,ada\n"),
        "a byte-for-byte copy of the recorded content matches its entry"
    );
}

#[test]
fn a_changed_byte_does_not_match() {
    let entry = Entry::of(b"listen = 8080\n");
    assert!(
        !entry.matches(b"listen = 8081\n"),
        "same size but one byte changed: the checksum differs, so the copy does not match"
    );
}

#[test]
fn a_size_that_differs_does_not_match() {
    let recorded = Entry {
        size: 15,
        checksum: fnv1a64(b"listen = 8080\n"),
    };
    assert!(
        !recorded.matches(b"listen = 8080\n"),
        "the checksum agrees but the record says 15 bytes and the copy has 14: an entry \
         matches only when the size agrees too"
    );
    assert!(
        !Entry::of(b"listen = 8080\n").matches(b"listen = 80"),
        "a copy cut short does not match its record"
    );
}
