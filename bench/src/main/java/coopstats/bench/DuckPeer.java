package coopstats.bench;

import coopstats.contract.GoldQuery;
import coopstats.contract.LandingContract;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import coopstats.ref.RefData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark's peer: the pipeline's full build of a landing folder (the four canonical sources)
 * done by DuckDB. It reads the same landing files, normalises countries, units and currencies in
 * SQL over the same reference tables, applies the silver schema files' parse and quarantine rules
 * and the last-line-wins dedup, and writes silver, quarantine and gold (the pipeline's own gold
 * SQL) as Parquet.
 *
 * <p>Not done, unlike the pipeline: no Delta tables, no bronze, no incremental state or run log, no
 * snapshot sources or sources that rename columns (such as CGIT), no rescued columns, and
 * quarantine rows carry their rule but not the delivered text or the reason. Lines are rows of a
 * file in order (DuckDB's CSV reader gives no line numbers), which orders duplicates the same way.
 *
 * <p>Usage: {@code DuckPeer LANDING OUT [SCHEMAS]}; SCHEMAS defaults to {@code
 * $coopstats.home/schemas}.
 */
public final class DuckPeer {
  /** What Java's String.strip() removes: Character.isWhitespace. */
  private static final String WHITESPACE =
      " \t\n\u000B\f\r\u001C\u001D\u001E\u001F\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
          + "\u2008\u2009\u200A\u2028\u2029\u205F\u3000";

  private final Path landing;
  private final Path out;
  private final Schemas schemas;
  private final Connection db;
  private long started = System.nanoTime();

  private DuckPeer(Path landing, Path out, Schemas schemas, Connection db) {
    this.landing = landing;
    this.out = out;
    this.schemas = schemas;
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: DuckPeer LANDING OUT [SCHEMAS]");
      System.exit(64);
    }
    Path landing = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    Path schemaDir =
        args.length > 2
            ? Path.of(args[2])
            : Path.of(System.getProperty("coopstats.home", "."), "schemas");
    if (!Files.isDirectory(landing)) {
      System.err.println("DuckPeer: the landing folder " + landing + " does not exist");
      System.exit(66);
    }
    Files.createDirectories(out);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      new DuckPeer(landing, out, Schemas.load(schemaDir), db).run();
    }
  }

  private void run() throws SQLException, IOException {
    // Fair to the pipeline's -Xmx3g on local[*]: the same memory and every core.
    exec("SET memory_limit = '3GB'");
    exec("SET threads = " + Runtime.getRuntime().availableProcessors());
    exec("SET temp_directory = " + lit(out.resolve("tmp").toString()));
    // Rows keep their file order, which the last-line-wins dedup needs.
    exec("SET preserve_insertion_order = true");
    exec("CREATE SCHEMA IF NOT EXISTS ref");
    exec("CREATE SCHEMA IF NOT EXISTS silver");
    loadRef(RefData.load(schemas));
    script("peer-macros.sql");
    script("peer-ref.sql");
    lap("reference tables and macros");

    List<String> kinds = new ArrayList<>();
    for (LandingContract contract : schemas.contracts().values()) {
      SourceProfile profile = profile(contract);
      if (profile == null) {
        continue;
      }
      kinds.add(contract.kind());
      long rows = bronze(contract, profile);
      lap("read " + profile.source() + " (" + rows + " rows)");
      TableSchema silver = schemas.table(contract.silverTable());
      SilverSql sql = new SilverSql(silver, contract, profile.source());
      profiled(sql.typed());
      RuleSql rules = new RuleSql(silver, contract.kind());
      profiled(rules.checked());
      failRules(silver, rules);
      exec(
          "CREATE OR REPLACE VIEW silver."
              + silver.name()
              + " AS SELECT "
              + sql.columnList()
              + " FROM checked_"
              + contract.kind()
              + " WHERE q_rule IS NULL");
      Files.createDirectories(out.resolve("silver"));
      exec(
          "COPY (SELECT * FROM silver."
              + silver.name()
              + ") TO "
              + lit(out.resolve("silver/" + silver.name() + ".parquet").toString())
              + " (FORMAT PARQUET)");
      lap("silver." + silver.name() + " (" + count("silver." + silver.name()) + " rows)");
    }
    if (kinds.isEmpty()) {
      throw new IllegalStateException(
          "no source folder of the four canonical kinds under " + landing);
    }
    String quarantine =
        kinds.stream()
            .map(
                k ->
                    "SELECT source, "
                        + lit(k)
                        + " AS kind, _file AS file, _line AS line, CAST(NULL AS VARCHAR) AS raw,"
                        + " q_rule AS rule, CAST(NULL AS VARCHAR) AS reason, _run_id AS run_id FROM"
                        + " checked_"
                        + k
                        + " WHERE q_rule IS NOT NULL")
            .collect(Collectors.joining(" UNION ALL "));
    exec(
        "COPY ("
            + quarantine
            + ") TO "
            + lit(out.resolve("silver/quarantine.parquet").toString())
            + " (FORMAT PARQUET)");
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT rule, count(*) FROM (" + quarantine + ") GROUP BY rule ORDER BY rule")) {
      StringBuilder b = new StringBuilder();
      while (r.next()) {
        b.append(b.length() == 0 ? "" : ", ")
            .append(r.getString(1))
            .append('=')
            .append(r.getLong(2));
      }
      lap("silver.quarantine (" + b + ")");
    }
    Files.createDirectories(out.resolve("gold"));
    exec("CREATE SCHEMA IF NOT EXISTS gold");
    // The sums first (from silver), then the statistics (from the sums), as the pipeline does.
    for (GoldQuery query : schemas.goldQueries()) {
      String table = query.name();
      exec("CREATE OR REPLACE TABLE gold." + table + " AS " + query.sql());
      exec(
          "COPY gold."
              + table
              + " TO "
              + lit(out.resolve("gold/" + table + ".parquet").toString())
              + " (FORMAT PARQUET)");
      lap("gold." + table + " (" + count("gold." + table) + " rows)");
    }
  }

  /** The one source of a kind this peer reads: the kind's own folder, canonical columns. */
  private SourceProfile profile(LandingContract contract) {
    SourceProfile p = schemas.profiles().get(contract.kind());
    if (p == null || !Files.isDirectory(landing.resolve(p.source()))) {
      return null;
    }
    if (p.isSnapshot() || p.keyColumns().isEmpty() || !p.constantsOrEmpty().isEmpty()) {
      throw new IllegalStateException(
          "source " + p.source() + ": the peer reads incremental, keyed sources only");
    }
    return p;
  }

  /**
   * Reads every file of the source into bronze_kind: _file, then the contract's columns as text.
   */
  private long bronze(LandingContract contract, SourceProfile profile)
      throws SQLException, IOException {
    Map<String, String> mapping = profile.headerMapping(contract);
    List<String> columns = contract.columns().stream().map(LandingContract.Column::name).toList();
    exec(
        "CREATE OR REPLACE TABLE bronze_"
            + contract.kind()
            + " (_file VARCHAR, "
            + columns.stream().map(c -> q(c) + " VARCHAR").collect(Collectors.joining(", "))
            + ")");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(landing.resolve(profile.source()))) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String rel = landing.relativize(file).toString();
      if (file.getFileName().toString().startsWith(".")) {
        continue;
      }
      Path readable = utf8(file, rel, profile);
      String select;
      if (profile.isJsonLines(rel)) {
        select =
            "read_json("
                + lit(readable.toString())
                + ", format = 'newline_delimited', ignore_errors = true, columns = {"
                + columns.stream()
                    .map(c -> lit(c) + ": 'VARCHAR'")
                    .collect(Collectors.joining(", "))
                + "})";
        insert(contract, rel, columns, columns, select);
      } else {
        List<String> header = header(readable);
        Map<String, String> byKey = new HashMap<>();
        mapping.forEach((column, h) -> byKey.put(headerKey(h), column));
        List<String> named = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
          String column = byKey.get(headerKey(header.get(i)));
          named.add(column != null && !named.contains(column) ? column : "_extra" + i);
        }
        List<String> missing =
            contract.requiredColumns().stream().filter(c -> !named.contains(c)).toList();
        if (!missing.isEmpty()) {
          System.err.println(
              "peer: " + rel + " lacks required column(s) " + missing + "; its rows are not read");
          continue;
        }
        select =
            "read_csv("
                + lit(readable.toString())
                + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
                + " ignore_errors = true, max_line_size = 4000000, columns = {"
                + named.stream().map(c -> lit(c) + ": 'VARCHAR'").collect(Collectors.joining(", "))
                + "})";
        insert(contract, rel, columns, named, select);
      }
    }
    return count("bronze_" + contract.kind());
  }

  private void insert(
      LandingContract contract, String rel, List<String> columns, List<String> present, String from)
      throws SQLException {
    exec(
        "INSERT INTO bronze_"
            + contract.kind()
            + " SELECT "
            + lit(rel)
            + ", "
            + columns.stream()
                .map(c -> present.contains(c) ? q(c) : "NULL")
                .collect(Collectors.joining(", "))
            + " FROM "
            + from);
  }

  /**
   * The file as UTF-8 for DuckDB: as it is when it is UTF-8 without a byte-order mark, else decoded
   * as the pipeline decodes it (BOM, strict UTF-8, then the profile's fallback such as GB18030) and
   * written out again as UTF-8 under OUT/utf8.
   */
  private Path utf8(Path file, String rel, SourceProfile profile) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    boolean bom =
        bytes.length >= 3
            && (bytes[0] & 0xFF) == 0xEF
            && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF;
    boolean utf16 =
        bytes.length >= 2
            && (((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)
                || ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF));
    String text;
    if (bom) {
      text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    } else if (utf16) {
      text = new String(bytes, StandardCharsets.UTF_16);
    } else if (profile.encoding() != null && !"auto".equalsIgnoreCase(profile.encoding())) {
      text = new String(bytes, Charset.forName(profile.encoding()));
    } else {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
        return file;
      } catch (CharacterCodingException notUtf8) {
        String fallback = profile.fallbackEncoding();
        text = new String(bytes, Charset.forName(fallback == null ? "windows-1252" : fallback));
      }
    }
    Path copy = out.resolve("utf8").resolve(rel);
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, text, StandardCharsets.UTF_8);
    return copy;
  }

  /** The header line's fields (a header is one line, as in the pipeline). */
  private static List<String> header(Path file) throws IOException {
    String first;
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      first = lines.filter(l -> !l.isBlank()).findFirst().orElse("");
    }
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < first.length(); i++) {
      char c = first.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < first.length() && first.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    fields.add(f.toString());
    return fields;
  }

  /** Headers match trimmed, case-insensitive, with inner spacing collapsed, as in bronze. */
  private static String headerKey(String header) {
    return header == null ? "" : header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** A fail rule broken by a row that reaches silver stops the peer, as it stops the pipeline. */
  private void failRules(TableSchema silver, RuleSql rules) throws SQLException {
    String counts = rules.failCounts();
    if (counts == null) {
      return;
    }
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(counts)) {
      r.next();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        if (r.getLong(i) > 0) {
          throw new IllegalStateException(
              silver.table()
                  + ": fail rule "
                  + r.getMetaData().getColumnName(i)
                  + " is broken by "
                  + r.getLong(i)
                  + " row(s)");
        }
      }
    }
  }

  /**
   * The reference tables, loaded with the pipeline's own loader; JDK names as the pipeline adds
   * them.
   */
  private void loadRef(RefData ref) throws SQLException {
    exec(
        "CREATE TABLE ref.country (iso3 VARCHAR, iso2 VARCHAR, name_en VARCHAR, name_zh VARCHAR,"
            + " region VARCHAR, source VARCHAR)");
    exec("CREATE TABLE ref.country_jdk_name (name VARCHAR, iso3 VARCHAR, ord BIGINT)");
    List<Object[]> countries = new ArrayList<>();
    List<Object[]> names = new ArrayList<>();
    for (RefData.Country c : ref.countries()) {
      countries.add(
          new Object[] {c.iso3(), c.iso2(), c.nameEn(), c.nameZh(), c.region(), c.source()});
      // CountryResolver's names, in its order: the first one given for a key wins.
      Locale locale = new Locale("", c.iso2());
      for (String n :
          new String[] {
            c.nameEn(),
            c.nameZh(),
            locale.getDisplayCountry(Locale.ENGLISH),
            locale.getDisplayCountry(Locale.TRADITIONAL_CHINESE)
          }) {
        if (n != null) {
          names.add(new Object[] {n, c.iso3(), (long) names.size()});
        }
      }
    }
    insert("ref.country", countries);
    insert("ref.country_jdk_name", names);
    exec("CREATE TABLE ref.country_alias (alias VARCHAR, iso3 VARCHAR, ord BIGINT)");
    List<Object[]> aliases = new ArrayList<>();
    for (RefData.Alias a : ref.aliases()) {
      aliases.add(new Object[] {a.alias(), a.iso3(), (long) aliases.size()});
    }
    insert("ref.country_alias", aliases);
    exec(
        "CREATE TABLE ref.country_group (group_type VARCHAR, group_id VARCHAR, iso3 VARCHAR,"
            + " valid_from DATE, valid_to DATE, source VARCHAR, note VARCHAR)");
    List<Object[]> groups = new ArrayList<>();
    for (RefData.GroupMember g : ref.groups()) {
      groups.add(
          new Object[] {
            g.groupType(),
            g.groupId(),
            g.iso3(),
            g.validFrom() == null ? null : java.sql.Date.valueOf(g.validFrom()),
            g.validTo() == null ? null : java.sql.Date.valueOf(g.validTo()),
            g.source(),
            g.note()
          });
    }
    insert("ref.country_group", groups);
    exec(
        "CREATE TABLE ref.sector (taxonomy VARCHAR, code VARCHAR, name VARCHAR, is_tech BOOLEAN,"
            + " ord BIGINT)");
    List<Object[]> sectors = new ArrayList<>();
    for (RefData.Sector s : ref.sectors()) {
      sectors.add(
          new Object[] {s.taxonomy(), s.code(), s.name(), s.isTech(), (long) sectors.size()});
    }
    insert("ref.sector", sectors);
    exec("CREATE TABLE ref.fx_rate (currency VARCHAR, year INTEGER, units_per_usd DECIMAL(18, 6))");
    List<Object[]> fx = new ArrayList<>();
    java.util.Set<String> rates = new java.util.HashSet<>();
    for (RefData.FxRate r : ref.fxRates()) {
      if (!rates.add(r.currency() + ":" + r.year())) {
        throw new IllegalStateException(
            "ref.fx_rate has two rates for " + r.currency() + " " + r.year() + "; keep one");
      }
      if (r.unitsPerUsd().stripTrailingZeros().scale() > 6) {
        throw new IllegalStateException(
            "ref.fx_rate " + r.currency() + " " + r.year() + ": the peer takes at most 6 decimals");
      }
      fx.add(new Object[] {r.currency(), r.year(), r.unitsPerUsd()});
    }
    insert("ref.fx_rate", fx);
    exec(
        "CREATE TABLE ref.program (program_id VARCHAR, program_name VARCHAR, sponsor_iso3 VARCHAR,"
            + " kind VARCHAR, description VARCHAR, source VARCHAR)");
    List<Object[]> programs = new ArrayList<>();
    for (RefData.Program p : ref.programs()) {
      programs.add(
          new Object[] {
            p.programId(), p.programName(), p.sponsorIso3(), p.kind(), p.description(), p.source()
          });
    }
    insert("ref.program", programs);
    // The JDK's currency and month names, as the pipeline's Currencies and Months take them.
    exec("CREATE TABLE ref.currency_code (code VARCHAR)");
    exec("CREATE TABLE ref.currency_name (name VARCHAR, code VARCHAR)");
    Map<String, String> byName = new LinkedHashMap<>();
    List<Object[]> codes = new ArrayList<>();
    for (Currency c : Currency.getAvailableCurrencies()) {
      codes.add(new Object[] {c.getCurrencyCode()});
      for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
        byName.putIfAbsent(c.getDisplayName(l).toLowerCase(Locale.ROOT), c.getCurrencyCode());
      }
    }
    Map.of(
            "元", "CNY", "人民币元", "CNY", "rmb", "CNY", "美金", "USD", "us$", "USD", "$", "USD", "€",
            "EUR", "£", "GBP")
        .forEach(byName::put);
    insert("ref.currency_code", codes);
    insert(
        "ref.currency_name",
        byName.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
    exec("CREATE TABLE ref.month_name (name VARCHAR, month INTEGER)");
    Map<String, Integer> months = new LinkedHashMap<>();
    for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      DateFormatSymbols symbols = DateFormatSymbols.getInstance(l);
      for (int i = 0; i < 12; i++) {
        months.put(symbols.getMonths()[i].toLowerCase(Locale.ROOT), i + 1);
        months.put(symbols.getShortMonths()[i].toLowerCase(Locale.ROOT), i + 1);
      }
    }
    months.put("sept", 9);
    insert(
        "ref.month_name",
        months.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
  }

  private void insert(String table, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String marks = "?" + ", ?".repeat(rows.get(0).length - 1);
    try (PreparedStatement p =
        db.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          p.setObject(i + 1, row[i]);
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private void script(String resource) throws SQLException, IOException {
    String text;
    try (InputStream in = DuckPeer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String ws = "'" + WHITESPACE + "'";
    StringBuilder wsClass = new StringBuilder();
    WHITESPACE.codePoints().forEach(c -> wsClass.append(String.format("\\x{%x}", c)));
    StringBuilder statement = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("--")) {
        continue;
      }
      statement.append(line).append('\n');
      if (line.endsWith(";")) {
        exec(statement.toString().replace("WSCLASS", wsClass.toString()).replace("WS", ws));
        statement.setLength(0);
      }
    }
  }

  /** Runs a statement; with -Dpeer.explain=true prints its plan with each operator's time. */
  private void profiled(String sql) throws SQLException {
    if (!Boolean.getBoolean("peer.explain")) {
      exec(sql);
      return;
    }
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("EXPLAIN ANALYZE " + sql)) {
      while (r.next()) {
        System.err.println(r.getString(2));
      }
    }
  }

  private long count(String table) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + "\nin: " + sql, e);
    }
  }

  private void lap(String what) {
    long now = System.nanoTime();
    System.err.printf(Locale.ROOT, "peer: %-60s %6.1f s%n", what, (now - started) / 1e9);
    started = now;
  }

  private static String q(String identifier) {
    return "\"" + identifier + "\"";
  }

  private static String lit(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
