package dev.larkspur.message.web;

import dev.larkspur.message.batch.BatchMessages;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /open-apis/im/v1/batch_messages/:batch_message_id}: recall, read counts and progress. Read
 * counts are strings and progress counts ints, as the docs and the SDK models have them. The {@code
 * msg} of each answer follows its doc page's example.
 */
@RestController
@RequestMapping("/open-apis/im/v1/batch_messages/{batch_message_id}")
class BatchMessageController {
    private static final String MULTI_DEPTS = "im:message:send_multi_depts";
    private static final String MULTI_USERS = "im:message:send_multi_users";

    private final BatchMessages batches;

    BatchMessageController(BatchMessages batches) {
        this.batches = batches;
    }

    record ReadUser(String readCount, String totalCount) {}

    record ReadData(ReadUser readUser) {}

    record SendProgress(int validUserIdsCount, int successUserIdsCount, int readUserIdsCount) {}

    record RecallProgress(boolean recall, int recallCount) {}

    record ProgressData(SendProgress batchMessageSendProgress, RecallProgress batchMessageRecallProgress) {}

    @DeleteMapping
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {MULTI_DEPTS, MULTI_USERS})
    ApiResponse<Map<String, Object>> recall(Caller caller, @PathVariable("batch_message_id") String batchId) {
        batches.recall(caller, batchId);
        return new ApiResponse<>(0, "ok", Map.of(), null);
    }

    @GetMapping("/read_user")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {MULTI_DEPTS, MULTI_USERS})
    ApiResponse<ReadData> readUser(Caller caller, @PathVariable("batch_message_id") String batchId) {
        var reads = batches.reads(caller, batchId);
        return new ApiResponse<>(
                0,
                "ok",
                new ReadData(new ReadUser(String.valueOf(reads.readCount()), String.valueOf(reads.totalCount()))),
                null);
    }

    @GetMapping("/get_progress")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {MULTI_DEPTS, MULTI_USERS})
    ApiResponse<ProgressData> progress(Caller caller, @PathVariable("batch_message_id") String batchId) {
        var p = batches.progress(caller, batchId);
        return ApiResponse.success(new ProgressData(
                new SendProgress(p.validUserIdsCount(), p.successUserIdsCount(), p.readUserIdsCount()),
                new RecallProgress(p.recall(), p.recallCount())));
    }
}
