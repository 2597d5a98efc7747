package dev.containerize.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
    int[][] byPrefix = byPrefix();
    Set<String> found = new LinkedHashSet<>();
    byte[] buffer = new byte[CHUNK + overlap];
    int kept = 0;
    for (int n = in.read(buffer, kept, CHUNK); n >= 0; n = in.read(buffer, kept, CHUNK)) {
      int length = kept + n;
      for (int i = 0; i + 1 < length; i++) {
        int[] candidates = byPrefix[(buffer[i] & 0xff) << 8 | buffer[i + 1] & 0xff];
        if (candidates != null) {
          for (int candidate : candidates) {
            if (matchesAt(buffer, length, i, patterns.get(candidate))) {
              found.add(strings.get(candidate));
            }
          }
        }
      }
      kept = Math.min(overlap, length);
      System.arraycopy(buffer, length - kept, buffer, 0, kept);
    }
    return found;
  }

  /** The patterns by their first two bytes, so that most places are passed over at a glance. */
  private int[][] byPrefix() {
    int[][] byPrefix = new int[1 << 16][];
    for (int i = 0; i < patterns.size(); i++) {
      byte[] pattern = patterns.get(i);
      int prefix = (pattern[0] & 0xff) << 8 | pattern[1] & 0xff;
      int[] before = byPrefix[prefix] == null ? new int[0] : byPrefix[prefix];
      int[] after = Arrays.copyOf(before, before.length + 1);
      after[before.length] = i;
      byPrefix[prefix] = after;
    }
    return byPrefix;
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

  private static boolean matchesAt(byte[] haystack, int length, int start, byte[] needle) {
    if (start + needle.length > length) {
      return false;
    }
    for (int j = 2; j < needle.length; j++) {
      if (haystack[start + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }
}
