package coopstats.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/coopstats serve} serves a warehouse built by {@code bin/coopstats run} on the bundled
 * sample; Spark's published JVM client ({@code spark-connect-client-jvm}), as an analyst uses it,
 * attaches to it and reads gold. What it reads is checked against {@code bin/coopstats sql}, which
 * reads the same table in its own JVM without the server, and against the table's schema file.
 */
class ServeIT {
  static final String TABLE = "investment_share_yearly";
  static final String QUERY =
      "SELECT * FROM gold." + TABLE + " ORDER BY year, group_type, group_key";

  /** A schema file's column: {@code - {name: year, type: int, ...}}, the type quoted or not. */
  private static final Pattern COLUMN =
      Pattern.compile("\\{name:\\s*(\\w+),\\s*type:\\s*(?:\"([^\"]+)\"|([^,}\\s]+))");

  @TempDir Path dir;

  @Test
  void theJvmClientReadsGoldThroughServeAsCoopstatsSqlDoes() throws Exception {
    Path launcher = home().resolve("bin/coopstats");
    assertThat(launcher)
        .as("the launcher the tests run, under coopstats.home=%s", home())
        .isExecutable();

    Path warehouse = dir.resolve("warehouse");
    Launched run =
        coopstats(
            "run",
            "--landing",
            home().resolve("sample/landing").toString(),
            "--warehouse",
            warehouse.toString());
    assertThat(run.code()).as("coopstats run on the sample:\n%s", run.err()).isZero();

    // The independent read: coopstats sql in its own JVM, straight from the Delta files.
    Launched sql = coopstats("sql", "--warehouse", warehouse.toString(), "--format", "csv", QUERY);
    assertThat(sql.code()).as("coopstats sql:\n%s", sql.err()).isZero();
    List<String> lines = sql.out().lines().toList();
    assertThat(lines).as("coopstats sql's CSV: a header and rows").hasSizeGreaterThan(1);
    List<String> header = csv(lines.get(0));
    List<List<String>> expected =
        lines.subList(1, lines.size()).stream().map(ServeIT::csv).toList();
    Map<String, String> schema = schemaFileColumns();
    List<String> goldTables = deltaTablesIn(warehouse.resolve("gold"));
    assertThat(goldTables).contains(TABLE);

    int port = freePort();
    Path log = dir.resolve("serve.err");
    Process server =
        new ProcessBuilder(
                launcher.toString(),
                "serve",
                "--warehouse",
                warehouse.toString(),
                "--port",
                String.valueOf(port))
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("serve.out").toFile())
            .redirectError(log.toFile())
            .start();
    try {
      awaitServing(server, log, port);
      // Every port the server listens on, Spark Connect's and the driver's own, is on loopback.
      assertThat(listening(server.pid()))
          .as("the addresses coopstats serve listens on")
          .hasSizeGreaterThanOrEqualTo(3)
          .allSatisfy(a -> assertThat(a.isLoopbackAddress()).as(a.toString()).isTrue());
      try (SparkSession client =
          SparkSession.builder().remote("sc://127.0.0.1:" + port).getOrCreate()) {
        var gold = client.sql(QUERY);
        assertThat(gold.columns()).as("columns").containsExactlyElementsOf(header);
        Map<String, String> types = new LinkedHashMap<>();
        for (StructField f : gold.schema().fields()) {
          types.put(f.name(), f.dataType().simpleString());
        }
        assertThat(types).as("column types, against the schema file").isEqualTo(schema);

        List<Row> rows = gold.collectAsList();
        assertThat(rows).as("rows, against coopstats sql").hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
          for (int c = 0; c < header.size(); c++) {
            Object value = rows.get(i).get(c);
            assertThat(value)
                .as(
                    "row %d, column %s: %s against %s",
                    i, header.get(c), rows.get(i), lines.get(i + 1))
                .isEqualTo(parse(expected.get(i).get(c), schema.get(header.get(c))));
          }
        }

        // docs/dashboards.md's example query, against the same rows of coopstats sql.
        List<String> partners =
            client
                .sql(
                    "SELECT year, share FROM gold."
                        + TABLE
                        + " WHERE group_key = 'belt_and_road' ORDER BY year")
                .collectAsList()
                .stream()
                .map(r -> r.get(0) + " " + r.get(1))
                .toList();
        int year = header.indexOf("year");
        int share = header.indexOf("share");
        assertThat(partners)
            .as("the Belt and Road partners' shares")
            .isNotEmpty()
            .containsExactlyElementsOf(
                expected.stream()
                    .filter(r -> r.get(header.indexOf("group_key")).equals("belt_and_road"))
                    .map(
                        r ->
                            parse(r.get(year), schema.get("year"))
                                + " "
                                + parse(r.get(share), schema.get("share")))
                    .toList());

        List<Row> shown = client.sql("SHOW TABLES IN gold").collectAsList();
        assertThat(shown)
            .allSatisfy(r -> assertThat(r.getAs("namespace").toString()).isEqualTo("gold"));
        assertThat(shown).allSatisfy(r -> assertThat((Boolean) r.getAs("isTemporary")).isFalse());
        assertThat(shown.stream().map(r -> r.<String>getAs("tableName")).toList())
            .as("SHOW TABLES IN gold, against the Delta tables in the warehouse's gold folder")
            .containsExactlyInAnyOrderElementsOf(goldTables);

        assertThatThrownBy(() -> client.sql("SELECT * FROM gold.no_such_table").collectAsList())
            .isInstanceOf(AnalysisException.class)
            .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND")
            .hasMessageContaining("no_such_table");

        // No read-only mode (docs/dashboards.md): a client's INSERT is a new commit of the
        // warehouse's table.
        Path deltaLog = warehouse.resolve("gold").resolve(TABLE).resolve("_delta_log");
        long commits = commits(deltaLog);
        client
            .sql(
                "INSERT INTO gold."
                    + TABLE
                    + " SELECT series, 1900, group_type, group_key, amount_usd, total_usd, share,"
                    + " yoy_growth FROM gold."
                    + TABLE
                    + " WHERE group_type = 'all' ORDER BY year LIMIT 1")
            .collectAsList();
        assertThat(commits(deltaLog)).as("commits in %s", deltaLog).isEqualTo(commits + 1);
        assertThat(warehouse.resolve("gold").resolve(TABLE).resolve("year=1900")).isDirectory();
        assertThat(client.sql("SELECT * FROM gold." + TABLE + " WHERE year = 1900").count())
            .isEqualTo(1);
      } catch (Throwable e) {
        throw new AssertionError(e.getMessage() + "\n--- coopstats serve's log:\n" + read(log), e);
      }
    } finally {
      server.destroy();
      if (!server.waitFor(2, TimeUnit.MINUTES)) {
        server.destroyForcibly();
      }
    }
    assertThat(server.isAlive()).as("coopstats serve 2 minutes after SIGTERM").isFalse();
    assertThat(server.exitValue()).as("exit code after SIGTERM:\n%s", read(log)).isEqualTo(143);
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .as("port %d once the server has stopped", port)
        .isInstanceOf(ConnectException.class);
  }

  /**
   * The local addresses of the TCP sockets process {@code pid} listens on, from Linux's {@code
   * /proc}: the socket inodes among its open files, looked up in {@code /proc/net/tcp} and {@code
   * tcp6} (state 0A is LISTEN; addresses are hex words in the machine's byte order).
   */
  private static List<InetAddress> listening(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // a file closed while it was listed
        }
      }
    }
    List<InetAddress> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
        String[] f = line.strip().split("\\s+");
        if (f[3].equals("0A") && inodes.contains(f[9])) {
          String hex = f[1].substring(0, f[1].indexOf(':'));
          byte[] address = new byte[hex.length() / 2];
          for (int word = 0; word < address.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
              int at = word * 8 + (3 - b) * 2;
              address[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
          }
          out.add(InetAddress.getByAddress(address));
        }
      }
    }
    return out;
  }

  /** Waits for the server's "serving" line; fails with its log if it exits first. */
  private static void awaitServing(Process server, Path log, int port) throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < giveUp) {
      String text = read(log);
      if (text.contains("coopstats: serving")) {
        assertThat(text).contains("on sc://127.0.0.1:" + port + " ");
        return;
      }
      if (!server.isAlive()) {
        throw new AssertionError(
            "coopstats serve exited with " + server.exitValue() + ":\n" + text);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("coopstats serve did not start in 10 minutes:\n" + read(log));
  }

  /** A CSV field of coopstats sql as the client's value for a column of the given type. */
  private static Object parse(String field, String type) {
    if (field.isEmpty() && !type.equals("string")) {
      return null;
    }
    if (type.equals("int")) {
      return Integer.valueOf(field);
    }
    if (type.equals("double")) {
      return Double.valueOf(field);
    }
    if (type.startsWith("decimal(")) {
      return new BigDecimal(field);
    }
    if (type.equals("string")) {
      return field;
    }
    throw new AssertionError("the test does not know how to compare a " + type + " column");
  }

  /** One line of RFC 4180 CSV: a field is quoted when it holds a comma or a quote. */
  static List<String> csv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    assertThat(quoted).as("unbalanced quotes in CSV line %s", line).isFalse();
    fields.add(field.toString());
    return fields;
  }

  /** The columns and types the schema file declares for the table, in order. */
  private static Map<String, String> schemaFileColumns() throws IOException {
    Path file = home().resolve("schemas/tables/gold").resolve(TABLE + ".yaml");
    Map<String, String> columns = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher m = COLUMN.matcher(line);
      if (line.strip().startsWith("- {name:") && m.find()) {
        columns.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
      }
    }
    assertThat(columns).as("columns of %s", file).isNotEmpty();
    return columns;
  }

  /** The folders of {@code layer} that hold a Delta table, sorted. */
  private static List<String> deltaTablesIn(Path layer) throws IOException {
    try (Stream<Path> folders = Files.list(layer)) {
      return folders
          .filter(f -> Files.isDirectory(f.resolve("_delta_log")))
          .map(f -> f.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private static long commits(Path deltaLog) throws IOException {
    try (Stream<Path> files = Files.list(deltaLog)) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json")).count();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  /** The project folder: where bin/, schemas/ and sample/ are. */
  static Path home() {
    return Path.of(System.getProperty("coopstats.home", "..")).toAbsolutePath().normalize();
  }

  record Launched(int code, String out, String err) {}

  /** Runs {@code bin/coopstats} with the arguments in its own JVM, to its end. */
  Launched coopstats(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(home().resolve("bin/coopstats").toString());
    command.addAll(Arrays.asList(args));
    Path out = Files.createTempFile(dir, "coopstats", ".out");
    Path err = Files.createTempFile(dir, "coopstats", ".err");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(
          "coopstats did not finish in 10 minutes: " + command + "\n" + read(err));
    }
    return new Launched(p.exitValue(), read(out), read(err));
  }
}
