package dev.larkspur.event;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ids an event shows its receiving app: people's union_id, user_id and that app's open_id for
 * them, and bots' open_ids. Rendering asked the database for them on every delivery, three or four
 * statements each (in the benchmark's callback step on PostgreSQL, 2.3 s of the database's time
 * beside 3.2 s for the sends' message inserts). Open_ids, of people and of bots, are made once and
 * never change, so they are kept until memory runs short; a person's user_id may be set anew, so
 * that is read again after {@link EventApps#FRESH}, as apps are. Ids not found are not kept.
 */
@Component
class EventIds {
    /** A person's ids that do not depend on the app. */
    record PersonIds(String unionId, String userId) {}

    private record AppUser(long appPk, long userPk) {}

    private final UserService users;
    private final AppService apps;
    private final Cache<Long, PersonIds> people = Caffeine.newBuilder()
            .expireAfterWrite(EventApps.FRESH)
            .maximumSize(100_000)
            .build();
    private final Cache<AppUser, String> openIds =
            Caffeine.newBuilder().maximumSize(200_000).build();
    private final Cache<Long, String> botOpenIds =
            Caffeine.newBuilder().maximumSize(10_000).build();

    EventIds(UserService users, AppService apps) {
        this.users = users;
        this.apps = apps;
    }

    /** The people of these keys that exist. */
    Map<Long, PersonIds> people(Collection<Long> userPks) {
        var found = new HashMap<>(people.getAllPresent(userPks));
        var missing = missing(userPks, found.keySet());
        if (!missing.isEmpty()) {
            for (User user : users.findByPks(missing)) {
                var ids = new PersonIds(user.unionId(), user.userId());
                people.put(user.pk(), ids);
                found.put(user.pk(), ids);
            }
        }
        return found;
    }

    /** The app's open_id of each of these people that has one. */
    Map<Long, String> openIds(long appPk, Collection<Long> userPks) {
        var found = new HashMap<Long, String>();
        var missing = new ArrayList<Long>();
        for (long userPk : userPks) {
            String openId = openIds.getIfPresent(new AppUser(appPk, userPk));
            if (openId != null) {
                found.put(userPk, openId);
            } else {
                missing.add(userPk);
            }
        }
        if (!missing.isEmpty()) {
            users.openIdsOf(appPk, missing).forEach((userPk, openId) -> {
                openIds.put(new AppUser(appPk, userPk), openId);
                found.put(userPk, openId);
            });
        }
        return found;
    }

    /** The bot's own open_id of each of these apps that exists. */
    Map<Long, String> botOpenIds(Collection<Long> appPks) {
        var found = new HashMap<>(botOpenIds.getAllPresent(appPks));
        var missing = missing(appPks, found.keySet());
        if (!missing.isEmpty()) {
            apps.botOpenIds(missing).forEach((appPk, openId) -> {
                if (openId != null) {
                    botOpenIds.put(appPk, openId);
                    found.put(appPk, openId);
                }
            });
        }
        return found;
    }

    private static List<Long> missing(Collection<Long> wanted, Collection<Long> found) {
        return wanted.stream().filter(pk -> !found.contains(pk)).distinct().toList();
    }
}
