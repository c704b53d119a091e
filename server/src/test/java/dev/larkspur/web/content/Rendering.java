package dev.larkspur.web.content;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders content fragments the way the pages do (Thymeleaf with Spring's expression language),
 * without a Spring context: test templates under {@code src/test/resources/templates/test}.
 */
final class Rendering {
    private static final SpringTemplateEngine ENGINE = engine();

    private Rendering() {}

    private static SpringTemplateEngine engine() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    static String html(String template, Map<String, Object> variables) {
        var context = new Context();
        context.setVariables(variables);
        return ENGINE.process(template, context);
    }

    /** The rendered content element ({@code .lk-content}) of one view. */
    static Element render(ContentView view) {
        Document doc = Jsoup.parse(html("test/one", Map.of("view", view)));
        Element content = doc.selectFirst("body > .lk-content");
        if (content == null) {
            throw new AssertionError("no .lk-content in " + doc.body().html());
        }
        return content;
    }
}
