package dev.larkspur.event.internal;

import dev.larkspur.event.EventSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SettingsRepository {
    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EventSettings> find(long appPk) {
        return jdbc.sql("select app_id, mode, request_url, verification_token, encrypt_key, event_types"
                        + " from app_event_settings where app_id = ?")
                .param(appPk)
                .query((rs, n) -> {
                    String types = rs.getString(6);
                    return new EventSettings(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            types == null ? null : new LinkedHashSet<>(Arrays.asList(types.split(" "))));
                })
                .optional();
    }

    /**
     * Update, then insert when there was no row. Two first saves at once race to the insert; the
     * loser's insert does nothing and it updates the winner's row (last write wins) instead of failing.
     */
    public void save(EventSettings s, long now) {
        String types = s.eventTypes() == null ? null : String.join(" ", s.eventTypes());
        if (update(s, types, now) > 0) {
            return;
        }
        int inserted = jdbc.sql(
                        """
                        insert into app_event_settings (app_id, mode, request_url, verification_token, encrypt_key,
                            event_types, updated_at)
                        values (:app_id, :mode, :request_url, :verification_token, :encrypt_key, :event_types,
                            :updated_at)
                        on conflict do nothing""")
                .params(columns(s, types, now))
                .update();
        if (inserted == 0) {
            update(s, types, now);
        }
    }

    private int update(EventSettings s, String types, long now) {
        return jdbc.sql(
                        """
                        update app_event_settings set mode = :mode, request_url = :request_url,
                            verification_token = :verification_token, encrypt_key = :encrypt_key,
                            event_types = :event_types, updated_at = :updated_at
                        where app_id = :app_id""")
                .params(columns(s, types, now))
                .update();
    }

    /** The settings as the table's columns, each parameter named as its column; insert and update share it. */
    private static Map<String, Object> columns(EventSettings s, String types, long now) {
        var columns = new HashMap<String, Object>(); // some settings are null, which Map.of refuses
        columns.put("app_id", s.appPk());
        columns.put("mode", s.mode());
        columns.put("request_url", s.requestUrl());
        columns.put("verification_token", s.verificationToken());
        columns.put("encrypt_key", s.encryptKey());
        columns.put("event_types", types);
        columns.put("updated_at", now);
        return columns;
    }
}
