package dev.containerize.image;

import dev.containerize.ProjectException;
import dev.containerize.node.NextJsProject;
import dev.containerize.node.NodeProject;
import dev.containerize.node.ProductionClosure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The layout of a Next.js app built without standalone output: production {@code node_modules}
 * (downloaded packages, then workspace packages), {@code public}, {@code .next/static}, then the
 * build output and the project's files, started with Next.js's own server through {@code node} (no
 * package manager at run time).
 */
public final class NextServerLayout extends NextLayout {
  /** Where npm puts the {@code next} command, relative to the project. */
  static final String NEXT_BIN = "node_modules/next/dist/bin/next";

  /** Build outputs that only the build or {@code next dev} use, or that have their own layer. */
  private static final Set<String> NOT_SERVED =
      Set.of(
          "cache", "static", "standalone", "dev", "trace", "trace-build", "diagnostics", "types");

  private NextServerLayout(List<ImageLayer> layers, String workdir) {
    super(layers, List.of("node", NEXT_BIN, "start"), workdir);
  }

  /**
   * Lays out {@code project}, a Next.js app {@code next} built without standalone output, under
   * {@code workdir}, with the cache folder owned by {@code runtimeUser} ({@code uid:gid}).
   */
  public static NextServerLayout of(
      NodeProject project, NextJsProject next, String workdir, String runtimeUser) {
    project.requireLockfile();
    ProductionClosure closure = ProductionClosure.of(project.directory(), project.installRoot());
    return of(project, next, closure, workdir, runtimeUser);
  }

  /**
   * Lays out {@code project} as {@link #of(NodeProject, NextJsProject, String, String)} does, with
   * its production {@code closure} already found.
   */
  public static NextServerLayout of(
      NodeProject project,
      NextJsProject next,
      ProductionClosure closure,
      String workdir,
      String runtimeUser) {
    requireBuild(next);
    FileTree tree = new FileTree(project.installRoot());
    IgnoreRules rules = IgnoreRules.of(project.directory());
    DependencyLayers dependencies = DependencyLayers.of(closure, tree, workdir);
    requireNext(project, dependencies.all(), workdir);
    List<ImageFile> app = new ArrayList<>(projectFiles(next, tree, rules, workdir));
    app.addAll(buildOutput(next, tree, workdir));
    app.add(cacheDirectory(next, workdir, runtimeUser));
    List<ImageLayer> layers = new ArrayList<>(dependencies.layers());
    layers.add(publicLayer(next, tree, rules, workdir, workdir));
    layers.add(staticLayer(next, tree, workdir, workdir));
    layers.add(new ImageLayer("app", app, appSources(next, workdir)));
    return new NextServerLayout(List.copyOf(layers), workdir);
  }

  /**
   * How a Dockerfile produces the app layer: the built project without the folders of the build
   * output that {@code next start} does not read, then an empty cache folder. ({@code public} and
   * {@code static} come again with it: the same files as in their own layers.)
   */
  private static List<LayerSource> appSources(NextJsProject next, String workdir) {
    List<String> without = new ArrayList<>();
    NOT_SERVED.stream()
        .filter(dir -> !dir.equals("static"))
        .sorted()
        .forEach(dir -> without.add(next.distDir() + "/" + dir));
    return List.of(LayerSource.builtProject(without), cacheSource(next, workdir, workdir));
  }

  private static void requireNext(
      NodeProject project, List<ImageFile> dependencies, String workdir) {
    String bin = workdir + "/" + NEXT_BIN;
    if (dependencies.stream().noneMatch(f -> f.path().equals(bin))) {
      throw new ProjectException(
          project.packageJson().file()
              + " does not list \"next\" under \"dependencies\", so the production"
              + " node_modules has no "
              + NEXT_BIN
              + " to start the server with. Move \"next\" (and \"react\", \"react-dom\") to"
              + " \"dependencies\", or set "
              + NextJsProject.STANDALONE_LINE
              + " in the Next.js config.");
    }
  }

  /** The project's own files, as {@code .dockerignore} allows, without the build output. */
  private static List<ImageFile> projectFiles(
      NextJsProject next, FileTree tree, IgnoreRules rules, String workdir) {
    String distDir = next.distDir();
    return tree.walk(
        next.directory(),
        workdir,
        FileTree.excluding(
            rel ->
                rules.excludes(rel)
                    || rel.equals("public")
                    || rel.startsWith("public/")
                    || rel.equals(distDir)
                    || rel.startsWith(distDir + "/"),
            next.directory().resolve(".dockerignore")));
  }

  /** What {@code next start} reads from the build output; the secret rules alone apply. */
  private static List<ImageFile> buildOutput(NextJsProject next, FileTree tree, String workdir) {
    List<ImageFile> files = new ArrayList<>();
    files.add(ImageFile.directory(workdir + "/" + next.distDir(), ImageFile.ROOT));
    files.addAll(
        tree.walk(
            next.buildOutput(),
            workdir + "/" + next.distDir(),
            FileTree.excluding(
                rel ->
                    IgnoreRules.excludedAnywhere(rel) || NOT_SERVED.contains(firstSegment(rel)))));
    return files;
  }

  private static String firstSegment(String relative) {
    int slash = relative.indexOf('/');
    return slash < 0 ? relative : relative.substring(0, slash);
  }
}
