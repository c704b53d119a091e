package dev.larkspur.admin.web;

import dev.larkspur.admin.web.AdminViews.AppView;
import dev.larkspur.admin.web.AdminViews.TenantView;
import dev.larkspur.admin.web.AdminViews.UserView;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.TenantService;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.ApiResponse;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Changes to existing directory records that the console offers too: rename, resign, a new secret. */
@RestController
@RequestMapping("/admin/v1")
class AdminDirectoryEditsController {
    private final TenantService tenants;
    private final UserService users;
    private final AppService apps;

    AdminDirectoryEditsController(TenantService tenants, UserService users, AppService apps) {
        this.tenants = tenants;
        this.users = users;
        this.apps = apps;
    }

    record RenameBody(String name) {}

    @PatchMapping("/tenants/{tenant_key}")
    ApiResponse<TenantView> rename(
            @PathVariable("tenant_key") String tenantKey, @RequestBody(required = false) RenameBody body) {
        return ApiResponse.success(TenantView.of(tenants.rename(tenantKey, body == null ? null : body.name())));
    }

    @PostMapping("/tenants/{tenant_key}/users/{user_id}/resign")
    ApiResponse<UserView> resign(@PathVariable("tenant_key") String tenantKey, @PathVariable("user_id") String userId) {
        return ApiResponse.success(UserView.of(users.resign(tenantKey, userId), null));
    }

    /** The new secret is in this answer only; it is stored hashed. */
    @PostMapping("/apps/{app_id}/secret")
    ApiResponse<AppView> resetSecret(@PathVariable("app_id") String appId) {
        var reset = apps.resetSecret(appId);
        return ApiResponse.success(AppView.of(reset.app(), reset.appSecret()));
    }
}
