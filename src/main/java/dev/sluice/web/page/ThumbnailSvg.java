package dev.sluice.web.page;

import dev.sluice.pipe.BlockSpec;
import dev.sluice.pipe.Link;
import dev.sluice.pipe.PipeDoc;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * A small picture of a pipe's graph: each block a box at its canvas position, each connection a
 * line from the source's right edge to the target's left edge. Labels are escaped; the SVG has no
 * scripts, links or external references, so it is inert even when opened on its own.
 */
final class ThumbnailSvg {
    static final int BOX_W = 140;
    static final int BOX_H = 36;
    private static final int MARGIN = 20;
    private static final int MIN_W = 480;
    private static final int MIN_H = 240;
    private static final int LABEL_CHARS = 18;

    private ThumbnailSvg() {
    }

    static String of(PipeDoc doc) {
        Map<String, BlockSpec> blocks = doc.byId();
        double minX = blocks.values().stream().mapToDouble(BlockSpec::x).min().orElse(0);
        double minY = blocks.values().stream().mapToDouble(BlockSpec::y).min().orElse(0);
        double maxX = blocks.values().stream().mapToDouble(BlockSpec::x).max().orElse(0);
        double maxY = blocks.values().stream().mapToDouble(BlockSpec::y).max().orElse(0);
        // A canvas at least MIN_W × MIN_H, the graph centred on it, so a pipe of one block is not one giant box.
        double graphW = maxX - minX + BOX_W;
        double graphH = maxY - minY + BOX_H;
        double width = Math.max(MIN_W, graphW + 2 * MARGIN);
        double height = Math.max(MIN_H, graphH + 2 * MARGIN);
        double dx = (width - graphW) / 2 - minX;
        double dy = (height - graphH) / 2 - minY;
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" role=\"img\" aria-label=\"Diagram of the pipe's blocks\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#f4f6fa\"/>");
        svg.append("<g stroke=\"#8a94a6\" stroke-width=\"2\" fill=\"none\">");
        for (BlockSpec to : blocks.values()) {
            for (Link link : to.inputs()) {
                line(svg, blocks.get(link.from()), to, dx, dy, false);
            }
            for (Link link : to.textinputs()) {
                line(svg, blocks.get(link.from()), to, dx, dy, true);
            }
        }
        svg.append("</g><g font-family=\"sans-serif\" font-size=\"13\">");
        for (BlockSpec b : blocks.values()) {
            boolean root = PipeDoc.ROOT_ID.equals(b.id());
            svg.append("<rect x=\"").append(num(b.x() + dx)).append("\" y=\"").append(num(b.y() + dy))
                    .append("\" width=\"").append(BOX_W).append("\" height=\"").append(BOX_H)
                    .append("\" rx=\"6\" fill=\"").append(root ? "#1f6feb" : "#ffffff")
                    .append("\" stroke=\"#1f6feb\" stroke-width=\"2\"/>");
            svg.append("<text x=\"").append(num(b.x() + dx + 10)).append("\" y=\"").append(num(b.y() + dy + 23))
                    .append("\" fill=\"").append(root ? "#ffffff" : "#1d2430").append("\">")
                    .append(Entities.escape(label(b))).append("</text>");
        }
        return svg.append("</g></svg>").toString();
    }

    private static void line(StringBuilder svg, BlockSpec from, BlockSpec to, double dx, double dy, boolean text) {
        if (from == null) {
            return;
        }
        svg.append("<line x1=\"").append(num(from.x() + dx + BOX_W)).append("\" y1=\"").append(num(from.y() + dy + BOX_H / 2.0))
                .append("\" x2=\"").append(num(to.x() + dx)).append("\" y2=\"").append(num(to.y() + dy + BOX_H / 2.0)).append('"')
                .append(text ? " stroke-dasharray=\"4 3\"" : "").append("/>");
    }

    private static String label(BlockSpec b) {
        String name = b.name() == null || b.name().isBlank() ? b.type().replaceFirst("Block$", "") : b.name();
        return name.length() > LABEL_CHARS ? name.substring(0, LABEL_CHARS - 1) + "…" : name;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
