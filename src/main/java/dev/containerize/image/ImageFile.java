package dev.containerize.image;

import java.nio.file.Path;

/**
 * One entry of a layer: a file copied from {@code source}, or a directory when {@code source} is
 * null.
 *
 * @param source the file on the build machine, or null for a directory
 * @param path the absolute path in the image
 * @param mode the Unix permission bits, for example {@code 0644}
 * @param owner the numeric owner as {@code uid:gid}
 */
public record ImageFile(Path source, String path, int mode, String owner) {
  /** The owner of everything the app must not write. */
  public static final String ROOT = "0:0";

  /** A regular file owned by root, executable for all when {@code executable}. */
  public static ImageFile file(Path source, String path, boolean executable) {
    return new ImageFile(source, path, executable ? 0755 : 0644, ROOT);
  }

  /** A directory with mode 0755 owned by {@code owner}. */
  public static ImageFile directory(String path, String owner) {
    return new ImageFile(null, path, 0755, owner);
  }

  /** Whether this entry is a directory. */
  public boolean isDirectory() {
    return source == null;
  }
}
