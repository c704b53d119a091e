package dev.larkspur.web.session;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.CacheControl;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The browser's static files under {@code /web/**} (application.yml turns Boot's default static
 * mappings off, so that nothing but these is served from the classpath), and {@link SignedIn} as
 * a controller argument on pages that {@link BrowserGuard} lets through only when signed in.
 */
@Configuration(proxyBeanMethods = false)
class BrowserConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/web/vendor/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
        registry.addResourceHandler("/web/**")
                .addResourceLocations("classpath:/static/web/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == SignedIn.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer mav,
                    NativeWebRequest webRequest,
                    WebDataBinderFactory binderFactory) {
                var request = webRequest.getNativeRequest(jakarta.servlet.http.HttpServletRequest.class);
                return WebSessions.current(request)
                        .orElseThrow(() -> new IllegalStateException("BrowserGuard lets only signed-in people here"));
            }
        });
    }
}
