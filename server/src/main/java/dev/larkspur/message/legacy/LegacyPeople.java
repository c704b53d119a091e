package dev.larkspur.message.legacy;

import dev.larkspur.directory.Emails;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.Caller;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A person named the v4 way: by one of {@code open_id}, {@code user_id} and {@code email}, read in
 * that order (message/v4/send, ephemeral/v1/send), with the v4 code for each kind of unknown id.
 */
@Component
class LegacyPeople {
    private final UserService users;

    LegacyPeople(UserService users) {
        this.users = users;
    }

    /** The person, or empty when no id is given at all. */
    Optional<User> find(Caller caller, String openId, String userId, String email) {
        if (present(openId)) {
            return Optional.of(one(caller, UserIdType.OPEN_ID, openId, LegacyErrors.openIdNotExist()));
        }
        if (present(userId)) {
            return Optional.of(one(caller, UserIdType.USER_ID, userId, LegacyErrors.userIdNotExist()));
        }
        if (present(email)) {
            return Optional.of(users.findByEmails(caller.tenantPk(), List.of(Emails.normalize(email))).stream()
                    .findFirst()
                    .orElseThrow(LegacyErrors::userNotFound));
        }
        return Optional.empty();
    }

    private User one(Caller caller, UserIdType type, String id, RuntimeException unknown) {
        var found = users.resolveAll(caller.appPk(), caller.tenantPk(), type, List.of(id))
                .get(id);
        if (found == null) {
            throw unknown;
        }
        return found;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
