package dev.containerize.build;

import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.function.Predicate;

/** A SHA-256 digest of inputs, used to tell whether a step's inputs changed since its last run. */
public final class Fingerprint {
  private final MessageDigest digest;

  private Fingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM lacks SHA-256", e);
    }
  }

  /** Starts an empty fingerprint. */
  public static Fingerprint start() {
    return new Fingerprint();
  }

  /** Adds a string. */
  public Fingerprint add(String value) {
    digest.update(value.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return this;
  }

  /** Adds the content of a file, read in chunks, or a marker when it does not exist. */
  public Fingerprint addContent(Path file) {
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
      } catch (IOException e) {
        throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return add(file.getFileName().toString());
  }

  /**
   * Adds the path, size and modification time of every file under {@code root}, skipping the
   * folders whose path relative to {@code root} {@code skipped} accepts.
   */
  public Fingerprint addTree(Path root, Predicate<Path> skipped) {
    TreeMap<String, String> entries = new TreeMap<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && skipped.test(root.relativize(dir))
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              entries.put(
                  root.relativize(file).toString(),
                  attrs.size() + ":" + attrs.lastModifiedTime().toMillis());
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              entries.put(root.relativize(file).toString(), "unreadable");
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new EnvironmentException("Cannot list " + root + ": " + e.getMessage(), e);
    }
    entries.forEach((path, stamp) -> add(path).add(stamp));
    return this;
  }

  /** The hexadecimal digest of everything added. */
  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
