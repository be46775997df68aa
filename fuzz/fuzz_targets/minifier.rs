//! Fuzz target: see `veiviser::fuzzing::minifier` and docs/fuzzing.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    veiviser::fuzzing::minifier(data);
});
