package dev.containerize.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The prebuilt native packages that Next.js pulls in ({@code sharp}'s {@code @img/*}, {@code
 * @next/swc-*}): the package manager installs the ones for the build machine, so the image can use
 * them only when the build machine has the image's platform and C library.
 */
public final class NativePackages {
  private static final Pattern NATIVE =
      Pattern.compile(".*/node_modules/(@img/sharp-[^/]+|@next/swc-[^/]+)/package\\.json");

  private NativePackages() {}

  /**
   * An operating system, CPU architecture and C library.
   *
   * @param os {@code linux}, {@code darwin} or {@code windows}
   * @param arch {@code amd64} or {@code arm64} (as in image platforms), or what Java calls it
   * @param libc {@code glibc} or {@code musl} on Linux, else empty
   */
  public record Platform(String os, String arch, String libc) {
    /** The machine this JVM runs on. */
    public static Platform buildMachine() {
      String os = osName(System.getProperty("os.name"));
      return new Platform(os, archName(System.getProperty("os.arch")), libcOf(os));
    }

    /**
     * The platform of images built on {@code baseImage}: Linux on amd64 (the platform the image
     * writer picks), with musl when the base image is an Alpine variant, else glibc. The name is
     * all there is to go on: the image's config does not record its C library.
     */
    public static Platform ofBaseImage(String baseImage) {
      boolean alpine = baseImage.toLowerCase(Locale.ROOT).contains("alpine");
      return new Platform("linux", "amd64", alpine ? "musl" : "glibc");
    }

    @Override
    public String toString() {
      return os + "/" + arch + (libc.isEmpty() ? "" : " with " + libc);
    }
  }

  /** The native packages in {@code layers}, such as {@code @img/sharp-linux-x64}, sorted. */
  public static List<String> find(List<ImageLayer> layers) {
    TreeSet<String> names = new TreeSet<>();
    for (ImageLayer layer : layers) {
      for (ImageFile file : layer.files()) {
        Matcher m = NATIVE.matcher(file.path());
        if (m.matches()) {
          names.add(m.group(1));
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * A warning when the native packages in {@code layers} were installed for {@code buildMachine}
   * but the image runs on a different {@code image} platform, naming the packages and the fix.
   */
  public static Optional<String> mismatch(
      List<ImageLayer> layers, Platform buildMachine, Platform image, String baseImage) {
    List<String> found = find(layers);
    if (found.isEmpty() || buildMachine.equals(image)) {
      return Optional.empty();
    }
    return Optional.of(
        "The image holds native packages installed for the build machine ("
            + buildMachine
            + "): "
            + String.join(", ", found)
            + ". The base image "
            + baseImage
            + " is "
            + image
            + ", where they may not load (sharp and the SWC compiler fail at run time). Build on"
            + " a "
            + image
            + " machine, or choose a base image that matches the build machine in <from><image>"
            + " (-Dcontainer.from.image).");
  }

  private static String osName(String javaName) {
    String name = javaName.toLowerCase(Locale.ROOT);
    if (name.contains("linux")) {
      return "linux";
    }
    if (name.contains("mac") || name.contains("darwin")) {
      return "darwin";
    }
    return name.contains("windows") ? "windows" : name;
  }

  static String archName(String javaArch) {
    return switch (javaArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> javaArch;
    };
  }

  private static String libcOf(String os) {
    if (!os.equals("linux")) {
      return "";
    }
    return hasMuslLoader(Path.of("/lib")) ? "musl" : "glibc";
  }

  /** Whether {@code lib} holds musl's dynamic loader, {@code ld-musl-<arch>.so.1}. */
  static boolean hasMuslLoader(Path lib) {
    if (!Files.isDirectory(lib)) {
      return false;
    }
    try (Stream<Path> files = Files.list(lib)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("ld-musl-"));
    } catch (IOException e) {
      return false; // an unreadable /lib: assume the usual glibc
    }
  }
}
