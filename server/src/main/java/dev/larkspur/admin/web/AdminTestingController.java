package dev.larkspur.admin.web;

import dev.larkspur.admin.TestingReset;
import dev.larkspur.platform.ApiResponse;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/v1/testing/reset}: back to the seed's state. Only with {@code
 * larkspur.testing.reset-enabled=true} (the JUnit kit sets it); otherwise the path does not exist.
 */
@RestController
@ConditionalOnProperty(name = "larkspur.testing.reset-enabled", havingValue = "true")
class AdminTestingController {
    private final TestingReset reset;

    AdminTestingController(TestingReset reset) {
        this.reset = reset;
    }

    @PostMapping("/admin/v1/testing/reset")
    ApiResponse<Map<String, Object>> reset() {
        return ApiResponse.success(Map.<String, Object>of("deleted_rows", reset.reset()));
    }
}
