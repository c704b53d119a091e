package dev.larkspur.directory.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AppOwnerRepository {
    private final JdbcClient jdbc;

    AppOwnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> ownerOf(long appPk) {
        return jdbc.sql("select owner_user_id from app where id = ? and owner_user_id is not null")
                .param(appPk)
                .query(Long.class)
                .optional();
    }

    public void setOwner(long appPk, long userPk) {
        jdbc.sql("update app set owner_user_id = ? where id = ?")
                .params(userPk, appPk)
                .update();
    }
}
