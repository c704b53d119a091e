package dev.larkspur.directory;

import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact lookups a bot makes: emails and mobiles to ids, and one user's profile, each limited
 * to the caller's tenant and shaped by the caller's field scopes, as Feishu does.
 */
@Service
public class ContactService {
    private static final int MAX_LOOKUPS = 50;
    private final UserService users;

    ContactService(UserService users) {
        this.users = users;
    }

    /** One entry of {@code user_list}: who an email or mobile belongs to, if anyone the app may see. */
    public record IdLookup(String email, String mobile, User user) {}

    /**
     * Every email and every mobile gets its own entry, emails first, in request order; one that
     * matches nobody visible is echoed without a user (contact-v3 FAQ: no error).
     */
    @Transactional(readOnly = true)
    public List<IdLookup> batchGetId(
            Caller caller, List<String> emails, List<String> mobiles, boolean includeResigned) {
        List<String> wantedEmails = emails == null ? List.of() : emails;
        List<String> wantedMobiles = mobiles == null ? List.of() : mobiles;
        if (wantedEmails.size() > MAX_LOOKUPS) {
            throw FeishuErrors.fieldValidation("emails", String.valueOf(wantedEmails.size()), "at most 50 emails");
        }
        if (wantedMobiles.size() > MAX_LOOKUPS) {
            throw FeishuErrors.fieldValidation("mobiles", String.valueOf(wantedMobiles.size()), "at most 50 mobiles");
        }
        var byEmail = visible(
                        users.findByEmails(
                                caller.tenantPk(),
                                wantedEmails.stream().map(Emails::normalize).toList()),
                        includeResigned)
                .stream()
                .collect(Collectors.toMap(User::email, Function.identity(), (a, b) -> a));
        var byMobile = visible(
                        users.findByMobiles(
                                caller.tenantPk(),
                                wantedMobiles.stream().map(Mobiles::normalize).toList()),
                        includeResigned)
                .stream()
                .collect(Collectors.toMap(User::mobile, Function.identity(), (a, b) -> a));
        var result = new ArrayList<IdLookup>();
        wantedEmails.forEach(e -> result.add(new IdLookup(e, null, byEmail.get(Emails.normalize(e)))));
        wantedMobiles.forEach(m -> result.add(new IdLookup(null, m, byMobile.get(Mobiles.normalize(m)))));
        return result;
    }

    /** The user the caller names by {@code id}; unknown and invisible users look the same (41050). */
    @Transactional(readOnly = true)
    public User getUser(Caller caller, UserIdType type, String id) {
        return users.resolve(caller.appPk(), caller.tenantPk(), type, id).orElseThrow(DirectoryErrors::noUserAuthority);
    }

    /** The id of each user as the caller sees it in the given id type. */
    public Map<Long, String> idsAsSeenBy(Caller caller, List<User> found, UserIdType type) {
        return users.idsAsSeenBy(caller.appPk(), found, type);
    }

    private static List<User> visible(List<User> found, boolean includeResigned) {
        return found.stream().filter(u -> includeResigned || !u.resigned()).toList();
    }
}
