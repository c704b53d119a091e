package dev.larkspur.directory.internal;

import dev.larkspur.directory.Department;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DepartmentRepository {
    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> findPk(long tenantPk, String departmentId) {
        return jdbc.sql("select id from department where tenant_id = ? and department_id = ?")
                .params(tenantPk, departmentId)
                .query(Long.class)
                .optional();
    }

    public long insert(long tenantPk, String departmentId, String openDepartmentId, String name) {
        return DirectoryRows.insertReturningId(jdbc.sql(
                        """
                        insert into department (tenant_id, department_id, open_department_id, name)
                        values (:tenant_id, :department_id, :open_department_id, :name)""")
                .param("tenant_id", tenantPk)
                .param("department_id", departmentId)
                .param("open_department_id", openDepartmentId)
                .param("name", name));
    }

    /** A tenant's departments in the order they were made, each with its number of members. */
    public List<Department> ofTenant(long tenantPk) {
        return jdbc.sql("select d.department_id, d.open_department_id, d.name,"
                        + " (select count(*) from user_department m where m.department_id = d.id)"
                        + " from department d where d.tenant_id = ? order by d.id")
                .param(tenantPk)
                .query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }
}
