package dev.larkspur.auth.web;

import dev.larkspur.auth.TokenService;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Runs before every handler marked {@link ApiAccess}: authenticates the token, checks kind and scopes,
 * then spends from the app's rate budget for this API. Failures become Feishu envelopes centrally.
 */
@Component
class AccessInterceptor implements HandlerInterceptor {
    private final TokenService tokens;
    private final RateLimiter rateLimiter;

    AccessInterceptor(TokenService tokens, RateLimiter rateLimiter) {
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ApiAccess access = method.getMethodAnnotation(ApiAccess.class);
        if (access == null) {
            return true;
        }
        Caller caller = tokens.authenticate(request.getHeader("Authorization"), access);
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        var verdict = rateLimiter.check(caller.appId(), request.getMethod() + " " + pattern);
        response.setHeader("x-ogw-ratelimit-limit", String.valueOf(verdict.limit()));
        if (!verdict.allowed()) {
            response.setHeader("x-ogw-ratelimit-reset", String.valueOf(verdict.resetSeconds()));
            throw RateLimiter.limited();
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return true;
    }
}
