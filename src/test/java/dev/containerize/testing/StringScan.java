package dev.containerize.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds which of some strings occur in bytes or in a stream, as UTF-8 or base64-encoded (as a
 * Docker {@code config.json} keeps a password), reading a stream once in chunks so that its size
 * does not matter.
 */
final class StringScan {
  private static final int CHUNK = 1 << 16;
  // Shorter base64 fragments could turn up by chance in the megabytes of a base image.
  private static final int SHORTEST_BASE64 = 12;

  private final List<String> strings = new ArrayList<>();
  private final List<byte[]> patterns = new ArrayList<>();
  private final int overlap;

  /** Creates a scan for {@code strings}, each at least four characters long. */
  StringScan(List<String> strings) {
    int longest = 0;
    for (String string : strings) {
      if (string.length() < 4) {
        throw new IllegalArgumentException("Too short to look for: \"" + string + "\"");
      }
      for (String form : forms(string)) {
        this.strings.add(string);
        patterns.add(form.getBytes(UTF_8));
        longest = Math.max(longest, form.length());
      }
    }
    overlap = longest - 1;
  }

  /** The strings that occur in {@code bytes}. */
  Set<String> in(byte[] bytes) {
    try {
      return in(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The strings that occur in what is left of {@code in}, which is read to its end. */
  Set<String> in(InputStream in) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    byte[] buffer = new byte[CHUNK + overlap];
    int kept = 0;
    for (int n = in.read(buffer, kept, CHUNK); n >= 0; n = in.read(buffer, kept, CHUNK)) {
      int length = kept + n;
      for (int i = 0; i < patterns.size(); i++) {
        if (!found.contains(strings.get(i)) && indexOf(buffer, length, patterns.get(i)) >= 0) {
          found.add(strings.get(i));
        }
      }
      kept = Math.min(overlap, length);
      System.arraycopy(buffer, length - kept, buffer, 0, kept);
    }
    return found;
  }

  /**
   * The string as UTF-8 text, and the part of its base64 form that does not depend on the bytes
   * around it, for each of the three places it can start within a group of three bytes, where that
   * part is long enough to mean something.
   */
  private static List<String> forms(String string) {
    List<String> forms = new ArrayList<>(List.of(string));
    byte[] bytes = string.getBytes(UTF_8);
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      String stable = encoded.substring(new int[] {0, 2, 3}[offset], shifted.length / 3 * 4);
      if (stable.length() >= SHORTEST_BASE64) {
        forms.add(stable);
      }
    }
    return forms;
  }

  private static int indexOf(byte[] haystack, int length, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
