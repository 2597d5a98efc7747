package dev.containerize.image;

import java.util.ArrayList;
import java.util.List;

/**
 * How the files of a layer are produced when the image is built from a Dockerfile rather than by
 * the plugin: which step makes them and which folder of that step they are copied from.
 *
 * <p>Paths are relative to the working directory, in the build stages as in the image; {@code .}
 * stands for the whole folder.
 *
 * @param kind the step that produces the files
 * @param from the file or folder in that step
 * @param to the file or folder in the image
 * @param without paths in the project that the copy leaves out, such as {@code node_modules}
 */
public record LayerSource(Kind kind, String from, String to, List<String> without) {
  /** Creates the source, copying {@code without}. */
  public LayerSource {
    without = List.copyOf(without);
  }

  /** The steps a Dockerfile has to produce the files of a layer. */
  public enum Kind {
    /** A production-only install from the lockfile, giving {@code node_modules}. */
    PRODUCTION_DEPENDENCIES,
    /**
     * The project's files after the install and the build script; {@code .} means the whole project
     * without its {@code node_modules}.
     */
    BUILD_OUTPUT,
    /** An empty folder that the run-time user owns, such as Next.js's {@code .next/cache}. */
    WRITABLE_DIRECTORY
  }

  /** The production packages, {@code node_modules}. */
  public static LayerSource productionDependencies() {
    return new LayerSource(Kind.PRODUCTION_DEPENDENCIES, "node_modules", "node_modules", List.of());
  }

  /** The file or folder {@code from} of the built project, placed at {@code to}. */
  public static LayerSource buildOutput(String from, String to) {
    return buildOutput(from, to, List.of());
  }

  /**
   * The folder {@code from} of the built project, placed at {@code to}, without the project paths
   * in {@code without}.
   */
  public static LayerSource buildOutput(String from, String to, List<String> without) {
    return new LayerSource(Kind.BUILD_OUTPUT, from, to, without);
  }

  /**
   * The whole built project, without its {@code node_modules} (development dependencies included)
   * and the project paths in {@code without}.
   */
  public static LayerSource builtProject(List<String> without) {
    List<String> left = new ArrayList<>(List.of("node_modules"));
    left.addAll(without);
    return new LayerSource(Kind.BUILD_OUTPUT, ".", ".", left);
  }

  /** An empty folder at {@code path} that the run-time user may write. */
  public static LayerSource writableDirectory(String path) {
    return new LayerSource(Kind.WRITABLE_DIRECTORY, path, path, List.of());
  }
}
