package dev.sluice.block.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * One HTML table as JSON in Pipes CE's shape: an object with a key per row that has at least two
 * {@code <td>} cells — the first cell's text — and as value the texts of the row's other cells
 * ({@code {"Quay":["06:00","22:00"]}}). Header cells ({@code <th>}) do not count, so header rows
 * and rows of one data cell are left out, as Pipes CE left them out; a repeated key keeps its
 * place and takes the later row's cells.
 *
 * <p>Each call builds a fresh object: Pipes CE kept one across the tables of a page, so every
 * table's JSON also carried the rows of the tables before it. Only the table's own rows count,
 * not those of tables nested in its cells (each nested table is an item of its own).
 */
final class TableRows {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableRows() {
    }

    static ObjectNode of(Element table) {
        ObjectNode json = NODES.objectNode();
        for (Element row : ownRows(table)) {
            List<String> cells = dataCells(row);
            if (cells.size() > 1) {
                ArrayNode values = NODES.arrayNode();
                cells.subList(1, cells.size()).forEach(values::add);
                json.set(cells.get(0), values);
            }
        }
        return json;
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

    /** The texts of a row's {@code <td>} cells, whitespace collapsed as a reader shows it. */
    private static List<String> dataCells(Element row) {
        return row.children().stream().filter(c -> c.normalName().equals("td")).map(c -> c.text().strip()).toList();
    }
}
