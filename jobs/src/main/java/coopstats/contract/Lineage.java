package coopstats.contract;

import java.util.List;

/**
 * The names of the lineage columns, which say where in landing a row came from and which run
 * brought it. Silver's types, nullability and comments are in {@code schemas/tables/lineage.yaml},
 * whose names are checked against {@link #SILVER} when {@code schemas/} loads; bronze's schema is
 * built from {@link #BRONZE} by its reader.
 */
public final class Lineage {
  /** The landing source (bronze only: silver carries it as its first column, {@code source}). */
  public static final String SOURCE = "_source";

  public static final String FILE = "_file";

  /** The workbook sheet the record came from; null for CSV and JSON Lines files. */
  public static final String SHEET = "_sheet";

  public static final String LINE = "_line";
  public static final String RUN_ID = "_run_id";
  public static final String INGESTED_AT = "_ingested_at";

  /** The record as delivered, decoded to text (bronze only). */
  public static final String RAW = "_raw";

  /** Why the record could not be read; null when it could (bronze only). */
  public static final String ERROR = "_error";

  /** The delivered columns the profile does not map, as a JSON object (bronze only). */
  public static final String RESCUED = "_rescued";

  /** The name of the rule an unreadable record breaks (bronze only). */
  public static final String RULE = "_rule";

  /** The lineage columns a silver table with {@code lineage: true} carries last, in order. */
  public static final List<String> SILVER = List.of(FILE, SHEET, LINE, RUN_ID, INGESTED_AT);

  /** The columns every bronze table starts with, in order, before its source's own. */
  public static final List<String> BRONZE =
      List.of(SOURCE, FILE, LINE, RUN_ID, INGESTED_AT, RAW, ERROR, RESCUED, RULE, SHEET);

  private Lineage() {}
}
