package dev.larkspur.platform.web;

import dev.larkspur.platform.LogIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response carries {@code X-Tt-Logid} (read first by the Java and Go SDKs) and
 * {@code X-Request-Id} (their fallback), set before anything can fail.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LogIdFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String logId = LogIds.next();
        request.setAttribute(LogIds.ATTRIBUTE, logId);
        response.setHeader("X-Tt-Logid", logId);
        response.setHeader("X-Request-Id", logId);
        chain.doFilter(request, response);
    }
}
