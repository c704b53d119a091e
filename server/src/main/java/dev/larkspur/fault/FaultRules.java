package dev.larkspur.fault;

import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What makes a rule valid, and the errors an {@code error} rule answers with when it names only a
 * code or only a status: Feishu's own message and status for the codes it documents.
 */
final class FaultRules {
    static final long DEFAULT_TTL_SECONDS = 600;
    static final long MAX_TTL_SECONDS = 86_400;
    static final long MAX_HOLD_MS = 60_000;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    FaultRule.ResolvedError check(FaultSpec spec) {
        if (spec == null || spec.action() == null) {
            throw invalid("action", "", "action is required: one of " + actions());
        }
        var action = FaultAction.of(spec.action())
                .orElseThrow(() -> invalid("action", spec.action(), "unknown action; one of " + actions()));
        if (spec.probability() != null && !(spec.probability() > 0 && spec.probability() <= 1)) {
            throw invalid("probability", String.valueOf(spec.probability()), "must be above 0 and at most 1");
        }
        if (spec.count() != null && spec.count() < 1) {
            throw invalid("count", String.valueOf(spec.count()), "must be at least 1");
        }
        if (spec.ttlSeconds() != null && (spec.ttlSeconds() < 1 || spec.ttlSeconds() > MAX_TTL_SECONDS)) {
            throw invalid("ttl_seconds", String.valueOf(spec.ttlSeconds()), "must be 1 to " + MAX_TTL_SECONDS);
        }
        if (spec.method() != null && !METHODS.contains(spec.method().toUpperCase())) {
            throw invalid("method", spec.method(), "must be one of " + METHODS);
        }
        if (spec.path() != null && !spec.path().startsWith("/")) {
            throw invalid("path", spec.path(), "must start with /, e.g. /open-apis/im/v1/messages*");
        }
        if (action.kind() != FaultAction.FaultKind.OPEN_API) {
            if (spec.appId() == null) {
                throw invalid("app_id", "", action.wireName() + " rules are per app: app_id is required");
            }
            if (spec.path() != null || spec.method() != null) {
                throw invalid("path", String.valueOf(spec.path()), "path and method apply to Open API rules only");
            }
        }
        boolean holds = action == FaultAction.LATENCY || action == FaultAction.DELAY;
        if (holds && spec.latencyMs() == null) {
            throw invalid("latency_ms", "", action.wireName() + " needs latency_ms");
        }
        checkHold("latency_ms", spec.latencyMs());
        if (action == FaultAction.REORDER && spec.windowMs() == null) {
            throw invalid("window_ms", "", "reorder needs window_ms");
        }
        checkHold("window_ms", spec.windowMs());
        return action == FaultAction.ERROR ? error(spec) : new FaultRule.ResolvedError(0, 0, null);
    }

    private static void checkHold(String field, Long value) {
        if (value != null && (value < 0 || value > MAX_HOLD_MS)) {
            throw invalid(field, String.valueOf(value), "must be 0 to " + MAX_HOLD_MS);
        }
    }

    private static FaultRule.ResolvedError error(FaultSpec spec) {
        Integer status = spec.httpStatus();
        Integer code = spec.code();
        if (status == null && code == null) {
            throw invalid("code", "", "an error rule needs code, http_status or both");
        }
        if (status != null && (status < 400 || status > 599)) {
            throw invalid("http_status", String.valueOf(status), "must be 400 to 599");
        }
        int finalCode = code != null ? code : status == 429 ? FeishuErrors.RATE_LIMITED : status;
        int finalStatus = status != null ? status : finalCode == FeishuErrors.RATE_LIMITED ? 429 : 400;
        String msg = spec.msg() != null ? spec.msg() : message(finalCode, finalStatus);
        return new FaultRule.ResolvedError(finalStatus, finalCode, msg);
    }

    private static String message(int code, int status) {
        return switch (code) {
            case FeishuErrors.RATE_LIMITED -> "request trigger frequency limit";
            case 230020 -> "This operation triggers the frequency limit.";
            case FeishuErrors.INVALID_TENANT_TOKEN -> FeishuErrors.invalidTenantToken()
                    .getMessage();
            default -> switch (status) {
                case 500 -> "Internal Server Error";
                case 502 -> "Bad Gateway";
                case 503 -> "Service Unavailable";
                default -> "fault injected";
            };
        };
    }

    private static String actions() {
        return Arrays.stream(FaultAction.values()).map(FaultAction::wireName).collect(Collectors.joining(", "));
    }

    private static FeishuException invalid(String field, String value, String description) {
        return FeishuErrors.fieldValidation(field, value, description);
    }
}
