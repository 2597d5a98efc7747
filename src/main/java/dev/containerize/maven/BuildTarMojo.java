package dev.containerize.maven;

import dev.containerize.jib.ImageTarget;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Builds the image of the Node.js project into a {@code docker load}-able tar file. */
@Mojo(name = "build-tar", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildTarMojo extends AbstractContainerMojo {

  /** Creates the goal with Maven's decrypter for {@code settings.xml} passwords. */
  @Inject
  public BuildTarMojo(SettingsDecrypter decrypter) {
    super(decrypter);
  }

  /**
   * The tar file to write. Default {@code ${project.build.directory}/container-image.tar}. Property
   * {@code container.tarFile}.
   */
  @Parameter(defaultValue = "${project.build.directory}/container-image.tar")
  String tarFile;

  @Override
  String goal() {
    return "build-tar";
  }

  @Override
  ImageTarget target(String image, List<String> tags) {
    String file = parameters().string("container.tarFile", tarFile);
    return new ImageTarget(
        ImageTarget.Kind.TAR, image == null ? defaultImage() : image, tags, Path.of(file));
  }
}
