package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Browser;
import dev.larkspur.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in and out in real Chromium, at desktop and phone widths. */
class SignInBrowserIT {
    private static TestServer server;
    private static String password;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        var props = server.demoCredentials();
        password = props.getProperty("web_password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aliceSignsInAndOut() {
        try (var browser = Browser.open(server, Browser.DESKTOP)) {
            browser.go("/");
            assertThat(browser.path()).isEqualTo("/login");
            browser.screenshot("signin-desktop");

            browser.signIn("alice@demo.larkspur.dev", password);
            browser.waitFor(ExpectedConditions.urlContains("/chats"));
            assertThat(browser.find(".lk-me-name").getText()).isEqualTo("Alice Chen");
            browser.screenshot("chats-signed-in-desktop");

            browser.find("#lk-sign-out").click();
            browser.waitFor(ExpectedConditions.urlContains("/login"));
            browser.go("/chats");
            assertThat(browser.path())
                    .as("signed out: back to the sign-in page")
                    .isEqualTo("/login");
        }
    }

    @Test
    void aWrongPasswordIsSaidSoOnAPhone() {
        try (var browser = Browser.open(server, Browser.PHONE)) {
            browser.signIn("bob@demo.larkspur.dev", "not-his-password");
            assertThat(browser.find("#lk-signin-error").getText()).isEqualTo("Wrong email or password.");
            assertThat(browser.find("#lk-email").getAttribute("value")).isEqualTo("bob@demo.larkspur.dev");
            assertThat(browser.path()).isEqualTo("/login");
            browser.screenshot("signin-wrong-password-phone");
        }
    }
}
