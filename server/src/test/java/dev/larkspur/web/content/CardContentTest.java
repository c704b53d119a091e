package dev.larkspur.web.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardContentTest {
    static final ContentContext CTX = ContentContext.of("oc_1", "om_card")
            .viewer(7L)
            .lookups(new ContentLookups() {
                @Override
                public Optional<String> personName(String id) {
                    return id.equals("ou_alice") ? Optional.of("Alice") : Optional.empty();
                }

                @Override
                public boolean isViewer(String id) {
                    return id.equals("ou_alice");
                }
            })
            .cardTarget("/chats/oc_1/messages/om_card/card-actions", "tok-123");

    static final String CARD_V1 =
            """
            {"config":{"wide_screen_mode":true},
             "header":{"template":"turquoise","title":{"tag":"plain_text","content":"Deploy request"},
                       "subtitle":{"tag":"plain_text","content":"from CI"}},
             "elements":[
              {"tag":"div","text":{"tag":"lark_md","content":"**Service** api\\n<at id=ou_alice></at> please ~~wait~~ *check*"},
               "extra":{"tag":"overflow","options":[{"text":{"tag":"plain_text","content":"Docs"},"value":"docs",
                        "url":"https://example.com/docs"},{"text":{"tag":"plain_text","content":"Mute"},"value":"mute"}]}},
              {"tag":"div","fields":[{"is_short":true,"text":{"tag":"lark_md","content":"**Env**\\nprod"}},
                                     {"is_short":true,"text":{"tag":"plain_text","content":"Owner\\nBob"}}]},
              {"tag":"hr"},
              {"tag":"img","img_key":"img_v3_chart","alt":{"tag":"plain_text","content":"chart"}},
              {"tag":"column_set","columns":[{"tag":"column","width":"weighted","weight":2,"elements":[
                 {"tag":"markdown","content":"left"}]},{"tag":"column","width":"auto","elements":[
                 {"tag":"markdown","content":"right","text_align":"right"}]}]},
              {"tag":"action","layout":"bisected","actions":[
                {"tag":"button","text":{"tag":"plain_text","content":"Approve"},"type":"primary","value":{"decision":"yes"}},
                {"tag":"button","text":{"tag":"plain_text","content":"Reject"},"type":"danger","value":{"decision":"no"}},
                {"tag":"button","text":{"tag":"plain_text","content":"Open"},"url":"https://example.com/run/1"},
                {"tag":"select_static","placeholder":{"tag":"plain_text","content":"Pick env"},"value":{"k":"env"},
                 "initial_option":"b","options":[{"text":{"tag":"plain_text","content":"A"},"value":"a"},
                                                  {"text":{"tag":"plain_text","content":"B"},"value":"b"}]},
                {"tag":"date_picker","placeholder":{"tag":"plain_text","content":"Due"},"initial_date":"2021-1-5",
                 "value":{"k":"due"}}]},
              {"tag":"note","elements":[{"tag":"plain_text","content":"Sent by CI"}]},
              {"tag":"chart","chart_spec":{}}]}""";

    @Test
    void headerTakesTheTemplateColour() {
        var view = ContentViews.of("interactive", CARD_V1, List.of(), CTX);

        assertThat(view.preview()).isEqualTo("Deploy request");
        var header = Rendering.render(view).selectFirst(".lk-card-header");
        assertThat(header.classNames()).contains("lk-card-header-turquoise");
        assertThat(header.selectFirst(".lk-card-title").text()).isEqualTo("Deploy request");
        assertThat(header.selectFirst(".lk-card-subtitle").text()).isEqualTo("from CI");
    }

    @Test
    void unknownTemplateColourFallsBackToDefault() {
        var view = ContentViews.of(
                "interactive",
                "{\"header\":{\"template\":\"x onmouseover=1\",\"title\":{\"content\":\"T\"}},\"elements\":[]}",
                List.of(),
                CTX);

        assertThat(Rendering.render(view).selectFirst(".lk-card-header").classNames())
                .contains("lk-card-header-default")
                .noneMatch(c -> c.contains("onmouseover"));
    }

    @Test
    void divRendersLarkMarkdownFieldsAndExtra() {
        var html = Rendering.render(ContentViews.of("interactive", CARD_V1, List.of(), CTX));

        var div = html.selectFirst(".lk-card-div");
        assertThat(div.selectFirst(".lk-md strong").text()).isEqualTo("Service");
        assertThat(div.selectFirst(".lk-md del").text()).isEqualTo("wait");
        assertThat(div.selectFirst(".lk-md em").text()).isEqualTo("check");
        assertThat(div.selectFirst(".lk-md .lk-at-me").text()).isEqualTo("@Alice");
        assertThat(div.select(".lk-md br")).hasSize(1);
        assertThat(html.select(".lk-card-field-short")).hasSize(2);
        assertThat(html.selectFirst(".lk-card-field-short .lk-plain").wholeText())
                .isEqualTo("Owner\nBob");
        assertThat(div.selectFirst(".lk-card-div-extra details.lk-overflow a.lk-overflow-item")
                        .attr("href"))
                .isEqualTo("https://example.com/docs");
        assertThat(div.selectFirst(".lk-overflow button[name=option]").attr("value"))
                .isEqualTo("mute");
    }

    @Test
    void imagesColumnsAndNotes() {
        var html = Rendering.render(ContentViews.of("interactive", CARD_V1, List.of(), CTX));

        var img = html.selectFirst(".lk-card-img img");
        assertThat(img.attr("src")).isEqualTo("/chats/oc_1/messages/om_card/resources/img_v3_chart?type=image");
        assertThat(img.attr("alt")).isEqualTo("chart");
        assertThat(html.select(".lk-card-columns > div").eachAttr("class"))
                .containsExactly("lk-col lk-col-w2", "lk-col lk-col-auto");
        assertThat(html.selectFirst(".lk-card-columns .lk-align-right").text()).isEqualTo("right");
        assertThat(html.selectFirst(".lk-card-note").text()).isEqualTo("Sent by CI");
        assertThat(html.select("hr.lk-card-hr")).hasSize(1);
    }

    @Test
    void buttonsPostTheirValueWithTheCsrfToken() {
        var html = Rendering.render(ContentViews.of("interactive", CARD_V1, List.of(), CTX));

        var action = html.selectFirst(".lk-card-action");
        assertThat(action.classNames()).contains("lk-card-action-bisected");
        var approve = action.select("form.lk-card-form").get(0);
        assertThat(approve.attr("method")).isEqualTo("post");
        assertThat(approve.attr("action")).isEqualTo("/chats/oc_1/messages/om_card/card-actions");
        assertThat(approve.selectFirst("input[name=_csrf]").val()).isEqualTo("tok-123");
        assertThat(approve.selectFirst("input[name=tag]").val()).isEqualTo("button");
        assertThat(approve.selectFirst("input[name=value]").val()).isEqualTo("{\"decision\":\"yes\"}");
        assertThat(approve.selectFirst("button.lk-btn-primary").text()).isEqualTo("Approve");
        assertThat(action.selectFirst("button.lk-btn-danger").text()).isEqualTo("Reject");
        var link = action.selectFirst("a.lk-btn");
        assertThat(link.attr("href")).isEqualTo("https://example.com/run/1");
        assertThat(link.text()).isEqualTo("Open");
    }

    @Test
    void selectAndDatePickerPostTheChosenOption() {
        var html = Rendering.render(ContentViews.of("interactive", CARD_V1, List.of(), CTX));

        var select = html.selectFirst("form.lk-card-select");
        assertThat(select.selectFirst("input[name=value]").val()).isEqualTo("{\"k\":\"env\"}");
        assertThat(select.selectFirst("input[name=_csrf]").val()).isEqualTo("tok-123");
        assertThat(select.select("select[name=option] option[value]").eachAttr("value"))
                .containsExactly("", "a", "b");
        assertThat(select.selectFirst("option[selected]").text()).isEqualTo("B");
        var date = html.selectFirst("form.lk-card-picker");
        assertThat(date.selectFirst("input[type=date][name=option]").val()).isEqualTo("2021-01-05");
        assertThat(date.selectFirst("input[name=tag]").val()).isEqualTo("date_picker");
    }

    @Test
    void unknownElementsShowAPlaceholder() {
        var html = Rendering.render(ContentViews.of("interactive", CARD_V1, List.of(), CTX));

        assertThat(html.selectFirst(".lk-card-unsupported").text()).contains("chart");
    }

    @Test
    void withoutATargetControlsAreDisabled() {
        var view = ContentViews.of("interactive", CARD_V1, List.of(), ContentContext.of("oc_1", "om_card"));

        var html = Rendering.render(view);
        assertThat(html.select("form.lk-card-form:not(.lk-card-select):not(.lk-card-picker)"))
                .isEmpty();
        assertThat(html.select(".lk-card-action button.lk-btn[disabled]")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(html.selectFirst("select").hasAttr("disabled")).isTrue();
        assertThat(html.select("input[name=_csrf]")).isEmpty();
    }

    @Test
    void schemaTwoReadsTheBodyAndButtonBehaviours() {
        String card =
                """
                {"schema":"2.0","header":{"title":{"tag":"plain_text","content":"V2"},"template":"indigo"},
                 "body":{"elements":[
                  {"tag":"markdown","content":"# Title\\n1. one\\n2. two\\n> quoted"},
                  {"tag":"button","text":{"tag":"plain_text","content":"Go"},"type":"primary_filled",
                   "behaviors":[{"type":"callback","value":{"go":1}}]},
                  {"tag":"collapsible_panel","expanded":true,"header":{"title":{"tag":"plain_text","content":"More"}},
                   "elements":[{"tag":"markdown","content":"inside"}]},
                  {"tag":"form","name":"f","elements":[{"tag":"input","name":"i"},{"tag":"button",
                   "text":{"tag":"plain_text","content":"Send"},"form_action_type":"submit"}]}]}}""";

        var html = Rendering.render(ContentViews.of("interactive", card, List.of(), CTX));

        assertThat(html.selectFirst(".lk-card-header").classNames()).contains("lk-card-header-indigo");
        assertThat(html.selectFirst(".lk-md-h1").text()).isEqualTo("Title");
        assertThat(html.select(".lk-md ol li").eachText()).containsExactly("one", "two");
        assertThat(html.selectFirst(".lk-md-quote").text()).isEqualTo("quoted");
        var go = html.selectFirst("form.lk-card-form");
        assertThat(go.selectFirst("button.lk-btn-primary").text()).isEqualTo("Go");
        assertThat(go.selectFirst("input[name=value]").val()).isEqualTo("{\"go\":1}");
        assertThat(html.selectFirst("details.lk-card-panel").hasAttr("open")).isTrue();
        assertThat(html.selectFirst(".lk-card-unsupported").text()).contains("input");
        assertThat(html.select("button.lk-btn").eachText()).contains("Send");
    }

    @Test
    void timePickersPeopleDisabledButtonsAndEmojiShortcodes() {
        String card =
                """
                {"schema":"2.0","body":{"elements":[
                  {"tag":"markdown","content":"done :DONE: and :NotAnEmoji:"},
                  {"tag":"person_list","persons":[{"id":"ou_alice"},{"id":"ou_zed"}]},
                  {"tag":"picker_time","initial_time":"9:05","value":{"k":"t"}},
                  {"tag":"picker_datetime","initial_datetime":"2024-03-01 18:30 +0800"},
                  {"tag":"button","text":{"tag":"plain_text","content":"Closed"},"disabled":true,
                   "behaviors":[{"type":"callback","value":{"x":1}}]}]}}""";

        var html = Rendering.render(ContentViews.of("interactive", card, List.of(), CTX));

        assertThat(html.selectFirst(".lk-md .lk-emoji").text()).isEqualTo("✅");
        assertThat(html.selectFirst(".lk-md").text()).contains(":NotAnEmoji:");
        assertThat(html.select(".lk-at").eachText()).containsExactly("@Alice", "@ou_zed");
        var pickers = html.select("form.lk-card-picker");
        assertThat(pickers.eachAttr("action")).allMatch(a -> a.endsWith("/card-actions"));
        assertThat(pickers.get(0).selectFirst("input[name=tag]").val()).isEqualTo("picker_time");
        assertThat(pickers.get(0).selectFirst("input[name=option]").attr("type"))
                .isEqualTo("time");
        assertThat(pickers.get(0).selectFirst("input[name=option]").val()).isEqualTo("9:05");
        assertThat(pickers.get(1).selectFirst("input[name=option]").attr("type"))
                .isEqualTo("datetime-local");
        assertThat(pickers.get(1).selectFirst("input[name=option]").val()).isEqualTo("2024-03-01T18:30");
        assertThat(html.selectFirst("button.lk-btn:contains(Closed)").hasAttr("disabled"))
                .isTrue();
    }

    @Test
    void schemaTwoCommonLayoutColumnsFieldsImagesAndControlsWithBehaviours() {
        String card =
                """
                {"schema":"2.0","config":{"update_multi":true},
                 "header":{"title":{"tag":"plain_text","content":"Order 42"},"template":"green"},
                 "body":{"direction":"vertical","elements":[
                  {"tag":"column_set","columns":[
                    {"tag":"column","width":"weighted","weight":1,"elements":[{"tag":"markdown","content":"**Left**"}]},
                    {"tag":"column","width":"weighted","weight":2,"elements":[{"tag":"div",
                      "text":{"tag":"plain_text","content":"Right"}}]}]},
                  {"tag":"div","fields":[{"is_short":true,"text":{"tag":"lark_md","content":"**Qty** 3"}}]},
                  {"tag":"hr"},
                  {"tag":"img","img_key":"img_v2_1","alt":{"tag":"plain_text","content":"the parcel"}},
                  {"tag":"select_static","placeholder":{"tag":"plain_text","content":"Ship by"},
                   "options":[{"text":{"tag":"plain_text","content":"Air"},"value":"air"}],
                   "behaviors":[{"type":"callback","value":{"field":"ship"}}]},
                  {"tag":"interactive_container","elements":[{"tag":"markdown","content":"tap me"}],
                   "behaviors":[{"type":"open_url","default_url":"https://example.com"}]},
                  {"tag":"button","text":{"tag":"plain_text","content":"Docs"},
                   "behaviors":[{"type":"open_url","default_url":"https://example.com/docs"}]}]}}""";

        var html = Rendering.render(ContentViews.of("interactive", card, List.of(), CTX));

        assertThat(html.selectFirst(".lk-card-header").classNames()).contains("lk-card-header-green");
        assertThat(html.selectFirst(".lk-card-title").text()).isEqualTo("Order 42");
        assertThat(html.select(".lk-card-columns > *")).hasSize(2);
        assertThat(html.selectFirst(".lk-card-columns").text()).isEqualTo("Left Right");
        assertThat(html.selectFirst(".lk-card-field-short").text()).isEqualTo("Qty 3");
        assertThat(html.selectFirst(".lk-card-img img").attr("alt")).isEqualTo("the parcel");
        assertThat(html.selectFirst("form.lk-card-select input[name=value]").val())
                .isEqualTo("{\"field\":\"ship\"}");
        assertThat(html.select(".lk-md").eachText()).contains("tap me");
        assertThat(html.selectFirst("a:contains(Docs)").attr("href")).isEqualTo("https://example.com/docs");
        assertThat(html.select(".lk-card-unsupported")).isEmpty();
    }

    @Test
    void simplifiedCardsKeepTitleTextAndButtons() {
        String simplified = "{\"title\":\"Old card\",\"elements\":[[{\"tag\":\"text\",\"text\":\"hello\"}],"
                + "[{\"tag\":\"button\",\"text\":\"OK\",\"type\":\"primary\"}],[{\"tag\":\"hr\"}]]}";

        var view = ContentViews.of("interactive", simplified, List.of(), CTX);

        assertThat(view.preview()).isEqualTo("Old card");
        var html = Rendering.render(view);
        assertThat(html.selectFirst(".lk-plain").text()).isEqualTo("hello");
        assertThat(html.selectFirst(".lk-card-action button.lk-btn-primary").text())
                .isEqualTo("OK");
    }

    @Test
    void templatesShowAPlaceholder() {
        var view = ContentViews.of(
                "interactive", "{\"type\":\"template\",\"data\":{\"template_id\":\"AAqk1\"}}", List.of(), CTX);

        assertThat(view.preview()).isEqualTo("[Card]");
        assertThat(Rendering.render(view).selectFirst(".lk-card-referenced").text())
                .isEqualTo("A card from a template (AAqk1). It was made in Feishu's card builder, which Larkspur"
                        + " does not have, so its content cannot be shown here.");
    }
}
