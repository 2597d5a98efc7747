package dev.containerize.image;

import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * Walks a folder of the project and lists the image entries for what a {@link Filter} keeps.
 *
 * <p>Symbolic links are replaced by what they point to, since images carry no links; a link that
 * leads outside the allowed root, dangles or forms a cycle, any device, socket or pipe, an
 * unreadable file and a name that is not UTF-8 stop the build with an error that names the entry
 * and the fix, so nothing unintended is ever shipped. Files are only listed here, never read: their
 * content is streamed later, whatever their size.
 */
public final class FileTree {
  /** Linux gives up resolving a path after this many links; so does the search for a cycle. */
  private static final int MAX_LINK_HOPS = 40;

  /** Chooses what a walk keeps; paths are relative to the walked folder, with {@code /}. */
  public interface Filter {
    /** Whether to skip the folder at {@code relative} and everything in it. */
    boolean skipsDirectory(String relative);

    /** Whether to keep the file at {@code relative}. */
    boolean keepsFile(String relative);

    /**
     * The {@code .dockerignore} whose lines decide what this walk keeps, which errors offer as a
     * way to leave an entry out; empty when none applies (installed packages, build output).
     */
    default Optional<Path> dockerignore() {
      return Optional.empty();
    }
  }

  /** A filter that leaves out every file and folder for which {@code excluded} is true. */
  public static Filter excluding(Predicate<String> excluded) {
    return new Excluding(excluded, Optional.empty());
  }

  /**
   * A filter that leaves out every file and folder for which {@code excluded} is true, where the
   * lines of {@code dockerignore} take part in that choice.
   */
  public static Filter excluding(Predicate<String> excluded, Path dockerignore) {
    return new Excluding(excluded, Optional.of(dockerignore));
  }

  private record Excluding(Predicate<String> excluded, Optional<Path> dockerignore)
      implements Filter {
    @Override
    public boolean skipsDirectory(String relative) {
      return excluded.test(relative);
    }

    @Override
    public boolean keepsFile(String relative) {
      return !excluded.test(relative);
    }
  }

  private final Path allowedRoot;

  /** Creates a walker that follows links only while they stay inside {@code allowedRoot}. */
  public FileTree(Path allowedRoot) {
    this.allowedRoot = realPath(allowedRoot);
  }

  /**
   * Lists the entries under {@code folder} that {@code filter} keeps, placed under {@code
   * imageFolder} in the image, folders included.
   */
  public List<ImageFile> walk(Path folder, String imageFolder, Filter filter) {
    List<ImageFile> files = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    checkLink(folder, filter);
    try {
      Files.walkFileTree(
          folder,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new Visitor(folder, imageFolder, filter, files));
    } catch (IOException e) {
      throw new EnvironmentException("Cannot list " + folder + ": " + e.getMessage(), e);
    }
    return files;
  }

  private final class Visitor extends SimpleFileVisitor<Path> {
    private final Path folder;
    private final String imageFolder;
    private final Filter filter;
    private final List<ImageFile> files;

    Visitor(Path folder, String imageFolder, Filter filter, List<ImageFile> files) {
      this.folder = folder;
      this.imageFolder = imageFolder;
      this.filter = filter;
      this.files = files;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (dir.equals(folder)) {
        return FileVisitResult.CONTINUE;
      }
      String relative = relative(dir);
      if (filter.skipsDirectory(relative)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      checkName(dir, filter);
      checkLink(dir, filter);
      files.add(ImageFile.directory(imageFolder + "/" + relative, ImageFile.ROOT));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      String relative = relative(file);
      if (!filter.keepsFile(relative)) {
        return FileVisitResult.CONTINUE;
      }
      checkName(file, filter);
      if (attrs.isSymbolicLink()) {
        throw brokenLink(file, filter);
      }
      checkLink(file, filter);
      if (!attrs.isRegularFile()) {
        throw refused(
            file,
            "is " + throughLink(file) + "a device, socket or pipe, which an image cannot carry",
            "Remove it",
            filter);
      }
      if (!Files.isReadable(file)) {
        throw unreadable(file, filter);
      }
      files.add(ImageFile.file(file, imageFolder + "/" + relative, Files.isExecutable(file)));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      String relative = relative(file);
      if (filter.skipsDirectory(relative) || !filter.keepsFile(relative)) {
        return FileVisitResult.CONTINUE;
      }
      if (e instanceof FileSystemLoopException) {
        throw refused(
            file,
            "is a symbolic link to a folder that contains it, which would repeat forever (a cycle)",
            "Remove it",
            filter);
      }
      if (e instanceof AccessDeniedException) {
        throw unreadable(file, filter);
      }
      throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
    }

    /**
     * The path under the walked folder, its names joined by {@code /}: on Unix a backslash is part
     * of a name, not a separator.
     */
    private String relative(Path path) {
      StringJoiner joined = new StringJoiner("/");
      folder.relativize(path).forEach(name -> joined.add(name.toString()));
      return joined.toString();
    }
  }

  private void checkLink(Path path, Filter filter) {
    if (!Files.isSymbolicLink(path)) {
      return;
    }
    Path target = realPath(path);
    if (!target.startsWith(allowedRoot)) {
      throw refused(
          path,
          "is a symbolic link to "
              + target
              + ", outside "
              + allowedRoot
              + "; the plugin never copies files from outside the project into an image",
          "Replace the link with a copy of what it points to, or remove it",
          filter);
    }
  }

  /**
   * Stops the build at a file name that does not survive the trip from bytes to text and back,
   * which would give the image another name than the one on disk: the JVM's file-name encoding is
   * not UTF-8 (a {@code C} locale), or the name is not valid UTF-8.
   */
  private static void checkName(Path path, Filter filter) {
    if (sameNameAfterRoundTrip(path.getFileName())) {
      return;
    }
    String bytes = encodedName(path);
    Charset encoding = fileNameEncoding();
    if (!encoding.equals(StandardCharsets.UTF_8)) {
      throw new EnvironmentException(
          "The name of "
              + path
              + " (bytes "
              + bytes
              + ") cannot be read unchanged: the JVM that runs Maven reads file names as "
              + encoding
              + ", not UTF-8. Run Maven with a UTF-8 locale, for example LANG=C.UTF-8.");
    }
    throw refused(
        path,
        "has a name that is not valid UTF-8 (bytes " + bytes + "), which no image can name",
        "Rename it",
        filter);
  }

  private static boolean sameNameAfterRoundTrip(Path name) {
    try {
      return name.getFileSystem().getPath(name.toString()).equals(name);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** The last name of {@code path} as its bytes, percent-encoded where not plain ASCII. */
  private static String encodedName(Path path) {
    String uri = path.toAbsolutePath().toUri().getRawPath();
    String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static Charset fileNameEncoding() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }

  /** Explains a link that cannot be followed: it dangles, loops, or its target is unreadable. */
  private static ProjectException brokenLink(Path link, Filter filter) {
    Set<Path> seen = new HashSet<>();
    Path target = link;
    while (Files.isSymbolicLink(target)) {
      if (!seen.add(target.toAbsolutePath().normalize()) || seen.size() > MAX_LINK_HOPS) {
        return refused(
            link,
            "is a symbolic link in a cycle of links that never reaches a file",
            "Remove it",
            filter);
      }
      target = target.resolveSibling(linkTarget(target));
    }
    if (Files.notExists(target, LinkOption.NOFOLLOW_LINKS)) {
      String via =
          target.equals(link.resolveSibling(linkTarget(link))) ? "" : ", through " + target;
      return refused(
          link,
          "is a symbolic link to " + linkTarget(link) + via + ", which does not exist",
          "Remove it, or make it point at a file of the project",
          filter);
    }
    return unreadable(link, filter);
  }

  private static ProjectException unreadable(Path path, Filter filter) {
    Path parent = path.getParent();
    Path denied = parent != null && !Files.isExecutable(parent) ? parent : path;
    boolean folder = Files.isDirectory(denied);
    return refused(
        denied,
        "cannot be read by the build: the user that runs Maven lacks the permission",
        "Make it readable (chmod " + (folder ? "a+rx" : "a+r") + " '" + denied + "')",
        filter);
  }

  private static String throughLink(Path path) {
    return Files.isSymbolicLink(path) ? "a symbolic link to " + realPath(path) + ", " : "";
  }

  /**
   * The error for an entry the walk cannot copy: what it is, then how to repair or leave it out.
   */
  private static ProjectException refused(Path path, String problem, String repair, Filter filter) {
    String leaveOut =
        filter
            .dockerignore()
            .map(f -> ", or keep it out of the image with a line in " + f)
            .orElse("");
    return new ProjectException(path + " " + problem + ". " + repair + leaveOut + ".");
  }

  private static Path linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot read the link " + link + ": " + e.getMessage(), e);
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new EnvironmentException("Cannot resolve " + path + ": " + e.getMessage(), e);
    }
  }
}
