package dev.larkspur.message.batch;

import dev.larkspur.directory.DepartmentMembers;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The people a batch names by open_id, user_id, union_id and department, each person once. Ids that
 * name no one are reported back rather than failing the batch, as Feishu does; so is the root
 * department {@code 0}, which batch_send refuses.
 */
@Component
class BatchRecipients {
    private static final String ROOT_DEPARTMENT = "0";

    private final UserService users;
    private final DepartmentMembers departments;

    BatchRecipients(UserService users, DepartmentMembers departments) {
        this.users = users;
        this.departments = departments;
    }

    /** Whom the ids name, and the ids of each kind that name no one, in the order given. */
    record Resolved(
            List<User> people,
            List<String> invalidDepartmentIds,
            List<String> invalidOpenIds,
            List<String> invalidUserIds,
            List<String> invalidUnionIds) {}

    Resolved resolve(
            Caller caller,
            List<String> departmentIds,
            List<String> openIds,
            List<String> userIds,
            List<String> unionIds) {
        var people = new LinkedHashMap<Long, User>();
        var invalidOpenIds = byId(caller, UserIdType.OPEN_ID, openIds, people);
        var invalidUserIds = byId(caller, UserIdType.USER_ID, userIds, people);
        var invalidUnionIds = byId(caller, UserIdType.UNION_ID, unionIds, people);
        var named = new LinkedHashSet<>(departmentIds);
        named.remove(ROOT_DEPARTMENT);
        var members = departments.membersOf(caller.tenantPk(), named);
        var invalidDepartmentIds = new ArrayList<String>();
        for (String id : new LinkedHashSet<>(departmentIds)) {
            var found = members.get(id);
            if (found == null) {
                invalidDepartmentIds.add(id);
            } else {
                found.forEach(u -> people.putIfAbsent(u.pk(), u));
            }
        }
        return new Resolved(
                List.copyOf(people.values()), invalidDepartmentIds, invalidOpenIds, invalidUserIds, invalidUnionIds);
    }

    private List<String> byId(Caller caller, UserIdType type, List<String> ids, Map<Long, User> people) {
        var found = users.resolveAll(caller.appPk(), caller.tenantPk(), type, ids);
        var invalid = new ArrayList<String>();
        for (String id : new LinkedHashSet<>(ids)) {
            var user = found.get(id);
            if (user == null) {
                invalid.add(id);
            } else {
                people.putIfAbsent(user.pk(), user);
            }
        }
        return invalid;
    }
}
