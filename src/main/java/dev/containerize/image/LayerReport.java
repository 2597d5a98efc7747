package dev.containerize.image;

import dev.containerize.BuildLog;
import dev.containerize.build.BuildState;
import dev.containerize.build.Fingerprint;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Logs one line per layer: what it holds, its size and whether it changed since the last build that
 * completed, which is the only one whose fingerprints {@link #save} records.
 */
public final class LayerReport {
  private final BuildState state;
  private final SourceTimes times;
  private final BuildLog log;
  private final Map<String, String> fingerprints = new TreeMap<>();
  private final List<ImageLayer> stamped = new ArrayList<>();

  /**
   * Creates a report that remembers layer fingerprints in {@code state} and the times of the
   * layers' source files in {@code timesFolder}.
   */
  public LayerReport(BuildState state, Path timesFolder, BuildLog log) {
    this.state = state;
    this.times = new SourceTimes(timesFolder);
    this.log = log;
  }

  /**
   * Logs the layers of {@code plan} and keeps their fingerprints for {@link #save}. A layer whose
   * files were rewritten with the same content (as a rebuild does) still counts as unchanged.
   */
  public void report(ImagePlan plan) {
    for (ImageLayer layer : plan.layers()) {
      long files = layer.files().stream().filter(f -> !f.isDirectory()).count();
      log.info(
          String.format(
              Locale.ROOT,
              "Layer %-14s %,7d files %10s  %s",
              layer.name() + ":",
              files,
              humanSize(layer.size()),
              compare(layer)));
    }
  }

  private String compare(ImageLayer layer) {
    String stampsKey = layer.name() + ".stamps";
    String contentKey = layer.name() + ".content";
    String stamps = fingerprint(layer, false);
    if (state.get(stampsKey).filter(stamps::equals).isPresent()) {
      return "unchanged (cached)";
    }
    Optional<String> previous = state.get(contentKey);
    String content = fingerprint(layer, true);
    fingerprints.put(contentKey, content);
    if (previous.filter(content::equals).isPresent() && times.restore(layer)) {
      return "unchanged (cached)";
    }
    fingerprints.put(stampsKey, stamps);
    stamped.add(layer);
    if (previous.isEmpty()) {
      return "new";
    }
    return previous.get().equals(content) ? "unchanged (cached)" : "changed";
  }

  /**
   * Records the fingerprints of the reported layers, once the image is built: a build stopped
   * before then leaves the record of the last complete one, so the next build compares with it.
   */
  public void save() {
    stamped.forEach(times::record);
    state.putAll(fingerprints);
  }

  /** A digest of the layer's entries with each file's size and time, or its content. */
  static String fingerprint(ImageLayer layer, boolean content) {
    Fingerprint fp = Fingerprint.start();
    for (ImageFile file : layer.files()) {
      fp.add(file.path()).add(Integer.toOctalString(file.mode())).add(file.owner());
      if (file.isDirectory()) {
        continue;
      }
      if (content) {
        fp.addContent(file.source());
      } else {
        File source = file.source().toFile();
        fp.add(source.length() + ":" + source.lastModified());
      }
    }
    return fp.hex();
  }

  /** A size in bytes as a short human-readable text, such as {@code 12.3 MB}. */
  public static String humanSize(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
