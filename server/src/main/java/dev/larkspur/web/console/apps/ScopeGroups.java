package dev.larkspur.web.console.apps;

import dev.larkspur.directory.Scopes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scopes as checkboxes in the groups Feishu's console shows them under: messages, group chats,
 * contacts. Every scope Larkspur knows is offered, and any other scope the app holds as well, so
 * that saving the form never drops one.
 */
final class ScopeGroups {
    private ScopeGroups() {}

    record Choice(String scope, boolean held) {}

    record Group(String title, List<Choice> choices) {}

    static List<Group> of(Set<String> held) {
        var all = new TreeSet<String>(Scopes.DEFAULT);
        all.addAll(Scopes.CONTACT_READ);
        all.addAll(held);
        var groups = new LinkedHashMap<String, List<Choice>>();
        for (String title : List.of("Messages", "Group chats", "Contacts", "Other")) {
            groups.put(title, new ArrayList<>());
        }
        for (String scope : all) {
            groups.get(titleOf(scope)).add(new Choice(scope, held.contains(scope)));
        }
        return groups.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new Group(e.getKey(), e.getValue()))
                .toList();
    }

    private static String titleOf(String scope) {
        if (scope.startsWith("im:message")) {
            return "Messages";
        }
        if (scope.startsWith("im:chat")) {
            return "Group chats";
        }
        if (scope.startsWith("contact:")) {
            return "Contacts";
        }
        return "Other";
    }
}
