package dev.larkspur.admin.web;

import dev.larkspur.admin.AdminToken;
import dev.larkspur.platform.FeishuException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Every {@code /admin/v1} call needs {@code Authorization: Bearer <admin token>}. */
@Component
class AdminInterceptor implements HandlerInterceptor {
    private final AdminToken token;

    AdminInterceptor(AdminToken token) {
        this.token = token;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader("Authorization");
        String candidate = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
        if (!token.matches(candidate)) {
            throw new FeishuException(401, "admin token required: Authorization: Bearer <admin token>", 401);
        }
        return true;
    }
}
