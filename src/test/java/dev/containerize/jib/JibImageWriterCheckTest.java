package dev.containerize.jib;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The image references and tags are checked before the install, naming the parameter to fix. */
class JibImageWriterCheckTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "registry.example.com/team/Orders:1",
        "registry.example.com/team/orders:1:2",
        "registry.example.com/team/orders:bad tag",
        "registry.example.com//orders:1",
        ""
      })
  void invalidTargetNamesTheParameterTheValueAndTheForm(String image) {
    assertThatThrownBy(() -> JibImageWriter.check(registry(image, List.of()), null))
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith(
            "<to><image> (-Dcontainer.to.image or -Dimage) is \"" + image + "\"")
        .hasMessageContaining("not a valid image reference")
        .hasMessageContaining("REGISTRY/REPOSITORY:TAG");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-latest", ".hidden", "two words", "a:b"})
  void invalidTagNamesTheParameterAndTheTag(String tag) {
    ImageTarget target = registry("registry.example.com/team/orders:1", List.of("ok", tag));

    assertThatThrownBy(() -> JibImageWriter.check(target, null))
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith("<to><tags> (-Dcontainer.to.tags) holds \"" + tag + "\"")
        .hasMessageContaining("not a valid tag");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Node:20", "node:20 slim"})
  void invalidConfiguredBaseImageNamesItsParameter(String base) {
    ImageTarget target = registry("registry.example.com/team/orders:1", List.of());

    assertThatThrownBy(() -> JibImageWriter.check(target, base))
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith("<from><image> (-Dcontainer.from.image) is \"" + base + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "scratch", " node:20-slim ", "127.0.0.1:5000/base/node:20"})
  void validOrDefaultedReferencesPass(String base) {
    ImageTarget target = registry("127.0.0.1:5000/it/orders:1.0", List.of("latest", "1.0.3_b"));

    assertThatCode(() -> JibImageWriter.check(target, base)).doesNotThrowAnyException();
    assertThatCode(() -> JibImageWriter.check(target, null)).doesNotThrowAnyException();
  }

  private static ImageTarget registry(String image, List<String> tags) {
    return new ImageTarget(ImageTarget.Kind.REGISTRY, image, tags, null);
  }
}
