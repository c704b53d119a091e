package dev.larkspur.admin.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the test reset ({@code larkspur.testing.reset-enabled}). It empties every table but the
 * directory's by reading the schema, not by a list, so that a table added by a later migration is
 * emptied too without anyone remembering this class; the directory keeps the seed's tenants, apps
 * and people (their ids, open_ids and the apps' issued tokens stay valid) and loses the rest.
 */
@Repository
public class ResetRepository {
    /** Kept, then trimmed to the seed: what a bot may hold ids or tokens of across tests. */
    private static final Set<String> DIRECTORY = Set.of(
            "tenant",
            "app",
            "app_scope",
            "app_user",
            "app_redirect_uri",
            "access_token",
            "directory_user",
            "user_password",
            "department",
            "user_department",
            "flyway_schema_history",
            // Fan-out's place in the outbox: keys are not reused after a reset, so it stays valid.
            "fanout_cursor");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ResetRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Deletes every row of every table outside the directory, referencing tables first. */
    public int emptyAllButDirectory() {
        var order = deletionOrder();
        int rows = 0;
        for (String table : order) {
            rows += jdbc.sql("delete from " + table).update();
        }
        return rows;
    }

    /**
     * Trims the directory to the seed: other tenants, apps, people and departments go (with the
     * tokens, open_ids and passwords that hang on them), seeded people are no longer resigned, and
     * no app has an owner until the seed sets it again.
     */
    public void trimDirectory(
            Map<String, Set<String>> appsByTenant,
            Map<String, Set<String>> usersByTenant,
            Map<String, Set<String>> departmentsByTenant) {
        jdbc.sql("update app set owner_user_id = null").update();
        var tenantKeys = new HashSet<String>();
        tenantKeys.addAll(appsByTenant.keySet());
        tenantKeys.addAll(usersByTenant.keySet());
        tenantKeys.addAll(departmentsByTenant.keySet());
        jdbc.sql("select id, tenant_key from tenant")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .forEach(t -> {
                    long pk = t.getKey();
                    String key = t.getValue();
                    deleteOthers(
                            "app",
                            "app_id",
                            pk,
                            tenantKeys.contains(key) ? appsByTenant.getOrDefault(key, Set.of()) : Set.of());
                    deleteOthers("directory_user", "user_id", pk, usersByTenant.getOrDefault(key, Set.of()));
                    deleteOthers("department", "department_id", pk, departmentsByTenant.getOrDefault(key, Set.of()));
                    if (!tenantKeys.contains(key)) {
                        jdbc.sql("delete from tenant where id = ?").param(pk).update();
                    }
                });
        jdbc.sql("update directory_user set resigned = false where resigned").update();
    }

    private void deleteOthers(String table, String idColumn, long tenantPk, Collection<String> keep) {
        var sql = new StringBuilder("delete from " + table + " where tenant_id = ?");
        var params = new ArrayList<Object>(List.of(tenantPk));
        if (!keep.isEmpty()) {
            sql.append(" and ").append(idColumn).append(" not in (");
            sql.append(String.join(", ", keep.stream().map(k -> "?").toList())).append(')');
            params.addAll(keep);
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** The non-directory tables, each after every table whose foreign keys point at it. */
    private List<String> deletionOrder() {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            var tables = new LinkedHashSet<String>();
            // H2 2 calls an ordinary table "BASE TABLE", PostgreSQL "TABLE".
            try (var rs = meta.getTables(c.getCatalog(), schema, "%", null)) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    String type = rs.getString("TABLE_TYPE");
                    boolean ordinary = "TABLE".equals(type) || "BASE TABLE".equals(type);
                    if (ordinary && !DIRECTORY.contains(name.toLowerCase(Locale.ROOT))) {
                        tables.add(name);
                    }
                }
            }
            // referencedBy.get(t): the tables whose rows point at t's and so must be emptied first.
            var referencedBy = new HashMap<String, Set<String>>();
            for (String table : tables) {
                try (var rs = meta.getImportedKeys(c.getCatalog(), schema, table)) {
                    while (rs.next()) {
                        String parent = rs.getString("PKTABLE_NAME");
                        if (!parent.equals(table)) {
                            referencedBy
                                    .computeIfAbsent(parent, k -> new HashSet<>())
                                    .add(table);
                        }
                    }
                }
            }
            var order = new ArrayList<String>();
            var done = new HashSet<String>();
            for (String table : tables) {
                visit(table, tables, referencedBy, done, new HashSet<>(), order);
            }
            return order;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema to reset it", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static void visit(
            String table,
            Set<String> tables,
            Map<String, Set<String>> referencedBy,
            Set<String> done,
            Set<String> visiting,
            List<String> order) {
        if (done.contains(table) || !tables.contains(table)) {
            return;
        }
        if (!visiting.add(table)) {
            throw new IllegalStateException("foreign keys form a cycle through " + table);
        }
        for (String child : referencedBy.getOrDefault(table, Set.of())) {
            visit(child, tables, referencedBy, done, visiting, order);
        }
        done.add(table);
        order.add(table);
    }
}
