package dev.larkspur.event;

import java.util.List;

/** The IM event types Larkspur records, in the order Feishu's console lists them, for subscriptions. */
public final class EventTypes {
    public static final List<String> IM = List.of(
            "im.message.receive_v1",
            "im.message.message_read_v1",
            "im.message.recalled_v1",
            "im.message.reaction.created_v1",
            "im.message.reaction.deleted_v1",
            "im.chat.updated_v1",
            "im.chat.disbanded_v1",
            "im.chat.member.user.added_v1",
            "im.chat.member.user.deleted_v1",
            "im.chat.member.user.withdrawn_v1",
            "im.chat.member.bot.added_v1",
            "im.chat.member.bot.deleted_v1",
            "im.chat.access_event.bot_p2p_chat_entered_v1",
            "p2p_chat_create");

    private EventTypes() {}
}
