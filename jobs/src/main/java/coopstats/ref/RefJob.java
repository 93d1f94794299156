package coopstats.ref;

import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.spark.Parallel;
import coopstats.spark.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Writes every reference table, side by side: none reads another. */
  public void write(RefData ref) {
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    tables.put(
        "ref.country",
        rows(
            ref.countries(),
            c ->
                RowFactory.create(
                    c.iso3(), c.iso2(), c.nameEn(), c.nameZh(), c.region(), c.source())));
    tables.put(
        "ref.country_alias",
        rows(ref.aliases(), a -> RowFactory.create(a.alias(), a.iso3(), a.source())));
    tables.put(
        "ref.country_group",
        rows(
            ref.groups(),
            g ->
                RowFactory.create(
                    g.groupType(),
                    g.groupId(),
                    g.iso3(),
                    date(g.validFrom()),
                    date(g.validTo()),
                    g.source(),
                    g.note())));
    tables.put(
        "ref.sector",
        rows(
            ref.sectors(),
            s -> RowFactory.create(s.taxonomy(), s.code(), s.name(), s.isTech(), s.source())));
    tables.put(
        "ref.fx_rate",
        rows(
            ref.fxRates(),
            f -> RowFactory.create(f.currency(), f.year(), f.unitsPerUsd(), f.source())));
    tables.put(
        "ref.program",
        rows(
            ref.programs(),
            p ->
                RowFactory.create(
                    p.programId(),
                    p.programName(),
                    p.sponsorIso3(),
                    p.kind(),
                    p.description(),
                    p.source())));
    Parallel.forEach(
        List.copyOf(tables.keySet()),
        table -> {
          TableSchema schema = schemas.table(table);
          warehouse.overwrite(
              spark.createDataFrame(tables.get(table), schema.sparkSchema()), schema);
        });
  }

  private static <T> List<Row> rows(List<T> values, Function<T, Row> toRow) {
    return values.stream().map(toRow).toList();
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
