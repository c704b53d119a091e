package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageTokensTest {
    @Test
    void roundTripsAPosition() {
        assertThat(PageTokens.decodeLong(PageTokens.encode("42"), 0)).isEqualTo(42);
    }

    @Test
    void absentTokenMeansTheFirstPage() {
        assertThat(PageTokens.decodeLong(null, 7)).isEqualTo(7);
        assertThat(PageTokens.decodeLong("", 7)).isEqualTo(7);
    }

    @Test
    void malformedTokenIsAFieldValidationError() {
        assertThatThrownBy(() -> PageTokens.decodeLong("not base64!", 0))
                .isInstanceOfSatisfying(
                        FeishuException.class, e -> assertThat(e.code()).isEqualTo(FeishuErrors.FIELD_VALIDATION));
        assertThatThrownBy(() -> PageTokens.decodeLong("YWJj", 0)).isInstanceOf(FeishuException.class);
    }
}
