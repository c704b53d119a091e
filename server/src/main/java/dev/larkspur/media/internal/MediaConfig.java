package dev.larkspur.media.internal;

import dev.larkspur.media.BlobStore;
import dev.larkspur.platform.LarkspurProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The blob store: a directory under the data directory ({@code LARKSPUR_DATA_DIR}/blobs). */
@Configuration(proxyBeanMethods = false)
class MediaConfig {
    @Bean
    BlobStore blobStore(LarkspurProperties props) {
        return new FileSystemBlobStore(props.dataDir().resolve("blobs"));
    }
}
