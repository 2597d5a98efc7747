package dev.containerize.image;

import dev.containerize.image.NodeModulesTree.Placement;
import dev.containerize.node.ProductionClosure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The app's production packages as real files under {@code WORKDIR/node_modules}: downloaded
 * packages in the {@code dependencies} layer, workspace packages in the {@code workspace} layer
 * (they change more often), each package without its own {@code node_modules} (its dependencies are
 * placed by {@link NodeModulesTree}) and without credential files.
 *
 * @param downloaded the entries of the downloaded packages
 * @param workspace the entries of the workspace (and other local) packages
 */
public record DependencyLayers(List<ImageFile> downloaded, List<ImageFile> workspace) {

  /** Lays out {@code closure} under {@code workdir}, reading files through {@code tree}. */
  public static DependencyLayers of(ProductionClosure closure, FileTree tree, String workdir) {
    Map<String, ImageFile> downloaded = new TreeMap<>();
    Map<String, ImageFile> workspace = new TreeMap<>();
    for (Placement placement : NodeModulesTree.place(closure)) {
      Map<String, ImageFile> into = placement.pkg().local() ? workspace : downloaded;
      String folder = workdir + "/" + placement.path();
      addFolders(workdir, placement.path(), into);
      for (ImageFile file : tree.walk(placement.pkg().directory(), folder, filter(placement))) {
        into.put(file.path(), file);
      }
    }
    return new DependencyLayers(List.copyOf(downloaded.values()), List.copyOf(workspace.values()));
  }

  /** The layers: {@code dependencies}, then {@code workspace} when there are workspace packages. */
  public List<ImageLayer> layers() {
    List<ImageLayer> layers = new ArrayList<>();
    layers.add(
        new ImageLayer("dependencies", downloaded, List.of(LayerSource.productionDependencies())));
    if (!workspace.isEmpty()) {
      layers.add(new ImageLayer("workspace", workspace));
    }
    return layers;
  }

  /** Every entry, downloaded packages and workspace packages alike. */
  public List<ImageFile> all() {
    List<ImageFile> all = new ArrayList<>(downloaded);
    all.addAll(workspace);
    return all;
  }

  /** Adds the folders from {@code node_modules} (exclusive) down to the package's own folder. */
  private static void addFolders(String workdir, String path, Map<String, ImageFile> into) {
    String[] parts = path.split("/");
    StringBuilder folder = new StringBuilder(workdir).append('/').append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      folder.append('/').append(parts[i]);
      String p = folder.toString();
      into.putIfAbsent(p, ImageFile.directory(p, ImageFile.ROOT));
    }
  }

  private static FileTree.Filter filter(Placement placement) {
    IgnoreRules rules =
        placement.pkg().local() ? IgnoreRules.of(placement.pkg().directory()) : null;
    return new FileTree.Filter() {
      @Override
      public boolean skipsDirectory(String relative) {
        return relative.equals("node_modules")
            || IgnoreRules.isCredentialFile(relative)
            || rules != null && rules.excludes(relative);
      }

      @Override
      public boolean keepsFile(String relative) {
        return !IgnoreRules.isCredentialFile(relative)
            && (rules == null || !rules.excludes(relative));
      }

      @Override
      public Optional<Path> dockerignore() {
        return rules == null
            ? Optional.empty()
            : Optional.of(placement.pkg().directory().resolve(".dockerignore"));
      }
    };
  }
}
