package coopstats.ref;

import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.spark.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Writes the reference data to {@code ref.*}, one table per reference file. */
public final class RefJob {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;

  public RefJob(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  public void write(RefData ref) {
    write(
        "ref.country",
        ref.countries(),
        c -> RowFactory.create(c.iso3(), c.iso2(), c.nameEn(), c.nameZh(), c.region(), c.source()));
    write(
        "ref.country_alias",
        ref.aliases(),
        a -> RowFactory.create(a.alias(), a.iso3(), a.source()));
    write(
        "ref.country_group",
        ref.groups(),
        g ->
            RowFactory.create(
                g.groupType(),
                g.groupId(),
                g.iso3(),
                date(g.validFrom()),
                date(g.validTo()),
                g.source(),
                g.note()));
    write(
        "ref.sector",
        ref.sectors(),
        s -> RowFactory.create(s.taxonomy(), s.code(), s.name(), s.isTech(), s.source()));
    write(
        "ref.fx_rate",
        ref.fxRates(),
        f -> RowFactory.create(f.currency(), f.year(), f.unitsPerUsd(), f.source()));
    write(
        "ref.program",
        ref.programs(),
        p ->
            RowFactory.create(
                p.programId(),
                p.programName(),
                p.sponsorIso3(),
                p.kind(),
                p.description(),
                p.source()));
  }

  private <T> void write(String table, List<T> values, Function<T, Row> toRow) {
    TableSchema schema = schemas.table(table);
    List<Row> rows = values.stream().map(toRow).toList();
    warehouse.overwrite(spark.createDataFrame(rows, schema.sparkSchema()), schema);
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
