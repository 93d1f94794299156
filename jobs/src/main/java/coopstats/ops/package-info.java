/**
 * Operations: the run log ({@code ops.runs}), quality counts ({@code ops.quality}) and the
 * warehouse lock.
 */
package coopstats.ops;
