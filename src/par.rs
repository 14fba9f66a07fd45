//! An order-keeping parallel map on a pool of worker threads kept for the life of the process:
//! the per-article stages (cleaning, finding quotations and positions) are independent, and a
//! briefing of thousands of articles should use every core. Results come back in input order,
//! so output never depends on scheduling.
//!
//! The workers are rayon's, made once per thread count and reused: the load calls this map
//! hundreds of times (the actor pass alone once or twice per batch of 256 paragraphs), and
//! spawning and joining threads at every call made two cores 7-39% slower on 10,000
//! articles (and, under jemalloc, slower than one core: each new thread took a new arena).

use std::sync::{Arc, Mutex};

use rayon::prelude::*;

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

/// The workers a call asking for `threads` gets: that many, or [`workers`] for 0.
pub fn resolve(threads: usize) -> usize {
    if threads == 0 {
        workers()
    } else {
        threads
    }
}

/// `items.map(f)` on `threads` workers (0: one per core), in input order. Idle workers steal
/// what is left of the others' share, so one slow item does not hold up a fixed share of the
/// rest. A panic in `f` is raised again on the calling thread.
pub fn map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(usize, &T) -> R + Sync,
{
    let threads = resolve(threads);
    // with no pool (one worker wanted, or a limit on threads), the calling thread does it all
    let shared = (threads.min(items.len()) > 1)
        .then(|| pool(threads))
        .flatten();
    match shared {
        Some(shared) => shared.install(|| {
            let parallel = items.par_iter().enumerate();
            parallel.map(|(i, t)| f(i, t)).collect()
        }),
        None => items.iter().enumerate().map(|(i, t)| f(i, t)).collect(),
    }
}

/// The pool of `threads` workers, made on first use and kept; none if its threads cannot be
/// started.
fn pool(threads: usize) -> Option<Arc<rayon::ThreadPool>> {
    static POOLS: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());
    let mut pools = POOLS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, pool)) = pools.iter().find(|(n, _)| *n == threads) {
        return Some(Arc::clone(pool));
    }
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("parallax-worker-{i}"))
            .build()
            .ok()?,
    );
    pools.push((threads, Arc::clone(&pool)));
    Some(pool)
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
