//! Fuzz target: see `veiviser::fuzzing::link_reader` and docs/fuzzing.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    veiviser::fuzzing::link_reader(data);
});
