package io.boxoffice.shared;

import java.util.Map;

/**
 * A refusal that a client caused and can understand: the web layer turns it into an RFC 9457
 * problem with the given status, a stable {@code type} slug and the extra members. Subclasses name
 * the business reason ({@code EventNotFound}, {@code IllegalTransition}).
 */
public abstract class DomainException extends RuntimeException {

  private final int status;
  private final String type;
  private final String title;
  private final Map<String, Object> properties;

  protected DomainException(
      int status, String type, String title, String detail, Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.properties = Map.copyOf(properties);
  }

  protected DomainException(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of());
  }

  public int status() {
    return status;
  }

  /** Short slug appended to the problem type base URI, e.g. {@code not-found}. */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
