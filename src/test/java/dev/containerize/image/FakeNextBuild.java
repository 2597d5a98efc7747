package dev.containerize.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files a {@code next build} leaves behind, small and fake, into a project folder. */
public final class FakeNextBuild {
  private final Path project;

  public FakeNextBuild(Path project) {
    this.project = project;
  }

  /** Writes {@code text} to {@code relative} in the project, creating folders; returns this. */
  public FakeNextBuild file(String relative, String text) {
    Path file = project.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The build output a standalone or server build shares: build id, browser files, cache. */
  public FakeNextBuild commonOutput(String buildId) {
    return file(".next/BUILD_ID", buildId)
        .file(".next/static/" + buildId + "/_buildManifest.js", "self.__BUILD_MANIFEST={}")
        .file(".next/static/chunks/main-1.js", "console.log('chunk')")
        .file(".next/cache/images/a.webp", "cached")
        .file("public/robots.txt", "User-agent: *")
        .file("app/page.js", "export default function Page() {}")
        .file(".env.local", "SECRET=1");
  }

  /** A standalone server for an app at {@code appPath} ("" for a single app). */
  public FakeNextBuild standalone(String appPath, String buildId) {
    String app = ".next/standalone/" + (appPath.isEmpty() ? "" : appPath + "/");
    return commonOutput(buildId)
        .file(app + "server.js", "require('next')")
        .file(app + "package.json", "{}")
        .file(app + ".env.production", "SECRET=2")
        .file(app + ".next/BUILD_ID", buildId)
        .file(app + ".next/server/app/page.js", "page " + buildId)
        .file(app + ".next/cache/fetch-cache/x", "stale")
        .file(".next/standalone/node_modules/next/package.json", "{\"name\":\"next\"}")
        .file(".next/standalone/node_modules/next/dist/server/next.js", "module.exports = {}");
  }
}
