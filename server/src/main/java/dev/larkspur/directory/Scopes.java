package dev.larkspur.directory;

import java.util.List;
import java.util.stream.Stream;

/** The scope names Larkspur knows, and what a new app gets when none are given. */
public final class Scopes {
    /** Every IM scope named in spec/group.md §1.8, spec/message.md §1.7 and the event scopes of §5. */
    public static final List<String> IM = List.of(
            "im:chat",
            "im:chat:create",
            "im:chat:create_by_user",
            "im:chat:delete",
            "im:chat:operate_as_owner",
            "im:chat:read",
            "im:chat:readonly",
            "im:chat:update",
            "im:chat:moderation:write_only",
            "im:chat.announcement:read",
            "im:chat.announcement:write_only",
            "im:chat.group_info:readonly",
            "im:chat.managers:write_only",
            "im:chat.members:bot_access",
            "im:chat.members:read",
            "im:chat.members:write_only",
            "im:chat.menu_tree:read",
            "im:chat.menu_tree:write_only",
            "im:chat.moderation:read",
            "im:chat.tabs:read",
            "im:chat.tabs:write_only",
            "im:chat.top_notice:write_only",
            "im:message",
            "im:message:basic",
            "im:message:readonly",
            "im:message:recall",
            "im:message:send",
            "im:message:send_as_bot",
            "im:message:send_multi_depts",
            "im:message:send_multi_users",
            "im:message:send_sys_msg",
            "im:message:update",
            "im:message.group_at_msg",
            "im:message.group_at_msg:readonly",
            "im:message.group_at_msg.include_bot:readonly",
            "im:message.group_msg",
            "im:message.group_msg:get_as_user",
            "im:message.group_msg:readonly",
            "im:message.history:readonly",
            "im:message.p2p_msg",
            "im:message.p2p_msg:get_as_user",
            "im:message.p2p_msg:readonly",
            "im:message.pins:read",
            "im:message.pins:write_only",
            "im:message.reactions:read",
            "im:message.reactions:write_only",
            "im:message.send_as_user",
            "im:message.urgent",
            "im:message.urgent:app_send",
            "im:message.urgent:phone",
            "im:message.urgent:phone_send",
            "im:message.urgent:sms",
            "im:message.urgent:sms_send",
            "im:resource",
            "im:resource:upload",
            "im:url_preview.update",
            "im:user_agent:read");

    /** Resolve people to ids (batch_get_id). */
    public static final String USER_ID_READ = "contact:user.id:readonly";
    /** See {@code user_id} in any response, and use {@code user_id_type=user_id}. */
    public static final String EMPLOYEE_ID_READ = "contact:user.employee_id:readonly";

    public static final String USER_BASE_READ = "contact:user.base:readonly";
    public static final String USER_EMAIL_READ = "contact:user.email:readonly";
    public static final String USER_PHONE_READ = "contact:user.phone:readonly";
    public static final String USER_EMPLOYEE_READ = "contact:user.employee:readonly";
    public static final String USER_DEPARTMENT_READ = "contact:user.department:readonly";
    /** Any one of these lets an app read a user (contact-v3/user/get). */
    public static final List<String> CONTACT_READ = List.of(
            "contact:contact.base:readonly",
            "contact:contact:access_as_app",
            "contact:contact:readonly",
            "contact:contact:readonly_as_app");

    /**
     * The contact scopes a bot needs to find the people it talks to: resolve emails and mobiles, read
     * a user and its ids. Part of the default so that a new app works out of the box.
     */
    public static final List<String> CONTACT = List.of(
            USER_ID_READ,
            EMPLOYEE_ID_READ,
            USER_BASE_READ,
            USER_EMAIL_READ,
            USER_PHONE_READ,
            USER_EMPLOYEE_READ,
            USER_DEPARTMENT_READ,
            "contact:contact.base:readonly");

    /** A new app's scopes when none are given: every IM scope and the contact scopes above. */
    public static final List<String> DEFAULT =
            Stream.concat(IM.stream(), CONTACT.stream()).toList();

    private Scopes() {}
}
