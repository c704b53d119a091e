package dev.larkspur.admin.web;

import dev.larkspur.directory.PasswordService;
import dev.larkspur.platform.ApiResponse;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators set or reset a person's web sign-in password; it is never shown back. */
@RestController
class AdminPasswordController {
    private final PasswordService passwords;

    AdminPasswordController(PasswordService passwords) {
        this.passwords = passwords;
    }

    record PasswordBody(String password) {}

    @PutMapping("/admin/v1/tenants/{tenant_key}/users/{user_id}/password")
    ApiResponse<Map<String, Object>> setPassword(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestBody(required = false) PasswordBody body) {
        passwords.set(tenantKey, userId, body == null ? null : body.password());
        return ApiResponse.empty();
    }
}
