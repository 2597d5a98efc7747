package dev.containerize.image;

import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import dev.containerize.node.NextJsProject;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The layout of a Next.js app built with {@code output: 'standalone'}: the traced server from
 * {@code .next/standalone}, with {@code public/} and {@code .next/static} next to its {@code
 * server.js}, started with {@code node server.js}.
 *
 * <p>Layers, least often changed first: the traced {@code node_modules}, the traced workspace
 * packages (monorepos only), {@code public}, {@code static} and the server's own files. An edit to
 * a page changes {@code static} (its folder carries the build id) and {@code app} only.
 */
public final class NextStandaloneLayout extends NextLayout {
  private final String serverPath;

  private NextStandaloneLayout(List<ImageLayer> layers, String serverPath, String workdir) {
    super(layers, List.of("node", serverPath), workdir);
    this.serverPath = serverPath;
  }

  /**
   * Lays out the standalone output of {@code next} under {@code workdir}, with the cache folder
   * owned by {@code runtimeUser} ({@code uid:gid}).
   */
  public static NextStandaloneLayout of(NextJsProject next, String workdir, String runtimeUser) {
    requireBuild(next);
    Path standalone = next.standaloneOutput();
    String appPath = serverDirectory(next, standalone);
    String appDir = appPath.isEmpty() ? workdir : workdir + "/" + appPath;
    FileTree tree = new FileTree(next.directory());
    String cache = prefixed(appPath, next.distDir() + "/cache");
    List<ImageFile> traced =
        tree.walk(
            standalone,
            workdir,
            FileTree.excluding(rel -> IgnoreRules.excludedAnywhere(rel) || rel.equals(cache)));
    Split split = split(traced, workdir, appPath);
    split.app.add(cacheDirectory(next, appDir, runtimeUser));
    IgnoreRules rules = IgnoreRules.of(next.directory());
    // A Dockerfile copies the whole standalone folder once, for the three layers it makes.
    String standaloneDir = next.distDir() + "/standalone";
    List<LayerSource> whole =
        List.of(LayerSource.buildOutput(standaloneDir, ".", List.of(standaloneDir + "/" + cache)));
    List<LayerSource> wholeAndCache = new ArrayList<>(whole);
    wholeAndCache.add(cacheSource(next, workdir, appDir));
    List<ImageLayer> layers =
        List.of(
            new ImageLayer("dependencies", split.dependencies, whole),
            new ImageLayer("workspace", split.workspace, whole),
            publicLayer(next, tree, rules, workdir, appDir),
            staticLayer(next, tree, workdir, appDir),
            new ImageLayer("app", split.app, wholeAndCache));
    return new NextStandaloneLayout(layers, prefixed(appPath, "server.js"), workdir);
  }

  /**
   * The folder of {@code server.js} inside the standalone output, relative to it: empty for a
   * single app, the app's path from the tracing root in a monorepo ({@code apps/web}).
   */
  static String serverDirectory(NextJsProject next, Path standalone) {
    List<String> candidates = serverCandidates(standalone, next.distDir());
    if (candidates.isEmpty()) {
      throw new ProjectException(
          standalone
              + " holds no server.js next to a "
              + next.distDir()
              + "/BUILD_ID, so the standalone build is incomplete. Delete "
              + next.buildOutput()
              + " and build again.");
    }
    return candidates.stream()
        .filter(c -> !c.isEmpty() && next.directory().endsWith(c))
        .max(Comparator.comparingInt(String::length))
        .orElse(
            candidates.stream().min(Comparator.comparingInt(NextStandaloneLayout::depth)).get());
  }

  private static List<String> serverCandidates(Path standalone, String distDir) {
    List<String> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          standalone,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName().toString();
              boolean skip = name.equals("node_modules") || name.equals(distDir);
              return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              Path dir = file.getParent();
              boolean server = file.getFileName().toString().equals("server.js");
              if (server && Files.isRegularFile(dir.resolve(distDir).resolve("BUILD_ID"))) {
                found.add(standalone.relativize(dir).toString().replace('\\', '/'));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new EnvironmentException("Cannot list " + standalone + ": " + e.getMessage(), e);
    }
    return found;
  }

  private static int depth(String relative) {
    return relative.isEmpty() ? 0 : relative.split("/").length;
  }

  private static String prefixed(String appPath, String relative) {
    return appPath.isEmpty() ? relative : appPath + "/" + relative;
  }

  private record Split(
      List<ImageFile> dependencies, List<ImageFile> workspace, List<ImageFile> app) {}

  /**
   * Sorts the traced entries: anything in a {@code node_modules} folder is a dependency; in a
   * monorepo, what lies outside the app's folder (and is not on the way to it) is a workspace
   * package; the rest is the app.
   */
  private static Split split(List<ImageFile> traced, String workdir, String appPath) {
    Split split = new Split(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (ImageFile file : traced) {
      String rel = file.path().substring(workdir.length() + 1);
      if (("/" + rel + "/").contains("/node_modules/")) {
        split.dependencies.add(file);
      } else if (isOutsideApp(rel, appPath)) {
        split.workspace.add(file);
      } else {
        split.app.add(file);
      }
    }
    return split;
  }

  private static boolean isOutsideApp(String rel, String appPath) {
    if (appPath.isEmpty()) {
      return false;
    }
    boolean inApp = rel.equals(appPath) || rel.startsWith(appPath + "/");
    boolean onTheWay = appPath.startsWith(rel + "/");
    return !inApp && !onTheWay;
  }

  /** The path of {@code server.js} relative to the working directory. */
  public String serverPath() {
    return serverPath;
  }
}
