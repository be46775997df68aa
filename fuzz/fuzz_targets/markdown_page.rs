//! Fuzz target: see `veiviser::fuzzing::markdown_page` and docs/fuzzing.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: veiviser::fuzzing::init(), |data: &[u8]| {
    veiviser::fuzzing::markdown_page(data);
});
