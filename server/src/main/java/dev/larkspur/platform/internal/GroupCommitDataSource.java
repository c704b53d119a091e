package dev.larkspur.platform.internal;

import dev.larkspur.platform.BackgroundWrites;
import dev.larkspur.platform.LarkspurProperties.Durability;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Durable commits for the embedded H2 database at the cost of one file write (and one fsync) per
 * group of concurrent commits rather than one per commit. H2 runs with a write delay, so that a
 * commit alone no longer writes the file; connections from here track whether they changed
 * anything, and a commit that did (or, in auto-commit mode, a statement that did) returns only after
 * a {@link GroupCommit} store covers it. With {@link Durability#FSYNC} that store is also forced to
 * the disk, so a 2xx means on disk: it survives a power loss or a kernel crash. With {@link
 * Durability#WRITE} it means in the file: a killed process loses nothing it acknowledged, a power
 * loss may. What group commit saves is the per-commit write that made up most of a send's cost under
 * load (see bench/results/report.md and bench/results/h2-durability.md).
 *
 * <p>Where the wait happens: by default inside {@code commit()} (and the write of an auto-commit
 * statement), so that a caller that keeps its connection knows its commit durable when the call
 * returns. {@link #waitingAfterRelease} makes a connection wait in {@code close()} instead, after the
 * connection underneath has gone back to its pool: a pooled connection then serves another request
 * while its last transaction waits for the file. That is for callers that close (release) a
 * connection before they answer, as Spring's transaction manager and {@code JdbcTemplate} do; the
 * server's pools use it.
 *
 * <p>This reaches into H2's internals ({@link SessionLocal}, {@link MVStore}), which is why the pom
 * pins H2's version and why {@code larkspur.h2.group-commit=false} can turn it off.
 */
public final class GroupCommitDataSource extends DelegatingDataSource implements AutoCloseable {
    private static final Set<String> WRITES =
            Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private final GroupCommit group;
    private final boolean afterRelease;
    /** The database's one store, found through the first connection that needs it. */
    private volatile MVStore store;

    public GroupCommitDataSource(DataSource target, Durability durability) {
        this(target, new GroupCommit(durability == Durability.FSYNC), false);
    }

    private GroupCommitDataSource(DataSource target, GroupCommit group, boolean afterRelease) {
        super(target);
        this.group = group;
        this.afterRelease = afterRelease;
    }

    /**
     * This data source over {@code target} (another pool of the same database), sharing its groups,
     * whose connections wait for the file in {@code close()}, after the connection underneath went
     * back to its pool, rather than in {@code commit()}.
     */
    public GroupCommitDataSource waitingAfterRelease(DataSource target) {
        return new GroupCommitDataSource(target, group, true);
    }

    /** How many times the file was forced to the disk so far (one per group of commits). */
    long forced() {
        return group.forced();
    }

    /**
     * Returns once a store that began after this call has finished: it covers every earlier commit
     * (the {@link dev.larkspur.platform.CommitBarrier} of the embedded database).
     */
    public void awaitEarlierCommits() {
        try {
            if (store == null) {
                try (var connection = obtainTargetDataSource().getConnection()) {
                    store = store(connection);
                }
            }
            group.awaitStored(store);
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded database is not available", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(obtainTargetDataSource().getConnection(username, password));
    }

    /** Closes the pool underneath, which closes the database (Spring calls this on shutdown). */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new Tracked(target));
    }

    /**
     * One connection: whether it changed anything since its last commit or rollback, and (waiting
     * after release) whether a commit still waits for the file when it is closed.
     */
    private final class Tracked implements InvocationHandler {
        private final Connection target;
        private boolean dirty;
        private boolean pending;

        Tracked(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    target.commit();
                    awaitIfDirty();
                    return null;
                }
                case "close" -> {
                    if (pending) {
                        // Found before the pool takes the connection back, waited for after.
                        var file = store(target);
                        target.close();
                        pending = false;
                        group.awaitStored(file);
                    } else {
                        target.close();
                    }
                    return null;
                }
                case "rollback" -> {
                    Object result = call(target, method, args);
                    if (args == null || args.length == 0) {
                        dirty = false;
                    }
                    return result;
                }
                case "setAutoCommit" -> {
                    // Switching auto-commit on commits what is pending.
                    target.setAutoCommit((Boolean) args[0]);
                    if ((Boolean) args[0]) {
                        awaitIfDirty();
                    }
                    return null;
                }
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    Object statement = call(target, method, args);
                    Class<?> type = statement instanceof CallableStatement
                            ? CallableStatement.class
                            : statement instanceof PreparedStatement
                                    ? PreparedStatement.class
                                    : java.sql.Statement.class;
                    return Proxy.newProxyInstance(
                            Connection.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
                                Object result = call(statement, m, a);
                                if (WRITES.contains(m.getName())) {
                                    dirty = true;
                                    if (target.getAutoCommit()) {
                                        awaitIfDirty();
                                    }
                                }
                                return result;
                            });
                }
                default -> {
                    return call(target, method, args);
                }
            }
        }

        private void awaitIfDirty() throws SQLException {
            if (dirty) {
                dirty = false;
                if (BackgroundWrites.active()) {
                    return;
                }
                if (afterRelease) {
                    pending = true;
                } else {
                    group.awaitStored(store(target));
                }
            }
        }
    }

    /** The store of the embedded database behind {@code connection}. */
    static MVStore store(Connection connection) throws SQLException {
        var session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
