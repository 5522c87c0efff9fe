package dev.sluice.block.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * One HTML table as JSON: an array of rows, each an object keyed by the header cells when the
 * table has a header row (a row in {@code <thead>}, or a first row of only {@code <th>}), else an
 * array of cell texts. Only the table's own rows count, not those of tables nested in its cells.
 * Each call builds fresh nodes: Pipes CE kept one map across tables, so every table's JSON
 * carried the rows of the tables before it.
 */
final class TableRows {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableRows() {
    }

    static ArrayNode of(Element table) {
        List<Element> rows = ownRows(table);
        List<String> header = List.of();
        if (!rows.isEmpty() && isHeader(rows.get(0))) {
            header = cells(rows.remove(0));
        }
        ArrayNode json = NODES.arrayNode();
        for (Element row : rows) {
            List<String> cells = cells(row);
            if (cells.isEmpty()) {
                continue;
            }
            if (header.isEmpty()) {
                ArrayNode array = json.addArray();
                cells.forEach(array::add);
            } else {
                ObjectNode object = json.addObject();
                for (int i = 0; i < cells.size(); i++) {
                    object.put(key(header, i), cells.get(i));
                }
            }
        }
        return json;
    }

    /** A header cell's text; "column N" for cells beyond the header or under an empty or repeated one. */
    private static String key(List<String> header, int index) {
        String name = index < header.size() ? header.get(index) : "";
        boolean repeated = !name.isEmpty() && header.indexOf(name) != index;
        return name.isEmpty() || repeated ? "column " + (index + 1) : name;
    }

    private static List<Element> ownRows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            switch (child.normalName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> child.children().stream()
                        .filter(e -> e.normalName().equals("tr")).forEach(rows::add);
                default -> { }
            }
        }
        return rows;
    }

    private static boolean isHeader(Element row) {
        if (row.parent() != null && row.parent().normalName().equals("thead")) {
            return true;
        }
        List<Element> cells = cellElements(row);
        return !cells.isEmpty() && cells.stream().allMatch(c -> c.normalName().equals("th"));
    }

    private static List<String> cells(Element row) {
        return cellElements(row).stream().map(c -> c.text().strip()).toList();
    }

    private static List<Element> cellElements(Element row) {
        return row.children().stream().filter(c -> c.normalName().equals("td") || c.normalName().equals("th")).toList();
    }
}
