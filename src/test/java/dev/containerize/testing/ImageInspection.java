package dev.containerize.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads images from a loopback registry over plain HTTP with skopeo: manifest, config, layers and
 * the files of the merged root file system.
 *
 * <p>References look like {@code 127.0.0.1:5000/app:1}. Images are copied once per manifest digest
 * into a temporary directory that is deleted when the JVM exits. A registry that requires
 * credentials is read after {@link #login}.
 */
public final class ImageInspection {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_SYMLINK_HOPS = 40;
  private static final Map<String, Path> PULLED = new ConcurrentHashMap<>();
  private static final Map<String, List<LayerEntry>> LAYER_ENTRIES = new ConcurrentHashMap<>();
  private static final Map<String, String> LOGINS = new ConcurrentHashMap<>();
  private static Path cacheRoot;
  private static Path authFile;

  private ImageInspection() {}

  /**
   * Reads {@code registry} ({@code host:port}) as {@code username} from now on, here and in {@link
   * RuncContainer}; the password goes to skopeo in a file, never on a command line.
   */
  public static synchronized void login(String registry, String username, String password) {
    String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(UTF_8));
    LOGINS.put(registry, token);
    ObjectNode auths = JSON.createObjectNode();
    LOGINS.forEach((host, auth) -> auths.putObject(host).put("auth", auth));
    ObjectNode config = JSON.createObjectNode();
    config.set("auths", auths);
    try {
      Path file = cacheRoot().resolve("auth.json");
      JSON.writeValue(file.toFile(), config);
      authFile = file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails, naming each place, when the image holds any of {@code strings} (as text or base64): in
   * the name, link target or content of any entry of any layer, base image layers included, in its
   * config or in its manifest. Layers are read as streams, whatever the size of their files.
   */
  public static void assertContainsNone(String ref, String... strings) {
    List<String> found = occurrences(ref, strings);
    if (!found.isEmpty()) {
      throw new AssertionError(ref + " holds what it must not:\n  " + String.join("\n  ", found));
    }
  }

  /**
   * Returns where the image holds any of {@code strings}, one line per place, as {@link
   * #assertContainsNone} looks for them; a test shows with it that the search finds what is there.
   */
  public static List<String> occurrences(String ref, String... strings) {
    StringScan scan = new StringScan(List.of(strings));
    List<String> found = new ArrayList<>();
    scan.in(rawManifest(ref)).forEach(s -> found.add("\"" + s + "\" in the manifest"));
    scan.in(rawConfig(ref)).forEach(s -> found.add("\"" + s + "\" in the config"));
    Path dir = pull(ref);
    for (String digest : layerDigestsIn(dir)) {
      found.addAll(occurrencesInLayer(blob(dir, digest), digest, scan));
    }
    return found;
  }

  /** Returns the options that give skopeo the credentials of {@link #login}, if any. */
  static synchronized List<String> authOptions() {
    return authFile == null ? List.of() : List.of("--authfile", authFile.toString());
  }

  /** Returns the raw manifest (or index) that the registry serves for the reference. */
  public static JsonNode manifest(String ref) {
    return parse(rawManifest(ref));
  }

  /** Returns the {@code sha256:...} digest of the manifest the registry serves. */
  public static String manifestDigest(String ref) {
    return sha256(rawManifest(ref));
  }

  /** Returns whether the registry serves a manifest for the reference: false for an unknown tag. */
  public static boolean exists(String ref) {
    try {
      rawManifest(ref);
      return true;
    } catch (IllegalStateException e) {
      if (e.getMessage().contains("manifest unknown")) {
        return false;
      }
      throw e;
    }
  }

  /** Returns the image's configuration (Env, Cmd, User, history, rootfs and so on). */
  public static JsonNode config(String ref) {
    return parse(rawConfig(ref));
  }

  /** Returns the digests of the image's layer blobs, lowest layer first. */
  public static List<String> layerDigests(String ref) {
    List<String> digests = new ArrayList<>();
    imageManifest(ref).path("layers").forEach(layer -> digests.add(layer.path("digest").asText()));
    return digests;
  }

  /** Returns the compressed sizes of the image's layer blobs as the manifest states them. */
  public static List<Long> layerSizes(String ref) {
    List<Long> sizes = new ArrayList<>();
    imageManifest(ref).path("layers").forEach(layer -> sizes.add(layer.path("size").asLong()));
    return sizes;
  }

  /** Returns the entries of each layer in archive order, lowest layer first. */
  public static List<List<LayerEntry>> layers(String ref) {
    Path dir = pull(ref);
    List<List<LayerEntry>> layers = new ArrayList<>();
    for (String digest : layerDigestsIn(dir)) {
      layers.add(LAYER_ENTRIES.computeIfAbsent(digest, d -> readEntries(blob(dir, d))));
    }
    return layers;
  }

  /** Returns the entries of the merged root file system by path, honouring whiteouts. */
  public static NavigableMap<String, LayerEntry> mergedEntries(String ref) {
    NavigableMap<String, LayerEntry> entries = new TreeMap<>();
    merge(layers(ref)).forEach((path, located) -> entries.put(path, located.entry()));
    return Collections.unmodifiableNavigableMap(entries);
  }

  /** Returns every path (files, directories, links) of the merged root file system. */
  public static Set<String> files(String ref) {
    return mergedEntries(ref).keySet();
  }

  /** Returns the content of a file as the merged image shows it, following links. */
  public static byte[] readFile(String ref, String path) {
    Path dir = pull(ref);
    NavigableMap<String, Located> merged = merge(layers(ref));
    String resolved = resolve(merged, clean(path), 0);
    Located located = merged.get(resolved);
    if (located == null || located.entry().type() == LayerEntry.Type.DIRECTORY) {
      throw new IllegalStateException("No file " + path + " in image " + ref);
    }
    return readFromLayer(blob(dir, layerDigestsIn(dir).get(located.layer())), located.entry());
  }

  /** Returns the content of a file of the merged image as UTF-8 text. */
  public static String readString(String ref, String path) {
    return new String(readFile(ref, path), UTF_8);
  }

  private record Located(int layer, LayerEntry entry) {}

  private static NavigableMap<String, Located> merge(List<List<LayerEntry>> layers) {
    NavigableMap<String, Located> merged = new TreeMap<>();
    for (int layer = 0; layer < layers.size(); layer++) {
      for (LayerEntry entry : layers.get(layer)) {
        apply(merged, layer, entry);
      }
    }
    return merged;
  }

  private static void apply(NavigableMap<String, Located> merged, int layer, LayerEntry entry) {
    String name = entry.fileName();
    String parent = parent(entry.path());
    if (name.equals(".wh..wh..opq")) {
      below(merged, parent).values().removeIf(located -> located.layer() < layer);
    } else if (name.startsWith(".wh.")) {
      String hidden = join(parent, name.substring(4));
      merged.remove(hidden);
      below(merged, hidden).clear();
    } else {
      merged.put(entry.path(), new Located(layer, entry));
    }
  }

  private static NavigableMap<String, Located> below(
      NavigableMap<String, Located> merged, String dir) {
    String prefix = dir.equals("/") ? "/" : dir + "/";
    return merged.subMap(prefix, false, prefix + Character.MAX_VALUE, false);
  }

  private static String resolve(Map<String, Located> merged, String path, int hops) {
    if (hops > MAX_SYMLINK_HOPS) {
      throw new IllegalStateException("Too many symbolic links resolving " + path);
    }
    String[] parts = path.equals("/") ? new String[0] : path.substring(1).split("/");
    String current = "/";
    for (int i = 0; i < parts.length; i++) {
      String next = join(current, parts[i]);
      Located located = merged.get(next);
      if (located != null && located.entry().type() == LayerEntry.Type.SYMLINK) {
        String target = located.entry().linkTarget();
        String base = target.startsWith("/") ? target : join(current, target);
        String rest = String.join("/", Arrays.asList(parts).subList(i + 1, parts.length));
        return resolve(merged, clean(rest.isEmpty() ? base : base + "/" + rest), hops + 1);
      }
      current = next;
    }
    return current;
  }

  private static String clean(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static String join(String dir, String name) {
    return dir.equals("/") ? "/" + name : dir + "/" + name;
  }

  private static byte[] readFromLayer(Path blob, LayerEntry wanted) {
    String path = wanted.type() == LayerEntry.Type.HARDLINK ? wanted.linkTarget() : wanted.path();
    try (TarArchiveInputStream tar = openLayer(blob)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (LayerEntry.normalize(entry.getName()).equals(path)) {
          LayerEntry found = LayerEntry.of(entry);
          return found.type() == LayerEntry.Type.HARDLINK
              ? readFromLayer(blob, found)
              : tar.readAllBytes();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read layer " + blob, e);
    }
    throw new IllegalStateException("No " + path + " in layer " + blob.getFileName());
  }

  private static List<String> occurrencesInLayer(Path blob, String digest, StringScan scan) {
    List<String> found = new ArrayList<>();
    try (TarArchiveInputStream tar = openLayer(blob)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        String where = " in " + LayerEntry.normalize(entry.getName()) + " of layer " + digest;
        String header = entry.getName() + "\n" + entry.getLinkName() + "\n";
        String pax = String.valueOf(entry.getExtraPaxHeaders());
        scan.in((header + pax).getBytes(UTF_8))
            .forEach(s -> found.add("\"" + s + "\" (name)" + where));
        scan.in(tar).forEach(s -> found.add("\"" + s + "\"" + where));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read layer " + blob, e);
    }
    return found;
  }

  private static List<LayerEntry> readEntries(Path blob) {
    List<LayerEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream tar = openLayer(blob)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.add(LayerEntry.of(entry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read layer " + blob, e);
    }
    return List.copyOf(entries);
  }

  private static TarArchiveInputStream openLayer(Path blob) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(blob));
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return new TarArchiveInputStream(gzip ? new GzipCompressorInputStream(in) : in);
  }

  private static JsonNode imageManifest(String ref) {
    JsonNode manifest = manifest(ref);
    return manifest.has("layers") ? manifest : readJson(pull(ref).resolve("manifest.json"));
  }

  private static List<String> layerDigestsIn(Path dir) {
    List<String> digests = new ArrayList<>();
    readJson(dir.resolve("manifest.json"))
        .path("layers")
        .forEach(layer -> digests.add(layer.path("digest").asText()));
    return digests;
  }

  private static Path blob(Path dir, String digest) {
    return dir.resolve(digest.substring(digest.indexOf(':') + 1));
  }

  private static Path pull(String ref) {
    String digest = manifestDigest(ref);
    return PULLED.computeIfAbsent(digest, d -> copyToDir(repository(ref) + "@" + d));
  }

  private static Path copyToDir(String pinnedRef) {
    Path dir = cacheRoot().resolve(pinnedRef.substring(pinnedRef.indexOf("@sha256:") + 8));
    skopeo("copy", "--quiet", "--src-tls-verify=false", "docker://" + pinnedRef, "dir:" + dir);
    return dir;
  }

  private static byte[] rawConfig(String ref) {
    return skopeo("inspect", "--config", "--raw", "--tls-verify=false", "docker://" + ref);
  }

  private static String repository(String ref) {
    int at = ref.indexOf('@');
    if (at >= 0) {
      return ref.substring(0, at);
    }
    int colon = ref.lastIndexOf(':');
    return colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
  }

  private static synchronized Path cacheRoot() {
    if (cacheRoot == null) {
      try {
        cacheRoot = Files.createTempDirectory("image-inspection");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path root = cacheRoot;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
    }
    return cacheRoot;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a leftover temporary directory is harmless.
    }
  }

  private static byte[] rawManifest(String ref) {
    return skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + ref);
  }

  private static byte[] skopeo(String... args) {
    List<String> command = new ArrayList<>(List.of("skopeo", args[0]));
    command.addAll(authOptions());
    command.addAll(List.of(args).subList(1, args.length));
    return Command.of(command).runForBytes();
  }

  private static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + new String(json, UTF_8), e);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
