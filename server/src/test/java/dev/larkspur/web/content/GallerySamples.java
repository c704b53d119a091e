package dev.larkspur.web.content;

/** Sample contents for {@link ContentGalleryTest}, shaped like what bots send. */
final class GallerySamples {
    static final String POST =
            """
            {"title":"Release 2.4 notes","content":[
             [{"tag":"text","text":"Highlights: ","style":["bold"]},
              {"tag":"text","text":"faster sync","style":["italic"]},{"tag":"text","text":", "},
              {"tag":"text","text":"new composer","style":["underline"]},{"tag":"text","text":", "},
              {"tag":"text","text":"old toolbar","style":["lineThrough"]},
              {"tag":"emotion","emoji_type":"PARTY"},{"tag":"emotion","emoji_type":"JubilantRabbit"}],
             [{"tag":"text","text":"Owner "},{"tag":"at","user_id":"@_user_1","user_name":""},
              {"tag":"text","text":" · docs "},{"tag":"a","href":"https://docs.example.com/2.4","text":"here"}],
             [{"tag":"img","image_key":"img_chart"}],
             [{"tag":"hr"}],
             [{"tag":"code_block","language":"JAVA","text":"var client = Client.newBuilder(appId, secret)\\n    .build();"}],
             [{"tag":"md","text":"1. migrate\\n2. verify\\n> ask in #help"}]]}""";

    static final String CARD_V1 =
            """
            {"config":{"wide_screen_mode":true},
             "header":{"template":"blue","title":{"tag":"plain_text","content":"Deploy request #482"},
                       "subtitle":{"tag":"plain_text","content":"api-gateway → production"}},
             "elements":[
              {"tag":"div","text":{"tag":"lark_md","content":"**<at id=ou_alice></at>**, a deploy waits for you.\\nChanges: ~~hotfix~~ *feature flags*, [diff](https://git.example.com/d/482) `v2.4.1`"},
               "extra":{"tag":"overflow","options":[{"text":{"tag":"plain_text","content":"Open logs"},"value":"logs",
                        "url":"https://ci.example.com/logs"},{"text":{"tag":"plain_text","content":"Mute"},"value":"mute"}]}},
              {"tag":"div","fields":[
               {"is_short":true,"text":{"tag":"lark_md","content":"**Service**\\napi-gateway"}},
               {"is_short":true,"text":{"tag":"lark_md","content":"**Risk**\\n<font color='red'>high</font>"}},
               {"is_short":true,"text":{"tag":"lark_md","content":"**Requested by**\\nCI"}},
               {"is_short":true,"text":{"tag":"lark_md","content":"**Window**\\n14:00–15:00"}}]},
              {"tag":"img","img_key":"img_chart","alt":{"tag":"plain_text","content":"Error rate, last 24 h"}},
              {"tag":"column_set","flex_mode":"none","columns":[
               {"tag":"column","width":"weighted","weight":1,"elements":[{"tag":"markdown","content":"**p95**\\n182 ms"}]},
               {"tag":"column","width":"weighted","weight":1,"elements":[{"tag":"markdown","content":"**errors**\\n0.02%"}]},
               {"tag":"column","width":"weighted","weight":1,"elements":[{"tag":"markdown","content":"**pods**\\n12/12","text_align":"right"}]}]},
              {"tag":"hr"},
              {"tag":"action","actions":[
               {"tag":"button","text":{"tag":"plain_text","content":"Approve"},"type":"primary","value":{"decision":"approve"}},
               {"tag":"button","text":{"tag":"plain_text","content":"Reject"},"type":"danger","value":{"decision":"reject"}},
               {"tag":"button","text":{"tag":"plain_text","content":"Details"},"type":"default","url":"https://ci.example.com/482"}]},
              {"tag":"action","actions":[
               {"tag":"select_static","placeholder":{"tag":"plain_text","content":"Delay by…"},"value":{"k":"delay"},
                "options":[{"text":{"tag":"plain_text","content":"1 hour"},"value":"1h"},
                           {"text":{"tag":"plain_text","content":"1 day"},"value":"1d"}]},
               {"tag":"date_picker","placeholder":{"tag":"plain_text","content":"Pick a day"},"initial_date":"2026-12-7","value":{"k":"day"}}]},
              {"tag":"note","elements":[{"tag":"img","img_key":"file_sticker","alt":{"tag":"plain_text","content":"CI"}},
               {"tag":"plain_text","content":"Sent by CI · expires in 2 h"}]},
              {"tag":"chart","chart_spec":{}}]}""";

    static final String CARD_V2 =
            """
            {"schema":"2.0","header":{"title":{"tag":"plain_text","content":"Weekly digest"},
              "subtitle":{"tag":"plain_text","content":"schema 2.0"},"template":"violet"},
             "body":{"elements":[
              {"tag":"markdown","content":"## This week\\n- 14 releases\\n- 2 incidents, **both resolved**\\n---\\n<at id=all></at> thanks!"},
              {"tag":"collapsible_panel","expanded":true,"header":{"title":{"tag":"plain_text","content":"Incidents"}},
               "elements":[{"tag":"markdown","content":"```\\nINC-12 db failover 4 min\\n```"}]},
              {"tag":"person_list","persons":[{"id":"ou_alice"},{"id":"ou_carol"}]},
              {"tag":"column_set","columns":[{"tag":"column","width":"auto","elements":[
               {"tag":"picker_time","initial_time":"09:30","value":{"k":"t"}}]},{"tag":"column","width":"auto","elements":[
               {"tag":"picker_datetime","initial_datetime":"2026-12-07 14:00 +0800","value":{"k":"dt"}}]}]},
              {"tag":"markdown","content":"Status :DONE: shipped :Fire:"},
              {"tag":"button","text":{"tag":"plain_text","content":"Acknowledge"},"type":"primary_filled",
               "behaviors":[{"type":"callback","value":{"ack":true}}]},
              {"tag":"form","name":"feedback","elements":[{"tag":"input","name":"note"},
               {"tag":"button","text":{"tag":"plain_text","content":"Send feedback"},"form_action_type":"submit","name":"send"}]}]}}""";

    static final String CARD_SMALL =
            """
            {"header":{"template":"green","title":{"tag":"plain_text","content":"Poll closed"}},
             "elements":[{"tag":"div","text":{"tag":"plain_text","content":"Lunch: noodles (5 votes)"}},
              {"tag":"action","actions":[{"tag":"button","text":{"tag":"plain_text","content":"Vote again"},"type":"primary","value":{"v":1}},
               {"tag":"select_static","placeholder":{"tag":"plain_text","content":"Choose"},"options":[]}]}]}""";

    private GallerySamples() {}

    static String header(String colour) {
        return ("{\"header\":{\"template\":\"%s\",\"title\":{\"tag\":\"plain_text\",\"content\":\"Header %s\"}},"
                        + "\"elements\":[{\"tag\":\"markdown\",\"content\":\"template **%s**\"}]}")
                .formatted(colour, colour, colour);
    }
}
