package dev.larkspur.directory;

import dev.larkspur.directory.internal.DepartmentMemberRepository;
import dev.larkspur.directory.internal.UserRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is in a department, for sends addressed to whole departments (batch messages). */
@Service
public class DepartmentMembers {
    private final DepartmentMemberRepository departments;
    private final UserRepository users;

    DepartmentMembers(DepartmentMemberRepository departments, UserRepository users) {
        this.departments = departments;
        this.users = users;
    }

    /**
     * The members of each department of the tenant named by its {@code department_id} or
     * {@code open_department_id}, keyed by the id given; ids that name no department are absent.
     * Larkspur's departments have no sub-departments, so these are the direct members.
     */
    @Transactional(readOnly = true)
    public Map<String, List<User>> membersOf(long tenantPk, Collection<String> departmentIds) {
        var pks = departments.findPks(tenantPk, new LinkedHashSet<>(departmentIds));
        var memberPks = departments.memberPks(pks.values());
        var allUsers =
                users
                        .findByPks(memberPks.values().stream()
                                .flatMap(List::stream)
                                .collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(User::pk, Function.identity()));
        var result = new HashMap<String, List<User>>();
        pks.forEach((id, pk) -> result.put(
                id,
                memberPks.getOrDefault(pk, List.of()).stream()
                        .map(allUsers::get)
                        .toList()));
        return result;
    }
}
