//! Fuzz target: see `veiviser::fuzzing::search_tokenizer` and docs/fuzzing.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    veiviser::fuzzing::search_tokenizer(data);
});
