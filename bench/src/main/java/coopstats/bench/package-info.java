/**
 * The benchmark's DuckDB peer and the check that its gold equals the pipeline's; run by {@code
 * bench/run} only.
 *
 * <p>{@link coopstats.bench.DuckPeer} builds a landing folder in the pipeline's order: {@code
 * RefTables} and {@code JdkNames} load the reference tables, {@code PeerScripts} runs {@code
 * peer-macros.sql} and {@code peer-ref.sql}, {@code BronzeTable} reads each source's files (with
 * {@code Utf8Files} and {@code CsvHeader}), {@code SilverTable} and {@code QuarantineTable} write
 * silver, and the gold SQL is the pipeline's own. The silver SQL is generated from the schema
 * files: {@code SilverSql} assembles typed_kind from {@code LookupSql}, {@code Amounts}, {@code
 * ColumnSql} and {@code AmountColumnSql}, and {@code RuleSql} adds the rules and the dedup.
 *
 * <p>{@link coopstats.bench.GoldCompare} reads the pipeline's gold with {@code DeltaRows} and the
 * peer's Parquet with DuckDB, and {@code TableDiff} compares them table by table on each key.
 */
package coopstats.bench;
