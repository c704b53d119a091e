package dev.larkspur.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * Feishu answers every Open API path the same with or without one trailing slash, and clients rely
 * on it (pylark posts {@code …/tenant_access_token/internal/}). Spring matches paths exactly, so the
 * slash is taken off here, once, before any mapping, filter or fallback sees the request: routes
 * declare one form only, and the "not supported" and 404 answers name the path without the slash.
 */
@Configuration(proxyBeanMethods = false)
class TrailingSlashConfig {
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> openApiTrailingSlash() {
        var filter = UrlHandlerFilter.trailingSlashHandler("/open-apis/**")
                .wrapRequest()
                .build();
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/open-apis/*");
        // After the log id (every answer carries one), before the body type and everything else.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
