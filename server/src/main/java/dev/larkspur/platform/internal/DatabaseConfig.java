package dev.larkspur.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.larkspur.platform.CommitBarrier;
import dev.larkspur.platform.EmbeddedDatabase;
import dev.larkspur.platform.EventsPool;
import dev.larkspur.platform.LarkspurProperties;
import dev.larkspur.platform.PrivateFiles;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL when {@code LARKSPUR_DB_URL} is set, otherwise an {@link EmbeddedDatabase} under the
 * data directory; in two pools. The primary one ({@code larkspur}, {@code larkspur.db.pool-size}
 * connections) serves requests, with Spring's own transaction manager and {@code JdbcClient}; the
 * {@link EventsPool} one ({@code larkspur-events}) serves the event workers, with a {@code JdbcClient}
 * and {@code TransactionTemplate} of its own and no transaction manager bean, so that Spring's
 * {@code @Transactional} stays on the request pool.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean
    @Primary
    DataSource dataSource(LarkspurProperties props) {
        var pool = pool(props, "larkspur", props.db().poolSize());
        if (props.db().external()) {
            return pool;
        }
        var durable = EmbeddedDatabase.durable(pool, props.h2());
        // The request pool's connections wait for the file after they go back to the pool.
        return durable instanceof GroupCommitDataSource group ? group.waitingAfterRelease(pool) : durable;
    }

    @Bean
    @EventsPool
    DataSource eventsDataSource(LarkspurProperties props, DataSource dataSource) throws java.sql.SQLException {
        var pool = pool(props, "larkspur-events", props.db().eventsPoolSize());
        if (dataSource.isWrapperFor(GroupCommitDataSource.class)) {
            // The same groups as the request pool's: one store of the file covers commits of both.
            return dataSource.unwrap(GroupCommitDataSource.class).waitingAfterRelease(pool);
        }
        return pool;
    }

    @Bean
    @Primary
    JdbcClient jdbcClient(NamedParameterJdbcTemplate template) {
        return JdbcClient.create(template);
    }

    @Bean
    @EventsPool
    JdbcClient eventsJdbcClient(@EventsPool DataSource events) {
        return JdbcClient.create(events);
    }

    @Bean
    @Primary
    TransactionTemplate transactionTemplate(org.springframework.transaction.PlatformTransactionManager manager) {
        return new TransactionTemplate(manager);
    }

    @Bean
    @EventsPool
    TransactionTemplate eventsTransactionTemplate(@EventsPool DataSource events) {
        return new TransactionTemplate(new DataSourceTransactionManager(events));
    }

    @Bean
    CommitBarrier commitBarrier(DataSource dataSource) throws java.sql.SQLException {
        if (dataSource.isWrapperFor(GroupCommitDataSource.class)) {
            return dataSource.unwrap(GroupCommitDataSource.class)::awaitEarlierCommits;
        }
        return CommitBarrier.NONE;
    }

    private static HikariDataSource pool(LarkspurProperties props, String name, int size) {
        var ds = new HikariDataSource();
        var db = props.db();
        ds.setPoolName(name);
        ds.setMaximumPoolSize(size);
        if (db.external()) {
            ds.setJdbcUrl(db.url());
            ds.setUsername(db.user());
            ds.setPassword(db.password());
        } else {
            var dir = props.dataDir().toAbsolutePath().normalize();
            PrivateFiles.createDirectory(dir);
            ds.setJdbcUrl(EmbeddedDatabase.jdbcUrl(dir, props.h2()));
            ds.setUsername("sa");
            ds.setPassword("");
        }
        return ds;
    }
}
