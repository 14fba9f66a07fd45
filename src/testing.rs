//! Helpers shared by the unit tests.

/// A proptest configuration of `cases` cases drawn from a fixed seed, so a failure shows the same
/// input on every machine and every run.
pub fn seeded(cases: u32, seed: u64) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases,
        rng_seed: proptest::test_runner::RngSeed::Fixed(seed),
        ..proptest::test_runner::Config::default()
    }
}
