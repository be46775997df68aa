/// mimalloc instead of the system allocator: rendering, Markdown and minifying allocate a
/// lot of small strings from several threads, and glibc's malloc took about a quarter of a
/// build's time (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    veiviser::cli::run()
}
