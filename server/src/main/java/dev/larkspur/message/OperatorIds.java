package dev.larkspur.message;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.Caller;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Operators' public ids for one caller, in two queries whatever the page: people in an id type, apps as app_id. */
@Component
public class OperatorIds {
    private final UserService users;
    private final AppService apps;

    OperatorIds(UserService users, AppService apps) {
        this.users = users;
        this.apps = apps;
    }

    public Map<Operator, String> of(Caller caller, Collection<Operator> operators, UserIdType idType) {
        Set<Long> userPks =
                operators.stream().filter(Operator::isUser).map(Operator::pk).collect(Collectors.toSet());
        Set<Long> appPks =
                operators.stream().filter(o -> !o.isUser()).map(Operator::pk).collect(Collectors.toSet());
        var userIds = users.idsAsSeenBy(caller.appPk(), users.findByPks(userPks), idType);
        var appIds = apps.appIds(appPks);
        var result = new HashMap<Operator, String>();
        for (var operator : operators) {
            result.put(operator, operator.isUser() ? userIds.get(operator.pk()) : appIds.get(operator.pk()));
        }
        return result;
    }
}
