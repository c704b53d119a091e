package dev.larkspur.metrics.web;

import dev.larkspur.admin.AdminToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator's endpoints ({@code /admin/metrics}, {@code /admin/health}) need the admin token like
 * the rest of {@code /admin}. They are not Spring MVC controllers, so the admin interceptor never
 * sees them: this filter does the same check in front of them.
 */
class AdminEndpointsFilter extends OncePerRequestFilter {
    private final AdminToken token;

    AdminEndpointsFilter(AdminToken token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/admin/metrics") || path.startsWith("/admin/health"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String candidate = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
        if (token.matches(candidate)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream()
                .write("{\"code\":401,\"msg\":\"admin token required: Authorization: Bearer <admin token>\"}"
                        .getBytes(StandardCharsets.UTF_8));
    }
}
