package dev.containerize.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/** A parent module with packaging {@code pom} and no {@code package.json} is passed over. */
@MojoTest
@Basedir(AggregatorTest.PROJECT)
class AggregatorTest extends MojoFixture {
  static final String PROJECT = "/projects/aggregator";

  AggregatorTest() {
    super(PROJECT);
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
