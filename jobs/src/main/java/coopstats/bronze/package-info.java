/**
 * Landing to bronze: every delivered file is read once, through its source's profile, into {@code
 * bronze.<source>}: every row as text, with its file, line, run id and ingest time.
 */
package coopstats.bronze;
