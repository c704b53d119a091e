package dev.larkspur.directory.web;

import dev.larkspur.directory.ContactService;
import dev.larkspur.directory.DepartmentRef;
import dev.larkspur.directory.Scopes;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The two contact-v3 user endpoints bots use to find people (contact-v3/user/batch_get_id.md, get.md). */
@RestController
class ContactController {
    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    record BatchGetIdBody(List<String> emails, List<String> mobiles, Boolean includeResigned) {}

    record UserContactInfo(String userId, String email, String mobile, UserStatus status) {}

    record BatchGetIdData(List<UserContactInfo> userList) {}

    record UserStatus(boolean isFrozen, boolean isResigned, boolean isActivated, boolean isExited, boolean isUnjoin) {
        static UserStatus of(User user) {
            return new UserStatus(false, user.resigned(), !user.resigned(), user.resigned(), false);
        }
    }

    record UserView(
            String unionId,
            String userId,
            String openId,
            String name,
            String enName,
            String email,
            String mobile,
            boolean mobileVisible,
            UserStatus status,
            List<String> departmentIds) {}

    record UserData(UserView user) {}

    @PostMapping("/open-apis/contact/v3/users/batch_get_id")
    @ApiAccess(tokens = TokenType.TENANT, scopes = Scopes.USER_ID_READ)
    ApiResponse<BatchGetIdData> batchGetId(
            Caller caller,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestBody(required = false) BatchGetIdBody body) {
        var type = UserIdType.parse(userIdType);
        var request = body == null ? new BatchGetIdBody(null, null, null) : body;
        var lookups = contacts.batchGetId(
                caller, request.emails(), request.mobiles(), Boolean.TRUE.equals(request.includeResigned()));
        var found = lookups.stream()
                .map(ContactService.IdLookup::user)
                .filter(Objects::nonNull)
                .toList();
        var ids = contacts.idsAsSeenBy(caller, found, type);
        boolean showUserId = type != UserIdType.USER_ID || caller.hasScope(Scopes.EMPLOYEE_ID_READ);
        boolean showStatus = caller.hasScope(Scopes.USER_EMPLOYEE_READ) || caller.hasAnyScope(Scopes.CONTACT_READ);
        var list = new ArrayList<UserContactInfo>();
        for (var lookup : lookups) {
            var user = lookup.user();
            list.add(new UserContactInfo(
                    user != null && showUserId ? ids.get(user.pk()) : null,
                    lookup.email(),
                    lookup.mobile(),
                    user != null && showStatus ? UserStatus.of(user) : null));
        }
        return ApiResponse.success(new BatchGetIdData(list));
    }

    @GetMapping("/open-apis/contact/v3/users/{user_id}")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {
                "contact:contact.base:readonly",
                "contact:contact:access_as_app",
                "contact:contact:readonly",
                "contact:contact:readonly_as_app"
            })
    ApiResponse<UserData> get(
            Caller caller,
            @PathVariable("user_id") String userId,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestParam(name = "department_id_type", required = false) String departmentIdType) {
        var type = UserIdType.parse(userIdType);
        boolean openDepartmentIds =
                departmentIdType == null || departmentIdType.isBlank() || departmentIdType.equals("open_department_id");
        if (!openDepartmentIds && !departmentIdType.equals("department_id")) {
            throw FeishuErrors.fieldValidation(
                    "department_id_type", departmentIdType, "must be open_department_id or department_id");
        }
        if (type == UserIdType.USER_ID && !caller.hasScope(Scopes.EMPLOYEE_ID_READ)) {
            throw FeishuErrors.scopeRequired(List.of(Scopes.EMPLOYEE_ID_READ));
        }
        var user = contacts.getUser(caller, type, userId);
        String openId =
                contacts.idsAsSeenBy(caller, List.of(user), UserIdType.OPEN_ID).get(user.pk());
        boolean base = caller.hasScope(Scopes.USER_BASE_READ) || caller.hasAnyScope(Scopes.CONTACT_READ);
        boolean employee = caller.hasScope(Scopes.USER_EMPLOYEE_READ) || caller.hasAnyScope(Scopes.CONTACT_READ);
        boolean department = caller.hasScope(Scopes.USER_DEPARTMENT_READ) || caller.hasAnyScope(Scopes.CONTACT_READ);
        var view = new UserView(
                user.unionId(),
                caller.hasScope(Scopes.EMPLOYEE_ID_READ) ? user.userId() : null,
                openId,
                base ? user.name() : null,
                base ? user.enName() : null,
                caller.hasScope(Scopes.USER_EMAIL_READ) ? user.email() : null,
                caller.hasScope(Scopes.USER_PHONE_READ) ? user.mobile() : null,
                true,
                employee ? UserStatus.of(user) : null,
                department ? departmentIds(user.departments(), openDepartmentIds) : null);
        return ApiResponse.success(new UserData(view));
    }

    private static List<String> departmentIds(List<DepartmentRef> refs, boolean open) {
        return refs.stream()
                .map(d -> open ? d.openDepartmentId() : d.departmentId())
                .toList();
    }
}
