package dev.larkspur.media.internal;

import dev.larkspur.media.MediaResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MediaRepository {
    private static final String COLUMNS = "resource_key, kind, owner_app_id, tenant_id, image_type, file_type,"
            + " file_name, size_bytes, content_type, duration_ms, created_at, blob_id";

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A resource and where its bytes are. */
    public record Stored(MediaResource resource, String blobId) {}

    public void insert(MediaResource r, String blobId) {
        jdbc.sql(
                        """
                        insert into media_resource (resource_key, kind, owner_app_id, tenant_id, image_type, file_type,
                            file_name, size_bytes, content_type, duration_ms, created_at, blob_id)
                        values (:resource_key, :kind, :owner_app_id, :tenant_id, :image_type, :file_type,
                            :file_name, :size_bytes, :content_type, :duration_ms, :created_at, :blob_id)""")
                .param("resource_key", r.key())
                .param("kind", r.kind().name().toLowerCase(Locale.ROOT))
                .param("owner_app_id", r.ownerAppPk())
                .param("tenant_id", r.tenantPk())
                .param("image_type", r.imageType())
                .param("file_type", r.fileType())
                .param("file_name", r.fileName())
                .param("size_bytes", r.size())
                .param("content_type", r.contentType())
                .param("duration_ms", r.durationMs())
                .param("created_at", r.createdAt())
                .param("blob_id", blobId)
                .update();
    }

    public Optional<Stored> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from media_resource where resource_key = ?")
                .param(key)
                .query(MediaRepository::map)
                .optional();
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        var resource = new MediaResource(
                rs.getString("resource_key"),
                MediaResource.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getLong("owner_app_id"),
                rs.getLong("tenant_id"),
                rs.getString("image_type"),
                rs.getString("file_type"),
                rs.getString("file_name"),
                rs.getLong("size_bytes"),
                rs.getString("content_type"),
                rs.getObject("duration_ms", Integer.class),
                rs.getLong("created_at"));
        return new Stored(resource, rs.getString("blob_id"));
    }
}
