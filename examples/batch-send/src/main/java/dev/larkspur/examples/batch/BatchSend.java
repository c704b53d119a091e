package dev.larkspur.examples.batch;

import com.google.gson.annotations.SerializedName;
import com.lark.oapi.Client;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.service.im.v1.model.DeleteBatchMessageReq;
import com.lark.oapi.service.im.v1.model.GetProgressBatchMessageReq;
import com.lark.oapi.service.im.v1.model.GetProgressBatchMessageRespBody;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 向指定部门进行消息群发: one message to every person in the chosen departments, each in their own
 * chat with the bot ({@code message/v4/batch_send}), then its progress and, if need be, its recall.
 */
public final class BatchSend {
    private final Client client;

    public BatchSend(Client client) {
        this.client = client;
    }

    /** batch_send's answer: its {@code data} holds the batch's id and the ids that named no one. */
    record Sent(int code, String msg, Data data) {
        record Data(
                @SerializedName("message_id") String messageId,
                @SerializedName("invalid_department_ids") List<String> invalidDepartmentIds) {}
    }

    /** A batch on its way: its id ({@code bm-…}) and the departments that named no one. */
    public record Batch(String id, List<String> unknownDepartments) {}

    /** Sends the text to everyone in the departments. */
    public Batch send(List<String> departmentIds, String text) throws Exception {
        // batch_send is a v4 API the SDK has no typed call for: a raw request with the tenant token.
        // Its body goes as a Gson tree, which the SDK's request reflection reads without trouble.
        var body = Jsons.DEFAULT
                .toJsonTree(
                        Map.of("msg_type", "text", "content", Map.of("text", text), "department_ids", departmentIds))
                .getAsJsonObject();
        var raw = client.post("/open-apis/message/v4/batch_send/", body, AccessTokenType.Tenant);
        var sent = Jsons.DEFAULT.fromJson(new String(raw.getBody(), StandardCharsets.UTF_8), Sent.class);
        if (sent.code() != 0) {
            throw new IllegalStateException("batch_send failed: " + sent.code() + " " + sent.msg());
        }
        var unknown = sent.data().invalidDepartmentIds();
        return new Batch(sent.data().messageId(), unknown == null ? List.of() : unknown);
    }

    /** How many people the batch reached and read it, and whether it was recalled. */
    public GetProgressBatchMessageRespBody progress(String batchId) throws Exception {
        var progress = client.im()
                .batchMessage()
                .getProgress(GetProgressBatchMessageReq.newBuilder()
                        .batchMessageId(batchId)
                        .build());
        check(progress, "reading the progress");
        return progress.getData();
    }

    /** Recalls the message from everyone it reached (asynchronously: {@link #progress} follows it). */
    public void recall(String batchId) throws Exception {
        var recalled = client.im()
                .batchMessage()
                .delete(DeleteBatchMessageReq.newBuilder()
                        .batchMessageId(batchId)
                        .build());
        check(recalled, "recalling");
    }

    private static void check(BaseResponse<?> response, String what) {
        if (!response.success()) {
            throw new IllegalStateException(what + " failed: " + response.getCode() + " " + response.getMsg()
                    + " (log id " + response.getRequestId() + ")");
        }
    }

    /** {@code [departments [text]]}: e.g. {@code eng,ops "The office is closed on Friday."} */
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("LARKSPUR_BASE_URL", "http://localhost:8080");
        var departments = Arrays.asList((args.length > 0 ? args[0] : "eng,ops").split(","));
        String text = args.length > 1 ? args[1] : "The office is closed on Friday.";
        var batch = new BatchSend(Client.newBuilder(requiredEnv("APP_ID"), requiredEnv("APP_SECRET"))
                .openBaseUrl(baseUrl)
                .build());

        var sent = batch.send(departments, text);
        String batchId = sent.id();
        System.out.println("Sent " + batchId + " to " + departments);
        if (!sent.unknownDepartments().isEmpty()) {
            System.out.println("No such departments: " + sent.unknownDepartments());
        }
        // Sending is asynchronous: follow it for up to ten seconds.
        for (int i = 0; i < 20; i++) {
            var progress = batch.progress(batchId).getBatchMessageSendProgress();
            System.out.printf(
                    "  reached %d of %d people, read by %d%n",
                    progress.getSuccessUserIdsCount(), progress.getValidUserIdsCount(), progress.getReadUserIdsCount());
            if (progress.getValidUserIdsCount() > 0
                    && progress.getSuccessUserIdsCount() >= progress.getValidUserIdsCount()) {
                break;
            }
            Thread.sleep(500);
        }

        System.out.println("Press Enter to recall it (end of input keeps it).");
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
            return;
        }
        batch.recall(batchId);
        for (int i = 0; i < 20; i++) {
            var recalled = batch.progress(batchId).getBatchMessageRecallProgress();
            if (Boolean.TRUE.equals(recalled.getRecall())) {
                System.out.println("Recalled from " + recalled.getRecallCount() + " people.");
                return;
            }
            Thread.sleep(500);
        }
        System.out.println("The recall is still under way.");
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (examples/run sets it to the demo bot's)");
        }
        return value;
    }
}
