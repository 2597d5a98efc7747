package dev.containerize.maven;

import dev.containerize.jib.ImageTarget;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Builds the image of the Node.js project and pushes it to the registry named by {@code to.image}.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class BuildMojo extends AbstractContainerMojo {

  /** Creates the goal with Maven's decrypter for {@code settings.xml} passwords. */
  @Inject
  public BuildMojo(SettingsDecrypter decrypter) {
    super(decrypter);
  }

  @Override
  String goal() {
    return "build";
  }

  @Override
  ImageTarget target(String image, List<String> tags) throws MojoFailureException {
    if (image == null || image.isBlank()) {
      throw new MojoFailureException(
          "container:build needs the image to push: set <to><image> in the plugin's"
              + " configuration, or -Dimage=REGISTRY/REPOSITORY:TAG"
              + " (for example -Dimage=registry.example.com/team/app:1.0).");
    }
    return new ImageTarget(ImageTarget.Kind.REGISTRY, image, tags, null);
  }
}
