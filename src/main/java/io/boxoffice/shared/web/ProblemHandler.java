package io.boxoffice.shared.web;

import io.boxoffice.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where a failed API request becomes {@code application/problem+json} (RFC 9457).
 * Client mistakes get 4xx with the offending field named; anything unexpected is logged and
 * answered with a bare 500 that carries neither a stack trace nor SQL.
 *
 * <p>Only {@code /api/**} answers with problems. For the pages, exceptions are handed back to
 * Spring (security redirects to the login page, the error page renders the status), so a browser
 * never sees JSON.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  /** Base of every problem {@code type}; the slug after it names the reason. */
  public static final String TYPE_BASE = "https://boxoffice.io/problems/";

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(DomainException.class)
  ResponseEntity<Object> domain(DomainException e, WebRequest request, HttpServletResponse response)
      throws IOException {
    if (!isApi(request)) {
      response.sendError(e.status());
      return null;
    }
    var problem = problem(HttpStatus.valueOf(e.status()), e.type(), e.title(), e.getMessage());
    e.properties().forEach(problem::setProperty);
    return respond(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(
      MethodArgumentTypeMismatchException e, WebRequest request, HttpServletResponse response)
      throws IOException {
    if (!isApi(request)) {
      response.sendError(HttpStatus.BAD_REQUEST.value());
      return null;
    }
    return badRequest(e.getName(), "is not a valid value: " + e.getValue());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
    var errors =
        e.getConstraintViolations().stream()
            .map(v -> fieldError(v.getPropertyPath().toString(), v.getMessage()))
            .toList();
    return invalid(errors);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
    // Reached only when a concurrent request won a race the code checks for; never leak the SQL.
    log.info("integrity violation answered with 409: {}", e.getMostSpecificCause().getMessage());
    var problem =
        problem(
            HttpStatus.CONFLICT,
            "conflict",
            "Conflict",
            "The request conflicts with the current state; reload and try again");
    return respond(problem);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> accessDenied(AccessDeniedException e, WebRequest request) {
    if (!isApi(request)) {
      throw e; // Spring Security: login page for anonymous visitors, 403 page otherwise
    }
    var problem =
        problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your account may not do this");
    return respond(problem);
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
    if (!isApi(request)) {
      throw e;
    }
    var detail =
        e instanceof BadCredentialsException
            ? "E-mail or password is wrong"
            : "Sign in or send a valid bearer token";
    var problem = problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    return respond(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
    if (!isApi(request)) {
      throw e;
    }
    log.error("unexpected error", e);
    var problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "Something went wrong on our side; it has been logged");
    return respond(problem);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(
      Exception e,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (!isApi(request) && request instanceof ServletWebRequest servlet) {
      try {
        servlet.getResponse().sendError(status.value()); // the error page shows the status
      } catch (IOException ignored) {
        // the client has gone
      }
      return null;
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  private static boolean isApi(WebRequest request) {
    return request instanceof ServletWebRequest servlet
        && servlet.getRequest().getRequestURI().startsWith("/api/");
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> fieldError(f.getField(), f.getDefaultMessage()))
            .toList();
    return invalid(errors);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                fieldError(
                                    r.getMethodParameter().getParameterName(),
                                    err.getDefaultMessage())))
            .toList();
    return invalid(errors);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return badRequest(path(unknown), "is not a known field");
    }
    if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
      return badRequest(path(jackson), "has an invalid value");
    }
    return badRequest("body", "is missing or is not valid JSON");
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Spring's own 4xx (405, 406, 415, missing parameter, no resource): same shape as ours.
    if (body instanceof ProblemDetail detail
        && detail.getType().equals(URI.create("about:blank"))) {
      detail.setType(URI.create(TYPE_BASE + slug(status)));
    }
    if (body instanceof ProblemDetail) {
      headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  /** Problem details always go out as {@code application/problem+json}, whatever was accepted. */
  private static ResponseEntity<Object> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String path(JacksonException e) {
    var path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String slug(HttpStatusCode status) {
    var reason = HttpStatus.resolve(status.value());
    return reason == null
        ? "http-" + status.value()
        : reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private ResponseEntity<Object> badRequest(String field, String message) {
    return invalid(List.of(fieldError(field, message)));
  }

  private ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
    var detail =
        errors.stream()
            .map(err -> err.get("field") + " " + err.get("message"))
            .reduce((a, b) -> a + "; " + b)
            .orElse("The request is invalid");
    var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    problem.setProperty("errors", errors);
    return respond(problem);
  }

  private static Map<String, String> fieldError(String field, @Nullable String message) {
    return Map.of("field", field, "message", message == null ? "is invalid" : message);
  }

  public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }
}
