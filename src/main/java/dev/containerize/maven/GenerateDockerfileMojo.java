package dev.containerize.maven;

import dev.containerize.ContainerBuild;
import dev.containerize.ContainerRequest;
import dev.containerize.dockerfile.DockerfileTarget;
import dev.containerize.jib.ImageTarget;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes a Dockerfile and {@code .dockerignore} that build the same image as {@code
 * container:build}, rendered from the same image plan, for pipelines that must run {@code docker
 * build}, buildah, kaniko or BuildKit.
 */
@Mojo(name = "generate-dockerfile", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class GenerateDockerfileMojo extends AbstractContainerMojo {

  /** Creates the goal; the decrypter is unused, since nothing is pulled or pushed. */
  @Inject
  public GenerateDockerfileMojo(SettingsDecrypter decrypter) {
    super(decrypter);
  }

  /**
   * The Dockerfile to write, relative to the module's folder. Default: {@code Dockerfile} in the
   * folder that holds {@code package.json}, the build context. Property {@code
   * container.dockerfile}.
   */
  @Parameter String dockerfile;

  /**
   * Replace a Dockerfile that the plugin did not write (one whose first line is not the plugin's
   * header). Default false. Property {@code container.overwriteDockerfile}.
   */
  @Parameter Boolean overwriteDockerfile;

  @Override
  String goal() {
    return "generate-dockerfile";
  }

  @Override
  ImageTarget target(String image, List<String> tags) {
    // The image is only named in the Dockerfile's build command; nothing is sent anywhere.
    return new ImageTarget(
        ImageTarget.Kind.DOCKER, image == null ? defaultImage() : image, tags, null);
  }

  @Override
  void run(ContainerRequest request) {
    new ContainerBuild(log()).writeDockerfile(request, dockerfileTarget(request));
  }

  DockerfileTarget dockerfileTarget(ContainerRequest request) {
    Parameters params = parameters();
    String configured = params.string("container.dockerfile", dockerfile);
    Path context = request.projectDirectory();
    Path file =
        configured == null
            ? context.resolve("Dockerfile")
            : project.getBasedir().toPath().resolve(configured).normalize();
    boolean overwrite = params.bool("container.overwriteDockerfile", overwriteDockerfile, false);
    return new DockerfileTarget(file, context, overwrite, request.target().image());
  }
}
