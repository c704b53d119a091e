package dev.larkspur.web.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larkspur.platform.FeishuException;
import org.junit.jupiter.api.Test;

class CardActionFormTest {

    @Test
    void buttonSendsItsValueAsTheCardGaveIt() {
        var action = new CardActionForm("button", "save", "{\"item\":\"<b>42</b>\",\"n\":[1,2]}", null, "Asia/Shanghai")
                .action();

        assertThat(action.toString())
                .isEqualTo("{\"tag\":\"button\",\"value\":{\"item\":\"<b>42</b>\",\"n\":[1,2]},\"name\":\"save\","
                        + "\"timezone\":\"Asia/Shanghai\"}");
    }

    @Test
    void buttonWithoutValueSendsTheEmptyObjectAndNoName() {
        var action = new CardActionForm("button", "", "", null, "").action();

        assertThat(action.toString()).isEqualTo("{\"tag\":\"button\",\"value\":{}}");
    }

    @Test
    void selectSendsTheChosenOption() {
        var action = new CardActionForm("select_static", null, "{}", "b", null).action();

        assertThat(action.path("option").asString()).isEqualTo("b");
    }

    @Test
    void selectWithoutAnOptionIsRefused() {
        assertThatThrownBy(() -> new CardActionForm("overflow", null, "{}", " ", null).action())
                .isInstanceOf(FeishuException.class);
    }

    @Test
    void pickersWriteTheDateAsFeishuDoesInThePersonsTimezone() {
        assertThat(new CardActionForm("date_picker", null, "{}", "2024-01-05", "Asia/Shanghai")
                        .action()
                        .path("option")
                        .asString())
                .isEqualTo("2024-01-05 +0800");
        assertThat(new CardActionForm("picker_datetime", null, "{}", "2024-07-05T09:30", "Europe/Berlin")
                        .action()
                        .path("option")
                        .asString())
                .isEqualTo("2024-07-05 09:30 +0200");
        assertThat(new CardActionForm("picker_time", null, "{}", "09:30", "UTC")
                        .action()
                        .path("option")
                        .asString())
                .isEqualTo("09:30 +0000");
    }

    @Test
    void unknownTagsBadJsonAndBadDatesAreRefused() {
        assertThatThrownBy(() -> new CardActionForm("input", null, "{}", null, null).action())
                .isInstanceOf(FeishuException.class);
        assertThatThrownBy(() -> new CardActionForm("button", null, "{not json", null, null).action())
                .isInstanceOf(FeishuException.class);
        assertThatThrownBy(() -> new CardActionForm("date_picker", null, "{}", "tomorrow", null).action())
                .isInstanceOf(FeishuException.class);
    }
}
