package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.directory.App;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.platform.Idempotency;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Creating group chats (spec/group.md §2.1): the creating bot joins, owns the chat unless an
 * {@code owner_id} is given, and brings the listed users and bots. With a {@code uuid}, repeated
 * requests within 10 hours return the first chat, also when they race.
 *
 * <p>A person may create a group too (Feishu's {@code im:chat:create_by_user}; the Open API endpoint
 * takes tenant tokens only, so this reaches people through the web client): with a user actor the
 * person owns the chat unless an owner is given, and only the listed bots join, each told by
 * {@code im.chat.member.bot.added_v1}; the app the person acts through is recorded as the creator
 * but its bot joins only when listed, as a person's group in a Feishu client holds no bot unasked.
 */
@Service
public class ChatCreation {
    static final Duration UUID_WINDOW = Duration.ofHours(10);
    static final int MAX_USERS_PER_CALL = 50;
    static final int MAX_BOTS_PER_CALL = 5;
    static final int MAX_BOTS_PER_CHAT = 15;

    private final ChatRepository chats;
    private final MemberRepository members;
    private final Idempotency idempotency;
    private final Idempotency.Scope<Chat> creates;
    private final ChatIds ids;
    private final ChatEvents events;
    private final Clock clock;

    ChatCreation(
            ChatRepository chats,
            MemberRepository members,
            Idempotency idempotency,
            ChatIds ids,
            ChatEvents events,
            Clock clock) {
        this.chats = chats;
        this.members = members;
        this.idempotency = idempotency;
        this.creates = new Idempotency.Scope<>(
                "chat.create", UUID_WINDOW, Chat::pk, chats::findByPk, ChatErrors::beingCreated);
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    public Chat create(Actor actor, UserIdType idType, NewChat request) {
        if (!actor.caller().botEnabled()) {
            throw ChatErrors.botAbilityOff();
        }
        String uuid = request.uuid();
        if (uuid != null && uuid.length() > 50) {
            throw ChatErrors.invalidParam("uuid is longer than 50 characters");
        }
        String ownerKey = request.ownerId() == null ? "" : idType.wireName() + ":" + request.ownerId();
        return idempotency.once(creates, actor.appPk(), uuid, ownerKey, () -> insert(actor, idType, request));
    }

    private Chat insert(Actor actor, UserIdType idType, NewChat request) {
        var settings = SettingRules.merge(SettingRules.defaults(), request.settings());
        if (request.chatMode() != null && !request.chatMode().equals(Chat.GROUP)) {
            throw ChatErrors.invalidParam("chat_mode must be group");
        }
        if (settings.name() == null || settings.name().isBlank()) {
            settings = SettingRules.merge(settings, namedOnly("(无主题)"));
        }
        var userIds = distinct(request.userIdList());
        boolean byPerson = actor.isUser();
        var botIds = distinct(request.botIdList());
        if (!byPerson) {
            botIds.remove(actor.caller().appId());
        }
        if (userIds.size() > MAX_USERS_PER_CALL) {
            throw ChatErrors.invalidParam("user_id_list has more than 50 ids");
        }
        if (botIds.size() > MAX_BOTS_PER_CALL) {
            throw ChatErrors.invalidParam("bot_id_list has more than 5 ids");
        }
        var wanted = new LinkedHashSet<>(userIds);
        if (request.ownerId() != null) {
            wanted.add(request.ownerId());
        }
        var found = ids.users(actor.caller(), idType, wanted);
        var missing = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw ChatErrors.unavailableIds("invalid user ids: " + missing);
        }
        var bots = ids.bots(actor.caller(), botIds);
        if (bots.size() < botIds.size()) {
            throw ChatErrors.botNotFound();
        }
        User owner = request.ownerId() != null
                ? found.get(request.ownerId())
                : byPerson ? ids.usersByPk(List.of(actor.userPk())).get(0) : null;
        long now = clock.millis();
        var draft = Chat.newGroup(
                actor.caller().tenantPk(),
                settings,
                owner == null ? null : owner.pk(),
                owner == null ? actor.appPk() : null,
                actor.appPk(),
                now);
        long pk = chats.insert(draft);
        var people = new ArrayList<User>();
        userIds.stream().map(found::get).forEach(people::add);
        if (owner != null && !people.contains(owner)) {
            people.add(0, owner);
        }
        var userPks = people.stream().map(User::pk).toList();
        var botPks = new ArrayList<Long>();
        if (!byPerson) {
            botPks.add(actor.appPk());
        }
        bots.values().stream().map(App::pk).forEach(botPks::add);
        members.insertUsers(pk, userPks, now);
        members.insertBots(pk, botPks, now);
        chats.addToCounts(pk, userPks.size(), botPks.size());
        if (owner != null && request.setBotManager() && !byPerson) {
            members.setManager(pk, "app_id", List.of(actor.appPk()), true);
        }
        var chat = chats.findByPk(pk).orElseThrow();
        events.usersAdded(chat, actor, people);
        // The creating bot is not told it joined (Feishu does not document that it is); listed bots are.
        events.botsAdded(chat, actor, byPerson ? botPks : botPks.subList(1, botPks.size()));
        return chat;
    }

    private static ChatSettings namedOnly(String name) {
        return ChatSettings.patch().name(name).build();
    }

    private static List<String> distinct(List<String> ids) {
        return ids == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(ids));
    }
}
