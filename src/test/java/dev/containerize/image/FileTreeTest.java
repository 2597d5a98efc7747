package dev.containerize.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.containerize.ProjectException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
  private static final FileTree.Filter EVERYTHING = FileTree.excluding(relative -> false);

  @TempDir Path temp;
  Path project;
  Path outside;

  @BeforeEach
  void folders() throws IOException {
    project = Files.createDirectories(temp.resolve("project"));
    outside = Files.createDirectories(temp.resolve("outside"));
  }

  @Test
  void listsFilesAndFoldersUnderTheImageFolderWithModesAndRootOwner() throws IOException {
    write("lib/util.js", "u");
    write("server.js", "s");
    Path script = write("bin/run.sh", "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    Path secret = write("config/local.json", "{}");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Files.createDirectories(project.resolve("empty"));

    ImageLayer layer = new ImageLayer("app", walkAll());

    assertThat(layer.files())
        .extracting(ImageFile::path, ImageFile::mode, ImageFile::owner, ImageFile::isDirectory)
        .containsExactly(
            entry("/app/bin", 0755, true),
            entry("/app/bin/run.sh", 0755, false),
            entry("/app/config", 0755, true),
            entry("/app/config/local.json", 0644, false),
            entry("/app/empty", 0755, true),
            entry("/app/lib", 0755, true),
            entry("/app/lib/util.js", 0644, false),
            entry("/app/server.js", 0644, false));
    assertThat(layer.size()).isEqualTo(1 + 1 + 10 + 2);
  }

  @Test
  void linkToAFileInsideTheProjectBecomesARegularFileWithItsContent() throws IOException {
    write("real/config.json", "{\"a\":1}");
    Files.createSymbolicLink(project.resolve("config.json"), Path.of("real/config.json"));

    ImageFile copy = find(walkAll(), "/app/config.json");

    assertThat(copy.isDirectory()).isFalse();
    assertThat(copy.mode()).isEqualTo(0644);
    assertThat(Files.readString(copy.source())).isEqualTo("{\"a\":1}");
  }

  @Test
  void linkToAFolderInsideTheProjectIsWalkedAsAFolder() throws IOException {
    write("shared/a.js", "a");
    Files.createDirectories(project.resolve("web"));
    Files.createSymbolicLink(project.resolve("web/shared"), Path.of("../shared"));

    List<ImageFile> files = walkAll();

    assertThat(find(files, "/app/web/shared").isDirectory()).isTrue();
    assertThat(Files.readString(find(files, "/app/web/shared/a.js").source())).isEqualTo("a");
  }

  @Test
  void linkToAFileOutsideTheProjectIsRefusedNamingTheLink() throws IOException {
    Path target = Files.writeString(outside.resolve("passwd"), "root:x:0:0");
    Path link = Files.createSymbolicLink(project.resolve("users.txt"), target);

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(link.toString())
        .hasMessageContaining("outside");
  }

  @Test
  void linkToAFolderOutsideTheProjectIsRefusedNamingTheLink() throws IOException {
    Files.writeString(outside.resolve("a.js"), "a");
    Path link = Files.createSymbolicLink(project.resolve("vendor"), outside);

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(link.toString())
        .hasMessageContaining("outside");
  }

  @Test
  void walkedFolderThatIsALinkOutsideTheProjectIsRefused() throws IOException {
    Files.writeString(outside.resolve("a.js"), "a");
    Path link = Files.createSymbolicLink(project.resolve("node_modules"), outside);
    FileTree tree = new FileTree(project);

    assertThatThrownBy(() -> tree.walk(link, "/app/node_modules", EVERYTHING))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(link.toString())
        .hasMessageContaining("outside");
  }

  @Test
  void linkCycleThroughAFolderIsRefusedNamingTheLink() throws IOException {
    Files.createDirectories(project.resolve("a/b"));
    Path link = Files.createSymbolicLink(project.resolve("a/b/up"), Path.of(".."));

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(link.toString())
        .hasMessageContaining("cycle");
  }

  @Test
  void linksThatPointAtEachOtherAreRefusedNamingTheLink() throws IOException {
    Path first = Files.createSymbolicLink(project.resolve("first"), Path.of("second"));
    Files.createSymbolicLink(project.resolve("second"), Path.of("first"));

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("is a symbolic link in a cycle of links that never reaches a file")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .containsAnyOf(first.toString(), project.resolve("second").toString()));
  }

  @Test
  void linkToADeviceOutsideTheProjectIsRefusedNamingTheLink() throws IOException {
    Path link = Files.createSymbolicLink(project.resolve("null.log"), Path.of("/dev/null"));

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith(link + " is a symbolic link to /dev/null, outside " + project)
        .hasMessageEndingWith("Replace the link with a copy of what it points to, or remove it.");
  }

  @Test
  void deviceInsideTheProjectIsRefusedNamingIt() throws Exception {
    Path device = project.resolve("console");
    Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start();
    assumeTrue(mknod.waitFor() == 0, "mknod needs root");

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessage(
            device + " is a device, socket or pipe, which an image cannot carry. Remove it.");
  }

  @Test
  void linkToAPipeInsideTheProjectIsRefusedNamingTheLinkAndThePipe() throws Exception {
    Path fifo = mkfifo(project.resolve("queue"));
    Path link = Files.createSymbolicLink(project.resolve("jobs"), Path.of("queue"));
    FileTree.Filter onlyTheLink = FileTree.excluding(rel -> rel.equals("queue"));

    assertThatThrownBy(() -> new FileTree(project).walk(project, "/app", onlyTheLink))
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith(
            link + " is a symbolic link to " + fifo.toRealPath() + ", a device");
  }

  @Test
  void refusalOffersTheDockerignoreThatDecidesTheWalk() throws IOException {
    Files.createSymbolicLink(project.resolve("gone.js"), Path.of("missing.js"));
    Path dockerignore = project.resolve(".dockerignore");
    FileTree.Filter filter = FileTree.excluding(rel -> false, dockerignore);

    assertThatThrownBy(() -> new FileTree(project).walk(project, "/app", filter))
        .isInstanceOf(ProjectException.class)
        .hasMessageEndingWith(
            "Remove it, or make it point at a file of the project, or keep it out of the image"
                + " with a line in "
                + dockerignore
                + ".");
  }

  @Test
  void nameThatIsNotUtf8IsRefusedWithItsBytes() throws Exception {
    Process touch =
        new ProcessBuilder("sh", "-c", "touch \"$(printf 'caf\\351.js')\"")
            .directory(project.toFile())
            .start();
    assertThat(touch.waitFor()).isZero();

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("has a name that is not valid UTF-8 (bytes caf%E9.js)")
        .hasMessageEndingWith("Rename it.");
  }

  @Test
  void danglingLinkIsRefusedNamingIt() throws IOException {
    Path link = Files.createSymbolicLink(project.resolve("gone.js"), Path.of("missing.js"));

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessage(
            link
                + " is a symbolic link to missing.js, which does not exist. Remove it, or make it"
                + " point at a file of the project.");
  }

  @Test
  void chainOfLinksToNothingIsRefusedNamingWhereItEnds() throws IOException {
    Path link = Files.createSymbolicLink(project.resolve("first.js"), Path.of("second.js"));
    Files.createSymbolicLink(project.resolve("second.js"), Path.of("missing.js"));

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith(
            link
                + " is a symbolic link to second.js, through "
                + project.resolve("missing.js")
                + ", which does not exist");
  }

  @Test
  void namedPipeIsRefusedNamingIt() throws Exception {
    Path fifo = mkfifo(project.resolve("queue"));

    assertThatThrownBy(this::walkAll)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(fifo.toString())
        .hasMessageContaining("socket or pipe");
  }

  @Test
  void unixSocketIsRefusedNamingIt() throws IOException {
    Path socket = project.resolve("app.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));

      assertThatThrownBy(this::walkAll)
          .isInstanceOf(ProjectException.class)
          .hasMessageContaining(socket.toString())
          .hasMessageContaining("socket or pipe");
    }
  }

  @Test
  void excludedEntriesAreNeverRead() throws Exception {
    write("server.js", "s");
    mkfifo(project.resolve("queue"));
    Files.createSymbolicLink(project.resolve("gone.js"), Path.of("missing.js"));
    Files.createDirectories(project.resolve("cache"));
    Files.createSymbolicLink(project.resolve("cache/outside"), outside);
    Files.createSymbolicLink(project.resolve("cache/loop"), Path.of("."));
    Files.createSymbolicLink(project.resolve("again"), Path.of("."));
    Set<String> excluded = Set.of("queue", "gone.js", "cache", "again");

    List<ImageFile> files =
        new FileTree(project).walk(project, "/app", FileTree.excluding(excluded::contains));

    assertThat(files).extracting(ImageFile::path).containsExactly("/app/server.js");
  }

  @Test
  void unusualNamesAreKeptExactly() throws IOException {
    List<String> names =
        List.of("with space.js", "ünïcødé-日本.js", "new\nline.js", "tab\there", "back\\slash.js");
    for (String name : names) {
      write("odd/" + name, name);
    }

    List<ImageFile> files = walkAll();

    for (String name : names) {
      ImageFile file = find(files, "/app/odd/" + name);
      assertThat(Files.readString(file.source())).isEqualTo(name);
    }
  }

  @Test
  void missingFolderHasNoEntries() {
    assertThat(new FileTree(project).walk(project.resolve("none"), "/app", EVERYTHING)).isEmpty();
  }

  private List<ImageFile> walkAll() {
    return new FileTree(project).walk(project, "/app", EVERYTHING);
  }

  private Path write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static ImageFile find(List<ImageFile> files, String path) {
    return files.stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " not among " + files));
  }

  private static Tuple entry(String path, int mode, boolean directory) {
    return Tuple.tuple(path, mode, "0:0", directory);
  }

  static Path mkfifo(Path path) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(process.waitFor()).isZero();
    return path;
  }
}
