package dev.containerize.maven;

import dev.containerize.jib.ImageTarget;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Builds the image of the Node.js project and loads it into a Docker engine. */
@Mojo(name = "docker-build", threadSafe = true)
public class DockerBuildMojo extends AbstractContainerMojo {

  /** Creates the goal with Maven's decrypter for {@code settings.xml} passwords. */
  @Inject
  public DockerBuildMojo(SettingsDecrypter decrypter) {
    super(decrypter);
  }

  @Override
  String goal() {
    return "docker-build";
  }

  @Override
  ImageTarget target(String image, List<String> tags) {
    return new ImageTarget(
        ImageTarget.Kind.DOCKER, image == null ? defaultImage() : image, tags, null);
  }
}
