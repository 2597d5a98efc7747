package dev.containerize.testing;

import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * One entry of an image layer's tar archive, with its path made absolute ({@code /app/a.js}) and
 * without a trailing slash, the root directory being {@code /}.
 *
 * @param path the absolute path of the entry
 * @param type what kind of entry it is
 * @param mode the permission bits, such as {@code 0755}
 * @param uid the owning user id
 * @param gid the owning group id
 * @param size the size of a regular file's content in bytes, otherwise 0
 * @param linkTarget the target of a symbolic link as written, or the absolute path a hard link
 *     refers to; {@code null} for other entries
 * @param modified the modification time
 */
public record LayerEntry(
    String path,
    Type type,
    int mode,
    long uid,
    long gid,
    long size,
    String linkTarget,
    Instant modified) {

  /** The kind of a layer entry. */
  public enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    OTHER
  }

  /** Returns the entry described by a tar header. */
  static LayerEntry of(TarArchiveEntry entry) {
    Type type = typeOf(entry);
    String link =
        switch (type) {
          case SYMLINK -> entry.getLinkName();
          case HARDLINK -> normalize(entry.getLinkName());
          default -> null;
        };
    return new LayerEntry(
        normalize(entry.getName()),
        type,
        entry.getMode() & 07777,
        entry.getLongUserId(),
        entry.getLongGroupId(),
        type == Type.FILE ? entry.getSize() : 0,
        link,
        entry.getLastModifiedTime().toInstant());
  }

  /** Returns the permission bits in octal, such as {@code "755"}. */
  public String octalMode() {
    return Integer.toOctalString(mode);
  }

  /** Returns the name of the entry without its directory, such as {@code a.js}. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Returns a tar entry name in absolute form: {@code ./app/} becomes {@code /app}. */
  static String normalize(String name) {
    String path = name;
    while (path.startsWith("./") || path.startsWith("/")) {
      path = path.substring(path.startsWith("/") ? 1 : 2);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.isEmpty() || path.equals(".") ? "/" : "/" + path;
  }

  private static Type typeOf(TarArchiveEntry entry) {
    if (entry.isSymbolicLink()) {
      return Type.SYMLINK;
    } else if (entry.isLink()) {
      return Type.HARDLINK;
    } else if (entry.isDirectory()) {
      return Type.DIRECTORY;
    } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      return Type.OTHER;
    } else if (entry.isFile()) {
      return Type.FILE;
    }
    return Type.OTHER;
  }
}
