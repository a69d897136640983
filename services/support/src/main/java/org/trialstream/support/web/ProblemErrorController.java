package org.trialstream.support.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page, for errors that reach the container rather than a controller (a filter's exception, a request
 * Tomcat refused inside the application): problem+json like every other refusal, whatever the client accepts, and
 * without internals.
 */
public class ProblemErrorController extends BasicErrorController {

    private final ProblemWriter problems;

    public ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
                                  ProblemWriter problems) {
        super(errorAttributes, errorProperties, List.of());
        this.problems = problems;
    }

    /** Written here rather than returned, so that the body is problem+json whatever the client accepts. */
    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        write(request, ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse());
        return null;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        write(request, response);
        return null;
    }

    private void write(HttpServletRequest request, HttpServletResponse response) {
        try {
            problems.write(response, problemOf(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemDetail problemOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        for (Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); cause != null;
             cause = cause.getCause()) {
            if (cause instanceof BodySizeLimit.TooLarge tooLarge) {
                return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, null, "The request body is too large", "body",
                        tooLarge.getMessage());
            }
        }
        String rule = status.is5xxServerError()
                ? "an unexpected error occurred; nothing is known to have been recorded"
                : "the request cannot be served: " + status.getReasonPhrase().toLowerCase();
        return Problems.of(status, null, status.getReasonPhrase(), "request", rule);
    }
}
