fn main() -> std::process::ExitCode {
    veiviser::cli::run()
}
