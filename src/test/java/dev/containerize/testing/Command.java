package dev.containerize.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An external program with its arguments, run to completion with a time limit. */
public final class Command {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  private static final int MAX_REPORTED_OUTPUT = 20_000;

  private final List<String> args;
  private final Path workDir;
  private final Duration timeout;

  private Command(List<String> args, Path workDir, Duration timeout) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least a program name");
    }
    this.args = List.copyOf(args);
    this.workDir = workDir;
    this.timeout = timeout;
  }

  /** Returns a command for the given program and arguments, run in the current directory. */
  public static Command of(String... args) {
    return of(List.of(args));
  }

  /** Returns a command for the given program and arguments, run in the current directory. */
  public static Command of(List<String> args) {
    return new Command(args, null, DEFAULT_TIMEOUT);
  }

  /** Runs the given program with its arguments and returns its standard output. */
  public static String run(String... args) {
    return of(args).run();
  }

  /** Returns a copy of this command that runs in the given working directory. */
  public Command in(Path dir) {
    return new Command(args, dir, timeout);
  }

  /** Returns a copy of this command that is killed when it runs longer than the given time. */
  public Command timeout(Duration limit) {
    return new Command(args, workDir, limit);
  }

  /** Runs the command and returns its standard output as UTF-8 text. */
  public String run() {
    return new String(runForBytes(), UTF_8);
  }

  /** Runs the command and returns its standard output as bytes. */
  public byte[] runForBytes() {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("command", ".out");
      err = Files.createTempFile("command", ".err");
      int exitCode = execute(out, err);
      byte[] stdout = Files.readAllBytes(out);
      if (exitCode != 0) {
        throw failure("exited with code " + exitCode, stdout, Files.readAllBytes(err));
      }
      return stdout;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + this, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private int execute(Path out, Path err) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile());
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    Process process = builder.start();
    process.getOutputStream().close();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw failure(
            "timed out after " + timeout, Files.readAllBytes(out), Files.readAllBytes(err));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + this, e);
    }
  }

  private IllegalStateException failure(String what, byte[] stdout, byte[] stderr) {
    return new IllegalStateException(
        "Command "
            + what
            + ": "
            + this
            + "\n--- stderr ---\n"
            + tail(stderr)
            + "\n--- stdout ---\n"
            + tail(stdout));
  }

  private static String tail(byte[] output) {
    String text = new String(output, UTF_8).strip();
    return text.length() <= MAX_REPORTED_OUTPUT
        ? text
        : "..." + text.substring(text.length() - MAX_REPORTED_OUTPUT);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A leftover temporary file is harmless.
      }
    }
  }

  /** Returns the command line, with the working directory when one is set. */
  @Override
  public String toString() {
    String line = String.join(" ", args);
    return workDir == null ? line : line + " (in " + workDir + ")";
  }
}
