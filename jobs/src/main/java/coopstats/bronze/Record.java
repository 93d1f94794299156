package coopstats.bronze;

import java.util.List;

/**
 * One delivered record: the line it starts on, its raw text, its field values (CSV) or its
 * key-value pairs (JSON Lines, as alternating entries), and a parse error if it could not be read.
 */
record Record(long line, String raw, List<String> values, String error) {}
