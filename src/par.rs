//! An order-keeping parallel map on scoped threads: the per-article stages (cleaning, finding
//! quotations and positions) are independent, and a briefing of thousands of articles should use
//! every core. Results come back in input order, so output never depends on scheduling.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of workers to use: `PARALLAX_THREADS` if set to a number, else one per core (at
/// most 16).
pub fn workers() -> usize {
    if let Some(n) = std::env::var("PARALLAX_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(16))
}

/// `items.map(f)` on `threads` workers (0: one per core), in input order. Workers take the next
/// item from a shared counter, so one slow item does not hold up a fixed share of the rest.
/// A panic in `f` is raised again on the calling thread.
pub fn map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(usize, &T) -> R + Sync,
{
    let threads = if threads == 0 { workers() } else { threads };
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return out;
            };
            out.push((i, f(i, item)));
        }
    };
    let parts: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut slots: Vec<Option<R>> = Vec::new();
    slots.resize_with(items.len(), || None);
    for (i, r) in parts.into_iter().flatten() {
        slots[i] = Some(r);
    }
    // pushed into a fresh vector: collecting would reuse the slots' buffer, sized for
    // `Option<R>`, for the life of the result
    let mut out = Vec::with_capacity(slots.len());
    out.extend(slots.into_iter().flatten());
    out
}

/// Items handed to the workers at a time by [`flat_map`].
const CHUNK: usize = 256;

/// `items.flat_map(f)` on every core, in input order, a chunk of items at a time: the results
/// of one chunk are appended before the next starts, so at most a chunk's worth of them is
/// held twice.
pub fn flat_map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> Vec<R> + Sync,
{
    let mut out = Vec::new();
    for chunk in items.chunks(CHUNK) {
        for part in map(chunk, 0, |_, item| f(item)) {
            out.extend(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order_whatever_the_workers() {
        let items: Vec<u64> = (0..1000).collect();
        let want: Vec<u64> = items.iter().map(|x| x * x).collect();
        for threads in [0, 1, 2, 7] {
            assert_eq!(map(&items, threads, |_, x| x * x), want, "{threads}");
        }
        assert!(map(&[] as &[u64], 4, |_, x| *x).is_empty());
        let many: Vec<u64> = (0..1000).collect();
        let pairs = flat_map(&many, |x| vec![*x, *x]);
        assert_eq!(pairs.len(), 2000);
        assert!(pairs
            .chunks(2)
            .enumerate()
            .all(|(i, p)| p == [i as u64, i as u64]));
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            map(&[1, 2, 3], 2, |_, x: &i32| {
                assert!(*x != 2, "two");
                *x
            })
        });
        assert!(caught.is_err());
    }
}
