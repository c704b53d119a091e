package dev.larkspur.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every console page but its sign-in needs an operator session; anyone else (a signed-in person
 * too) goes to the console's sign-in. web.session's BrowserGuard has already checked CSRF.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleGuard implements WebMvcConfigurer, HandlerInterceptor {
    static final String SIGN_IN = "/console/login";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console", "/console/**").excludePathPatterns(SIGN_IN);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (OperatorSessions.isOperator(request)) {
            return true;
        }
        if ("true".equals(request.getHeader("HX-Request")) || !"GET".equals(request.getMethod())) {
            response.setHeader("HX-Redirect", SIGN_IN);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return false;
        }
        response.sendRedirect(SIGN_IN);
        return false;
    }
}
