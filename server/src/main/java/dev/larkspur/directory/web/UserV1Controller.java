package dev.larkspur.directory.web;

import dev.larkspur.directory.ContactService;
import dev.larkspur.directory.Scopes;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /open-apis/user/v1/batch_get_id}, the deprecated lookup of users by email and mobile
 * (docs: "使用手机号或邮箱获取用户 ID", open.feishu.cn/document/ukTMukTMukTM/uUzMyUjL1MjM14SNzITN;
 * BatchGetUserByIDOld in chyroc/lark). Community SDKs still use it. As documented: GET with repeated
 * {@code emails=} and {@code mobiles=} query parameters (at most 50 each), a tenant token and the
 * scope {@code contact:user.id:readonly}; {@code data} maps each email or mobile found to an array
 * of {@code {open_id, user_id}} and lists the rest as not existing; {@code user_id} needs
 * {@code contact:user.employee_id:readonly}. Users the app may not see, and resigned ones, do not
 * exist. POST is served too, with the same query or a JSON body of the two arrays, for clients that
 * post it. The lookup itself is the contact-v3 one.
 */
@RestController
class UserV1Controller {
    private final ContactService contacts;

    UserV1Controller(ContactService contacts) {
        this.contacts = contacts;
    }

    record Lookups(List<String> emails, List<String> mobiles) {}

    record FoundUser(String openId, String userId) {}

    record BatchGetIdData(
            Map<String, List<FoundUser>> emailUsers,
            List<String> emailsNotExist,
            Map<String, List<FoundUser>> mobileUsers,
            List<String> mobilesNotExist) {}

    @RequestMapping(
            path = "/open-apis/user/v1/batch_get_id",
            method = {RequestMethod.GET, RequestMethod.POST})
    @ApiAccess(tokens = TokenType.TENANT, scopes = Scopes.USER_ID_READ)
    ApiResponse<BatchGetIdData> batchGetId(
            Caller caller,
            @RequestParam(name = "emails", required = false) List<String> emails,
            @RequestParam(name = "mobiles", required = false) List<String> mobiles,
            @RequestBody(required = false) Lookups body) {
        var lookups = contacts.batchGetId(
                caller,
                distinct(emails, body == null ? null : body.emails()),
                distinct(mobiles, body == null ? null : body.mobiles()),
                false);
        var found = lookups.stream()
                .map(ContactService.IdLookup::user)
                .filter(Objects::nonNull)
                .toList();
        var openIds = contacts.idsAsSeenBy(caller, found, UserIdType.OPEN_ID);
        boolean showUserId = caller.hasScope(Scopes.EMPLOYEE_ID_READ);
        var data =
                new BatchGetIdData(new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>());
        for (var lookup : lookups) {
            boolean byEmail = lookup.email() != null;
            String key = byEmail ? lookup.email() : lookup.mobile();
            User user = lookup.user();
            if (user == null) {
                (byEmail ? data.emailsNotExist() : data.mobilesNotExist()).add(key);
            } else {
                var entry = new FoundUser(openIds.get(user.pk()), showUserId ? user.userId() : null);
                (byEmail ? data.emailUsers() : data.mobileUsers()).put(key, List.of(entry));
            }
        }
        return ApiResponse.success(data);
    }

    /** The query's values, then the body's, each once: the result is keyed by them. */
    private static List<String> distinct(List<String> query, List<String> body) {
        return Stream.concat(
                        query == null ? Stream.empty() : query.stream(), body == null ? Stream.empty() : body.stream())
                .distinct()
                .toList();
    }
}
