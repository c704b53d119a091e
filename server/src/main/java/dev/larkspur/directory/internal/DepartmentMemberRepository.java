package dev.larkspur.directory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Departments by either of their ids, and who is in them. */
@Repository
public class DepartmentMemberRepository {
    private final JdbcClient jdbc;

    DepartmentMemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Department pks of a tenant keyed by each given id that is a department_id or open_department_id. */
    public Map<String, Long> findPks(long tenantPk, Collection<String> ids) {
        var result = new HashMap<String, Long>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select id, department_id, open_department_id from department where tenant_id = :tenant"
                        + " and (department_id in (:ids) or open_department_id in (:ids))")
                .param("tenant", tenantPk)
                .param("ids", ids)
                .query(rs -> {
                    long pk = rs.getLong(1);
                    for (int column = 2; column <= 3; column++) {
                        if (ids.contains(rs.getString(column))) {
                            result.put(rs.getString(column), pk);
                        }
                    }
                });
        return result;
    }

    /** The user pks of each department, keyed by department pk. */
    public Map<Long, List<Long>> memberPks(Collection<Long> departmentPks) {
        var result = new HashMap<Long, List<Long>>();
        if (departmentPks.isEmpty()) {
            return result;
        }
        jdbc.sql("select department_id, user_id from user_department where department_id in (:departments)"
                        + " order by user_id")
                .param("departments", departmentPks)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getLong(2));
                });
        return result;
    }
}
