//! Where Typst compiles: on a few threads of their own, never on the build's rayon threads.
//!
//! Typst parallelizes inside a compilation with rayon. On the build's pool, a thread that
//! waits for Typst's parallel work steals other jobs meanwhile, and those can be other
//! kommuners' prints: compilations pile up on one stack. With a dozen kommuner that
//! overflowed the stack and held over a gigabyte of layouts at once. Here each compilation
//! runs in a pool of one thread of its own (with a large stack), started from a scoped
//! thread that the caller simply waits for, so compilations never nest, and at most
//! [`jobs`] run at once, whatever the number of kommuner.

use std::sync::{Condvar, Mutex, OnceLock};

/// Stack of a print thread: Typst's layout of a long guide recurses deeply.
const STACK: usize = 64 << 20;

struct Workers {
    pools: Vec<rayon::ThreadPool>,
    /// Which pools are free.
    free: Mutex<Vec<usize>>,
    freed: Condvar,
}

/// How many compilations run at once: `VEIVISER_PRINT_JOBS`, else two (or one on one
/// core). Each holds its document's layouts, a few hundred MB for a long guide, so more
/// would raise the peak more than it saves time on a small machine.
pub fn jobs() -> usize {
    std::env::var("VEIVISER_PRINT_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(2)
        })
}

fn workers() -> &'static Workers {
    static WORKERS: OnceLock<Workers> = OnceLock::new();
    WORKERS.get_or_init(|| {
        let n = jobs();
        let pools = (0..n)
            .map(|i| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(1)
                    .stack_size(STACK)
                    .thread_name(move |_| format!("veiviser-print-{i}"))
                    .build()
                    .expect("a print thread")
            })
            .collect();
        Workers {
            pools,
            free: Mutex::new((0..n).collect()),
            freed: Condvar::new(),
        }
    })
}

/// `compile` run on a print thread, when one is free.
pub fn run<R: Send>(compile: impl FnOnce() -> R + Send) -> R {
    let workers = workers();
    let index = {
        let mut free = workers.free.lock().expect("print workers lock");
        loop {
            if let Some(index) = free.pop() {
                break index;
            }
            free = workers.freed.wait(free).expect("print workers lock");
        }
    };
    // Frees the pool also when `compile` panics.
    struct Release<'w>(&'w Workers, usize);
    impl Drop for Release<'_> {
        fn drop(&mut self) {
            let mut free = self.0.free.lock().unwrap_or_else(|e| e.into_inner());
            free.push(self.1);
            self.0.freed.notify_one();
        }
    }
    let _release = Release(workers, index);
    let pool = &workers.pools[index];
    // From a thread outside every pool, `install` blocks until done instead of stealing
    // the build's other jobs while it waits.
    std::thread::scope(|scope| match scope.spawn(|| pool.install(compile)).join() {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn compilations_never_run_more_at_once_than_the_print_threads_and_never_nest() {
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        use rayon::prelude::*;
        (0..24).into_par_iter().for_each(|_| {
            run(|| {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                // Parallel work inside, as Typst's: it stays in the print thread's pool.
                let sum: u64 = (0..10_000u64).into_par_iter().map(|x| x % 7).sum();
                assert!(sum > 0);
                assert!(std::thread::current()
                    .name()
                    .is_some_and(|n| n.starts_with("veiviser-print-")));
                std::thread::sleep(std::time::Duration::from_millis(2));
                running.fetch_sub(1, Ordering::SeqCst);
            })
        });
        assert!(most.load(Ordering::SeqCst) <= jobs());
        assert_eq!(running.load(Ordering::SeqCst), 0);
    }
}
