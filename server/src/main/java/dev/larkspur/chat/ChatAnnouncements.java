package dev.larkspur.chat;

import dev.larkspur.chat.internal.AnnouncementRepository;
import dev.larkspur.chat.internal.AnnouncementRepository.AnnouncementRow;
import dev.larkspur.directory.UserIdType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legacy doc announcement of a group chat (spec/group.md §2.16). Larkspur has no doc engine, so
 * the content is opaque text: every chat starts with an empty announcement at revision 0, owned by
 * the chat owner, and each patch appends its {@code requests} to the content, one per line, and
 * bumps the revision by one. Appending (rather than keeping only the last request) loses nothing a
 * test may want to check.
 */
@Service
public class ChatAnnouncements {
    /** A patch may be based on a revision at most this far behind the latest (else 232001). */
    static final long REVISION_WINDOW = 100;

    static final int MAX_CONTENT = 1_000_000;

    private final AnnouncementRepository announcements;
    private final ChatAccess access;
    private final ChatIds ids;
    private final Clock clock;

    ChatAnnouncements(AnnouncementRepository announcements, ChatAccess access, ChatIds ids, Clock clock) {
        this.announcements = announcements;
        this.access = access;
        this.ids = ids;
        this.clock = clock;
    }

    /** Times are unix seconds; owner and modifier are ids of the requested type, or app ids for bots. */
    public record Announcement(
            String content,
            long revision,
            String ownerIdType,
            String ownerId,
            String modifierIdType,
            String modifierId,
            long createTime,
            long updateTime) {}

    @Transactional(readOnly = true)
    public Announcement get(Actor actor, String chatId, UserIdType idType) {
        var chat = access.load(chatId, actor);
        requireGroup(chat);
        access.requireMember(chat, actor);
        return describe(actor, announcements.find(chat.pk()).orElseGet(() -> initial(chat)), idType);
    }

    /** Applies {@code requests} on top of {@code revision}; members may edit unless only owners may. */
    @Transactional
    public void patch(Actor actor, String chatId, String revision, List<String> requests) {
        long base = parseRevision(revision);
        if (requests == null || requests.isEmpty()) {
            throw ChatErrors.invalidParam("requests is required");
        }
        if (requests.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw ChatErrors.announcementUpdateFailed("empty request");
        }
        var chat = access.lock(chatId, actor);
        requireGroup(chat);
        access.requireMember(chat, actor);
        if ("only_owner".equals(chat.settings().editPermission()) && !access.isPrivileged(chat, actor)) {
            throw ChatErrors.editOnlyOwner();
        }
        var existing = announcements.find(chat.pk());
        var current = existing.orElseGet(() -> initial(chat));
        if (base > current.revision() || base < current.revision() - REVISION_WINDOW) {
            throw ChatErrors.invalidParam("revision " + base + " is not within " + REVISION_WINDOW
                    + " of the latest revision " + current.revision());
        }
        var lines = new ArrayList<String>();
        if (!current.content().isEmpty()) {
            lines.add(current.content());
        }
        lines.addAll(requests);
        String content = String.join("\n", lines);
        if (content.length() > MAX_CONTENT) {
            throw ChatErrors.announcementUpdateFailed("announcement too long");
        }
        var next = new AnnouncementRow(
                content,
                current.revision() + 1,
                current.ownerUserPk(),
                current.ownerAppPk(),
                actor.isUser() ? actor.userPk() : null,
                actor.isUser() ? null : actor.appPk(),
                current.createdAt(),
                clock.millis());
        if (existing.isPresent()) {
            announcements.update(chat.pk(), next);
        } else {
            announcements.insert(chat.pk(), next);
        }
    }

    private static long parseRevision(String revision) {
        if (revision == null || revision.isBlank()) {
            throw ChatErrors.invalidParam("revision is required");
        }
        try {
            return Long.parseLong(revision.strip());
        } catch (NumberFormatException e) {
            throw ChatErrors.invalidParam("revision must be an integer");
        }
    }

    private static void requireGroup(Chat chat) {
        if (chat.isP2p()) {
            throw ChatErrors.chatTypeNotSupported();
        }
    }

    /** The announcement a chat has before anyone edits it: empty, revision 0, the owner's. */
    private static AnnouncementRow initial(Chat chat) {
        return new AnnouncementRow(
                "",
                0,
                chat.ownerUserPk(),
                chat.ownerAppPk(),
                chat.ownerUserPk(),
                chat.ownerAppPk(),
                chat.createdAt(),
                chat.createdAt());
    }

    private Announcement describe(Actor actor, AnnouncementRow row, UserIdType idType) {
        var userPks = Stream.of(row.ownerUserPk(), row.modifierUserPk())
                .filter(Objects::nonNull)
                .toList();
        var appPks = Stream.of(row.ownerAppPk(), row.modifierAppPk())
                .filter(Objects::nonNull)
                .toList();
        var userIds = ids.idsOf(actor.caller(), ids.usersByPk(userPks), idType);
        var appIds = ids.appIds(appPks);
        String userType = idType.wireName();
        return new Announcement(
                row.content(),
                row.revision(),
                row.ownerUserPk() != null ? userType : "app_id",
                row.ownerUserPk() != null ? userIds.get(row.ownerUserPk()) : appIds.get(row.ownerAppPk()),
                row.modifierUserPk() != null ? userType : "app_id",
                row.modifierUserPk() != null ? userIds.get(row.modifierUserPk()) : appIds.get(row.modifierAppPk()),
                row.createdAt() / 1000,
                row.updatedAt() / 1000);
    }
}
