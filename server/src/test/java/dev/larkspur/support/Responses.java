package dev.larkspur.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.response.BaseResponse;

/** The two checks every SDK call in a test ends with. */
public final class Responses {
    private Responses() {}

    /** Asserts success and hands the response back. */
    public static <T extends BaseResponse<?>> T ok(T response) {
        assertThat(response.getCode()).as(response.getMsg()).isZero();
        return response;
    }

    /** Asserts a Feishu business error: its code, on HTTP 400. */
    public static void assertFails(BaseResponse<?> response, int code) {
        assertThat(response.getCode()).as(response.getMsg()).isEqualTo(code);
        assertThat(response.getRawResponse().getStatusCode()).isEqualTo(400);
    }
}
