package dev.larkspur.admin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.directory.App;
import dev.larkspur.directory.DepartmentRef;
import dev.larkspur.directory.Tenant;
import dev.larkspur.directory.User;
import java.util.List;
import java.util.Map;

/** What the admin API shows of directory records (snake_case on the wire, like Feishu). */
final class AdminViews {
    private AdminViews() {}

    record TenantView(String tenantKey, String name) {
        static TenantView of(Tenant t) {
            return new TenantView(t.tenantKey(), t.name());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppView(
            String appId,
            String appSecret,
            String tenantKey,
            String name,
            boolean botEnabled,
            String botOpenId,
            List<String> scopes) {
        static AppView of(App app, String secret) {
            return new AppView(
                    app.appId(),
                    secret,
                    app.tenantKey(),
                    app.name(),
                    app.botEnabled(),
                    app.botOpenId(),
                    app.scopes().stream().sorted().toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserView(
            String userId,
            String unionId,
            String name,
            String enName,
            String email,
            String mobile,
            List<String> departmentIds,
            boolean resigned,
            Map<String, String> openIds) {
        static UserView of(User u, Map<String, String> openIds) {
            return new UserView(
                    u.userId(),
                    u.unionId(),
                    u.name(),
                    u.enName(),
                    u.email(),
                    u.mobile(),
                    u.departments().stream().map(DepartmentRef::departmentId).toList(),
                    u.resigned(),
                    openIds);
        }
    }

    record Page<T>(List<T> items, boolean hasMore, String pageToken) {}
}
