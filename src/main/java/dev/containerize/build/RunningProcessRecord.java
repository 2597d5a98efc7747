package dev.containerize.build;

import dev.containerize.BuildLog;
import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A note, kept beside the build state while a package manager runs, that names its process.
 *
 * <p>A Maven killed with SIGKILL cannot stop its children: an {@code npm ci} goes on writing {@code
 * node_modules} while the next build installs into the same folder. The next build reads this note
 * and stops that process (and what it started) first. The process's start time guards against a
 * process id that the system has since given to another process.
 */
final class RunningProcessRecord {
  private static final Duration SAME_START = Duration.ofSeconds(1);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final Path file;

  RunningProcessRecord(Path file) {
    this.file = file;
  }

  /** Stops the process an interrupted build left running, if the note names one still alive. */
  void stopLeftover(BuildLog log) {
    Optional<Properties> note = read();
    note.flatMap(RunningProcessRecord::liveProcess)
        .ifPresent(
            process -> {
              log.warn(
                  "Stopping `"
                      + note.get().getProperty("command")
                      + "` (process "
                      + process.pid()
                      + "), which a build stopped earlier left running in "
                      + note.get().getProperty("directory"));
              stopTree(process);
            });
    clear();
  }

  /** Notes that {@code process} runs {@code command} in {@code directory}. */
  void write(ProcessHandle process, List<String> command, Path directory) {
    Optional<Instant> start = process.info().startInstant();
    if (start.isEmpty()) {
      return; // without a start time the process could not be told from a later one
    }
    Properties note = new Properties();
    note.setProperty("pid", String.valueOf(process.pid()));
    note.setProperty("start", start.get().toString());
    note.setProperty("command", String.join(" ", command));
    note.setProperty("directory", directory.toString());
    StringWriter out = new StringWriter();
    try {
      note.store(out, "A child process of a running build");
    } catch (IOException e) {
      throw new IllegalStateException("A StringWriter does not fail", e);
    }
    AtomicFile.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Deletes the note, once its process has ended. */
  void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  /** Stops {@code process} and every process it started, and waits for all of them to end. */
  static void stopTree(ProcessHandle process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process);
    tree.forEach(ProcessHandle::destroyForcibly);
    CompletableFuture<?> ended =
        CompletableFuture.allOf(
            tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
    try {
      ended.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new EnvironmentException(
          "Process " + process.pid() + " did not stop within " + STOP_WAIT.toSeconds() + " s", e);
    }
  }

  private Optional<Properties> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties note = new Properties();
      note.load(in);
      return Optional.of(note);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<ProcessHandle> liveProcess(Properties note) {
    try {
      long pid = Long.parseLong(note.getProperty("pid", ""));
      Instant start = Instant.parse(note.getProperty("start", ""));
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().startInstant().filter(s -> sameStart(s, start)).isPresent());
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean sameStart(Instant a, Instant b) {
    return Duration.between(a, b).abs().compareTo(SAME_START) < 0;
  }
}
