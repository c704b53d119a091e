package dev.larkspur.platform.web;

import dev.larkspur.platform.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Larkspur's own liveness check (Feishu has none): it touches neither the database nor auth, so it
 * is also the benchmark's HTTP floor, the cost of the web stack alone.
 */
@RestController
class HealthController {
    private static final ApiResponse<Void> OK = new ApiResponse<>(0, "ok", null, null);

    @GetMapping("/healthz")
    ApiResponse<Void> health() {
        return OK;
    }
}
