package dev.larkspur.directory.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RedirectUriRepository {
    private final JdbcClient jdbc;

    RedirectUriRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The app's redirect URIs, sorted. */
    public List<String> of(long appPk) {
        return jdbc.sql("select redirect_uri from app_redirect_uri where app_id = ? order by redirect_uri")
                .param(appPk)
                .query(String.class)
                .list();
    }

    public boolean contains(long appPk, String redirectUri) {
        return jdbc.sql("select count(*) from app_redirect_uri where app_id = ? and redirect_uri = ?")
                        .params(appPk, redirectUri)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void replace(long appPk, List<String> redirectUris, long now) {
        jdbc.sql("delete from app_redirect_uri where app_id = ?").param(appPk).update();
        for (String uri : redirectUris) {
            jdbc.sql("insert into app_redirect_uri (app_id, redirect_uri, created_at) values (?, ?, ?)")
                    .params(appPk, uri, now)
                    .update();
        }
    }
}
