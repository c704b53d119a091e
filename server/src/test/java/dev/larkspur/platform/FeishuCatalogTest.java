package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeishuCatalogTest {
    private final FeishuCatalog catalog = new FeishuCatalog();

    @Test
    void holdsEveryRowOfTheSpecCatalog() {
        assertThat(catalog.size()).isEqualTo(593);
    }

    @Test
    void matchesPathParametersAndMethod() {
        var entry = catalog.find("GET", "/open-apis/im/v1/chats/oc_abc/members");
        assertThat(entry).isPresent();
        assertThat(entry.get().path()).isEqualTo("/open-apis/im/v1/chats/:chat_id/members");
        assertThat(catalog.find("PUT", "/open-apis/im/v1/chats/oc_abc/members")).isEmpty();
    }

    @Test
    void doesNotMatchAPathFeishuDoesNotHave() {
        assertThat(catalog.find("GET", "/open-apis/nope/v1/x")).isEmpty();
        assertThat(catalog.find("GET", "/open-apis/im/v1/chats/a/b/c/d/e")).isEmpty();
    }
}
