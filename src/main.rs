/// mimalloc (see `veiviser::allocator`).
#[global_allocator]
static ALLOCATOR: veiviser::allocator::Allocator = veiviser::allocator::Allocator;

fn main() -> std::process::ExitCode {
    veiviser::minify::quiet_one_pass_panics();
    veiviser::cli::run()
}
