package dev.larkspur.directory.internal;

import dev.larkspur.directory.Tenant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TenantRepository {
    private static final String COLUMNS = "id, tenant_key, name, created_at";
    private final JdbcClient jdbc;

    TenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Tenant insert(String tenantKey, String name, long now) {
        long pk = DirectoryRows.insertReturningId(
                jdbc.sql("insert into tenant (tenant_key, name, created_at) values (?, ?, ?)")
                        .params(tenantKey, name, now));
        return new Tenant(pk, tenantKey, name, now);
    }

    public Optional<Tenant> findByKey(String tenantKey) {
        return jdbc.sql("select " + COLUMNS + " from tenant where tenant_key = ?")
                .param(tenantKey)
                .query(TenantRepository::map)
                .optional();
    }

    public Optional<Tenant> findByPk(long pk) {
        return jdbc.sql("select " + COLUMNS + " from tenant where id = ?")
                .param(pk)
                .query(TenantRepository::map)
                .optional();
    }

    public List<Tenant> findAll() {
        return jdbc.sql("select " + COLUMNS + " from tenant order by id")
                .query(TenantRepository::map)
                .list();
    }

    public void rename(long pk, String name) {
        jdbc.sql("update tenant set name = ? where id = ?").params(name, pk).update();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from tenant").query(Long.class).single() == 0;
    }

    private static Tenant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Tenant(rs.getLong("id"), rs.getString("tenant_key"), rs.getString("name"), rs.getLong("created_at"));
    }
}
