package dev.larkspur.admin.web;

import dev.larkspur.admin.web.AdminViews.AppView;
import dev.larkspur.admin.web.AdminViews.Page;
import dev.larkspur.admin.web.AdminViews.TenantView;
import dev.larkspur.admin.web.AdminViews.UserView;
import dev.larkspur.auth.TokenService;
import dev.larkspur.directory.AppChanges;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.directory.NewApp;
import dev.larkspur.directory.NewUser;
import dev.larkspur.directory.PasswordService;
import dev.larkspur.directory.TenantService;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.PageTokens;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators create and inspect tenants, apps and users; tests mint user tokens here. */
@RestController
@RequestMapping("/admin/v1")
class AdminDirectoryController {
    private final TenantService tenants;
    private final AppService apps;
    private final UserService users;
    private final TokenService tokens;
    private final PasswordService passwords;

    AdminDirectoryController(
            TenantService tenants, AppService apps, UserService users, TokenService tokens, PasswordService passwords) {
        this.tenants = tenants;
        this.apps = apps;
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
    }

    record TenantBody(String name, String tenantKey) {}

    record AppBody(String name, String appId, String appSecret, List<String> scopes, Boolean botEnabled) {}

    record UserBody(
            String name,
            String enName,
            String email,
            String mobile,
            String userId,
            List<String> departmentIds,
            String password) {}

    record UserTokenBody(String userId) {}

    record UserToken(String accessToken, String tokenType, int expiresIn, String openId) {}

    @PostMapping("/tenants")
    ApiResponse<TenantView> createTenant(@RequestBody(required = false) TenantBody body) {
        var b = body == null ? new TenantBody(null, null) : body;
        return ApiResponse.success(TenantView.of(tenants.create(b.tenantKey(), b.name())));
    }

    @GetMapping("/tenants")
    ApiResponse<Page<TenantView>> listTenants() {
        return ApiResponse.success(
                new Page<>(tenants.list().stream().map(TenantView::of).toList(), false, null));
    }

    @GetMapping("/tenants/{tenant_key}")
    ApiResponse<TenantView> getTenant(@PathVariable("tenant_key") String tenantKey) {
        return ApiResponse.success(TenantView.of(tenants.get(tenantKey)));
    }

    @PostMapping("/tenants/{tenant_key}/apps")
    ApiResponse<AppView> createApp(
            @PathVariable("tenant_key") String tenantKey, @RequestBody(required = false) AppBody body) {
        var b = body == null ? new AppBody(null, null, null, null, null) : body;
        var created =
                apps.create(tenantKey, new NewApp(b.name(), b.appId(), b.appSecret(), b.scopes(), b.botEnabled()));
        return ApiResponse.success(AppView.of(created.app(), created.appSecret()));
    }

    @GetMapping("/tenants/{tenant_key}/apps")
    ApiResponse<Page<AppView>> listApps(@PathVariable("tenant_key") String tenantKey) {
        var items = apps.list(tenantKey).stream().map(a -> AppView.of(a, null)).toList();
        return ApiResponse.success(new Page<>(items, false, null));
    }

    @GetMapping("/apps/{app_id}")
    ApiResponse<AppView> getApp(@PathVariable("app_id") String appId) {
        return ApiResponse.success(AppView.of(apps.get(appId), null));
    }

    @PatchMapping("/apps/{app_id}")
    ApiResponse<AppView> updateApp(@PathVariable("app_id") String appId, @RequestBody(required = false) AppBody body) {
        var b = body == null ? new AppBody(null, null, null, null, null) : body;
        return ApiResponse.success(
                AppView.of(apps.update(appId, new AppChanges(b.name(), b.scopes(), b.botEnabled())), null));
    }

    @PostMapping("/tenants/{tenant_key}/users")
    ApiResponse<UserView> createUser(
            @PathVariable("tenant_key") String tenantKey, @RequestBody(required = false) UserBody body) {
        var b = body == null ? new UserBody(null, null, null, null, null, null, null) : body;
        var user = passwords.createUser(
                tenantKey,
                new NewUser(b.name(), b.enName(), b.email(), b.mobile(), b.userId(), b.departmentIds()),
                b.password());
        return ApiResponse.success(UserView.of(user, users.openIdsByApp(user)));
    }

    @GetMapping("/tenants/{tenant_key}/users")
    ApiResponse<Page<UserView>> listUsers(
            @PathVariable("tenant_key") String tenantKey,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "query", required = false) String query) {
        int size = Math.max(1, Math.min(pageSize, 500));
        var page = users.search(tenantKey, query, PageTokens.decodeLong(pageToken, "user", 0), size + 1);
        boolean more = page.size() > size;
        var shown = more ? page.subList(0, size) : page;
        var items = shown.stream().map(u -> UserView.of(u, null)).toList();
        String next = more ? PageTokens.encode("user", shown.get(size - 1).pk()) : null;
        return ApiResponse.success(new Page<>(items, more, next));
    }

    @GetMapping("/tenants/{tenant_key}/users/{user_id}")
    ApiResponse<UserView> getUser(
            @PathVariable("tenant_key") String tenantKey, @PathVariable("user_id") String userId) {
        var user = users.findByUserId(tenantKey, userId).orElseThrow(() -> DirectoryErrors.notFound("user " + userId));
        return ApiResponse.success(UserView.of(user, users.openIdsByApp(user)));
    }

    @PostMapping("/apps/{app_id}/user_access_tokens")
    ApiResponse<UserToken> mintUserToken(
            @PathVariable("app_id") String appId, @RequestBody(required = false) UserTokenBody body) {
        var app = apps.get(appId);
        String userId = body == null ? null : body.userId();
        if (userId == null) {
            throw DirectoryErrors.invalid("user_id is required");
        }
        var user = users.findByUserId(app.tenantKey(), userId)
                .orElseThrow(() -> DirectoryErrors.notFound("user " + userId + " in the app's tenant"));
        var grant = tokens.userToken(app, user);
        String openId = users.openIdsByApp(user).get(app.appId());
        return ApiResponse.success(new UserToken(grant.token(), "Bearer", grant.expire(), openId));
    }
}
