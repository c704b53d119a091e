package example;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.GetChatReq;
import dev.larkspur.junit.Larkspur;
import dev.larkspur.junit.LarkspurTest;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Each test starts from the seed: what the one before created is gone. */
@LarkspurTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetTest {
    private static String groupOfFirstTest;
    private static String ruleOfFirstTest;

    @Test
    @Order(1)
    void leavesAGroupAMessageAndAFaultRuleBehind(Larkspur larkspur) throws Exception {
        var alice = larkspur.person("alice");
        groupOfFirstTest = alice.createGroup("Left behind", "bob");
        alice.send(groupOfFirstTest, "still here?");
        ruleOfFirstTest = larkspur.faults().add(Map.of("action", "latency", "latency_ms", 1, "path", "/nowhere"));
        larkspur.admin(
                "POST", "/admin/v1/tenants/" + alice.tenantKey() + "/users", Map.of("name", "Dan", "user_id", "dan"));

        assertThat(chatCode(larkspur, groupOfFirstTest)).isZero();
        assertThat(larkspur.faults().list()).hasSize(1);
    }

    @Test
    @Order(2)
    void startsFromTheSeed(Larkspur larkspur) throws Exception {
        assertThat(groupOfFirstTest).as("the first test ran").isNotNull();

        assertThat(chatCode(larkspur, groupOfFirstTest)).isNotZero();
        assertThat(larkspur.faults().list())
                .extracting(r -> r.path("id").asString())
                .doesNotContain(ruleOfFirstTest);
        assertThat(larkspur.deliveries(larkspur.app().appId())).isEmpty();
        assertThat(larkspur.admin("GET", "/admin/v1/tenants/" + larkspur.app().tenantKey() + "/users?query=dan", null)
                        .path("items"))
                .isEmpty();
        // The seed's people and apps are still there, with the same credentials and ids.
        String alicesChat = larkspur.person("alice").createGroup("Fresh", "carol");
        assertThat(larkspur.messages(alicesChat)).isEmpty();
    }

    private static int chatCode(Larkspur larkspur, String chatId) throws Exception {
        return larkspur.client()
                .im()
                .v1()
                .chat()
                .get(GetChatReq.newBuilder().chatId(chatId).build())
                .getCode();
    }
}
