/**
 * The command line: {@code coopstats run}, {@code backfill}, {@code status}, {@code sql} (a query,
 * a file or a prompt), {@code docs}, {@code notebook} and {@code report}, with sysexits exit codes.
 */
package coopstats.cli;
