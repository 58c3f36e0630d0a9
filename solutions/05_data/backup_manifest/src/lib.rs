//! # backup_manifest: record a checksum when you save, compare it when you restore
//!
//! Data outlives code, and data that changed silently is worse than data that is gone: nobody
//! knows to restore it. Every tool of this track leans on one habit. When data is written (a
//! migration script applied, a file backed up), record a short fingerprint of it: its size and
//! a checksum of its bytes. When the data is read back, compute the fingerprint again and
//! compare. A migration tool keeps the checksum of each script it ran in its history table; a
//! backup job writes a *manifest* with the size and checksum of every file it saved.
//!
//! ## Task 1: Hash the bytes with 64-bit FNV-1a
//!
//! FNV-1a (Fowler, Noll and Vo; specified in the IETF draft "The FNV Non-Cryptographic Hash
//! Algorithm", draft-eastlake-fnv) starts from [`OFFSET_BASIS`] and, for each byte in order:
//!
//! - XORs the byte into the hash, then
//! - multiplies the hash by [`PRIME`], keeping the low 64 bits (the product wraps around).
//!
//! Example: `fnv1a64(b"")` is `0xcbf2_9ce4_8422_2325` (the offset basis itself) and
//! `fnv1a64(b"a")` is `0xaf63_dc4c_8601_ec8c`.
//!
//! ## Task 2: Record a file and check it against its record
//!
//! - [`Entry::of`] is the manifest's record of some content: its length in bytes and its
//!   [`fnv1a64`].
//! - [`Entry::matches`] says whether some content is the content recorded: same size and same
//!   checksum.
//!
//! Example: `Entry::of(b"listen = 8080\n")` is `Entry { size: 14, checksum:
//! fnv1a64(b"listen = 8080\n") }`; it matches `b"listen = 8080\n"`, and not `b"listen = 8081\n"`
//! (same size, other checksum) nor `b"listen = 80"` (cut short).
//!
//! ## Beyond this exercise
//!
//! FNV-1a is fast and catches accidental damage (a flipped bit, a truncated copy), but anyone
//! can craft a file with a given FNV-1a value. Where tampering matters, backup tools record a
//! cryptographic hash such as SHA-256 (FIPS 180-4), and sign the manifest itself.

/// The starting value of a 64-bit FNV-1a hash.
pub const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// The 64-bit FNV prime, 2^40 + 2^8 + 0xb3.
pub const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The 64-bit FNV-1a hash of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    // XOR first, then multiply: that order is what makes it FNV-1a rather than FNV-1.
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// What a manifest records about one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Length in bytes.
    pub size: u64,
    /// [`fnv1a64`] of the content.
    pub checksum: u64,
}

impl Entry {
    /// The record of a file with this content, as the backup job writes it.
    pub fn of(content: &[u8]) -> Entry {
        Entry {
            size: content.len() as u64,
            checksum: fnv1a64(content),
        }
    }

    /// Whether `content` is the content this entry recorded.
    pub fn matches(&self, content: &[u8]) -> bool {
        // Comparing the whole record compares the size and the checksum at once.
        Entry::of(content) == *self
    }
}
