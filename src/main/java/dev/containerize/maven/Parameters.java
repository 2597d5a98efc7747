package dev.containerize.maven;

import dev.containerize.ProjectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves each configuration leaf: a {@code -D} user property on the command line beats the POM's
 * XML, which beats a property of the same name in the POM's {@code <properties>}, which beats the
 * default.
 */
final class Parameters {
  private final Properties commandLine;
  private final Properties project;

  Parameters(Properties commandLine, Properties project) {
    this.commandLine = commandLine;
    this.project = project;
  }

  /** A text value, or null when set nowhere. */
  String string(String property, String xml) {
    String cli = commandLine.getProperty(property);
    if (cli != null) {
      return cli;
    }
    return xml != null ? xml : project.getProperty(property);
  }

  /**
   * A text value that also has a short property name: each source is asked for {@code property}
   * first, then for {@code alias}, and the sources keep their order.
   */
  String string(String property, String alias, String xml) {
    String cli = commandLine.getProperty(property, commandLine.getProperty(alias));
    if (cli != null) {
      return cli;
    }
    return xml != null ? xml : project.getProperty(property, project.getProperty(alias));
  }

  /** A comma-separated list value, empty when set nowhere. */
  List<String> list(String property, List<String> xml) {
    String cli = commandLine.getProperty(property);
    if (cli == null && xml != null) {
      return List.copyOf(xml);
    }
    String text = cli != null ? cli : project.getProperty(property);
    List<String> values = new ArrayList<>();
    if (text != null) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  /** A map value given as {@code K=V,K=V} in a property, empty when set nowhere. */
  Map<String, String> map(String property, Map<String, String> xml) {
    String cli = commandLine.getProperty(property);
    if (cli == null && xml != null) {
      return new LinkedHashMap<>(xml);
    }
    String text = cli != null ? cli : project.getProperty(property);
    Map<String, String> values = new LinkedHashMap<>();
    if (text != null) {
      for (String pair : text.split(",")) {
        if (!pair.isBlank()) {
          addPair(property, pair.trim(), values);
        }
      }
    }
    return values;
  }

  private static void addPair(String property, String pair, Map<String, String> values) {
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new ProjectException(
          "-D"
              + property
              + " holds \""
              + pair
              + "\", which is not KEY=VALUE. Give KEY=VALUE pairs separated by commas.");
    }
    values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
  }

  /** A boolean value, {@code fallback} when set nowhere. */
  boolean bool(String property, Boolean xml, boolean fallback) {
    String cli = commandLine.getProperty(property);
    if (cli == null && xml != null) {
      return xml;
    }
    String text = cli != null ? cli : project.getProperty(property);
    if (text == null) {
      return fallback;
    }
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.isEmpty() || value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw new ProjectException("-D" + property + " is \"" + text + "\": give true or false.");
  }
}
