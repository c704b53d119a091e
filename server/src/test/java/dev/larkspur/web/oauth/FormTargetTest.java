package dev.larkspur.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormTargetTest {
    @Test
    void allowsTheRedirectUrisOriginOnlyBesidesSelf() {
        assertThat(FormTarget.policy("HTTPS://App.Example:8443/cb?x=1#/y"))
                .endsWith("form-action 'self' https://app.example:8443")
                .contains("script-src 'self'", "frame-ancestors 'none'");
    }

    @Test
    void defaultPortIsLeftOut() {
        assertThat(FormTarget.policy("http://localhost/oauth-demo/callback"))
                .endsWith("form-action 'self' http://localhost");
    }
}
