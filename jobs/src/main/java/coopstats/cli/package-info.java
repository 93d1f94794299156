/** The command line: {@code coopstats run} and {@code coopstats sql}, with sysexits exit codes. */
package coopstats.cli;
