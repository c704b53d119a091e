package dev.larkspur.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits: Feishu's 10 MB for images and 30 MB for files (spec/message.md §3.16, §3.17).
 * Settable so that tests prove the limits with small files. The multipart limits in application.yml
 * must stay at least as large, or the servlet container refuses first (also with 234006).
 */
@ConfigurationProperties("larkspur.media")
public record MediaProperties(
        @DefaultValue("10MB") DataSize imageMaxSize, @DefaultValue("30MB") DataSize fileMaxSize) {}
