package io.boxoffice.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's error dispatch shows when no controller answered (unknown path,
 * wrong method, a filter's {@code sendError}): problem+json under {@code /api/**}, the friendly
 * {@code error} page everywhere else. Never a stack trace, never Whitelabel.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
    var status = status(request);
    return new ModelAndView(
        "error", Map.of("status", status.value(), "error", status.getReasonPhrase()), status);
  }

  @RequestMapping
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    var status = status(request);
    var problem =
        ProblemHandler.problem(
            status,
            status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
            status.getReasonPhrase(),
            status == HttpStatus.NOT_FOUND
                ? "There is nothing at this address"
                : "The request could not be served: " + status.getReasonPhrase());
    var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri != null) {
      problem.setInstance(java.net.URI.create(uri.toString()));
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static HttpStatus status(HttpServletRequest request) {
    var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
