package dev.larkspur.message.content;

import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.Mention;
import dev.larkspur.platform.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <at user_id="…">name</at>} tags: the id may be an open_id, union_id or user_id (told apart
 * by prefix), or {@code all}. Each occurrence becomes the next {@code @_user_N} placeholder.
 */
final class Mentions {
    static final Pattern AT_TAG =
            Pattern.compile("<at\\s+user_id\\s*=\\s*[\"']?([^\"'>\\s]*)[\"']?\\s*>(.*?)</at>", Pattern.DOTALL);

    private final List<Mention> found = new ArrayList<>();
    private final Map<String, User> people;
    private final Map<String, App> bots;
    private boolean all;

    private Mentions(Map<String, User> people, Map<String, App> bots) {
        this.people = people;
        this.bots = bots;
    }

    /** Resolves every id the given texts mention, in at most three queries. */
    static Mentions resolving(UserService users, AppService apps, Caller caller, Collection<String> ids) {
        var byType = new HashMap<UserIdType, List<String>>();
        for (String id : ids) {
            if (!id.equals("all")) {
                byType.computeIfAbsent(typeOf(id), t -> new ArrayList<>()).add(id);
            }
        }
        var people = new HashMap<String, User>();
        byType.forEach((type, list) -> people.putAll(users.resolveAll(caller.appPk(), caller.tenantPk(), type, list)));
        // An open_id that names no person may name a bot: bots are mentioned by their open_id.
        var botIds = byType.getOrDefault(UserIdType.OPEN_ID, List.of()).stream()
                .filter(id -> !people.containsKey(id))
                .toList();
        return new Mentions(people, apps.botsByOpenId(caller.tenantPk(), botIds));
    }

    static List<String> idsIn(String text) {
        var ids = new ArrayList<String>();
        Matcher m = AT_TAG.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static UserIdType typeOf(String id) {
        if (id.startsWith("ou_")) {
            return UserIdType.OPEN_ID;
        }
        if (id.startsWith("on_")) {
            return UserIdType.UNION_ID;
        }
        return UserIdType.USER_ID;
    }

    /** The placeholder for one mention of {@code id}, or null when the id names no one visible. */
    String placeholder(String id, String fallbackName) {
        if (id.equals("all")) {
            all = true;
            return "@_all";
        }
        var user = people.get(id);
        var bot = bots.get(id);
        if (user == null && bot == null) {
            return null;
        }
        String key = "@_user_" + (found.size() + 1);
        found.add(
                user != null
                        ? new Mention(key, user.pk(), null, user.name())
                        : new Mention(key, null, bot.pk(), bot.name()));
        return key;
    }

    /** Text with every at tag replaced: by its placeholder, or by {@code @name} when unresolvable. */
    String replaceTags(String text) {
        Matcher m = AT_TAG.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String key = placeholder(m.group(1), m.group(2));
            String name = m.group(2).isBlank() ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(key != null ? key : "@" + name));
        }
        m.appendTail(out);
        return out.toString();
    }

    List<Mention> list() {
        return List.copyOf(found);
    }

    boolean all() {
        return all;
    }
}
