/**
 * Reads warehouse tables with Delta Kernel, without a Spark session: for commands that only look
 * (coopstats status) and must answer in seconds.
 */
package coopstats.kernel;
