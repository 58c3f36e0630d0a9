/*!
A small work pool: runs a function over a list with a fixed number of threads, hands each
result to a callback as soon as it is ready (for progress), and returns the results in the
list's order (for reports that do not depend on timing).
*/

use std::sync::{
    Mutex,
    atomic::{AtomicUsize, Ordering},
};

/// The number of checks to run at once when `--jobs` is not given: one per core.
pub(super) fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `work` applied to every item, `jobs` at a time; `done` hears of each result as it comes.
pub(super) fn map<T, R>(
    items: &[T],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    done: impl Fn(&T, &R) + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    let threads = jobs.clamp(1, items.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = items.get(i) else { break };
                    let result = work(item);
                    done(item, &result);
                    slots.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                }
            });
        }
    });
    slots
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item was taken by a thread"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_and_each_is_reported_once() {
        let items: Vec<u64> = (0..40).collect();
        let reported = AtomicUsize::new(0);
        let results = map(
            &items,
            4,
            |&n| {
                // Later items finish first, so completion order differs from list order.
                std::thread::sleep(std::time::Duration::from_micros(400 - 10 * n));
                n * n
            },
            |_, _| {
                reported.fetch_add(1, Ordering::SeqCst);
            },
        );
        assert_eq!(results, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert_eq!(reported.into_inner(), 40);
    }

    #[test]
    fn an_empty_list_and_zero_jobs_are_fine() {
        assert!(map(&[] as &[u8], 0, |&n| n, |_, _| {}).is_empty());
        assert_eq!(map(&[1, 2], 0, |&n| n + 1, |_, _| {}), [2, 3]);
    }
}
