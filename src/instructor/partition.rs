/*!
`--partition K/N`: a stable, balanced split of a list over N machines of a CI matrix.

Item i (counting from 0) goes to partition (i mod N) + 1. The N partitions together take every
item exactly once, their sizes differ by at most one, and an item's partition depends only on
its place in the list (info.toml order for exercises, sorted paths for workbooks), never on
timing or on the machine.
*/

use std::{fmt, str::FromStr};

/// Partition `index` of `count`, numbered from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Partition {
    pub index: usize,
    pub count: usize,
}

impl Partition {
    /// The whole list: what a run without `--partition` takes.
    pub const WHOLE: Self = Self { index: 1, count: 1 };

    /// Whether the item at `position` (from 0) belongs to this partition.
    pub fn takes(&self, position: usize) -> bool {
        position % self.count == self.index - 1
    }

    /// The items of this partition, in their order.
    pub fn select<T>(&self, items: impl IntoIterator<Item = T>) -> Vec<T> {
        items
            .into_iter()
            .enumerate()
            .filter(|(i, _)| self.takes(*i))
            .map(|(_, item)| item)
            .collect()
    }

    /// Whether this is the first partition, which also does the work done once per run (such
    /// as checking the exercise set as a whole).
    pub fn is_first(&self) -> bool {
        self.index == 1
    }
}

impl fmt::Display for Partition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Partition {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let Some((k, n)) = text.split_once('/') else {
            return Err(format!(
                "`{text}` is not K/N: write the partition and the number of partitions, \
                 such as 2/3 for the second of three"
            ));
        };
        let number = |part: &str| {
            part.trim().parse::<usize>().map_err(|_| {
                format!("`{part}` in `{text}` is not a whole number: write K/N, such as 2/3")
            })
        };
        let (index, count) = (number(k)?, number(n)?);
        if count == 0 {
            return Err("N, the number of partitions, must be at least 1".into());
        }
        if index == 0 || index > count {
            return Err(format!(
                "K must be from 1 to {count}: partitions are numbered from 1 to N"
            ));
        }
        Ok(Self { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Partition, String> {
        text.parse()
    }

    #[test]
    fn partitions_together_take_every_item_once_and_are_balanced() {
        for count in 1..=7 {
            for len in 0..=20 {
                let mut seen = Vec::new();
                let mut sizes = Vec::new();
                for index in 1..=count {
                    let part = Partition { index, count }.select(0..len);
                    sizes.push(part.len());
                    seen.extend(part);
                }
                seen.sort_unstable();
                assert_eq!(
                    seen,
                    (0..len).collect::<Vec<_>>(),
                    "{count} partitions of {len}"
                );
                let spread = sizes.iter().max().unwrap() - sizes.iter().min().unwrap();
                assert!(spread <= 1, "{count} partitions of {len}: {sizes:?}");
            }
        }
    }

    #[test]
    fn item_i_goes_to_partition_i_mod_n_plus_one() {
        assert_eq!(parse("2/3").unwrap().select(0..8), [1, 4, 7]);
        assert_eq!(parse("3/3").unwrap().select(0..8), [2, 5]);
        assert_eq!(Partition::WHOLE.select(["a", "b"]), ["a", "b"]);
    }

    #[test]
    fn bad_partitions_are_explained() {
        assert_eq!(parse("1/1"), Ok(Partition::WHOLE));
        assert!(parse("3").unwrap_err().contains("is not K/N"));
        assert!(
            parse("a/3")
                .unwrap_err()
                .contains("`a` in `a/3` is not a whole number")
        );
        assert!(parse("1/0").unwrap_err().contains("at least 1"));
        assert!(parse("0/3").unwrap_err().contains("K must be from 1 to 3"));
        assert!(parse("4/3").unwrap_err().contains("K must be from 1 to 3"));
        assert!(parse("-1/3").is_err());
    }
}
