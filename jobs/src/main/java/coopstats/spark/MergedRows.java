package coopstats.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows one MERGE added to a table and the rows it removed from it (the rows it replaced, and a
 * replaced snapshot source's rows). Both are materialised, so they stay readable after the table
 * moves on. Silver's nightly merges make them; gold's sums read them, so the two stages share this
 * value and not each other's classes.
 */
public record MergedRows(Dataset<Row> added, Dataset<Row> removed) {}
