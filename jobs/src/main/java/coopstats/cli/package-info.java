/**
 * The command line: {@code coopstats run}, {@code backfill}, {@code status}, {@code sql} (a query,
 * a file or a prompt), {@code docs}, {@code notebook}, {@code report} and {@code serve} (Spark
 * Connect), with sysexits exit codes.
 */
package coopstats.cli;
