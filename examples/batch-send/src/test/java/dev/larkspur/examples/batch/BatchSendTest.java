package dev.larkspur.examples.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.service.im.v1.model.GetMessageReq;
import dev.larkspur.junit.Larkspur;
import dev.larkspur.junit.LarkspurTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@LarkspurTest(seed = "../bots-seed.yaml")
class BatchSendTest {
    private static final String TEXT = "The office is closed on Friday.";

    @Test
    void reachesEveryoneInTheChosenDepartmentsAndNoOneElse(Larkspur larkspur) throws Exception {
        var batch = new BatchSend(larkspur.client());

        String batchId = batch.send(List.of("eng", "ops"), TEXT).id();

        assertThat(batchId).startsWith("bm");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var sent = batch.progress(batchId).getBatchMessageSendProgress();
            assertThat(sent.getValidUserIdsCount()).isEqualTo(4);
            assertThat(sent.getSuccessUserIdsCount()).isEqualTo(4);
        });
        for (String person : List.of("alice", "bob", "carol", "dave")) {
            larkspur.awaitMessage(
                    larkspur.person(person).botChat(), m -> m.text().equals(TEXT));
        }
        assertThat(larkspur.messages(larkspur.person("erin").botChat())).isEmpty();
    }

    @Test
    void recallsItFromEveryone(Larkspur larkspur) throws Exception {
        var batch = new BatchSend(larkspur.client());
        String batchId = batch.send(List.of("eng"), TEXT).id();
        String received = larkspur.awaitMessage(
                        larkspur.person("bob").botChat(), m -> m.text().equals(TEXT))
                .messageId();

        batch.recall(batchId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var recalled = batch.progress(batchId).getBatchMessageRecallProgress();
            assertThat(recalled.getRecall()).isTrue();
            assertThat(recalled.getRecallCount()).isEqualTo(2);
        });
        var bobsCopy = larkspur.client()
                .im()
                .message()
                .get(GetMessageReq.newBuilder().messageId(received).build());
        assertThat(bobsCopy.getData().getItems()[0].getDeleted()).isTrue();
    }

    @Test
    void reportsDepartmentsThatDoNotExistAndSendsToTheOthers(Larkspur larkspur) throws Exception {
        var batch = new BatchSend(larkspur.client());

        var sent = batch.send(List.of("eng", "marketing"), TEXT);

        assertThat(sent.unknownDepartments()).containsExactly("marketing");
        String batchId = sent.id();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        batch.progress(batchId).getBatchMessageSendProgress().getSuccessUserIdsCount())
                .isEqualTo(2));
    }
}
