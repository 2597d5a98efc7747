package dev.containerize.image;

import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Walks a folder of the project and lists the image entries for what a {@link Filter} keeps.
 *
 * <p>Symbolic links are replaced by what they point to, since images carry no links; a link that
 * leads outside the allowed root, dangles or forms a cycle, and any device, socket or unreadable
 * file, stops the build with an error that names it, so nothing unintended is ever shipped.
 */
public final class FileTree {

  /** Chooses what a walk keeps; paths are relative to the walked folder, with {@code /}. */
  public interface Filter {
    /** Whether to skip the folder at {@code relative} and everything in it. */
    boolean skipsDirectory(String relative);

    /** Whether to keep the file at {@code relative}. */
    boolean keepsFile(String relative);
  }

  /** A filter that leaves out every file and folder for which {@code excluded} is true. */
  public static Filter excluding(Predicate<String> excluded) {
    return new Filter() {
      @Override
      public boolean skipsDirectory(String relative) {
        return excluded.test(relative);
      }

      @Override
      public boolean keepsFile(String relative) {
        return !excluded.test(relative);
      }
    };
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
    checkLink(folder);
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
      checkLink(dir);
      files.add(ImageFile.directory(imageFolder + "/" + relative, ImageFile.ROOT));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      String relative = relative(file);
      if (!filter.keepsFile(relative)) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isSymbolicLink()) {
        throw refused(file, "is a symbolic link to " + linkTarget(file) + ", which does not exist");
      }
      if (!attrs.isRegularFile()) {
        throw refused(file, "is a device, socket or pipe, which an image cannot carry");
      }
      checkLink(file);
      if (!Files.isReadable(file)) {
        throw refused(file, "cannot be read by the build (check its permissions)");
      }
      files.add(ImageFile.file(file, imageFolder + "/" + relative, Files.isExecutable(file)));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      if (e instanceof FileSystemLoopException) {
        throw refused(file, "is a symbolic link that leads back into itself (a cycle)");
      }
      String relative = relative(file);
      if (filter.skipsDirectory(relative) || !filter.keepsFile(relative)) {
        return FileVisitResult.CONTINUE;
      }
      throw refused(file, "cannot be read by the build (" + e.getMessage() + ")");
    }

    private String relative(Path path) {
      return folder.relativize(path).toString().replace('\\', '/');
    }
  }

  private void checkLink(Path path) {
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
              + "; the plugin never copies files from outside the project into an image");
    }
  }

  private static ProjectException refused(Path path, String problem) {
    return new ProjectException(
        path
            + " "
            + problem
            + ". Remove it, or keep it out of the image with a line in .dockerignore.");
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "an unreadable target";
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
