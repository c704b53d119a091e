package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.utils.Decryptor;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Feishu's event encryption and signature (spec/protocols.md §3.5, §3.6), against outside references. */
class EventCryptoTest {
    /** Feishu's documented example: "hello world" under the key "test key". */
    private static final String FEISHU_EXAMPLE = "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=";

    @Test
    void encryptsFeishusExampleByteForByteGivenItsIv() {
        byte[] iv = new byte[16];
        System.arraycopy(Base64.getDecoder().decode(FEISHU_EXAMPLE), 0, iv, 0, 16);
        assertThat(EventCrypto.encrypt("test key", "hello world", iv)).isEqualTo(FEISHU_EXAMPLE);
    }

    @Test
    void theOfficialSdkDecryptsWhatItEncrypts() throws Exception {
        String body = "{\"schema\":\"2.0\",\"event\":{\"text\":\"你好\"}}";
        assertThat(new Decryptor("an encrypt key").decrypt(EventCrypto.encrypt("an encrypt key", body)))
                .isEqualTo(body);
    }

    @Test
    void aFreshIvEachTime() {
        Set<String> ivs = IntStream.range(0, 20)
                .mapToObj(i -> EventCrypto.encrypt("k", "same text").substring(0, 22))
                .collect(Collectors.toSet());
        assertThat(ivs).hasSize(20);
    }

    @Test
    void signsTimestampNonceKeyAndBodyAsLowerHexSha256() {
        // The expected value is sha256sum's, over "1700000000nonce-1key{\"a\":1}".
        assertThat(EventCrypto.sign("1700000000", "nonce-1", "key", "{\"a\":1}"))
                .isEqualTo("41730dc2b8b0363bf71160a4850a048b9851fce70c50b925287365635f0cdf26");
    }
}
