package dev.larkspur;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Larkspur: a self-hosted IM server that speaks the Feishu/Lark Open Platform API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LarkspurApplication {
    public static void main(String[] args) {
        SpringApplication.run(LarkspurApplication.class, args);
    }
}
