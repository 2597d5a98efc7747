package dev.containerize.build;

import dev.containerize.BuildLog;
import dev.containerize.EnvironmentException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a child process in a folder, streaming its output to the build log line by line. Its
 * children never outlive the build: a JVM that stops on SIGTERM or SIGINT (Ctrl-C) stops them
 * first, and one killed outright leaves a note for the next build to stop them.
 */
public final class ProcessRunner {
  private static final int TAIL_LINES = 15;
  private static final int HEAD_LINES = 15;

  /** The children running now, in every build of this JVM, which a JVM shutdown stops. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ProcessRunner::stopAll, "container-maven-plugin children"));
  }

  /** Whether the JVM is shutting down, so that a child that ends now was stopped, not failed. */
  private static volatile boolean stopping;

  private final BuildLog log;
  private final Map<String, String> environment;
  private final Optional<RunningProcessRecord> record;

  /** Creates a runner whose children see the current environment plus {@code environment}. */
  public ProcessRunner(BuildLog log, Map<String, String> environment) {
    this(log, environment, null);
  }

  /**
   * Creates a runner that also keeps a note of its running child in {@code recordFile}, and first
   * stops a child that a build killed outright left running there.
   */
  public ProcessRunner(BuildLog log, Map<String, String> environment, Path recordFile) {
    this.log = log;
    this.environment = environment;
    this.record = Optional.ofNullable(recordFile).map(RunningProcessRecord::new);
  }

  /**
   * What a finished process left behind: its exit code and its first and last lines of output (npm
   * states a usage error first, then prints its whole help).
   */
  public record Result(int exitCode, List<String> head, List<String> tail) {
    /** Whether the process exited with code 0. */
    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The last output lines, indented, one per line, for an error message. */
    public String tailText() {
      return indented(tail);
    }

    /** The first output lines, indented, one per line, for an error message. */
    public String headText() {
      return indented(head);
    }

    /** {@code lines}, indented, one per line, for an error message. */
    static String indented(List<String> lines) {
      return lines.isEmpty() ? "  (no output)" : "  " + String.join("\n  ", lines);
    }
  }

  /** Runs {@code command} in {@code directory} and waits for it. */
  public Result run(List<String> command, Path directory) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.redirectErrorStream(true);
    builder.environment().putAll(environment);
    record.ifPresent(r -> r.stopLeftover(log));
    Process process = start(builder, command);
    RUNNING.add(process);
    record.ifPresent(r -> r.write(process.toHandle(), command, directory));
    List<String> head = new ArrayList<>();
    Deque<String> tail = new ArrayDeque<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        log.info("  " + line);
        if (head.size() < HEAD_LINES) {
          head.add(line);
        }
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
          tail.removeFirst();
        }
      }
      int exitCode = process.waitFor();
      if (stopping) {
        throw new EnvironmentException(
            "Maven is stopping, so it stopped `" + String.join(" ", command) + "` in " + directory);
      }
      return new Result(exitCode, List.copyOf(head), List.copyOf(tail));
    } catch (IOException e) {
      throw new EnvironmentException("Lost the output of `" + String.join(" ", command) + "`", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("Interrupted while `" + String.join(" ", command) + "` ran");
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      RUNNING.remove(process);
      record.ifPresent(RunningProcessRecord::clear);
    }
  }

  private static void stopAll() {
    stopping = true;
    for (Process process : RUNNING) {
      RunningProcessRecord.stopTree(process.toHandle());
    }
  }

  /**
   * Runs {@code command} in {@code directory} without streaming its output, and returns its first
   * line when it succeeds; empty when it cannot start or fails.
   */
  public Optional<String> firstLine(List<String> command, Path directory) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean ok = process.waitFor() == 0;
      log.debug("`" + String.join(" ", command) + "` printed: " + output.strip());
      return ok ? output.lines().map(String::strip).findFirst() : Optional.empty();
    } catch (IOException e) {
      log.debug("Cannot run `" + String.join(" ", command) + "`: " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("Interrupted while `" + String.join(" ", command) + "` ran");
    }
  }

  private static Process start(ProcessBuilder builder, List<String> command) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new EnvironmentException(
          "Cannot run `"
              + String.join(" ", command)
              + "`: "
              + e.getMessage()
              + ". Install "
              + command.get(0)
              + " and put it on the PATH of the Maven process.",
          e);
    }
  }
}
