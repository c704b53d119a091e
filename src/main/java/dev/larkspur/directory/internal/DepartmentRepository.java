package dev.larkspur.directory.internal;

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
                        "insert into department (tenant_id, department_id, open_department_id, name) values (?, ?, ?, ?)")
                .params(tenantPk, departmentId, openDepartmentId, name));
    }
}
