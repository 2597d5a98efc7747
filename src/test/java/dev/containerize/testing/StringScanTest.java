package dev.containerize.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search that the secret checks of the integration tests rely on. */
class StringScanTest {
  private final StringScan scan = new StringScan(List.of("tok_8f3a91", "itest:s3cret-pass"));

  @Test
  void findsAStringThatStraddlesTwoChunksOfAStream() throws IOException {
    byte[] bytes = new byte[200_000];
    Arrays.fill(bytes, (byte) 'x');
    byte[] token = "tok_8f3a91".getBytes(UTF_8);
    System.arraycopy(token, 0, bytes, (1 << 16) - 4, token.length);

    assertThat(scan.in(new ByteArrayInputStream(bytes))).containsExactly("tok_8f3a91");
  }

  @Test
  void findsABase64FormWhereverItStartsInTheEncodedBytes() {
    for (String prefix : List.of("{\"auth\":", "a", "ab", "abc")) {
      byte[] encoded = (prefix + "itest:s3cret-pass\"}").getBytes(UTF_8);
      String text = "{\"auths\": \"" + Base64.getEncoder().encodeToString(encoded) + "\"}";

      assertThat(scan.in(text.getBytes(UTF_8))).as(prefix).containsExactly("itest:s3cret-pass");
    }
  }

  @Test
  void findsNothingInBytesWithoutTheStrings() {
    byte[] text = "tok_8f3a9 itest:s3cret-pas aXRlc3Q6czNj".getBytes(UTF_8);

    assertThat(scan.in(text)).isEmpty();
  }
}
