package dev.larkspur.fault.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class FaultWebConfig implements WebMvcConfigurer {
    /** After the access interceptor (order 0), which puts the calling app in the request. */
    private static final int AFTER_ACCESS = 10;

    private final OpenApiFaultInterceptor interceptor;

    FaultWebConfig(OpenApiFaultInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/open-apis/**").order(AFTER_ACCESS);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionCloseValve() {
        return factory -> factory.addContextValves(new ConnectionCloseValve());
    }
}
