package dev.larkspur.platform.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Tomcat's own error answers as Feishu-style JSON ({@link JsonErrorReportValve}). Tomcat answers a
 * request it cannot parse with the first ErrorReportValve of the host, so the host keeps only this
 * one (Spring Boot adds its own); this customizer runs last, after Boot's. It also adds the {@link
 * UnreadBodyValve}, with which refusals leave a stalled body unread.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorsConfig {
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                for (var valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new JsonErrorReportValve());
            }
            context.getPipeline().addValve(new UnreadBodyValve());
        });
    }
}
