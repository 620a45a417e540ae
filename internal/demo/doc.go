// Package demo generates deterministic synthetic data for demos,
// screenshots and benchmarks: people of Kabupaten Pamekasan with plausible
// names, NIKs, villages and businesses, trained in batches by the agencies
// of the WUB program, 2020–2024. The same seed and size give the same
// database content (timestamps aside).
//
// It imports wub and store; nothing imports it except the CLI, the GUI and
// benchmarks.
package demo
