package coopstats.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.CoopstatsException;
import coopstats.ExitCodes;
import coopstats.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names in schema files become folder names, table names and SQL identifiers, so a name that could
 * reach outside the landing folder or the warehouse, or into SQL text, is refused when schemas/
 * loads.
 */
class TestSchemas {
  @TempDir Path dir;

  @Test
  void theProjectsOwnSchemasLoad() {
    Schemas schemas = Schemas.load(TestPaths.schemas());
    assertThat(schemas.profiles()).containsKeys("cgit", "investment", "fund");
    assertThat(schemas.profiles().get("investment").onMissingColumnOrDefault())
        .isEqualTo(SourceProfile.OnMissingColumn.QUARANTINE);
  }

  @Test
  void aSourceNameThatLeavesTheLandingFolderIsRefused() throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "sources/cgit.yaml", "");
    Files.writeString(
        schemas.resolve("sources/evil.yaml"), "source: ../../etc\nkind: investment\n");
    assertRefused(schemas, "evil.yaml", "source name '../../etc' is not allowed");
  }

  @Test
  void aTableNameThatReachesIntoSqlIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir,
            "tables/gold/program_roi_yearly.yaml",
            "table: gold.program_roi_yearly",
            "table: gold.x; DROP TABLE silver.fund");
    assertRefused(schemas, "program_roi_yearly.yaml", "table name 'x; DROP TABLE silver.fund'");
  }

  @Test
  void anUnknownMissingColumnSettingIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasWith(dir, "sources/investment.yaml", "on_missing_column: sometimes\n");
    assertRefused(
        schemas,
        "investment.yaml",
        "on_missing_column 'sometimes' is not one of [quarantine, fail]");
  }

  @Test
  void workbookKeysAreRead() throws IOException {
    Path schemas =
        TestPaths.schemasWith(dir, "sources/investment.yaml", "sheet: Dataset 1\nheader_row: 6\n");
    SourceProfile p = Schemas.load(schemas).profiles().get("investment");
    assertThat(p.sheet()).isEqualTo("Dataset 1");
    assertThat(p.headerRowNumber()).isEqualTo(6);
    assertThat(p.isWorkbook("investment/2021.XLSX")).isTrue();
    assertThat(p.isWorkbook("investment/2021.csv")).isFalse();
  }

  @Test
  void aSheetOnACsvProfileIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(dir, "sources/cgit.yaml", "format: auto", "format: csv");
    assertRefused(
        schemas,
        "cgit.yaml",
        "sheets applies to workbooks only: set format: xlsx, xls (or auto), or remove it");
  }

  @Test
  void aSheetBesideSheetsIsRefused() throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "sources/cgit.yaml", "sheet: Dataset 1\n");
    assertRefused(
        schemas,
        "cgit.yaml",
        "sheet and sheets are both set: name one sheet under sheet, or list every sheet to read"
            + " under sheets");
  }

  @Test
  void aSheetThatRenamesAColumnTheProfileDoesNotReadIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir, "sources/cgit.yaml", "columns: {investor: Contractor}", "columns: {owner: Owner}");
    assertRefused(
        schemas, "cgit.yaml", "sheet 'Dataset 2' maps column 'owner', which is not one of [");
  }

  @Test
  void aSheetsSeriesMustBeAName() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir, "sources/cgit.yaml", "series: cgit_construction", "series: CGIT construction");
    assertRefused(schemas, "cgit.yaml", "series name 'CGIT construction' is not allowed");
  }

  @Test
  void aHeaderRowThatIsNotARowNumberIsRefused() throws IOException {
    for (String value : java.util.List.of("sixth", "0")) {
      Path schemas =
          TestPaths.schemasReplacing(
              dir, "sources/cgit.yaml", "header_row: auto", "header_row: " + value);
      assertRefused(
          schemas,
          "cgit.yaml",
          "header_row '"
              + value
              + "' is not auto or a row number (1 is the first row, as Excel shows it)");
    }
  }

  @Test
  void anUnknownFormatIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(dir, "sources/cgit.yaml", "format: auto", "format: ods");
    assertRefused(schemas, "cgit.yaml", "format 'ods' is not one of [csv, jsonl, xlsx, xls, auto]");
  }

  @Test
  void anUnknownParseKindIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir,
            "tables/silver/fund.yaml",
            "{name: fund_name, type: string, nullable: false, parse: text,",
            "{name: fund_name, type: string, nullable: false, parse: txt,");
    assertRefused(
        schemas,
        "fund.yaml",
        "column fund_name has parse 'txt', which is not one of [boolean, country_iso3, currency,"
            + " decimal, fx_rate, int, is_tech, lineage, month, text, unit, usd]");
  }

  @Test
  void runStatusesAndModesAreTheValuesTheRunLogDeclares() {
    TableSchema runs = Schemas.load(TestPaths.schemas()).table("ops.runs");
    assertThat(runs.column("status").orElseThrow().acceptedValues())
        .containsExactly("success", "partial", "noop", "failed");
    assertThat(runs.column("mode").orElseThrow().acceptedValues())
        .containsExactly("rebuild", "incremental", "noop", "maintain");
    assertThat(RunStatus.of("partial")).isEqualTo(RunStatus.PARTIAL);
    assertThat(RunMode.MAINTAIN.value()).isEqualTo("maintain");
    assertThat(RunMode.of(null)).isNull();
  }

  @Test
  void aRunStatusTheCodeDoesNotWriteIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir,
            "tables/ops/runs.yaml",
            "accepted_values: [success, partial, noop, failed]",
            "accepted_values: [success, partial, noop, failed, skipped]");
    assertRefused(
        schemas,
        "runs.yaml",
        "column status must declare accepted_values [success, partial, noop, failed], the values"
            + " coopstats writes; found [success, partial, noop, failed, skipped]");
  }

  @Test
  void aRunModeLeftUndeclaredIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir,
            "tables/ops/runs.yaml",
            "accepted_values: [rebuild, incremental, noop, maintain], ",
            "");
    assertRefused(
        schemas,
        "runs.yaml",
        "column mode must declare accepted_values [rebuild, incremental, noop, maintain], the"
            + " values coopstats writes; found null");
  }

  @Test
  void acceptedValuesOnAColumnNotWrittenFromAFixedSetAreRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir,
            "tables/ops/runs.yaml",
            "{name: reconciliation, type: string,",
            "{name: reconciliation, type: string, accepted_values: [balanced],");
    assertRefused(
        schemas,
        "runs.yaml",
        "column reconciliation declares accepted_values, which only the columns coopstats writes"
            + " from a fixed set do (ops.runs.mode, ops.runs.status)");
  }

  @Test
  void aFatalMissingColumnSettingIsRead() throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "sources/fund.yaml", "on_missing_column: fail\n");
    assertThat(Schemas.load(schemas).profiles().get("fund").onMissingColumnOrDefault())
        .isEqualTo(SourceProfile.OnMissingColumn.FAIL);
  }

  @Test
  void goldTablesAreTheSumsThenTheStatisticsBySqlFile() {
    Schemas schemas = Schemas.load(TestPaths.schemas());
    assertThat(schemas.goldTables())
        .containsExactly(
            "fund_yearly",
            "investment_monthly",
            "joint_lab_yearly",
            "training_yearly",
            "investment_share_yearly",
            "program_roi_yearly",
            "tech_investment_ratio_yearly");
    GoldQuery sums = schemas.goldQuery("gold.investment_monthly");
    assertThat(sums.kind()).isEqualTo(GoldQuery.Kind.SUMS);
    assertThat(sums.silverInput()).isEqualTo("silver.investment");
    // Read from the parse: the CTE names and the comments' table names are not inputs.
    assertThat(schemas.goldQuery("gold.program_roi_yearly").inputs())
        .containsExactly(
            "gold.fund_yearly", "gold.joint_lab_yearly", "gold.training_yearly", "ref.program");
  }

  @Test
  void aGoldSchemaFileWithoutItsSqlIsRefused() throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "sources/cgit.yaml", "");
    Files.delete(schemas.resolve("tables/gold/fund_yearly.sql"));
    assertRefused(
        schemas,
        "fund_yearly.yaml",
        "gold.fund_yearly has no SQL file; put the query that computes it in fund_yearly.sql");
  }

  @Test
  void aSqlFileWithoutItsSchemaFileIsRefused() throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "sources/cgit.yaml", "");
    Files.writeString(schemas.resolve("tables/gold/orphan.sql"), "SELECT 1 AS x");
    assertRefused(schemas, "orphan.sql", "no schema file orphan.yaml beside it");
  }

  @Test
  void aGoldQueryReadingSilverAndGoldIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir,
            "tables/gold/fund_yearly.sql",
            "FROM silver.fund",
            "FROM silver.fund JOIN gold.training_yearly USING (year)");
    assertRefused(
        schemas,
        "fund_yearly.sql",
        "it reads [gold.training_yearly, silver.fund]; a gold table either sums one silver table");
  }

  @Test
  void aStatisticReadingAnotherStatisticIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir,
            "tables/gold/program_roi_yearly.sql",
            "FROM gold.fund_yearly",
            "FROM gold.fund_yearly JOIN gold.investment_share_yearly USING (year)");
    assertRefused(
        schemas,
        "program_roi_yearly.sql",
        "it reads [gold.investment_share_yearly], which is a statistic too");
  }

  @Test
  void aGoldQueryThatDoesNotParseIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(dir, "tables/gold/fund_yearly.sql", "GROUP BY", "GROUP");
    assertRefused(schemas, "fund_yearly.sql", "the query does not parse");
  }

  /** A copy of schemas/ with {@code from} replaced by {@code to} in one of its files. */
  @Test
  void silverTablesEndWithTheLineageColumnsDeclaredOnce() {
    Schemas schemas = Schemas.load(TestPaths.schemas());
    for (String kind : java.util.List.of("fund", "investment", "joint_lab", "training")) {
      java.util.List<String> names = schemas.table("silver." + kind).columnNames();
      assertThat(names.subList(names.size() - Lineage.SILVER.size(), names.size()))
          .as(kind)
          .isEqualTo(Lineage.SILVER);
    }
    ColumnSpec line = schemas.table("silver.fund").column(Lineage.LINE).orElseThrow();
    assertThat(line.type()).isEqualTo("bigint");
    assertThat(line.isNullable()).isFalse();
    assertThat(line.comment()).startsWith("Line of the file on which the row starts");
    assertThat(schemas.table("silver.quarantine").columnNames())
        .doesNotContainAnyElementsOf(Lineage.SILVER);
  }

  @Test
  void aLineageColumnDeclaredInATableFileIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir,
            "tables/silver/fund.yaml",
            "  - {name: jobs,",
            "  - {name: _file, type: string, comment: \"File.\"}\n  - {name: jobs,");
    assertRefused(schemas, "fund.yaml", "column _file is a lineage column");
  }

  @Test
  void aLineageFileThatRenamesAColumnTheCodeWritesIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(dir, "tables/lineage.yaml", "{name: _run_id,", "{name: _run,");
    assertRefused(
        schemas,
        "lineage.yaml",
        "but coopstats writes [_file, _sheet, _line, _run_id, _ingested_at]");
  }

  private static void assertRefused(Path schemas, String file, String problem) {
    assertThatThrownBy(() -> Schemas.load(schemas))
        .isInstanceOf(CoopstatsException.class)
        .hasMessageContaining(file)
        .hasMessageContaining(problem)
        .satisfies(
            e -> assertThat(((CoopstatsException) e).exitCode()).isEqualTo(ExitCodes.CONFIG));
  }
}
