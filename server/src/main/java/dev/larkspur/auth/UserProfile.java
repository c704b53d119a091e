package dev.larkspur.auth;

/**
 * The person behind a user token as {@code authen/v1/user_info} and the v1 {@code access_token} call
 * show them to an app (J service/authen/v1/model/GetUserInfoRespBody). {@code email}, {@code userId}
 * and {@code mobile} are null unless the app holds the field's scope (D user_info "字段权限要求").
 */
public record UserProfile(
        String name,
        String enName,
        String openId,
        String unionId,
        String email,
        String userId,
        String mobile,
        String tenantKey) {}
