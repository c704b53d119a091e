package dev.larkspur.event;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a request URL has to echo the url_verification challenge: Feishu's 1 s unless set. The
 * test servers allow more, so that a set-up step on a loaded machine does not fail on this rule;
 * the rule itself is proven with Feishu's value (UrlVerificationIT).
 */
@ConfigurationProperties("larkspur.url-verification")
public record UrlVerificationProperties(Duration timeout) {
    /**
     * Feishu's limit, stricter than the 3 s for events: the URL must echo the challenge "within 1
     * second" or the console does not save it (open.feishu.cn, configuring the request URL and its
     * FAQ; spec/protocols.md §3.8).
     */
    public static final Duration FEISHU_LIMIT = Duration.ofSeconds(1);

    public UrlVerificationProperties {
        if (timeout == null) {
            timeout = FEISHU_LIMIT;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("larkspur.url-verification.timeout must be positive");
        }
    }
}
