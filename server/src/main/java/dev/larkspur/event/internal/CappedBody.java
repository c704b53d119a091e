package dev.larkspur.event.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A callback answer's body, read up to {@link #MAX_BYTES} and then cut off: pushes ignore the body
 * and a card callback's answer is a card, so more is only a receiver wasting our memory. An answer
 * cut off reads as null, and the transport reports it as {@link #TOO_LARGE}.
 */
final class CappedBody implements HttpResponse.BodySubscriber<String> {
    /** Generous for a card (Feishu's card limit is 30 KB), small enough to hold per push in flight. */
    static final int MAX_BYTES = 1024 * 1024;

    static final String TOO_LARGE = "the answer is over " + MAX_BYTES + " bytes; not read";

    static final HttpResponse.BodyHandler<String> HANDLER = info -> new CappedBody();

    private final CompletableFuture<String> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (var item : items) {
            int room = MAX_BYTES - bytes.size();
            if (item.remaining() > room) {
                subscription.cancel();
                body.complete(null);
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toString(StandardCharsets.UTF_8));
    }
}
