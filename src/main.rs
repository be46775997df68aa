/// mimalloc instead of the system allocator: rendering, Markdown and minifying allocate a
/// lot of small strings from several threads, and glibc's malloc took about a quarter of a
/// build's time (docs/benchmarks.md). Its `no_thp` feature: asked for transparent huge
/// pages, the kernel zeroed 2 MB for each fresh page mimalloc touched, a third of a small
/// build's time, and the peak memory of a 50-kommune build was 135 MB instead of 90 MB.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    veiviser::minify::quiet_one_pass_panics();
    veiviser::cli::run()
}
