package dev.larkspur.web.session;

import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether the people of open sessions are still people of Larkspur: resigning someone (or removing
 * them) ends their sessions on their next request and their open live streams within seconds,
 * rather than at the idle expiry. One lookup by primary key per request.
 */
@Component
public class ActivePeople {
    private final UserService users;

    ActivePeople(UserService users) {
        this.users = users;
    }

    public boolean active(SignedIn person) {
        return users.findByPks(List.of(person.userPk())).stream().anyMatch(u -> !u.resigned());
    }

    /** Of these people, those who resigned or no longer exist: one query for all of them. */
    public Set<Long> gone(Collection<Long> userPks) {
        var gone = new HashSet<>(userPks);
        if (gone.isEmpty()) {
            return gone;
        }
        users.findByPks(gone).stream().filter(u -> !u.resigned()).map(User::pk).forEach(gone::remove);
        return gone;
    }
}
