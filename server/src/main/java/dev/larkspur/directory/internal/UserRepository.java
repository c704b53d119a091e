package dev.larkspur.directory.internal;

import dev.larkspur.directory.DepartmentRef;
import dev.larkspur.directory.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {
    private static final String SELECT = "select u.id, u.tenant_id, u.user_id, u.union_id, u.name, u.en_name, u.email,"
            + " u.mobile, u.resigned, u.created_at from directory_user u";
    private static final int BATCH = 1000;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    UserRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insert(
            long tenantPk,
            String userId,
            String unionId,
            String name,
            String enName,
            String email,
            String mobile,
            long now) {
        return DirectoryRows.insertReturningId(jdbc.sql(
                        """
                        insert into directory_user (tenant_id, user_id, union_id, name, en_name, email, mobile,
                            created_at)
                        values (:tenant, :userId, :unionId, :name, :enName, :email, :mobile, :now)""")
                .param("tenant", tenantPk)
                .param("userId", userId)
                .param("unionId", unionId)
                .param("name", name)
                .param("enName", enName)
                .param("email", email)
                .param("mobile", mobile)
                .param("now", now));
    }

    public void updateProfile(long pk, String name, String enName, String email, String mobile) {
        jdbc.sql(
                        """
                        update directory_user set name = :name, en_name = :enName, email = :email, mobile = :mobile
                        where id = :id""")
                .param("name", name)
                .param("enName", enName)
                .param("email", email)
                .param("mobile", mobile)
                .param("id", pk)
                .update();
    }

    public Optional<User> findByUserId(long tenantPk, String userId) {
        return one(SELECT + " where u.tenant_id = ? and u.user_id = ?", tenantPk, userId);
    }

    public Optional<User> findByUnionId(long tenantPk, String unionId) {
        return one(SELECT + " where u.tenant_id = ? and u.union_id = ?", tenantPk, unionId);
    }

    /** The person with this union_id, in whichever tenant (union_ids are unique). */
    public Optional<User> findByUnionIdInAnyTenant(String unionId) {
        return one(SELECT + " where u.union_id = ?", unionId);
    }

    /** The person an app knows by this open_id, in whichever tenant (open_ids are unique). */
    public Optional<User> findByOpenIdInAnyTenant(long appPk, String openId) {
        return one(
                SELECT + " join app_user au on au.user_id = u.id where au.app_id = ? and au.open_id = ?",
                appPk,
                openId);
    }

    /** The user an app knows by this open_id, in the given tenant. */
    public Optional<User> findByOpenId(long appPk, long tenantPk, String openId) {
        return one(
                SELECT
                        + " join app_user au on au.user_id = u.id where au.app_id = ? and au.open_id = ? and u.tenant_id = ?",
                appPk,
                openId,
                tenantPk);
    }

    /** Users by many ids of one kind at once: {@code column} is user_id or union_id. */
    public List<User> findByIds(long tenantPk, String column, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (!column.equals("user_id") && !column.equals("union_id")) {
            throw new IllegalArgumentException(column);
        }
        return withDepartments(jdbc.sql(SELECT + " where u.tenant_id = :tenant and u." + column + " in (:ids)")
                .param("tenant", tenantPk)
                .param("ids", ids)
                .query(UserRepository::map)
                .list());
    }

    /** Users an app knows by these open_ids, in its tenant. */
    public List<User> findByOpenIds(long appPk, long tenantPk, Collection<String> openIds) {
        if (openIds.isEmpty()) {
            return List.of();
        }
        return withDepartments(jdbc.sql(SELECT + " join app_user au on au.user_id = u.id"
                        + " where au.app_id = :app and au.open_id in (:ids) and u.tenant_id = :tenant")
                .param("app", appPk)
                .param("ids", openIds)
                .param("tenant", tenantPk)
                .query(UserRepository::map)
                .list());
    }

    public List<User> findByPks(Collection<Long> pks) {
        if (pks.isEmpty()) {
            return List.of();
        }
        return withDepartments(jdbc.sql(SELECT + " where u.id in (:pks)")
                .param("pks", pks)
                .query(UserRepository::map)
                .list());
    }

    public List<User> findByEmails(long tenantPk, Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return withDepartments(jdbc.sql(SELECT + " where u.tenant_id = :tenant and u.email in (:emails)")
                .param("tenant", tenantPk)
                .param("emails", emails)
                .query(UserRepository::map)
                .list());
    }

    /** Everyone with this (normalized) email in any tenant, oldest first: sign-in knows no tenant yet. */
    public List<User> findByEmailInAnyTenant(String email) {
        return withDepartments(jdbc.sql(SELECT + " where u.email = ? order by u.id limit 20")
                .param(email)
                .query(UserRepository::map)
                .list());
    }

    public List<User> findByMobiles(long tenantPk, Collection<String> mobiles) {
        if (mobiles.isEmpty()) {
            return List.of();
        }
        return withDepartments(jdbc.sql(SELECT + " where u.tenant_id = :tenant and u.mobile in (:mobiles)")
                .param("tenant", tenantPk)
                .param("mobiles", mobiles)
                .query(UserRepository::map)
                .list());
    }

    /** One page of a tenant's users, by key: those after {@code afterPk}. */
    public List<User> pageOfTenant(long tenantPk, long afterPk, int limit) {
        return withDepartments(
                jdbc.sql(SELECT + " where u.tenant_id = :tenant and u.id > :after order by u.id limit :limit")
                        .param("tenant", tenantPk)
                        .param("after", afterPk)
                        .param("limit", limit)
                        .query(UserRepository::map)
                        .list());
    }

    /** Case-insensitive substring match on name, user_id and email, by key; the query's wildcards are literal. */
    public List<User> searchInTenant(long tenantPk, String query, long afterPk, int limit) {
        String like = "%"
                + query.toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        return withDepartments(jdbc.sql(SELECT
                        + " where u.tenant_id = :tenant and u.id > :after and (lower(u.name) like :q escape '\\'"
                        + " or lower(u.user_id) like :q escape '\\' or lower(coalesce(u.email, '')) like :q escape '\\')"
                        + " order by u.id limit :limit")
                .param("tenant", tenantPk)
                .param("after", afterPk)
                .param("q", like)
                .param("limit", limit)
                .query(UserRepository::map)
                .list());
    }

    public void resign(long pk) {
        jdbc.sql("update directory_user set resigned = true where id = ?")
                .param(pk)
                .update();
    }

    public List<Long> pksOfTenant(long tenantPk) {
        return jdbc.sql("select id from directory_user where tenant_id = ?")
                .param(tenantPk)
                .query(Long.class)
                .list();
    }

    /** The open_ids that one app has for the given users. */
    public Map<Long, String> openIds(long appPk, Collection<Long> userPks) {
        var result = new HashMap<Long, String>();
        if (userPks.isEmpty()) {
            return result;
        }
        jdbc.sql("select user_id, open_id from app_user where app_id = :app and user_id in (:users)")
                .param("app", appPk)
                .param("users", userPks)
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }

    /** A user's open_id in each app of the tenant, keyed by {@code app_id}. */
    public Map<String, String> openIdsByApp(long userPk) {
        var result = new java.util.TreeMap<String, String>();
        jdbc.sql("select a.app_id, au.open_id from app_user au join app a on a.id = au.app_id where au.user_id = ?")
                .param(userPk)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getString(2));
                });
        return result;
    }

    /** Writes (app, user, open_id) rows in batches; existing pairs are left as they are. */
    public void insertOpenIds(List<OpenIdRow> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            var chunk = rows.subList(i, Math.min(rows.size(), i + BATCH));
            template.batchUpdate(
                    "insert into app_user (app_id, user_id, open_id) values (?, ?, ?) on conflict do nothing",
                    chunk,
                    chunk.size(),
                    (ps, row) -> {
                        ps.setLong(1, row.appPk());
                        ps.setLong(2, row.userPk());
                        ps.setString(3, row.openId());
                    });
        }
    }

    /** One open_id mapping row. */
    public record OpenIdRow(long appPk, long userPk, String openId) {}

    public void replaceDepartments(long userPk, Collection<Long> departmentPks) {
        jdbc.sql("delete from user_department where user_id = ?").param(userPk).update();
        for (long dept : departmentPks) {
            jdbc.sql("insert into user_department (user_id, department_id) values (?, ?)")
                    .params(userPk, dept)
                    .update();
        }
    }

    private Optional<User> one(String sql, Object... params) {
        var found = jdbc.sql(sql).params(params).query(UserRepository::map).optional();
        return found.map(u -> withDepartments(List.of(u)).get(0));
    }

    /** Attaches department ids to users with one query for the whole list. */
    private List<User> withDepartments(List<User> users) {
        if (users.isEmpty()) {
            return users;
        }
        var byUser = new HashMap<Long, List<DepartmentRef>>();
        jdbc.sql("select ud.user_id, d.department_id, d.open_department_id from user_department ud"
                        + " join department d on d.id = ud.department_id where ud.user_id in (:users)"
                        + " order by d.id")
                .param("users", users.stream().map(User::pk).toList())
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new DepartmentRef(rs.getString(2), rs.getString(3)));
                });
        return users.stream()
                .map(u -> new User(
                        u.pk(),
                        u.tenantPk(),
                        u.userId(),
                        u.unionId(),
                        u.name(),
                        u.enName(),
                        u.email(),
                        u.mobile(),
                        u.resigned(),
                        List.copyOf(byUser.getOrDefault(u.pk(), List.of())),
                        u.createdAt()))
                .toList();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                rs.getString("user_id"),
                rs.getString("union_id"),
                rs.getString("name"),
                rs.getString("en_name"),
                rs.getString("email"),
                rs.getString("mobile"),
                rs.getBoolean("resigned"),
                List.of(),
                rs.getLong("created_at"));
    }
}
