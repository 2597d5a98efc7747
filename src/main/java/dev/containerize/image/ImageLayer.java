package dev.containerize.image;

import java.util.Comparator;
import java.util.List;

/**
 * A named layer of the image and its entries, sorted by path so that the layer is reproducible.
 *
 * @param name what the layer holds, for example {@code dependencies}
 * @param files the entries, sorted by path
 * @param sources how a Dockerfile produces the same entries; empty when no Dockerfile can
 */
public record ImageLayer(String name, List<ImageFile> files, List<LayerSource> sources) {
  /** Creates the layer, sorting {@code files} by path. */
  public ImageLayer {
    files = files.stream().sorted(Comparator.comparing(ImageFile::path)).toList();
    sources = List.copyOf(sources);
  }

  /** Creates a layer that a Dockerfile cannot reproduce. */
  public ImageLayer(String name, List<ImageFile> files) {
    this(name, files, List.of());
  }

  /** The total size in bytes of the files, as read from the build machine. */
  public long size() {
    return files.stream()
        .filter(f -> !f.isDirectory())
        .mapToLong(f -> f.source().toFile().length())
        .sum();
  }
}
