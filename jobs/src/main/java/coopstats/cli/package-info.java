/**
 * The command line: {@code coopstats run}, {@code backfill}, {@code status}, {@code sql} (a query,
 * a file or a prompt), {@code docs}, {@code notebook}, {@code kernel} (for Jupyter), {@code
 * report}, {@code serve} (Spark Connect), {@code generate} (synthetic landing data) and {@code
 * maintain} (OPTIMIZE and VACUUM), with sysexits exit codes.
 */
package coopstats.cli;
