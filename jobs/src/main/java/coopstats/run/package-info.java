/**
 * One run of the pipeline: the stage sequence ({@link coopstats.run.Pipeline}), the decision of
 * what a run does once bronze is in (noop, incremental or rebuild), the versions it publishes and
 * puts back, and its row in {@code ops.runs}.
 */
package coopstats.run;
