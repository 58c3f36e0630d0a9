/*!
`--partition hash:K/N` or `count:K/N`: a stable split of a list over N machines of a CI matrix.

- `hash` (for grading): an item goes to partition (FNV-1a 64 of its name mod N) + 1, as
  nextest's hash partitioning does. Its partition depends on its name alone, so jobs whose lists
  differ (a workbook fetched by one job and not another) still never grade an item twice.
- `count` (what a bare `K/N` means): item i (counting from 0) goes to partition (i mod N) + 1.
  The partitions' sizes differ by at most one, but an item's partition depends on its place in
  the list (info.toml order for exercises, sorted paths for workbooks), so every job must see
  the same list.
*/

use std::{fmt, str::FromStr};

/// How items are shared out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Count,
    Hash,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Hash => "hash",
        }
    }
}

/// Partition `index` of `count`, numbered from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Partition {
    pub scheme: Scheme,
    pub index: usize,
    pub count: usize,
}

impl Partition {
    /// The whole list: what a run without `--partition` takes.
    pub const WHOLE: Self = Self {
        scheme: Scheme::Count,
        index: 1,
        count: 1,
    };

    /// The items of this partition, in their order; `name` names an item for `hash`.
    pub fn select<T>(
        &self,
        items: impl IntoIterator<Item = T>,
        name: impl Fn(&T) -> String,
    ) -> Vec<T> {
        items
            .into_iter()
            .enumerate()
            .filter(|(i, item)| {
                let slot = match self.scheme {
                    Scheme::Count => *i as u64,
                    Scheme::Hash => fnv1a64(name(item).as_bytes()),
                };
                slot % self.count as u64 == (self.index - 1) as u64
            })
            .map(|(_, item)| item)
            .collect()
    }

    /// Whether this is the first partition, which also does the work done once per run (such
    /// as checking the exercise set as a whole).
    pub fn is_first(&self) -> bool {
        self.index == 1
    }
}

/// FNV-1a, 64 bits: a stable hash (the same on every machine and version), unlike std's.
pub(super) fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl fmt::Display for Partition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}/{}", self.scheme.name(), self.index, self.count)
    }
}

const FORM: &str = "write hash:K/N (or count:K/N), such as hash:2/3 for the second of three";

impl FromStr for Partition {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (scheme, rest) = match text.split_once(':') {
            Some(("hash", rest)) => (Scheme::Hash, rest),
            Some(("count", rest)) => (Scheme::Count, rest),
            Some((other, _)) => {
                return Err(format!("`{other}` is not a partition scheme: {FORM}"));
            }
            None => (Scheme::Count, text),
        };
        let Some((k, n)) = rest.split_once('/') else {
            return Err(format!("`{text}` is not K/N: {FORM}"));
        };
        let number = |part: &str| {
            part.trim()
                .parse::<usize>()
                .map_err(|_| format!("`{part}` in `{text}` is not a whole number: {FORM}"))
        };
        let (index, count) = (number(k)?, number(n)?);
        if count == 0 {
            return Err(format!(
                "N, the number of partitions, must be at least 1: {FORM}"
            ));
        }
        if index == 0 || index > count {
            return Err(format!(
                "K must be from 1 to {count}: partitions are numbered from 1 to N"
            ));
        }
        Ok(Self {
            scheme,
            index,
            count,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Partition, String> {
        text.parse()
    }

    fn names(len: usize) -> Vec<String> {
        (0..len).map(|i| format!("students/s{i}")).collect()
    }

    #[test]
    fn partitions_together_take_every_item_once() {
        for scheme in ["count", "hash"] {
            for count in 1..=7 {
                for len in 0..=20 {
                    let mut seen = Vec::new();
                    let mut sizes = Vec::new();
                    for index in 1..=count {
                        let part = parse(&format!("{scheme}:{index}/{count}"))
                            .unwrap()
                            .select(names(len), Clone::clone);
                        sizes.push(part.len());
                        seen.extend(part);
                    }
                    seen.sort();
                    let mut all = names(len);
                    all.sort();
                    assert_eq!(seen, all, "{scheme}: {count} partitions of {len}");
                    let spread = sizes.iter().max().unwrap() - sizes.iter().min().unwrap();
                    if scheme == "count" {
                        assert!(spread <= 1, "{count} partitions of {len}: {sizes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn count_takes_item_i_to_partition_i_mod_n_plus_one() {
        let by_place = |p: &str, len| parse(p).unwrap().select(0..len, |_| String::new());
        assert_eq!(by_place("2/3", 8), [1, 4, 7]);
        assert_eq!(by_place("count:3/3", 8), [2, 5]);
        assert_eq!(
            Partition::WHOLE.select(["a", "b"], |s| s.to_string()),
            ["a", "b"]
        );
    }

    #[test]
    fn hash_gives_an_item_the_same_partition_whatever_else_is_in_the_list() {
        let all = names(30);
        let fewer: Vec<String> = all.iter().filter(|n| !n.ends_with("s7")).cloned().collect();
        for index in 1..=3 {
            let p = parse(&format!("hash:{index}/3")).unwrap();
            let mut from_all = p.select(all.clone(), Clone::clone);
            from_all.retain(|n| !n.ends_with("s7"));
            assert_eq!(from_all, p.select(fewer.clone(), Clone::clone));
        }
        // The hash is FNV-1a 64: fixed values, on every machine.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn bad_partitions_are_explained() {
        assert_eq!(parse("1/1"), Ok(Partition::WHOLE));
        assert_eq!(
            parse("hash:2/3").map(|p| (p.scheme, p.to_string())),
            Ok((Scheme::Hash, "hash:2/3".to_owned()))
        );
        assert!(
            parse("3")
                .unwrap_err()
                .contains("is not K/N: write hash:K/N")
        );
        assert!(
            parse("crc:1/3")
                .unwrap_err()
                .contains("`crc` is not a partition scheme")
        );
        assert!(
            parse("a/3")
                .unwrap_err()
                .contains("`a` in `a/3` is not a whole number")
        );
        assert!(parse("hash:1/0").unwrap_err().contains("at least 1"));
        assert!(parse("0/3").unwrap_err().contains("K must be from 1 to 3"));
        assert!(parse("4/3").unwrap_err().contains("K must be from 1 to 3"));
        assert!(parse("-1/3").is_err());
    }
}
