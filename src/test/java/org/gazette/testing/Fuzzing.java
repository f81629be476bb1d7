package org.gazette.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.slf4j.LoggerFactory;

/**
 * The seed and the number of tries of the fuzz properties ({@code *FuzzTest}, jqwik), and the
 * regression fixtures they left behind.
 *
 * <p>By default every property runs from the fixed seed {@link #SEED}, so that {@code mvn verify}
 * tries the same inputs on every machine and a red build is never luck. A longer hunt for new
 * failures changes both from the command line (surefire hands {@code -D} values to the test JVM):
 *
 * <pre>
 * mvn test -Dtest='*FuzzTest' -Dgazette.fuzz.seed=random -Dgazette.fuzz.tries=50
 * </pre>
 *
 * <p>{@code gazette.fuzz.seed} is a number or {@code random} (a new seed for each property, which
 * jqwik prints with any failure); {@code gazette.fuzz.tries} multiplies each property's tries.
 * An input that made gazette fail is kept under {@code src/test/resources/fuzz/<target>/} and
 * replayed by a plain test of the same class, whatever the seed.
 *
 * <p>Used as {@code @AddLifecycleHook(Fuzzing.class)} on a fuzz test class.
 */
public final class Fuzzing implements AroundPropertyHook {

  /** The seed of every fuzz property unless {@code -Dgazette.fuzz.seed} says otherwise. */
  public static final String SEED = "8052026";

  /** jqwik makes the hook itself. */
  public Fuzzing() {}

  /** Registered on a class, the hook must reach the properties in it (and in nested classes). */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    PropertyAttributes attributes = context.attributes();
    String seed = System.getProperty("gazette.fuzz.seed", SEED).strip();
    if (!seed.equalsIgnoreCase("random")) {
      attributes.setSeed(seed);
    }
    int factor = Integer.parseInt(System.getProperty("gazette.fuzz.tries", "1").strip());
    if (factor != 1) {
      attributes.tries().ifPresent(tries -> attributes.setTries(tries * factor));
    }
    return property.execute();
  }

  /**
   * Raises {@code loggers} to ERROR until the returned action runs: most fuzz inputs are bad, and
   * the warning each one earns would bury the build's console output (target/test.log keeps
   * nothing of them either, which is the price).
   */
  public static Runnable silence(String... loggers) {
    List<Runnable> restore = new ArrayList<>();
    for (String name : loggers) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      Level level = logger.getLevel();
      logger.setLevel(Level.ERROR);
      restore.add(() -> logger.setLevel(level));
    }
    return () -> restore.forEach(Runnable::run);
  }

  /**
   * The regression fixtures of one fuzz target, {@code src/test/resources/fuzz/<target>/}, in name
   * order; fails when there are none, so that a replay test cannot pass by replaying nothing.
   */
  public static List<Path> fixtures(String target) {
    URL folder = Fuzzing.class.getResource("/fuzz/" + target);
    if (folder == null) {
      throw new AssertionError("no folder fuzz/" + target + " among the test resources");
    }
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      List<Path> found = files.filter(Files::isRegularFile).sorted().toList();
      if (found.isEmpty()) {
        throw new AssertionError("no fixture in fuzz/" + target);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
