package dev.larkspur.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectsTest {
    private static Map<String, String> answer(String code, String state) {
        var params = new LinkedHashMap<String, String>();
        params.put("code", code);
        params.put("state", state);
        return params;
    }

    @Test
    void addsCodeAndStateAsTheQuery() {
        assertThat(Redirects.withQuery("https://a.example/cb", answer("c1", "s 1&x")))
                .isEqualTo("https://a.example/cb?code=c1&state=s%201%26x");
    }

    @Test
    void keepsAnExistingQuery() {
        assertThat(Redirects.withQuery("https://a.example/cb?tenant=7", answer("c1", "s")))
                .isEqualTo("https://a.example/cb?tenant=7&code=c1&state=s");
    }

    @Test
    void fragmentStaysAtTheEndAsFeishuDocuments() {
        assertThat(Redirects.withQuery("https://example.com/api/oauth/callback/#/login", answer("c1", "RANDOMSTRING")))
                .isEqualTo("https://example.com/api/oauth/callback/?code=c1&state=RANDOMSTRING#/login");
    }

    @Test
    void absentStateIsNotSentBack() {
        assertThat(Redirects.withQuery("https://a.example/cb", answer("c1", null)))
                .isEqualTo("https://a.example/cb?code=c1");
    }
}
