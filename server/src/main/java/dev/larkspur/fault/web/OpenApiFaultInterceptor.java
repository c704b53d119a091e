package dev.larkspur.fault.web;

import dev.larkspur.fault.FaultRule;
import dev.larkspur.fault.Faults;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies Open API fault rules after authentication (so that a rule can name the calling app) and
 * before the handler: an error answer, added latency, or a connection closed without an answer.
 */
@Component
class OpenApiFaultInterceptor implements HandlerInterceptor {
    private final Faults faults;

    OpenApiFaultInterceptor(Faults faults) {
        this.faults = faults;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var caller = (Caller) request.getAttribute(Caller.ATTRIBUTE);
        var rule = faults.openApi(caller == null ? null : caller.appId(), request.getMethod(), request.getRequestURI());
        if (rule.isEmpty()) {
            return true;
        }
        return apply(rule.get(), request, response);
    }

    private static boolean apply(FaultRule rule, HttpServletRequest request, HttpServletResponse response) {
        Faults.hold(rule.latencyMs());
        switch (rule.action()) {
            case ERROR -> {
                if (rule.code() == FeishuErrors.RATE_LIMITED) {
                    // As Feishu's gateway sends them with a 99991400 (spec/message.md §1.6).
                    response.setHeader("x-ogw-ratelimit-limit", "50");
                    response.setHeader("x-ogw-ratelimit-reset", "1");
                }
                throw new FeishuException(rule.code(), rule.msg(), rule.httpStatus());
            }
            case CLOSE -> {
                request.setAttribute(ConnectionCloseValve.CLOSE, rule.id());
                return false;
            }
            default -> {
                return true;
            }
        }
    }
}
