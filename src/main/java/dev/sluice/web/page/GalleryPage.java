package dev.sluice.web.page;

import dev.sluice.app.Tags;
import dev.sluice.store.PipeGallery;
import dev.sluice.web.Templates;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /pipes}: the public gallery — search, a tag filter, three orders, twelve pipes a page.
 * Every choice is a query parameter, so each page has a URL that can be shared and a plain GET
 * form drives it without JavaScript.
 */
public final class GalleryPage {
    /** The orders as they appear in URLs. */
    public enum Sort {
        LIKES("likes", "Most liked", PipeGallery.Order.LIKES),
        NEWEST("newest", "Newest", PipeGallery.Order.NEWEST),
        USED("used", "Most used", PipeGallery.Order.MOST_USED);

        private final String param;
        private final String label;
        private final PipeGallery.Order order;

        Sort(String param, String label, PipeGallery.Order order) {
            this.param = param;
            this.label = label;
            this.order = order;
        }

        public String param() {
            return param;
        }

        public String label() {
            return label;
        }

        static Sort of(String param) {
            return Arrays.stream(values()).filter(s -> s.param.equals(param)).findFirst().orElse(LIKES);
        }
    }

    /** A pipe in the gallery, with its thumbnail's URL. */
    public record Card(PipeGallery.Entry pipe, String thumbnail) {
    }

    private final PipeGallery gallery;
    private final Templates templates;

    public GalleryPage(PipeGallery gallery, Templates templates) {
        this.gallery = gallery;
        this.templates = templates;
    }

    public void show(Context ctx) {
        String search = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        String tag = tag(ctx.queryParam("tag"));
        Sort sort = Sort.of(ctx.queryParam("sort"));
        int page = pageNumber(ctx.queryParam("page"));
        PipeGallery.Page result = gallery.find(new PipeGallery.Query(search, tag, sort.order, page));
        Map<String, Object> model = new HashMap<>();
        model.put("q", search);
        model.put("tag", tag);
        model.put("sort", sort.param());
        model.put("sorts", List.of(Sort.values()));
        model.put("cards", cards(result.entries()));
        model.put("total", result.total());
        model.put("page", result.page());
        model.put("pages", result.pages());
        model.put("previous", result.hasPrevious() ? link(search, tag, sort, page - 1) : "");
        model.put("next", result.hasNext() ? link(search, tag, sort, page + 1) : "");
        templates.render(ctx, "gallery", model);
    }

    static List<Card> cards(List<PipeGallery.Entry> entries) {
        return entries.stream().map(e -> new Card(e, PipePage.thumbnailUrl(e.id(), e.version()))).toList();
    }

    /** The gallery URL of a page of these results. */
    static String link(String search, String tag, Sort sort, int page) {
        StringBuilder url = new StringBuilder("/pipes?sort=").append(sort.param());
        if (!search.isEmpty()) {
            url.append("&q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        if (!tag.isEmpty()) {
            url.append("&tag=").append(URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        return url.append("&page=").append(page).toString();
    }

    /** The tag filter as tags are stored; a tag that cannot exist (too long) matches nothing, as it should. */
    private static String tag(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            List<String> tags = Tags.normalise(List.of(raw));
            return tags.isEmpty() ? "" : tags.get(0);
        } catch (IllegalArgumentException e) {
            return raw.strip();
        }
    }

    private static int pageNumber(String raw) {
        try {
            return raw == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(raw.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
