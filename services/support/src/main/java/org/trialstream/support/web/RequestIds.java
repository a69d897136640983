package org.trialstream.support.web;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id of the server's own ({@code X-Request-Id} in the response; the audit trail must not take
 * a caller's word for it) and a correlation id ({@code X-Correlation-Id}, taken from the caller when it sends one, so
 * a front end can tie several requests to one user action).
 */
public final class RequestIds extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    private static final String REQUEST_ID = RequestIds.class.getName() + ".requestId";
    private static final String CORRELATION_ID = RequestIds.class.getName() + ".correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public record Ids(String requestId, String correlationId) {
    }

    public static Optional<Ids> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null || attributes.getAttribute(REQUEST_ID, RequestAttributes.SCOPE_REQUEST) == null) {
            return Optional.empty();
        }
        return Optional.of(new Ids((String) attributes.getAttribute(REQUEST_ID, RequestAttributes.SCOPE_REQUEST),
                (String) attributes.getAttribute(CORRELATION_ID, RequestAttributes.SCOPE_REQUEST)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        request.setAttribute(REQUEST_ID, requestId);
        request.setAttribute(CORRELATION_ID, safeOr(request.getHeader(CORRELATION_ID_HEADER), requestId));
        response.setHeader(REQUEST_ID_HEADER, requestId);
        chain.doFilter(request, response);
    }

    private static String safeOr(String given, String fallback) {
        return given != null && SAFE.matcher(given).matches() ? given : fallback;
    }
}
