package dev.larkspur.web.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.larkspur.message.Mention;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of content on one page, target/screenshots/content-gallery.html, and a screenshot of
 * it by headless Chromium when the machine has one (Debian's /usr/bin/chromium).
 */
class ContentGalleryTest {
    static final Path DIR = Path.of("target", "screenshots");
    static final Path ASSETS = DIR.resolve("content-gallery-assets");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    record Item(String label, ContentView view, boolean bare) {}

    @BeforeAll
    static void writeAssets() throws IOException {
        Files.createDirectories(ASSETS);
        try (InputStream css = ContentGalleryTest.class.getResourceAsStream("/static/web/css/content.css");
                InputStream gallery = ContentGalleryTest.class.getResourceAsStream("/gallery.css")) {
            Files.write(ASSETS.resolve("content.css"), css.readAllBytes());
            Files.write(ASSETS.resolve("gallery.css"), gallery.readAllBytes());
        }
        picture("img_photo", 360, 220, new Color(0x3370ff), new Color(0x50cefb));
        picture("img_chart", 480, 180, new Color(0xf5f6f7), new Color(0xe1eaff));
        picture("img_cover", 360, 200, new Color(0x1f2329), new Color(0x7f3bf5));
        picture("file_sticker", 120, 120, new Color(0xffc60a), new Color(0xff8800));
    }

    @Test
    void galleryShowsEveryKind() throws IOException {
        var items = items();
        Path page = write("content-gallery.html", items, false);
        write("content-gallery-narrow.html", items, true);

        var doc = Jsoup.parse(page.toFile());
        for (String kind : List.of(
                "text",
                "post",
                "image",
                "file",
                "audio",
                "media",
                "sticker",
                "share_chat",
                "share_user",
                "system",
                "merge_forward",
                "card",
                "recalled",
                "other")) {
            assertThat(doc.select(".lk-content-" + kind)).as(kind).isNotEmpty();
        }
        for (String colour : CardView.TEMPLATES) {
            assertThat(doc.select(".lk-card-header-" + colour)).as(colour).isNotEmpty();
        }
    }

    @Test
    void screenshotsTheGallery() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium: no screenshot");
        var items = items();
        screenshot(write("content-gallery.html", items, false), "content-gallery.png", "1120,3400");
        screenshot(write("content-gallery-narrow.html", items, true), "content-gallery-narrow.png", "360,7600");
    }

    private static void screenshot(Path page, String png, String size) throws Exception {
        Path out = DIR.resolve(png).toAbsolutePath();
        Files.deleteIfExists(out);
        var process = new ProcessBuilder(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--hide-scrollbars",
                        "--allow-file-access-from-files",
                        "--user-data-dir=" + DIR.resolve("chromium-profile").toAbsolutePath(),
                        "--window-size=" + size,
                        "--screenshot=" + out,
                        page.toAbsolutePath().toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(DIR.resolve("chromium.log").toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        assertThat(out).exists();
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }

    private static Path write(String name, List<Item> items, boolean narrow) throws IOException {
        String html = Rendering.html(
                "test/gallery",
                Map.of(
                        "items",
                        items,
                        "narrow",
                        narrow,
                        "css",
                        "content-gallery-assets/content.css",
                        "galleryCss",
                        "content-gallery-assets/gallery.css"));
        Path page = DIR.resolve(name);
        Files.writeString(page, html);
        return page;
    }

    static List<Item> items() {
        var mentions = List.of(
                new Mention("@_user_1", 7L, null, "Alice"),
                new Mention("@_user_2", 8L, null, "Bob"),
                new Mention("@_user_3", null, 3L, "Deploy Bot"));
        ContentContext ctx = ContentContext.of("oc_demo", "om_demo")
                .resources((key, type) -> "content-gallery-assets/" + key + ".png")
                .viewer(7L)
                .lookups(new ContentLookups() {
                    @Override
                    public Optional<String> personName(String id) {
                        return Optional.of(id.equals("ou_alice") ? "Alice" : "Carol");
                    }

                    @Override
                    public boolean isViewer(String id) {
                        return id.equals("ou_alice");
                    }

                    @Override
                    public Optional<SharedChat> chat(String chatId) {
                        return Optional.of(new SharedChat("Platform team", "Releases, incidents and lunch plans"));
                    }

                    @Override
                    public OptionalLong fileSize(String fileKey) {
                        return OptionalLong.of(2_457_600);
                    }
                })
                .cardTarget("/chats/oc_demo/messages/om_demo/card-actions", "csrf-token");
        var items = new ArrayList<Item>();
        items.add(new Item(
                "text",
                ContentViews.of(
                        "text",
                        "{\"text\":\"@_user_1 @_user_2 the build is green, see [the run](https://ci.example.com/1)"
                                + "\\nping @_user_3 and @_all — <script>alert(1)</script> stays text\"}",
                        mentions,
                        ctx),
                false));
        items.add(new Item("post", ContentViews.of("post", GallerySamples.POST, mentions, ctx), false));
        items.add(new Item("image", ContentViews.of("image", "{\"image_key\":\"img_photo\"}", List.of(), ctx), false));
        items.add(new Item(
                "file",
                ContentViews.of("file", "{\"file_key\":\"file_q3\",\"file_name\":\"Q3 planning.pdf\"}", List.of(), ctx),
                true));
        items.add(new Item(
                "audio",
                ContentViews.of("audio", "{\"file_key\":\"file_a\",\"duration\":12000}", List.of(), ctx),
                false));
        items.add(new Item(
                "media",
                ContentViews.of(
                        "media",
                        "{\"file_key\":\"file_v\",\"image_key\":\"img_cover\",\"file_name\":\"demo.mp4\",\"duration\":75000}",
                        List.of(),
                        ctx),
                false));
        items.add(new Item(
                "sticker", ContentViews.of("sticker", "{\"file_key\":\"file_sticker\"}", List.of(), ctx), true));
        items.add(new Item(
                "share_chat", ContentViews.of("share_chat", "{\"chat_id\":\"oc_team\"}", List.of(), ctx), true));
        items.add(new Item(
                "share_user", ContentViews.of("share_user", "{\"user_id\":\"ou_carol\"}", List.of(), ctx), true));
        items.add(new Item(
                "system",
                ContentViews.of(
                        "system",
                        "{\"template\":\"{from_user} invited {to_chatters} to this chat.\",\"from_user\":[\"Alice\"],"
                                + "\"to_chatters\":[\"Bob\",\"Deploy Bot\"]}",
                        List.of(),
                        ctx),
                true));
        items.add(new Item(
                "system divider",
                ContentViews.of(
                        "system",
                        "{\"template\":\"{divider_text}\",\"divider_text\":{\"text\":\"New Session\"}}",
                        List.of(),
                        ctx),
                true));
        var child = ContentContext.of("oc_demo", "om_child").resources(ctx.resources());
        items.add(new Item(
                "merge_forward",
                ContentViews.of(
                        "merge_forward",
                        "{\"content\":\"Merged and Forwarded Message\"}",
                        List.of(),
                        ctx.merged(List.of(
                                new ContentContext.MergedMessage(
                                        "Alice",
                                        "09:30",
                                        ContentViews.of("text", "{\"text\":\"Shipping today?\"}", List.of(), child)),
                                new ContentContext.MergedMessage(
                                        "Bob",
                                        "09:31",
                                        ContentViews.of("text", "{\"text\":\"After lunch.\"}", List.of(), child))))),
                true));
        items.add(new Item("card 1.0", ContentViews.of("interactive", GallerySamples.CARD_V1, List.of(), ctx), true));
        items.add(new Item("card 2.0", ContentViews.of("interactive", GallerySamples.CARD_V2, List.of(), ctx), true));
        items.add(new Item(
                "card without a target (disabled controls)",
                ContentViews.of(
                        "interactive",
                        GallerySamples.CARD_SMALL,
                        List.of(),
                        ContentContext.of("oc_demo", "om_x").resources(ctx.resources())),
                true));
        for (String colour : CardView.TEMPLATES) {
            items.add(new Item(
                    "header " + colour,
                    ContentViews.of("interactive", GallerySamples.header(colour), List.of(), ctx),
                    true));
        }
        items.add(new Item(
                "card template",
                ContentViews.of(
                        "interactive", "{\"type\":\"template\",\"data\":{\"template_id\":\"AAqk9\"}}", List.of(), ctx),
                true));
        items.add(new Item("recalled", new ContentView.Recalled(), false));
        items.add(new Item(
                "location (other)",
                ContentViews.of("location", "{\"name\":\"Office, 3rd floor\"}", List.of(), ctx),
                false));
        return items;
    }

    private static void picture(String key, int width, int height, Color from, Color to) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, from, width, height, to));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 255, 255, 170));
        g.setStroke(new BasicStroke(4));
        int[] xs = new int[8];
        int[] ys = new int[8];
        for (int i = 0; i < 8; i++) {
            xs[i] = i * width / 7;
            ys[i] = height - (int) (height * (0.2 + 0.6 * Math.abs(Math.sin(i * 0.9))));
        }
        g.drawPolyline(xs, ys, 8);
        g.dispose();
        ImageIO.write(image, "png", ASSETS.resolve(key + ".png").toFile());
    }
}
