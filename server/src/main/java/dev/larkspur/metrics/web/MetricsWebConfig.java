package dev.larkspur.metrics.web;

import dev.larkspur.admin.AdminToken;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class MetricsWebConfig implements WebMvcConfigurer {
    /** Before the access interceptor (order 0), so that refused calls are timed as well. */
    private static final int BEFORE_ACCESS = -10;

    private final MeterRegistry registry;
    private final boolean enabled;

    MetricsWebConfig(MeterRegistry registry, @Value("${larkspur.metrics.enabled:true}") boolean enabled) {
        this.registry = registry;
        this.enabled = enabled;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        if (enabled) {
            interceptors
                    .addInterceptor(new OpenApiMetricsInterceptor(registry))
                    .addPathPatterns("/open-apis/**")
                    .order(BEFORE_ACCESS);
        }
    }

    @Bean
    FilterRegistrationBean<AdminEndpointsFilter> adminEndpointsFilter(AdminToken token) {
        var registration = new FilterRegistrationBean<>(new AdminEndpointsFilter(token));
        registration.addUrlPatterns("/admin/metrics", "/admin/metrics/*", "/admin/health", "/admin/health/*");
        return registration;
    }
}
