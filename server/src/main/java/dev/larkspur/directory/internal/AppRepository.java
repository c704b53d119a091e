package dev.larkspur.directory.internal;

import dev.larkspur.directory.App;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AppRepository {
    private static final String SELECT = "select a.id, a.app_id, a.tenant_id, t.tenant_key, a.name, a.bot_enabled,"
            + " a.bot_open_id, a.created_at, a.secret_hash from app a join tenant t on t.id = a.tenant_id";
    private final JdbcClient jdbc;

    AppRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An app row with its secret hash, which never leaves this module. */
    public record StoredApp(App app, String secretHash) {}

    public long insert(
            String appId,
            long tenantPk,
            String name,
            String secretHash,
            boolean botEnabled,
            String botOpenId,
            long now) {
        return DirectoryRows.insertReturningId(jdbc.sql(
                        """
                                insert into app (app_id, tenant_id, name, secret_hash, bot_enabled, bot_open_id, created_at)
                                values (:app_id, :tenant_id, :name, :secret_hash, :bot_enabled, :bot_open_id, :created_at)""")
                .param("app_id", appId)
                .param("tenant_id", tenantPk)
                .param("name", name)
                .param("secret_hash", secretHash)
                .param("bot_enabled", botEnabled)
                .param("bot_open_id", botOpenId)
                .param("created_at", now));
    }

    public Optional<StoredApp> findByAppId(String appId) {
        return jdbc.sql(SELECT + " where a.app_id = ?")
                .param(appId)
                .query(AppRepository::map)
                .optional()
                .map(stored -> new StoredApp(
                        withScopes(stored.app(), scopes(stored.app().pk())), stored.secretHash()));
    }

    public Optional<App> findByPk(long pk) {
        return jdbc.sql(SELECT + " where a.id = ?")
                .param(pk)
                .query(AppRepository::map)
                .optional()
                .map(stored -> withScopes(stored.app(), scopes(pk)));
    }

    /** The tenant's apps with their scopes, in two queries whatever the number of apps. */
    public List<App> findByTenant(long tenantPk) {
        var scopesByApp = new HashMap<Long, Set<String>>();
        jdbc.sql("select s.app_id, s.scope from app_scope s join app a on a.id = s.app_id where a.tenant_id = ?")
                .param(tenantPk)
                .query(rs -> {
                    scopesByApp
                            .computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                            .add(rs.getString(2));
                });
        return jdbc
                .sql(SELECT + " where a.tenant_id = ? order by a.id")
                .param(tenantPk)
                .query(AppRepository::map)
                .list()
                .stream()
                .map(stored -> withScopes(
                        stored.app(), scopesByApp.getOrDefault(stored.app().pk(), Set.of())))
                .toList();
    }

    /** Apps of a tenant by their bots' open_ids, for @mentions of bots. */
    public List<App> findByBotOpenIds(long tenantPk, Collection<String> botOpenIds) {
        if (botOpenIds.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql(SELECT + " where a.tenant_id = :tenant and a.bot_open_id in (:ids)")
                .param("tenant", tenantPk)
                .param("ids", botOpenIds)
                .query(AppRepository::map)
                .list()
                .stream()
                .map(StoredApp::app)
                .toList();
    }

    /** The bots' own open_ids, by app pk. */
    public Map<Long, String> botOpenIds(Collection<Long> pks) {
        var result = new HashMap<Long, String>();
        if (pks.isEmpty()) {
            return result;
        }
        jdbc.sql("select id, bot_open_id from app where id in (:pks)")
                .param("pks", pks)
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }

    /** App ids by pk. */
    public Map<Long, String> appIds(Collection<Long> pks) {
        var result = new HashMap<Long, String>();
        if (pks.isEmpty()) {
            return result;
        }
        jdbc.sql("select id, app_id from app where id in (:pks)")
                .param("pks", pks)
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }

    public List<Long> pksOfTenant(long tenantPk) {
        return jdbc.sql("select id from app where tenant_id = ?")
                .param(tenantPk)
                .query(Long.class)
                .list();
    }

    public void update(long pk, String name, boolean botEnabled) {
        jdbc.sql("update app set name = ?, bot_enabled = ? where id = ?")
                .params(name, botEnabled, pk)
                .update();
    }

    public void updateSecretHash(long pk, String secretHash) {
        jdbc.sql("update app set secret_hash = ? where id = ?")
                .params(secretHash, pk)
                .update();
    }

    public Set<String> scopes(long pk) {
        return new LinkedHashSet<>(jdbc.sql("select scope from app_scope where app_id = ? order by scope")
                .param(pk)
                .query(String.class)
                .list());
    }

    public void replaceScopes(long pk, Collection<String> scopes) {
        jdbc.sql("delete from app_scope where app_id = ?").param(pk).update();
        for (String scope : new LinkedHashSet<>(scopes)) {
            jdbc.sql("insert into app_scope (app_id, scope) values (?, ?)")
                    .params(pk, scope)
                    .update();
        }
    }

    private static App withScopes(App a, Set<String> scopes) {
        return new App(
                a.pk(),
                a.appId(),
                a.tenantPk(),
                a.tenantKey(),
                a.name(),
                a.botEnabled(),
                a.botOpenId(),
                Set.copyOf(scopes),
                a.createdAt());
    }

    private static StoredApp map(ResultSet rs, int row) throws SQLException {
        var app = new App(
                rs.getLong("id"),
                rs.getString("app_id"),
                rs.getLong("tenant_id"),
                rs.getString("tenant_key"),
                rs.getString("name"),
                rs.getBoolean("bot_enabled"),
                rs.getString("bot_open_id"),
                Set.of(),
                rs.getLong("created_at"));
        return new StoredApp(app, rs.getString("secret_hash"));
    }
}
