package dev.larkspur.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.larkspur.platform.LarkspurProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL when {@code LARKSPUR_DB_URL} is set, otherwise an H2 file database under the data
 * directory, in PostgreSQL mode so that one set of migrations and queries serves both. H2 gives up
 * waiting for a row lock after 1 s by default; chat changes lock their chat row, so concurrent
 * changes on one busy chat wait longer, as they do on PostgreSQL.
 */
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
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + dir, e);
            }
            // WRITE_DELAY=0: H2 otherwise writes commits to the file up to half a second later, so
            // a killed process would lose writes it had acknowledged and events it had pushed.
            ds.setJdbcUrl("jdbc:h2:file:" + dir.resolve("larkspur")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                    + ";WRITE_DELAY=0");
            ds.setUsername("sa");
            ds.setPassword("");
        }
        ds.setPoolName("larkspur");
        return ds;
    }
}
