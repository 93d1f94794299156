/**
 * The command line: {@code coopstats run}, {@code backfill}, {@code status}, {@code sql} (a query,
 * a file or a prompt) and {@code docs}, with sysexits exit codes.
 */
package coopstats.cli;
