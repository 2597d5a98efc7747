package dev.containerize.image;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import dev.containerize.node.ProductionClosure;
import dev.containerize.node.StartCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The layout of a plain Node.js app: its downloaded production packages in one layer, the workspace
 * packages it uses in the next, the app's own files last, started with {@code node}.
 */
public final class NodeAppLayout implements AppLayout {
  private final List<ImageLayer> layers;
  private final StartCommand start;
  private final String workingDirectory;

  private NodeAppLayout(List<ImageLayer> layers, StartCommand start, String workingDirectory) {
    this.layers = layers;
    this.start = start;
    this.workingDirectory = workingDirectory;
  }

  /** Lays out {@code project}, which has been installed and built, under {@code workdir}. */
  public static NodeAppLayout of(NodeProject project, StartCommand start, String workdir) {
    project.requireLockfile();
    ProductionClosure closure = ProductionClosure.of(project.directory(), project.installRoot());
    return of(project, closure, start, workdir);
  }

  /**
   * Lays out {@code project} with its production {@code closure}: downloaded packages, then
   * workspace packages, then the app's own files.
   */
  public static NodeAppLayout of(
      NodeProject project, ProductionClosure closure, StartCommand start, String workdir) {
    FileTree tree = new FileTree(project.installRoot());
    List<ImageLayer> layers = new ArrayList<>(DependencyLayers.of(closure, tree, workdir).layers());
    ImageLayer app =
        new ImageLayer(
            "app",
            appFiles(project.directory(), tree, workdir),
            List.of(LayerSource.builtProject(List.of())));
    checkEntryFile(project, start, app, workdir);
    layers.add(app);
    return new NodeAppLayout(List.copyOf(layers), start, workdir);
  }

  /** The app's own files: everything the ignore rules let through. */
  static List<ImageFile> appFiles(Path projectDir, FileTree tree, String workdir) {
    IgnoreRules rules = IgnoreRules.of(projectDir);
    return tree.walk(
        projectDir,
        workdir,
        FileTree.excluding(rules::excludes, projectDir.resolve(".dockerignore")));
  }

  private static void checkEntryFile(
      NodeProject project, StartCommand start, ImageLayer app, String workdir) {
    start
        .entryFile()
        .filter(f -> !f.startsWith("/"))
        .ifPresent(
            entry -> {
              String inImage = workdir + "/" + Path.of(entry).normalize().toString();
              boolean present = app.files().stream().anyMatch(f -> f.path().equals(inImage));
              if (!present && !hasImplicitExtension(app, inImage)) {
                throw new ProjectException(
                    "The start command ("
                        + start.source()
                        + ") runs "
                        + entry
                        + ", but "
                        + project.directory().resolve(entry)
                        + " does not exist after the build or is excluded by .dockerignore."
                        + " Fix the path, or set <container><entrypoint>.");
              }
            });
  }

  private static boolean hasImplicitExtension(ImageLayer app, String inImage) {
    return app.files().stream()
        .anyMatch(
            f ->
                f.path().equals(inImage + ".js")
                    || f.path().equals(inImage + "/index.js")
                    || f.path().equals(inImage + "/package.json"));
  }

  @Override
  public List<ImageLayer> layers() {
    return layers;
  }

  @Override
  public List<String> entrypoint() {
    return start.command();
  }

  @Override
  public Map<String, String> environment() {
    Map<String, String> env = new TreeMap<>(start.environment());
    env.put("NODE_ENV", "production");
    return env;
  }

  @Override
  public Set<Integer> ports() {
    return Set.of();
  }

  @Override
  public String workingDirectory() {
    return workingDirectory;
  }
}
