/**
 * {@code coopstats generate}: writes a synthetic landing folder with the distributions and the mess
 * of real deliveries (skewed countries spelled many ways, mixed units and currencies, legacy
 * encodings, about 1% bad rows), deterministic for a seed, streamed file by file so that any size
 * fits in a small heap. Used by the benchmark and by tests at scale.
 */
package coopstats.generate;
