package dev.larkspur.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong app secrets a minute {@link SecretChecks} lets through before it answers 99991400:
 * per calling address and per app (issue 13 item 13).
 */
@ConfigurationProperties("larkspur.auth.wrong-secrets")
public record WrongSecretLimits(@DefaultValue("10") int perAddress, @DefaultValue("60") int perApp) {
    public WrongSecretLimits {
        if (perAddress < 1 || perApp < 1) {
            throw new IllegalArgumentException("wrong-secret limits must be at least 1 a minute");
        }
    }
}
