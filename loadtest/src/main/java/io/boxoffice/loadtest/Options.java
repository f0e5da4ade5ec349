package io.boxoffice.loadtest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options: {@code --name=value} or {@code --flag} (true). Every option read is
 * remembered, so that {@link #rejectUnknown()} can refuse a misspelt one instead of silently using
 * a default.
 */
public final class Options {

  private final Map<String, String> values;
  private final Set<String> read = new TreeSet<>();

  private Options(Map<String, String> values) {
    this.values = values;
  }

  public static Options parse(List<String> args) {
    var values = new LinkedHashMap<String, String>();
    for (var arg : args) {
      if (!arg.startsWith("--") || arg.length() < 3) {
        throw new UsageException("expected --name=value, got " + arg);
      }
      int eq = arg.indexOf('=');
      if (eq < 0) {
        values.put(arg.substring(2), "true");
      } else {
        values.put(arg.substring(2, eq), arg.substring(eq + 1));
      }
    }
    return new Options(values);
  }

  public String string(String name, String defaultValue) {
    read.add(name);
    return values.getOrDefault(name, defaultValue);
  }

  public int integer(String name, int defaultValue) {
    var value = string(name, null);
    try {
      return value == null ? defaultValue : Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got " + value);
    }
  }

  public double decimal(String name, double defaultValue) {
    var value = string(name, null);
    try {
      return value == null ? defaultValue : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, got " + value);
    }
  }

  public boolean flag(String name, boolean defaultValue) {
    var value = string(name, null);
    if (value == null) {
      return defaultValue;
    }
    return switch (value) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new UsageException("--" + name + " must be true or false, got " + value);
    };
  }

  public List<Integer> integers(String name, List<Integer> defaultValue) {
    var value = string(name, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      return List.of(value.split(",")).stream().map(s -> Integer.parseInt(s.strip())).toList();
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be comma-separated whole numbers: " + value);
    }
  }

  /** The options as given, for the run manifest. */
  public Map<String, String> given() {
    return Map.copyOf(values);
  }

  public void rejectUnknown() {
    var unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new UsageException("unknown option(s): --" + String.join(", --", unknown));
    }
  }

  /** A wrong command line: the message is shown with the usage. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }
}
