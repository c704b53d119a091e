package dev.larkspur.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The seed a test runs on: its YAML text, handed to the server as its seed file, and what the kit
 * needs from it (the apps with their secrets, and which tenant each person belongs to).
 */
record Seed(String yaml, List<SeededApp> apps, Map<String, String> tenantOfUser, String firstTenant) {
    static final String DEFAULT = "classpath:dev/larkspur/junit/default-seed.yaml";

    static Seed load(String location) {
        String where = location == null || location.isBlank() ? DEFAULT : location.strip();
        return parse(where, read(where));
    }

    private static String read(String where) {
        try {
            if (where.startsWith("classpath:")) {
                String name = where.substring("classpath:".length()).replaceFirst("^/", "");
                var loader = Thread.currentThread().getContextClassLoader();
                InputStream found = loader == null ? null : loader.getResourceAsStream(name);
                if (found == null) {
                    found = Seed.class.getClassLoader().getResourceAsStream(name);
                }
                if (found == null) {
                    throw new IllegalArgumentException("@LarkspurTest seed " + where + " is not on the classpath");
                }
                try (InputStream in = found) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(where.startsWith("file:") ? where.substring(5) : where));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed " + where, e);
        }
    }

    static Seed parse(String where, String yaml) {
        JsonNode root = YAMLMapper.builder().build().readTree(yaml);
        var apps = new ArrayList<SeededApp>();
        var tenantOfUser = new LinkedHashMap<String, String>();
        String firstTenant = null;
        for (JsonNode tenant : root.path("tenants")) {
            String key = tenant.path("tenant_key").asString();
            if (firstTenant == null) {
                firstTenant = key;
            }
            for (JsonNode app : tenant.path("apps")) {
                apps.add(new SeededApp(
                        app.path("app_id").asString(), app.path("app_secret").asString(), key));
            }
            for (JsonNode user : tenant.path("users")) {
                tenantOfUser.putIfAbsent(user.path("user_id").asString(), key);
            }
        }
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("the seed " + where + " has no app: the kit needs one to act through");
        }
        return new Seed(yaml, List.copyOf(apps), Map.copyOf(tenantOfUser), firstTenant);
    }

    SeededApp app(String appId) {
        return apps.stream()
                .filter(a -> a.appId().equals(appId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app " + appId + " in the seed"));
    }

    /** The person's tenant in the seed; people created by the test are looked for in the first tenant. */
    String tenantOf(String userId) {
        return tenantOfUser.getOrDefault(userId, firstTenant);
    }
}
