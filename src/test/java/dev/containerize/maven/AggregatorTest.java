package dev.containerize.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

/** A parent module with packaging {@code pom} and no {@code package.json} is passed over. */
@MojoTest
@Basedir(AggregatorTest.PROJECT)
class AggregatorTest {
  static final String PROJECT = "/projects/aggregator";

  private final MavenSession session = TestSessions.session(PROJECT);
  private final RecordingLog log = new RecordingLog();

  @Provides
  MavenSession session() {
    return session;
  }

  @Provides
  Log log() {
    return log;
  }

  @Test
  @InjectMojo(goal = "build")
  void parentWithoutPackageJsonIsPassedOverWithOneInfoLine(BuildMojo mojo) throws Exception {
    mojo.execute();

    assertThat(log.lines())
        .containsExactly(
            "[info] container:build skipped: "
                + TestSessions.basedir(PROJECT)
                + " has no package.json");
  }
}
