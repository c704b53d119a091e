package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Event bodies are stored as Feishu spells them, whatever mapper writes them. */
class EventBodyTest {
    record Part(String emojiType) implements EventBody {}

    record Body(
            String messageId, String rootId, Map<String, Object> operatorId, Map<String, String> i18nNames, Part part)
            implements EventBody {}

    private final JsonMapper plain = JsonMapper.builder().build();

    @Test
    void snakeCaseInDeclaredOrder() {
        var body = new Body("om_1", "om_0", EventRefs.user(3), Map.of("en_us", "Team"), new Part("SMILE"));
        assertThat(plain.writeValueAsString(body))
                .isEqualTo("{\"message_id\":\"om_1\",\"root_id\":\"om_0\",\"operator_id\":{\"$user\":3},"
                        + "\"i18n_names\":{\"en_us\":\"Team\"},\"part\":{\"emoji_type\":\"SMILE\"}}");
    }

    @Test
    void anAbsentFieldIsLeftOutNotNull() {
        assertThat(plain.writeValueAsString(new Body("om_1", null, EventRefs.bot(2), null, null)))
                .isEqualTo("{\"message_id\":\"om_1\",\"operator_id\":{\"$bot\":2}}");
    }

    @Test
    void listsOfPartsKeepTheirOrder() {
        assertThat(plain.writeValueAsString(List.of(new Part("A"), new Part("B"))))
                .isEqualTo("[{\"emoji_type\":\"A\"},{\"emoji_type\":\"B\"}]");
    }
}
