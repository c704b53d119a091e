package dev.larkspur.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the kit reads a seed: the apps it hands clients for, and whose tenant each person is in. */
class SeedTest {

    @Test
    void aClasspathSeedGivesEveryTenantsAppsInOrderAndEachPersonsTenant() {
        var seed = Seed.load("classpath:two-apps-seed.yaml");

        assertThat(seed.apps())
                .containsExactly(
                        new SeededApp("cli_5eed5eed00000001", "first-app-secret", "5eed5eed00000001"),
                        new SeededApp("cli_5eed5eed00000002", "second-app-secret", "5eed5eed00000002"));
        assertThat(seed.tenantOf("ben")).isEqualTo("5eed5eed00000002");
        assertThat(seed.tenantOf("someone-the-test-created")).isEqualTo("5eed5eed00000001");
    }

    @Test
    void noSeedMeansTheDefaultOneWithOneBotAndThreePeople() {
        var seed = Seed.load("");

        assertThat(seed.apps()).hasSize(1);
        assertThat(seed.tenantOfUser()).containsOnlyKeys("alice", "bob", "carol");
    }

    @Test
    void aSeedWithoutAnAppIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Seed.parse("inline", "tenants: [{tenant_key: abcdefgh12345678}]"))
                .hasMessageContaining("has no app");
        assertThatThrownBy(() -> Seed.load("classpath:nowhere.yaml")).hasMessageContaining("not on the classpath");
    }
}
