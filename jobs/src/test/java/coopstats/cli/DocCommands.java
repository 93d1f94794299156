package coopstats.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The coopstats command lines a Markdown page shows, read as a shell would, and checked against the
 * real command tree without running them. The reading is deliberately simple:
 *
 * <ul>
 *   <li>Commands come from fenced code blocks, one per line, and from inline code spans that start
 *       with {@code bin/coopstats} or {@code coopstats}.
 *   <li>A line that ends in {@code \} continues on the next. A leading {@code $ } prompt and
 *       leading {@code NAME=value} environment assignments are dropped.
 *   <li>Words are split as sh splits them: {@code '...'} and {@code "..."} quote, {@code \}
 *       escapes; {@code $(...)} and {@code $VAR} stay as text. An unquoted {@code |}, {@code ;},
 *       {@code &} or {@code #} ends the command; a redirection ({@code < file}, {@code > file}) is
 *       dropped.
 *   <li>The command is {@code bin/coopstats} or {@code coopstats}, or {@code spark-submit}, whose
 *       arguments after {@code coopstats-jobs.jar} are the application's.
 *   <li>{@code [ ]} marks an optional part, checked as if given.
 *   <li>A placeholder, {@code <name>} or an upper-case word such as {@code DIR}, {@code N} or
 *       {@code YYYY-MM-DD}, is replaced by a sample of its option's type (a date, a number) and
 *       otherwise kept as text.
 * </ul>
 */
final class DocCommands {
  /** One command line of a page: where it is, as written, and its coopstats arguments. */
  record Command(String where, String text, List<String> args) {}

  private static final Pattern FENCE = Pattern.compile("^\\s*```");
  private static final Pattern INLINE = Pattern.compile("`((?:bin/)?coopstats(?: [^`]*)?)`");
  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\\s]+>|[A-Z][A-Z0-9_-]*");
  private static final String SAMPLE_DATE = "2026-11-20";

  /** Marks a line whose quote or $( is not closed: fine in prose, an error in a command. */
  private static final String UNBALANCED = "\0unbalanced";

  private DocCommands() {}

  /** Every coopstats command in {@code markdown}; {@code page} names it in {@link #where}. */
  static List<Command> extract(String page, String markdown) {
    List<Command> found = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    StringBuilder prose = new StringBuilder();
    boolean fenced = false;
    for (int i = 0; i < lines.length; i++) {
      if (FENCE.matcher(lines[i]).find()) {
        fenced = !fenced;
        prose.append('\n');
        continue;
      }
      if (!fenced) {
        prose.append(lines[i]).append('\n');
        continue;
      }
      prose.append('\n');
      int first = i;
      StringBuilder line = new StringBuilder(lines[i].strip());
      while (line.toString().endsWith("\\") && i + 1 < lines.length) {
        line.setLength(line.length() - 1);
        line.append(' ').append(lines[++i].strip());
        prose.append('\n');
      }
      command(line.toString())
          .ifPresent(a -> found.add(new Command(page + ":" + (first + 1), line.toString(), a)));
    }
    Matcher m = INLINE.matcher(prose);
    while (m.find()) {
      String text = m.group(1).replaceAll("\\s+", " ");
      int line = (int) prose.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      command(text).ifPresent(a -> found.add(new Command(page + ":" + line, text, a)));
    }
    return found;
  }

  /** The coopstats arguments of one shell line, if it runs coopstats. */
  static Optional<List<String>> command(String line) {
    List<String> words = words(line.startsWith("$ ") ? line.substring(2) : line);
    while (!words.isEmpty() && ENV.matcher(words.get(0)).matches()) {
      words.remove(0);
    }
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String head = words.get(0);
    int from = -1;
    if (head.equals("coopstats") || head.endsWith("bin/coopstats")) {
      from = 1;
    } else if (head.equals("spark-submit")) {
      for (int i = 1; i < words.size() && from < 0; i++) {
        from = words.get(i).endsWith("coopstats-jobs.jar") ? i + 1 : -1;
      }
    }
    if (from >= 0 && words.contains(UNBALANCED)) {
      throw new IllegalArgumentException("a quote is not closed in: " + line);
    }
    return from < 0 ? Optional.empty() : Optional.of(words.subList(from, words.size()));
  }

  /** Why picocli refuses {@code args}, or empty when it parses them. Nothing is run. */
  static Optional<String> refusal(List<String> args) {
    try {
      new CommandLine(new Main()).parseArgs(withSamples(args).toArray(String[]::new));
      return Optional.empty();
    } catch (CommandLine.ParameterException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** {@code args} with each placeholder option value replaced by a sample of the option's type. */
  static List<String> withSamples(List<String> args) {
    List<String> out = new ArrayList<>();
    CommandLine command = new CommandLine(new Main());
    OptionSpec pending = null;
    for (String arg : args) {
      if (pending != null && PLACEHOLDER.matcher(arg).matches()) {
        out.add(sample(pending.type(), arg));
      } else {
        out.add(arg);
      }
      CommandLine sub = pending == null ? command.getSubcommands().get(arg) : null;
      if (sub != null) {
        command = sub;
      }
      OptionSpec option = arg.startsWith("-") ? command.getCommandSpec().findOption(arg) : null;
      pending = option != null && option.arity().max() > 0 ? option : null;
    }
    return out;
  }

  private static String sample(Class<?> type, String placeholder) {
    if (type == LocalDate.class) {
      return SAMPLE_DATE;
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "1";
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0].toString();
    }
    return placeholder;
  }

  /**
   * The words of a shell line, up to its first unquoted |, ;, & or #, redirections dropped; a quote
   * that is not closed ends the line with {@link #UNBALANCED}.
   */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean redirect = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        redirect = endWord(words, word, inWord, redirect);
        inWord = false;
      } else if (c == '\'' || c == '"') {
        int end = closing(line, i, c);
        if (end < 0) {
          words.add(UNBALANCED);
          break;
        }
        word.append(unescape(line.substring(i + 1, end), c));
        i = end;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        int end = closingParen(line, i + 1);
        if (end < 0) {
          words.add(UNBALANCED);
          break;
        }
        word.append(line, i, end + 1);
        i = end;
        inWord = true;
      } else if (!inWord && (c == '|' || c == ';' || c == '&' || c == '#')) {
        break;
      } else if (!inWord && (c == '<' || c == '>') && !isPlaceholder(line, i)) {
        redirect = true;
      } else if (c != '[' && c != ']') {
        word.append(c);
        inWord = true;
      }
    }
    endWord(words, word, inWord, redirect);
    return words;
  }

  private static boolean endWord(
      List<String> words, StringBuilder word, boolean inWord, boolean redirect) {
    if (!inWord) {
      return redirect;
    }
    if (!redirect) {
      words.add(word.toString());
    }
    word.setLength(0);
    return false;
  }

  private static boolean isPlaceholder(String line, int at) {
    Matcher m = PLACEHOLDER.matcher(line).region(at, line.length());
    return line.charAt(at) == '<' && m.lookingAt() && m.group().startsWith("<");
  }

  private static int closing(String line, int open, char quote) {
    for (int i = open + 1; i < line.length(); i++) {
      if (line.charAt(i) == quote && (quote == '\'' || line.charAt(i - 1) != '\\')) {
        return i;
      }
    }
    return -1;
  }

  private static int closingParen(String line, int open) {
    int depth = 0;
    for (int i = open; i < line.length(); i++) {
      depth += line.charAt(i) == '(' ? 1 : line.charAt(i) == ')' ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String quoted, char quote) {
    return quote == '"' ? quoted.replaceAll("\\\\([\"\\\\$`])", "$1") : quoted;
  }
}
