package dev.larkspur.event;

/**
 * Why a long connection may not open, in the SDKs' terms (spec/protocols.md §4.2, §4.4): the
 * endpoint answers {@link #endpointCode()}; a handshake answers {@code Handshake-Status} = {@link
 * #status()} and {@code Handshake-Autherrcode} = {@link #authErrCode()}. The SDKs stop for good on
 * an endpoint error and on 514 + 1000040350 at the handshake, and retry any other handshake error;
 * every SDK retries endpoint code 1000040343, which is why a full server answers it.
 */
public class LongConnectionRefused extends RuntimeException {
    public static final int AUTH_FAILED = 514;
    public static final int EXCEED_CONN_LIMIT = 1000040350;
    public static final int INTERNAL_ERROR = 1000040343;

    private final int status;
    private final Integer authErrCode;

    public LongConnectionRefused(int status, Integer authErrCode, String msg) {
        super(msg, null, false, false);
        this.status = status;
        this.authErrCode = authErrCode;
    }

    static LongConnectionRefused authFailed(String msg) {
        return new LongConnectionRefused(AUTH_FAILED, null, msg);
    }

    static LongConnectionRefused overLimit(int max) {
        return new LongConnectionRefused(
                AUTH_FAILED, EXCEED_CONN_LIMIT, "the app already has " + max + " long connections, the most allowed");
    }

    /**
     * The server holds all the connections it may: not the app's fault, so not the per-app code at
     * which the SDKs give up for good, but the one at which they all try again later (§4.2).
     */
    static LongConnectionRefused serverFull(int max) {
        return new LongConnectionRefused(
                INTERNAL_ERROR, null, "the server holds " + max + " long connections, the most it allows; retry later");
    }

    public boolean serverBusy() {
        return status == INTERNAL_ERROR;
    }

    public int status() {
        return status;
    }

    public Integer authErrCode() {
        return authErrCode;
    }

    public int endpointCode() {
        return authErrCode != null ? authErrCode : status;
    }
}
