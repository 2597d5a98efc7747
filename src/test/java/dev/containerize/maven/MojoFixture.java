package dev.containerize.maven;

import org.apache.maven.api.di.Provides;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

/**
 * What a goal test gives the plugin testing harness: a session building one project under {@code
 * src/test/resources/projects}, and a log that keeps every line for the test to read.
 */
abstract class MojoFixture {
  final MavenSession session;
  final RecordingLog log = new RecordingLog();

  MojoFixture(String project) {
    this.session = TestSessions.session(project);
  }

  @Provides
  MavenSession session() {
    return session;
  }

  @Provides
  Log log() {
    return log;
  }
}
