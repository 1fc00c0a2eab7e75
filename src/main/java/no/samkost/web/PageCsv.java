package no.samkost.web;

import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import no.samkost.common.CsvBodyWriter;

/**
 * A page's table as a CSV download, for the tables that have no CSV in the API: the API's rules for
 * a cell ({@link CsvBodyWriter#cell}: no formula, quoted when it must be), RFC 4180 line ends,
 * column names in English as the API's CSVs have them, plain numbers ({@code 1608000.00}).
 */
final class PageCsv {

    private PageCsv() {}

    static Response of(String fileName, List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(line(header));
        rows.forEach(row -> csv.append(line(row)));
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"")
                .build();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(CsvBodyWriter::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
