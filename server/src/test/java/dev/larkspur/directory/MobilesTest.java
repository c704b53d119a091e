package dev.larkspur.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MobilesTest {
    @Test
    void mainlandNumbersMatchWithOrWithoutCountryCode() {
        assertThat(Mobiles.normalize("+8613800000001")).isEqualTo("13800000001");
        assertThat(Mobiles.normalize("13800000001")).isEqualTo("13800000001");
        assertThat(Mobiles.normalize("+86 138-0000-0001")).isEqualTo("13800000001");
    }

    @Test
    void otherCountriesKeepTheirCode() {
        assertThat(Mobiles.normalize("+14155550105")).isEqualTo("+14155550105");
        assertThat(Mobiles.normalize(null)).isNull();
    }
}
