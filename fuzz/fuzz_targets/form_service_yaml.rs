//! Fuzz target: see `veiviser::fuzzing::form_service_yaml` and docs/fuzzing.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: veiviser::fuzzing::init(), |data: &[u8]| {
    veiviser::fuzzing::form_service_yaml(data);
});
