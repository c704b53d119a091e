package dev.larkspur.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes that take an upload: those whose handler has a {@link Part} or {@link MultipartFile}
 * parameter (or a collection of them). Found from the handler mappings themselves, so a new upload
 * endpoint needs nothing here; {@link BodyReadAheadFilter} refuses a multipart body on any other route
 * before reading it.
 */
@Component
class UploadRoutes {
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<Route> routes;

    UploadRoutes(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    private record Route(Set<RequestMethod> methods, List<PathPattern> patterns) {
        boolean matches(RequestMethod method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method))
                    && patterns.stream().anyMatch(p -> p.matches(path));
        }
    }

    boolean takesUpload(HttpServletRequest request) {
        RequestMethod method = RequestMethod.resolve(request.getMethod());
        if (method == null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // TrailingSlashConfig, which runs later, takes one trailing slash off Open API paths.
        if (path.startsWith("/open-apis/") && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        PathContainer container = PathContainer.parsePath(path);
        return routes().stream().anyMatch(r -> r.matches(method, container));
    }

    private List<Route> routes() {
        var found = routes;
        if (found == null) {
            var collected = new ArrayList<Route>();
            mappings.orderedStream()
                    .forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
                        if (takesParts(handler)) {
                            collected.add(new Route(info.getMethodsCondition().getMethods(), patterns(info)));
                        }
                    }));
            found = List.copyOf(collected);
            routes = found;
        }
        return found;
    }

    private static List<PathPattern> patterns(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() != null) {
            return List.copyOf(info.getPathPatternsCondition().getPatterns());
        }
        return info.getPatternValues().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    private static boolean takesParts(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                type = parameter.nested().getNestedParameterType();
            }
            if (Part.class.isAssignableFrom(type) || MultipartFile.class.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }
}
