package dev.larkspur.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larkspur.platform.FeishuException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KeywordsTest {
    private static JsonNode json(String text) {
        return CustomBotFixtures.JSON.readTree(text);
    }

    @Test
    void noKeywordsLetsEverythingThrough() {
        assertThat(Keywords.of(List.of()).foundIn(json("{\"image_key\":\"img\"}")))
                .isTrue();
    }

    @Test
    void anyKeywordInTheTextIsEnough() {
        var keywords = Keywords.of(List.of("alert", "告警"));

        assertThat(keywords.foundIn(json("{\"text\":\"cpu alert\"}"))).isTrue();
        assertThat(keywords.foundIn(json("{\"text\":\"磁盘告警\"}"))).isTrue();
        assertThat(keywords.foundIn(json("{\"text\":\"all quiet\"}"))).isFalse();
    }

    @Test
    void cardTitlesAndContentsCountButLinksAndKeysDoNot() {
        var keywords = Keywords.of(List.of("alert"));

        assertThat(keywords.foundIn(json("{\"header\":{\"title\":{\"content\":\"alert\"}}}")))
                .isTrue();
        assertThat(keywords.foundIn(json("{\"tag\":\"a\",\"text\":\"see\",\"href\":\"https://x/alert\"}")))
                .isFalse();
        assertThat(keywords.foundIn(json("{\"image_key\":\"alert\"}"))).isFalse();
    }

    @Test
    void buttonValuesAndCardConfigAreNotReadText() {
        var keywords = Keywords.of(List.of("alert"));
        String button = "{\"tag\":\"button\",\"text\":{\"tag\":\"plain_text\",\"content\":\"%s\"},"
                + "\"value\":{\"text\":\"alert\",\"title\":\"alert\"}}";
        String card = "{\"config\":{\"title\":\"alert\"},\"elements\":[{\"tag\":\"action\",\"actions\":[%s]}],"
                + "\"behaviors\":[{\"type\":\"callback\",\"value\":{\"content\":\"alert\"}}]}";

        assertThat(keywords.foundIn(json(card.formatted(button.formatted("Acknowledge")))))
                .isFalse();
        assertThat(keywords.foundIn(json(card.formatted(button.formatted("Acknowledge alert")))))
                .isTrue();
    }

    @Test
    void refusesBlankKeywordsAndMoreThanTen() {
        assertThatThrownBy(() -> Keywords.of(List.of(" "))).isInstanceOf(FeishuException.class);
        assertThatThrownBy(() -> Keywords.of(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")))
                .isInstanceOf(FeishuException.class);
    }
}
