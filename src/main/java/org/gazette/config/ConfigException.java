package org.gazette.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration is wrong, with every problem found, not just the first.
 *
 * <p>Loading checks everything before it gives up, so that an operator fixes a file in one pass
 * instead of one error per restart. {@link #getMessage()} is one line per problem, in the form
 * compilers use ({@code file:line: key: message}), which editors and terminals can jump to.
 *
 * <p>It is unchecked: callers rarely recover, and the command line turns it into exit code 2.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * One thing wrong in one place.
   *
   * @param file the file as the user named it ({@code config/sites/demo.yaml}), a classpath
   *     resource ({@code classpath:/org/...}) or a command line option ({@code --seed})
   * @param line 1-based line in {@code file}, or 0 when there is no line (a missing key)
   * @param key the key path, such as {@code politeness.minDelay} or {@code seeds[1]}; empty when
   *     the problem is the whole file (a YAML syntax error)
   * @param message what is wrong and, where it helps, what would be right
   */
  public record Problem(String file, int line, String key, String message) {

    public Problem {
      file = file == null ? "" : file;
      key = key == null ? "" : key;
      if (line < 0) {
        throw new IllegalArgumentException("line must not be negative: " + line);
      }
    }

    /** {@code file:line: key: message}, leaving out the line or the key when there is none. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(file);
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
      if (!key.isEmpty()) {
        sb.append(key).append(": ");
      }
      return sb.append(message).toString();
    }
  }

  private final List<Problem> problems;

  /**
   * @param problems at least one problem, in the order to report them
   */
  public ConfigException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem, for checks outside the loader (command line options, selectors). */
  public ConfigException(String file, int line, String key, String message) {
    this(List.of(new Problem(file, line, key, message)));
  }

  /** Every problem found, in file order and, within a file, by line. */
  public List<Problem> problems() {
    return problems;
  }
}
