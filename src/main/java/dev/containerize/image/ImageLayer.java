package dev.containerize.image;

import java.util.List;

/**
 * A named layer of the image and its entries, sorted by path so that the layer is reproducible.
 *
 * @param name what the layer holds, for example {@code dependencies}
 * @param files the entries, sorted by path
 */
public record ImageLayer(String name, List<ImageFile> files) {
  /** Creates the layer, sorting {@code files} by path. */
  public ImageLayer {
    files = files.stream().sorted(java.util.Comparator.comparing(ImageFile::path)).toList();
  }

  /** The total size in bytes of the files, as read from the build machine. */
  public long size() {
    return files.stream()
        .filter(f -> !f.isDirectory())
        .mapToLong(f -> f.source().toFile().length())
        .sum();
  }
}
