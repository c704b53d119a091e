package dev.larkspur.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chat limits. Feishu's default is 5,000 people per chat; tenants can be granted larger ("super
 * large") chats, so the limit is settable ({@code LARKSPUR_CHAT_MAX_MEMBERS}).
 */
@ConfigurationProperties("larkspur.chat")
public record ChatProperties(@DefaultValue("5000") int maxMembers) {}
