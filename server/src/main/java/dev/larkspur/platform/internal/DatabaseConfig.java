package dev.larkspur.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.larkspur.platform.CommitBarrier;
import dev.larkspur.platform.EmbeddedDatabase;
import dev.larkspur.platform.LarkspurProperties;
import dev.larkspur.platform.PrivateFiles;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** PostgreSQL when {@code LARKSPUR_DB_URL} is set, otherwise an {@link EmbeddedDatabase} under the data directory. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean
    DataSource dataSource(LarkspurProperties props) {
        var ds = new HikariDataSource();
        var db = props.db();
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
            ds.setPoolName("larkspur");
            return EmbeddedDatabase.durable(ds, props.h2());
        }
        ds.setPoolName("larkspur");
        return ds;
    }

    @Bean
    CommitBarrier commitBarrier(DataSource dataSource) throws java.sql.SQLException {
        if (dataSource.isWrapperFor(GroupCommitDataSource.class)) {
            return dataSource.unwrap(GroupCommitDataSource.class)::awaitEarlierCommits;
        }
        return CommitBarrier.NONE;
    }
}
