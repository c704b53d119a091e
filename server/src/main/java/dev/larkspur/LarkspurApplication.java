package dev.larkspur;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Larkspur: a self-hosted IM server that speaks the Feishu/Lark Open Platform API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LarkspurApplication {
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        commonPoolOfTwo();
        SpringApplication.run(LarkspurApplication.class, args);
    }

    /**
     * CompletableFuture runs async work on the common pool only when the pool's parallelism is at
     * least two; below that it starts a new thread for every task, and on a machine of two cores the
     * pool gets one. The JDK's HttpClient completes every {@code sendAsync} on that executor, so
     * each callback push started and ended a thread: 20,579 threads while the benchmark's callback
     * backlog of 20,000 went out on PostgreSQL (JFR's thread starts), none with this. Set before
     * anything touches the pool; a {@code -D} of the operator's wins.
     */
    static void commonPoolOfTwo() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null
                && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }
}
