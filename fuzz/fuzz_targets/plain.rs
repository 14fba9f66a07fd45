//! Fuzz target: arbitrary bytes read as Text through the whole pipeline.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    parallax::exercise::exercise(parallax::briefing::Format::Text, data);
});
