package dev.containerize.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * Maven sessions over the test projects under {@code src/test/resources/projects}, made of Maven's
 * own model classes the way Maven fills them for a build of one module.
 */
final class TestSessions {
  private TestSessions() {}

  /** The folder of a test project, from its classpath name such as {@code /projects/minimal}. */
  static Path basedir(String resource) {
    URL url = TestSessions.class.getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("No test project " + resource + " on the classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(resource, e);
    }
  }

  /**
   * A session building the project in {@code resource} alone, with the servers of the project's
   * {@code settings.xml} when it has one.
   */
  // Maven 3.9 deprecates every MavenSession constructor; this is the one its own DefaultMaven uses.
  @SuppressWarnings("deprecation")
  static MavenSession session(String resource) {
    Path basedir = basedir(resource);
    MavenProject project = project(basedir);
    MavenExecutionRequest request = new DefaultMavenExecutionRequest();
    request.setBaseDirectory(basedir.toFile());
    Path settingsXml = basedir.resolve("settings.xml");
    if (Files.isRegularFile(settingsXml)) {
      request.setServers(settings(settingsXml).getServers());
    }
    MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
    session.setProjects(List.of(project));
    session.setCurrentProject(project);
    return session;
  }

  private static MavenProject project(Path basedir) {
    Path pom = basedir.resolve("pom.xml");
    Model model;
    try (InputStream in = Files.newInputStream(pom)) {
      model = new MavenXpp3Reader().read(in);
    } catch (IOException | XmlPullParserException e) {
      throw new IllegalStateException("Cannot read " + pom, e);
    }
    Build build = model.getBuild() == null ? new Build() : model.getBuild();
    build.setDirectory(basedir.resolve("target").toString());
    model.setBuild(build);
    MavenProject project = new MavenProject(model);
    project.setFile(pom.toFile());
    return project;
  }

  /** The settings read from a {@code settings.xml}. */
  static Settings settings(Path settingsXml) {
    try (InputStream in = Files.newInputStream(settingsXml)) {
      return new SettingsXpp3Reader().read(in);
    } catch (IOException | XmlPullParserException e) {
      throw new IllegalStateException("Cannot read " + settingsXml, e);
    }
  }
}
